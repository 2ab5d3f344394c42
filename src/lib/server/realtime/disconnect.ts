import { afterCommit } from '../db';

/**
 * Ending a session, disabling an account or revoking a token ends its sockets at once. The
 * identity code calls these; the real-time server, when one runs in this process, registers how.
 * Runs after the commit, so a rolled-back change disconnects nobody.
 */
export interface DisconnectTarget {
	sessionIds?: string[];
	personId?: string;
	tokenId?: string;
}

const key = Symbol.for('overhedenoverleg.realtime-disconnect');
type Holder = typeof globalThis & { [key]?: (target: DisconnectTarget) => void };

export function setDisconnector(disconnect: ((target: DisconnectTarget) => void) | undefined) {
	(globalThis as Holder)[key] = disconnect;
}

export function disconnectSockets(target: DisconnectTarget): void {
	afterCommit(() => (globalThis as Holder)[key]?.(target));
}

import type { RealtimeEvent, ReplayAck } from './protocol';

/**
 * The public side's socket: an anonymous, read-only namespace on the same socket.io server and
 * path (src/lib/server/realtime/public.ts). No account: whoever connects hears what was published
 * and nothing else, and may only ask for a replay of it. Described in docs/realtime.md ("The
 * public socket"); change both together.
 */

/** The namespace on REALTIME_PATH. */
export const PUBLIC_NAMESPACE = '/public';

/** What the server sends on the public namespace. */
export interface PublicServerToClient {
	/** On connecting: the newest event id there is (where a replay may start). */
	welcome: (hello: { lastEventId: number }) => void;
	/** A published event, in its public projection. */
	event: (event: RealtimeEvent) => void;
	/** Cross-process delivery was interrupted and is back: replay from `since`. */
	resync: (hint: { since: number }) => void;
}

/** What a visitor's socket may send: a replay, nothing else. */
export interface PublicClientToServer {
	replay: (request: { since: number }, ack: (answer: ReplayAck) => void) => void;
}

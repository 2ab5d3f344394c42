import type { Server, Socket } from 'socket.io';
import type {
	ClientToServer,
	PresentPerson,
	RealtimeEvent,
	ServerToClient
} from '../../realtime/protocol';
import type { SocketIdentity } from './handshake';

/**
 * The typed socket.io server of the app, shared by the modules of this folder: what clients and
 * server say to each other (src/lib/realtime/protocol.ts), what processes say to each other
 * through Redis, and what the server keeps on each socket.
 */

/** Presence of one kind: who follows a meeting, or who edits an item. */
export type PresenceKind = 'meeting' | 'editing';

export interface PresenceQuestion {
	kind: PresenceKind;
	/** The meeting's or the item's id. */
	id: string;
	/** Whom to answer about; null: everyone this process has there. */
	personIds: string[] | null;
}

/** Between processes (through Redis). */
export interface InterServer {
	/** Committed events with the rooms they may reach. */
	'oho:events': (batch: Array<{ rooms: string[]; event: RealtimeEvent }>) => void;
	/** "The sockets of these people changed here": look again whether they are present. */
	'oho:presence:changed': (change: { kind: PresenceKind; id: string; personIds: string[] }) => void;
	/** "Whom of these do you have there?", answered from each process's own sockets. */
	'oho:presence:who': (
		question: PresenceQuestion,
		answer: (present: PresentPerson[]) => void
	) => void;
}

export interface SocketData {
	identity: SocketIdentity;
	/** Items this socket has open for editing (a hint for others, never a lock). */
	editing: string[];
}

export type IO = Server<ClientToServer, ServerToClient, InterServer, SocketData>;
export type AppSocket = Socket<ClientToServer, ServerToClient, InterServer, SocketData>;

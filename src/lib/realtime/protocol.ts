/**
 * The real-time protocol, shared by the server (src/lib/server/realtime) and the browser client
 * (./client.ts). Described for other systems in docs/realtime.md; change both together.
 */

/** The socket.io path on the app's own origin. */
export const REALTIME_PATH = '/socket.io';

/** One committed event of the log, as a client may see it. */
export interface RealtimeEvent {
	/** Global, increasing; events commit in id order. */
	id: number;
	/** Versioned, e.g. `agenda_item.submitted.v1`. */
	type: string;
	occurredAt: string;
	subjectType: string;
	subjectId: string;
	meetingId: string | null;
	actorPersonId: string | null;
	actorOrganisationId: string | null;
	payload: Record<string, unknown>;
}

export interface PresentPerson {
	personId: string;
	name: string;
	/** `rijk`, `vng`, `ipo`, `uvw`, or null for the secretariaat. */
	party: string | null;
}

export interface ProblemAck {
	ok: false;
	error: {
		code: 'invalid_message' | 'not_found' | 'forbidden' | 'unavailable';
		message: string;
	};
}

export type ReplayAck =
	| { ok: true; events: RealtimeEvent[]; lastEventId: number; tooFarBehind: false }
	| { ok: true; events: []; lastEventId: number; tooFarBehind: true }
	| ProblemAck;

export type FollowMeetingAck = { ok: true; present: PresentPerson[] } | ProblemAck;
export type FollowItemAck = { ok: true; editing: PresentPerson[] } | ProblemAck;
export type SimpleAck = { ok: true } | ProblemAck;

/** What the server sends. */
export interface ServerToClient {
	/** On connecting: who you are to the server, and the newest event id there is. */
	welcome: (hello: { personId: string; organisationId: string; lastEventId: number }) => void;
	event: (event: RealtimeEvent) => void;
	presence: (presence: { meetingId: string; present: PresentPerson[] }) => void;
	editing: (editing: { itemId: string; editing: PresentPerson[] }) => void;
	/**
	 * Cross-process delivery was interrupted and is back: ask for a replay from `since` (or from
	 * your last event, if that is older): events of other processes may have missed you meanwhile.
	 */
	resync: (hint: { since: number }) => void;
}

/** What a client may send; every message is validated and answered with an acknowledgement. */
export interface ClientToServer {
	replay: (request: { since: number }, ack: (answer: ReplayAck) => void) => void;
	'meeting:follow': (
		request: { meetingId: string },
		ack: (answer: FollowMeetingAck) => void
	) => void;
	'meeting:unfollow': (request: { meetingId: string }, ack: (answer: SimpleAck) => void) => void;
	'item:follow': (request: { itemId: string }, ack: (answer: FollowItemAck) => void) => void;
	'item:unfollow': (request: { itemId: string }, ack: (answer: SimpleAck) => void) => void;
	'item:editing': (
		request: { itemId: string; editing: boolean },
		ack: (answer: SimpleAck) => void
	) => void;
}

/** The most events one replay answers; further behind, the client reloads its page's data. */
export const REPLAY_LIMIT = 500;

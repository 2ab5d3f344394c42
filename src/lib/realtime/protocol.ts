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

/**
 * A change in who is present, batched per meeting (or item) over a quarter of a second: a
 * thousand joining send a few small messages, not a thousand whole lists to a thousand sockets.
 * A person counts once however many tabs, devices or app processes they are present through:
 * `joined` names them when their first socket comes, `left` when their last one goes. Apply to
 * the list from the follow's acknowledgement; a message about someone already (or no longer)
 * there changes nothing.
 */
export interface PresenceDelta {
	joined: PresentPerson[];
	/** Person ids. */
	left: string[];
}

/** The order of a presence list: by party (the secretariaat, without one, first), then by name. */
export function byPartyAndName(a: PresentPerson, b: PresentPerson): number {
	return (a.party ?? '~').localeCompare(b.party ?? '~') || a.name.localeCompare(b.name, 'nl');
}

/** A presence list with a delta applied, in list order. */
export function applyPresenceDelta(list: PresentPerson[], delta: PresenceDelta): PresentPerson[] {
	const gone = new Set([...delta.left, ...delta.joined.map((person) => person.personId)]);
	return [...list.filter((person) => !gone.has(person.personId)), ...delta.joined].sort(
		byPartyAndName
	);
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
	/** Who came to and who left a followed meeting (the full list is in the follow's answer). */
	presence: (presence: { meetingId: string } & PresenceDelta) => void;
	/** Who started (`joined`) and stopped (`left`) editing a followed item. */
	editing: (editing: { itemId: string } & PresenceDelta) => void;
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

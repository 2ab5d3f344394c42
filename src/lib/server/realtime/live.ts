import { useDb, type Database } from '../db';
import { onCommittedEvents } from '../events/bus';
import { lastEventId } from './rooms';

/*
 * Where a freshly loaded page starts listening, from memory instead of a query per page: the
 * highest event id this process has seen committed (its own events, through the bus) or received
 * (other processes' events, through Redis: noteDelivered). Lower than the log's newest is safe,
 * the page's client replays a little more; higher than what reached this process's sockets would
 * let the client skip an event still on its way, so no id comes from anywhere else. At the first
 * use, and for each database handle (tests open several), the log's newest id is the start.
 */
interface Known {
	db: Database;
	highest: number;
	/** The read of the log's newest id at the start, until it has arrived. */
	start: Promise<void>;
}

const key = Symbol.for('overhedenoverleg.newest-event-id');
/** On globalThis, like the bus: the dev server may load this module twice. */
type Holder = typeof globalThis & {
	[key]?: { known: Known | null; unsubscribe: (() => void) | null };
};

function state() {
	const holder = globalThis as Holder;
	return (holder[key] ??= { known: null, unsubscribe: null });
}

/** An event id that reached this process and its sockets (the Redis path calls this). */
export function noteDelivered(id: number): void {
	const known = state().known;
	if (known && id > known.highest) known.highest = id;
}

/** The newest event id: where a freshly loaded page starts listening. */
export async function newestEventId(): Promise<number> {
	const db = await useDb();
	const current = state();
	// Listening before reading: an event that commits during the read is counted either way.
	current.unsubscribe ??= onCommittedEvents((rows) => {
		for (const row of rows) noteDelivered(row.id);
	});
	if (current.known?.db !== db) {
		const known: Known = { db, highest: 0, start: Promise.resolve() };
		known.start = lastEventId(db).then(
			(id) => void (known.highest = Math.max(known.highest, id)),
			(error: unknown) => {
				// The next page tries again rather than every page failing on one bad read.
				if (current.known === known) current.known = null;
				throw error;
			}
		);
		current.known = known;
	}
	const known = current.known;
	await known.start;
	return known.highest;
}

import { sql } from 'drizzle-orm';
import { preparedPerHandle, type Database } from '../db';
import { events } from '../db/schema';

/*
 * Answers that the database computes from shared state, kept until that state changes. Every
 * change to shared state is a verb that writes an event in its own transaction, and events become
 * visible in the order of their ids (index.ts, the event order lock); so the newest event's id is
 * a version of everything shared, and an answer computed after reading it holds until a later one
 * exists. What an answer depends on besides the state (the reader's party, the filters, today's
 * date in Amsterdam for what is verlopen) goes into its key.
 *
 * The check is one probe of the event table's primary key per request, against the database, so
 * several app processes each keep their own and still see one another's changes at once. Identical
 * requests at the same moment share one computation. A change made outside the verbs (by hand in
 * psql) is not an event: such an answer then lasts until the next event, at most MAX_AGE_MS.
 */

const MAX_AGE_MS = 60_000;

const newestEvent = preparedPerHandle((db) =>
	db
		.select({ id: sql<string>`coalesce(max(${events.id}), 0)::text` })
		.from(events)
		.prepare('newest_event_id')
);

/** The id of the newest committed event, as text (a bigint). */
export async function newestEventId(db: Database): Promise<string> {
	const [row] = await newestEvent(db).execute();
	return row?.id ?? '0';
}

interface Entry<V> {
	head: string;
	at: number;
	value: Promise<V>;
}

/**
 * A memo of one kind of answer, at most `limit` keys (the least recently used go first). The value
 * is shared by every caller that gets it: callers project it, they never change it.
 */
export function memoUntilNextEvent<V>(limit = 200) {
	const byHandle = new WeakMap<Database, Map<string, Entry<V>>>();
	return async function remembered(
		db: Database,
		key: string,
		compute: () => Promise<V>
	): Promise<V> {
		let entries = byHandle.get(db);
		if (!entries) byHandle.set(db, (entries = new Map()));
		const head = await newestEventId(db);
		const hit = entries.get(key);
		entries.delete(key);
		if (hit && hit.head === head && Date.now() - hit.at < MAX_AGE_MS) {
			entries.set(key, hit);
			return hit.value;
		}
		const entry: Entry<V> = { head, at: Date.now(), value: compute() };
		entries.set(key, entry);
		if (entries.size > limit) entries.delete(entries.keys().next().value!);
		// A failed computation is not remembered: the next request tries again.
		entry.value.catch(() => {
			if (entries.get(key) === entry) entries.delete(key);
		});
		return entry.value;
	};
}

import { requireAccess, type Actor } from '../access';
import { audienceKey, principalKeys } from '../audience';
import { useDb, type Database } from '../db';
import { onCommittedEvents, onEventsElsewhere, type EventElsewhere } from '../events/bus';
import { readMeetingAgenda } from './queries';

/*
 * A meeting's agenda as its page and the API show it, computed once per audience and version
 * instead of once per viewer (issue 11; HOUSE.md, "Live state, not reloads"). A thousand people
 * who open the same meeting read the same rows: what differs between them is only which concepts
 * they may see (their organisation's) and what they may do (computed per request, not here).
 *
 * An answer is kept until an event touches it: any event about the meeting, about one of the
 * items it holds, or about something outside the agenda's own domain (a person, an organisation:
 * names shown on the page). This process hears its own events through the bus, and other
 * processes' through the real-time layer (from Redis: events/bus.ts, onEventsElsewhere). Events that never
 * leave their process (audit-only) or that Redis lost while it was away reach a kept answer at
 * the latest when it expires: MAX_AGE_MS bounds how stale a page can be, not how fresh it is.
 *
 * The cached read passes the reader's audience class, not the reader, to the query: the keys
 * the reader holds, without their person key. So an answer can only hold what everyone of that
 * class may see; an item addressed to one person would not be on the meeting page at all.
 */

/** How long a kept answer lives at most, whatever the events say. */
export const MAX_AGE_MS = 10_000;
/** How many answers are kept (meetings × audiences); the oldest go first. */
const MAX_ENTRIES = 500;

type Agenda = Awaited<ReturnType<typeof readMeetingAgenda>>;

interface Entry {
	answer: Promise<Agenda>;
	/** The meeting and the items it held: what its events touch. */
	depends: Set<string>;
	expires: number;
	/** Read to the end: until then it is not known which items it holds. */
	settled: boolean;
}

/** What an event may have changed, as ids; `null`: possibly anything. */
type Touched = Set<string> | null;

interface Cache {
	entries: Map<string, Entry>;
	stats: { hits: number; misses: number };
}

/** Per database handle (the tests open several in one process); walked to forget. */
const caches = new Map<Database, Cache>();
let listening: (() => void) | null = null;

function cacheFor(db: Database): Cache {
	let cache = caches.get(db);
	if (!cache) {
		cache = { entries: new Map(), stats: { hits: 0, misses: 0 } };
		caches.set(db, cache);
	}
	return cache;
}

/** An event as both the bus (rows) and Redis (wire events) hand it over. */
type EventTouch = EventElsewhere;

/** Domains whose events name the meeting or item they changed. */
const agendaDomains = new Set([
	'meeting',
	'agenda_item',
	'agenda',
	'comment',
	'attachment',
	'decision'
]);

function touchedBy(event: EventTouch): Touched {
	if (!agendaDomains.has(event.subjectType)) return null;
	const ids = new Set<string>([event.subjectId]);
	if (event.meetingId) ids.add(event.meetingId);
	// An item that moved: the event is the new meeting's, the row says where it is now; the old
	// meeting's answer holds the item and so depends on its id.
	const row = (event.payload as { row?: { meetingId?: unknown } } | null)?.row;
	if (row && typeof row.meetingId === 'string') ids.add(row.meetingId);
	return ids;
}

const hits = (ids: Touched, depends: Set<string>) =>
	ids === null || [...ids].some((id) => depends.has(id));

/** Drops every kept answer these events may have changed. */
function forget(events: EventTouch[]) {
	const touched = events.map(touchedBy);
	// Every handle: an event cannot tell here which test database it came from, and forgetting
	// too much only costs a read.
	for (const cache of caches.values()) {
		for (const ids of touched) {
			for (const [key, entry] of cache.entries) {
				// A read under way may hold any item: any touch drops it, so that no reader who
				// comes after the event is handed what was read before it.
				if (!entry.settled || hits(ids, entry.depends)) cache.entries.delete(key);
			}
		}
	}
}

/** Anything may have changed: Redis was away, and other processes' events passed unheard. */
const everything: EventTouch = { meetingId: null, subjectType: '', subjectId: '', payload: null };

function listen() {
	if (listening) return;
	const own = onCommittedEvents((rows) => forget(rows));
	const others = onEventsElsewhere((events) => forget(events ?? [everything]));
	listening = () => (own(), others());
}

/** The reader's keys that decide which items of a meeting they see: all but their own person. */
function audienceClass(actor: Actor): string[] {
	const own = audienceKey.person(actor.personId);
	return principalKeys(actor).filter((key) => key !== own);
}

/**
 * The meeting's agenda for this reader, from memory when a reader of the same audience class read
 * it since the last change. The gate runs for every reader; 404 as getMeetingWithAgenda.
 */
export async function meetingAgendaFor(
	actor: Actor,
	meetingId: string,
	/** The reading itself; a test passes one it can hold up. */
	read: typeof readMeetingAgenda = readMeetingAgenda
): Promise<Agenda> {
	requireAccess(actor, 'meeting.read');
	listen();
	const cache = cacheFor(await useDb());
	const keys = audienceClass(actor);
	const key = `${meetingId} ${keys.join(' ')}`;
	const now = Date.now();
	const kept = cache.entries.get(key);
	if (kept && kept.expires > now) {
		cache.stats.hits++;
		// Most recently used last: the oldest leave first when the cache is full.
		cache.entries.delete(key);
		cache.entries.set(key, kept);
		return kept.answer;
	}
	cache.stats.misses++;
	const entry: Entry = {
		// The query sees the class, not the person (see above).
		answer: read(meetingId, keys),
		depends: new Set([meetingId]),
		expires: now + MAX_AGE_MS,
		settled: false
	};
	cache.entries.set(key, entry);
	while (cache.entries.size > MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!);
	let answer: Agenda;
	try {
		answer = await entry.answer;
	} catch (error) {
		// A refusal or a failed read is not kept: the next reader asks again.
		if (cache.entries.get(key) === entry) cache.entries.delete(key);
		throw error;
	}
	for (const item of [...answer.agenda, ...answer.otherItems]) entry.depends.add(item.id);
	entry.settled = true;
	return answer;
}

/** How often the cache answered from memory, for the benchmarks and tests. */
export async function meetingAgendaStats() {
	return { ...cacheFor(await useDb()).stats };
}

import type { EventRow } from '../db/schema';

/**
 * Committed events, handed to whoever listens in this process (the real-time layer; tests).
 * appendEvents() schedules the hand-over after its transaction commits, so a listener never sees an
 * event that was rolled back. Kept on globalThis: the dev server may load this module twice.
 */
export type CommittedEventsListener = (events: EventRow[]) => void;

const key = Symbol.for('overhedenoverleg.committed-events');
type Holder = typeof globalThis & { [key]?: Set<CommittedEventsListener> };

function listeners(): Set<CommittedEventsListener> {
	const holder = globalThis as Holder;
	return (holder[key] ??= new Set());
}

export function onCommittedEvents(listener: CommittedEventsListener): () => void {
	listeners().add(listener);
	return () => listeners().delete(listener);
}

export function publishCommitted(events: EventRow[]): void {
	if (events.length === 0) return;
	for (const listener of listeners()) listener(events);
}

/**
 * Events other app processes committed, as this one received them (through Redis, by the
 * real-time layer): for what this process keeps in memory about them (agenda/meeting-cache.ts).
 * `null` says: some may have passed unheard (Redis was away); forget what depends on them.
 */
export interface EventElsewhere {
	meetingId: string | null;
	subjectType: string;
	subjectId: string;
	payload: unknown;
}
export type EventsElsewhereListener = (events: EventElsewhere[] | null) => void;

const elsewhereKey = Symbol.for('overhedenoverleg.events-elsewhere');
type ElsewhereHolder = typeof globalThis & { [elsewhereKey]?: Set<EventsElsewhereListener> };

function elsewhereListeners(): Set<EventsElsewhereListener> {
	const holder = globalThis as ElsewhereHolder;
	return (holder[elsewhereKey] ??= new Set());
}

export function onEventsElsewhere(listener: EventsElsewhereListener): () => void {
	elsewhereListeners().add(listener);
	return () => elsewhereListeners().delete(listener);
}

export function publishElsewhere(events: EventElsewhere[] | null): void {
	for (const listener of elsewhereListeners()) listener(events);
}

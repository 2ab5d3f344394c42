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

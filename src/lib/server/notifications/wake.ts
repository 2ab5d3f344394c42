/**
 * A nudge for this process's worker when a transaction committed new jobs, so mail goes out at
 * once instead of at the next poll. Only a hint: the queue in the database is what counts, and a
 * job another process wrote is found by the poll. A module of its own, so that the event log's
 * hook (derive.ts) need not import the worker, which appends events itself.
 */
const listeners = new Set<() => void>();

export function onWork(listener: () => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

export function wakeWorkers(): void {
	for (const listener of listeners) listener();
}

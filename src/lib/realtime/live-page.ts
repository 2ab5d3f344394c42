import type { RealtimeEvent } from './protocol';

/*
 * The page on screen may apply live events to its own state (HOUSE.md, "Live state, not reloads"):
 * it registers an applier here, and the live layer hands it every event that concerns the page.
 * Only when the page has none, or its applier answers false (an event it cannot apply), does the
 * live layer reload the page's data.
 */
export type LiveApplier = (event: RealtimeEvent) => boolean;

let current: LiveApplier | null = null;

/** Registers the page's applier; the returned function removes it (on leaving the page). */
export function applyOnPage(applier: LiveApplier): () => void {
	current = applier;
	return () => {
		if (current === applier) current = null;
	};
}

/** True when the page applied the event itself; false means: reload its data. */
export function appliedOnPage(event: RealtimeEvent): boolean {
	return current ? current(event) : false;
}

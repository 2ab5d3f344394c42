import { SvelteMap } from 'svelte/reactivity';
import type { Viewer } from '$lib/viewer';
import type { RealtimeEvent } from './protocol';

/**
 * What the pages make of the live events: items someone else just changed (marked briefly), and
 * which events concern the page on screen. Notifications are the server's, one list per person
 * (server/notifications; the bell reads them through notification-inbox.svelte.ts).
 */

const MARK_MS = 6_000;

/** Items changed by someone else in the last seconds: id → until when. */
export const recentlyChanged = new SvelteMap<string, number>();

export function markChanged(itemId: string) {
	const until = Date.now() + MARK_MS;
	recentlyChanged.set(itemId, until);
	setTimeout(() => {
		if (recentlyChanged.get(itemId) === until) recentlyChanged.delete(itemId);
	}, MARK_MS);
}

export interface LiveNotification {
	eventId: number;
	text: string;
	href: string | null;
	at: string;
	read: boolean;
}

/** The page on screen, as far as live reloading needs to know it. */
export interface PageOnScreen {
	/** SvelteKit's route id without the language prefix, e.g. `/vergaderingen/[id]`. */
	routeId: string | null;
	params: Record<string, string>;
	/** The meeting the page shows beside its own subject (an item page's meeting), if any. */
	meetingId?: string | null;
}

const itemOf = (event: RealtimeEvent) =>
	event.subjectType === 'agenda_item'
		? event.subjectId
		: (event.payload.itemId as string | undefined);

/**
 * Whether an event may change the page on screen. Only then is it handed to the page, which
 * applies it in place where it can (live-page.ts) and otherwise reloads its data: with many people
 * at work, a page must not even look at every change anywhere.
 */
export function concernsPage(event: RealtimeEvent, page: PageOnScreen, viewer: Viewer): boolean {
	const route = page.routeId ?? '';
	const itemEvent = event.subjectType === 'agenda_item';
	const agendaEvent = event.type.startsWith('agenda.');
	const meetingEvent = event.subjectType === 'meeting';
	if (route === '/vergaderingen/[id]') {
		return event.meetingId === page.params.id || event.subjectId === page.params.id;
	}
	if (route === '/vergaderingen/[id]/besluitenlijst') return event.meetingId === page.params.id;
	// The register and one agreement apply the agreements' events (and a meeting's new title) in
	// place: agreement-register-live.svelte.ts, agreement-live.svelte.ts.
	if (route === '/afspraken') return event.subjectType === 'agreement' || meetingEvent;
	if (route === '/afspraken/[id]') return event.subjectType === 'agreement' || meetingEvent;
	// The finance pages apply the money's events in place (finance-*-live.svelte.ts); one
	// arrangement's page hears its own, and a circular's amounts (its reconciliation).
	if (route === '/financien/[id]')
		return event.subjectType === 'financial_arrangement'
			? event.subjectId === page.params.id
			: event.type === 'finance.circular_amounts_recorded.v1';
	if (route === '/financien' || route.startsWith('/financien/'))
		return event.type.startsWith('finance.');
	if (route === '/agendapunten/[id]' || route === '/agendapunten/[id]/geschiedenis') {
		if (itemOf(event) === page.params.id) return true;
		// The item's new place when the agenda was reordered or renumbered around it.
		const positions = event.payload.positions as Record<string, unknown> | undefined;
		if (event.type === 'agenda.reordered.v1') return !!positions && page.params.id! in positions;
		// A step of its meeting changes what may be done with the item.
		return meetingEvent && !!page.meetingId && event.subjectId === page.meetingId;
	}
	switch (route) {
		case '/vergaderingen':
			return meetingEvent;
		case '/mijn-voorstellen':
			// Meeting events too: the list names the meetings, and follows a rename in place.
			return (itemEvent && event.payload.organisationId === viewer.organisationId) || meetingEvent;
		case '/ter-beoordeling':
			return agendaEvent || meetingEvent || itemEvent;
		case '/nog-te-agenderen':
			return itemEvent;
		case '/secretariaat':
			return itemEvent || agendaEvent || meetingEvent;
		case '/zoeken':
			return itemEvent || meetingEvent;
		case '/mijn-werk':
			// One person's short lists, of many kinds: reloading them for an item, agenda or meeting
			// event costs one small load for that person, far less than applying each kind in place.
			// The besluitenlijst's events it applies in place (work-live.svelte.ts).
			// The party's agreements apply their events in place (agreement-work-live.svelte.ts).
			return (
				itemEvent ||
				agendaEvent ||
				meetingEvent ||
				event.type.startsWith('decision_list.') ||
				event.subjectType === 'agreement'
			);
		default:
			return false;
	}
}

import { SvelteMap } from 'svelte/reactivity';
import { m } from '$lib/paraglide/messages';
import type { Viewer } from '$lib/viewer';
import type { RealtimeEvent } from './protocol';

/**
 * What the pages make of the live events: items someone else just changed (marked briefly),
 * notifications for what concerns the viewer (kept per person in this browser, each event once),
 * and a short sentence for screen readers.
 */

const MARK_MS = 6_000;
const KEEP_NOTIFICATIONS = 30;

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

const title = (event: RealtimeEvent) => String(event.payload.title ?? '');

/** The notification an event is for this viewer, or null when it does not concern them. */
export function notificationFor(event: RealtimeEvent, viewer: Viewer): string | null {
	const mine = event.payload.proposedBy === viewer.personId;
	switch (event.type) {
		case 'agenda_item.placed.v1':
			return mine ? m.notify_placed({ title: title(event) }) : null;
		case 'agenda_item.deferred.v1':
			return mine ? m.notify_deferred({ title: title(event) }) : null;
		case 'agenda_item.declined.v1':
			return mine ? m.notify_declined({ title: title(event) }) : null;
		case 'agenda_item.co_sponsor_invited.v1':
			return event.payload.party === viewer.party && viewer.party !== null
				? m.notify_co_sponsor({ title: title(event) })
				: null;
		case 'agenda.approval_reset.v1':
			return event.payload.party === viewer.party && viewer.party !== null
				? m.notify_approval_reset()
				: null;
		default:
			return null;
	}
}

/** Where a notification leads. */
export function hrefFor(event: RealtimeEvent): string | null {
	if (event.subjectType === 'agenda_item') return `/agendapunten/${event.subjectId}`;
	if (event.meetingId) return `/vergaderingen/${event.meetingId}`;
	return null;
}

/** The viewer's notifications, in this browser's storage so that a reload keeps them. */
export class NotificationList {
	items = $state<LiveNotification[]>([]);
	unread = $derived(this.items.filter((item) => !item.read).length);
	#key: string;

	constructor(personId: string) {
		this.#key = `oho.notifications.${personId}`;
		try {
			const stored = JSON.parse(localStorage.getItem(this.#key) ?? '[]');
			if (Array.isArray(stored)) this.items = stored.slice(0, KEEP_NOTIFICATIONS);
		} catch {
			this.items = [];
		}
	}

	/** Adds one; false when this event was already a notification (never shown twice). */
	add(notification: LiveNotification): boolean {
		if (this.items.some((item) => item.eventId === notification.eventId)) return false;
		this.items = [notification, ...this.items].slice(0, KEEP_NOTIFICATIONS);
		this.#save();
		return true;
	}

	markAllRead() {
		if (this.unread === 0) return;
		this.items = this.items.map((item) => ({ ...item, read: true }));
		this.#save();
	}

	#save() {
		try {
			localStorage.setItem(this.#key, JSON.stringify(this.items));
		} catch {
			// Storage full or refused: the list lives on for this page.
		}
	}
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
			return itemEvent || agendaEvent || meetingEvent;
		default:
			return false;
	}
}

import type { RealtimeEvent } from '$lib/realtime/protocol';

/** A notification as the page shows it (the server's NotificationView). */
export interface ShownNotification {
	id: string;
	kind: string;
	subject: string;
	body: string;
	link: string;
	createdAt: string;
	readAt: string | null;
}

interface Created {
	notification: ShownNotification;
	en: { subject: string; body: string };
}

/**
 * The person's list on the page, kept current from the live events to the person (audience
 * `person:<id>`): a new notification comes in at the top, one read on another device is read here
 * too. Nothing is fetched again.
 */
export class NotificationsLive {
	items = $state<ShownNotification[]>([]);
	unread = $state(0);
	#language: 'nl' | 'en';

	constructor(
		initial: { notifications: ShownNotification[]; unread: number },
		language: 'nl' | 'en'
	) {
		this.items = initial.notifications;
		this.unread = initial.unread;
		this.#language = language;
	}

	apply(event: RealtimeEvent): boolean {
		if (event.type === 'notification.created.v1') {
			const payload = event.payload as unknown as Created;
			if (!payload.notification?.id || this.items.some((row) => row.id === payload.notification.id))
				return false;
			const text = this.#language === 'en' ? payload.en : {};
			this.items = [{ ...payload.notification, ...text }, ...this.items];
			this.unread += 1;
			return true;
		}
		if (event.type === 'notification.read.v1') {
			const { ids, unread } = event.payload as { ids?: string[]; unread?: number };
			const read = ids ?? [];
			this.items = this.items.map((row) =>
				read.includes(row.id) && !row.readAt ? { ...row, readAt: event.occurredAt } : row
			);
			if (typeof unread === 'number') this.unread = unread;
			return true;
		}
		return false;
	}
}

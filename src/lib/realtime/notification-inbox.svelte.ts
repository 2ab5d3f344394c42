import type { RealtimeEvent } from './protocol';

/** A notification as the bell and /meldingen show it (the server's NotificationView). */
export interface InboxNotification {
	id: string;
	kind: string;
	subject: string;
	body: string;
	link: string;
	createdAt: string;
	readAt: string | null;
}

interface Created {
	notification: InboxNotification;
	en: { subject: string; body: string };
}

/**
 * The person's notifications as the server keeps them (one list per person, the same unread count
 * on every device), kept current from the live events to the person (audience `person:<id>`): a
 * new one comes in at the top, one read on another device is read here too. Nothing is fetched
 * again, except when the client fell too far behind to replay (`load`).
 */
export class NotificationInbox {
	items = $state<InboxNotification[]>([]);
	unread = $state(0);
	#language: 'nl' | 'en';

	constructor(
		initial: { notifications: InboxNotification[]; unread: number },
		language: 'nl' | 'en'
	) {
		this.items = initial.notifications;
		this.unread = initial.unread;
		this.#language = language;
	}

	/** The list from the API: the bell's first load, and after falling too far behind. */
	async load(limit = 20): Promise<void> {
		const response = await fetch(`/api/v1/notifications?limit=${limit}&lang=${this.#language}`);
		if (!response.ok) return;
		const list = (await response.json()) as { notifications: InboxNotification[]; unread: number };
		this.items = list.notifications;
		this.unread = list.unread;
	}

	/** Applies a notification event; the new notification when one came (for a toast), else null. */
	apply(event: RealtimeEvent): InboxNotification | null {
		if (event.type === 'notification.created.v1') {
			const payload = event.payload as unknown as Created;
			const id = payload.notification?.id;
			if (!id || this.items.some((row) => row.id === id)) return null;
			const shown = { ...payload.notification, ...(this.#language === 'en' ? payload.en : {}) };
			this.items = [shown, ...this.items];
			this.unread += 1;
			return shown;
		}
		if (event.type === 'notification.read.v1') {
			const { ids, unread } = event.payload as { ids?: string[]; unread?: number };
			const read = ids ?? [];
			this.items = this.items.map((row) =>
				read.includes(row.id) && !row.readAt ? { ...row, readAt: event.occurredAt } : row
			);
			if (typeof unread === 'number') this.unread = unread;
		}
		return null;
	}

	/** Marks every notification read on the server; every device hears it (notification.read.v1). */
	async markAllRead(): Promise<void> {
		if (this.unread === 0) return;
		const response = await fetch('/api/v1/notifications/read', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ all: true })
		});
		if (!response.ok) return;
		const { marked, unread } = (await response.json()) as { marked: string[]; unread: number };
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a moment as text, not state
		const at = new Date().toISOString();
		this.items = this.items.map((row) => (marked.includes(row.id) ? { ...row, readAt: at } : row));
		this.unread = unread;
	}
}

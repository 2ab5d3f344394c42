import { parsePayload, type LiveNotification } from './event-payloads';
import type { RealtimeEvent } from './protocol';

/** A notification as the bell and /meldingen show it (the server's NotificationView). */
export type InboxNotification = LiveNotification;

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

	/**
	 * Applies a notification event, read through the payload catalogue (event-payloads.ts); the new
	 * notification when one came (for a toast), else null. One that does not parse (a newer
	 * server's, say) cannot be applied: the list is read again instead.
	 */
	apply(event: RealtimeEvent): InboxNotification | null {
		if (event.type !== 'notification.created.v1' && event.type !== 'notification.read.v1')
			return null;
		const parsed = parsePayload(event);
		if (parsed?.type === 'notification.created.v1') {
			const { notification, en } = parsed.payload;
			if (this.items.some((row) => row.id === notification.id)) return null;
			const shown = { ...notification, ...(this.#language === 'en' ? en : {}) };
			this.items = [shown, ...this.items];
			this.unread += 1;
			return shown;
		}
		if (parsed?.type === 'notification.read.v1') {
			const { ids, unread } = parsed.payload;
			this.items = this.items.map((row) =>
				ids.includes(row.id) && !row.readAt ? { ...row, readAt: event.occurredAt } : row
			);
			this.unread = unread;
			return null;
		}
		void this.load();
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

import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { audienceKey } from '../audience';
import { transaction, useDb, type Executor } from '../db';
import { notifications, type NotificationLanguage } from '../db/schema';
import { appendEvents } from '../events';
import type { EventPayload } from '../../realtime/event-payloads';
import { requireAccess, type Actor } from '../access';
import type { RequestContext } from '../identity/context';
import { parseInput } from '../kernel/input';
import { presentNotification, type NotificationView } from './present';
import { listNotificationsSchema, markReadSchema } from './schemas';
import { languageOf } from './preferences';

export {
	getNotificationPreferences,
	updateNotificationPreferences,
	type PreferencesView
} from './preferences';
export { notificationTable, notificationKinds } from './table';
export { runDueJobs, startNotificationWorker } from './worker';
export type { NotificationView } from './present';

export interface NotificationList {
	notifications: NotificationView[];
	unread: number;
}

/**
 * The actor's own notifications, newest first, with the unread count: what the bell, the page
 * and the API show. In the given language, or the one the person chose for mail.
 */
export async function listNotifications(
	actor: Actor,
	input: unknown = {},
	language?: NotificationLanguage
): Promise<NotificationList> {
	requireAccess(actor, 'account.read', { personId: actor?.personId ?? '' });
	const { limit, unread: onlyUnread, lang } = parseInput(listNotificationsSchema, input);
	const unread = onlyUnread === 'true';
	const db = await useDb();
	const rows = await db
		.select()
		.from(notifications)
		.where(
			and(
				eq(notifications.personId, actor.personId),
				unread ? isNull(notifications.readAt) : undefined
			)
		)
		.orderBy(desc(notifications.createdAt), desc(notifications.id))
		.limit(limit);
	const shown = language ?? lang ?? (await languageOf(db, actor.personId));
	return {
		notifications: rows.map((row) => presentNotification(row, shown)),
		unread: await unreadCount(db, actor.personId)
	};
}

export async function unreadCount(db: Executor, personId: string): Promise<number> {
	const [row] = await db
		.select({ unread: count() })
		.from(notifications)
		.where(and(eq(notifications.personId, personId), isNull(notifications.readAt)));
	return Number(row?.unread ?? 0);
}

/**
 * Marks some or all of the actor's notifications read, once: the live event tells the person's
 * other devices, so every bell shows the same count. Another person's ids are not touched.
 */
export async function markNotificationsRead(
	actor: Actor,
	input: unknown,
	context: RequestContext = {}
): Promise<{ marked: string[]; unread: number }> {
	requireAccess(actor, 'account.manage', { personId: actor?.personId ?? '' });
	const { ids, all } = parseInput(markReadSchema, input);
	return transaction(async (tx) => {
		const marked = await tx
			.update(notifications)
			.set({ readAt: new Date() })
			.where(
				and(
					eq(notifications.personId, actor.personId),
					isNull(notifications.readAt),
					all ? undefined : inArray(notifications.id, ids)
				)
			)
			.returning({ id: notifications.id });
		const unread = await unreadCount(tx, actor.personId);
		if (marked.length > 0) {
			await appendEvents(tx, { actor, requestId: context.requestId }, [
				{
					type: 'notification.read.v1',
					subjectType: 'person',
					subjectId: actor.personId,
					audience: [audienceKey.person(actor.personId)],
					payload: {
						ids: marked.map((row) => row.id),
						all,
						unread
					} satisfies EventPayload<'notification.read.v1'>
				}
			]);
		}
		return { marked: marked.map((row) => row.id), unread };
	});
}

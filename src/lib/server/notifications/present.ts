import type { NotificationLanguage, NotificationRow } from '../db/schema';
import type { EventPayload, LiveNotification } from '../../realtime/event-payloads';
import type { Text } from './rule';
import { ruleOfKind } from './table';

/**
 * A notification as the bell, the page and the API show it: never the row itself. The shape the
 * live event carries too (realtime/event-payloads.ts), so the bell can parse what it is sent.
 */
export type NotificationView = LiveNotification;

export function textOf(
	row: Pick<NotificationRow, 'kind' | 'params'>,
	language: NotificationLanguage
): Text {
	const rule = ruleOfKind.get(row.kind);
	if (!rule) return { subject: row.kind, body: '' };
	return rule.text[language](row.params);
}

export function presentNotification(
	row: NotificationRow,
	language: NotificationLanguage
): NotificationView {
	return {
		id: row.id,
		kind: row.kind,
		...textOf(row, language),
		link: row.link,
		createdAt: row.createdAt.toISOString(),
		readAt: row.readAt?.toISOString() ?? null
	};
}

/** The live event's payload: both languages, since one person's devices may show either. */
export function livePayload(row: NotificationRow): EventPayload<'notification.created.v1'> {
	return {
		notification: presentNotification(row, 'nl'),
		en: textOf(row, 'en')
	};
}

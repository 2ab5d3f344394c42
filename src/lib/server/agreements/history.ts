import { and, desc, eq } from 'drizzle-orm';
import { useDb } from '../db';
import { events, people } from '../db/schema';
import type { Actor } from '../access';
import { visibleToPrincipal } from '../audience';
import { historyEntryOf, type AgreementHistoryEntry } from '../../realtime/agreement-history';
import { findAgreement } from './store';

/** The most history lines a page shows; an agreement rarely has more. */
export const HISTORY_LIMIT = 200;

/**
 * An agreement's history, newest first: its events as the reader may see them, each with who
 * made the change (the log is the audit trail; nothing else records it). A 404 for an agreement
 * the reader may not see, as everywhere.
 */
export async function agreementHistory(
	actor: Actor,
	agreementId: string
): Promise<AgreementHistoryEntry[]> {
	const db = await useDb();
	const found = await findAgreement(db, actor, agreementId);
	const rows = await db
		.select({ event: events, name: people.name })
		.from(events)
		.leftJoin(people, eq(people.id, events.actorPersonId))
		.where(
			and(
				eq(events.subjectType, 'agreement'),
				eq(events.subjectId, found.row.id),
				visibleToPrincipal(events.audience, actor)
			)
		)
		.orderBy(desc(events.id))
		.limit(HISTORY_LIMIT);
	return rows
		.map(({ event, name }) =>
			historyEntryOf({ ...event, occurredAt: event.occurredAt.toISOString() }, name)
		)
		.filter((entry): entry is AgreementHistoryEntry => entry !== null);
}

import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import { afterCommit, type Executor, type Transaction } from '../db';
import { audienceKeys, type Audience, type AudienceKeys } from '../audience';
import { events, type EventRow } from '../db/schema';
import { publishCommitted } from './bus';

/**
 * Appending takes this transaction-scoped advisory lock, so events commit in the order of their
 * ids: a client that saw event n and asks for everything after n can never miss an n-1 that
 * committed later. Held from the append to the commit; writes stay short.
 */
const EVENT_ORDER_LOCK = 7_406_213;

export interface EventActor {
	personId: string | null;
	organisationId: string | null;
}

export interface EventInput {
	/** Versioned type, e.g. `auth.login_succeeded.v1`. */
	type: `${string}.v${number}`;
	subjectType: string;
	subjectId: string;
	/** Who may see it: an audience, or the keys of one (an agenda item's stored audience). */
	audience: Audience | AudienceKeys;
	meetingId?: string | null;
	payload?: Record<string, unknown>;
}

export interface EventContext {
	actor: EventActor | null;
	requestId?: string | null;
}

/**
 * Appends events inside the verb's own transaction, so an event exists exactly when its change
 * committed. Takes a Transaction, not the database, on purpose.
 */
export async function appendEvents(
	tx: Transaction,
	context: EventContext,
	inputs: EventInput[]
): Promise<EventRow[]> {
	if (inputs.length === 0) return [];
	await tx.execute(sql`select pg_advisory_xact_lock(${EVENT_ORDER_LOCK})`);
	const rows = await tx
		.insert(events)
		.values(
			inputs.map((input) => ({
				type: input.type,
				actorPersonId: context.actor?.personId ?? null,
				actorOrganisationId: context.actor?.organisationId ?? null,
				subjectType: input.subjectType,
				subjectId: input.subjectId,
				meetingId: input.meetingId ?? null,
				audience: Array.isArray(input.audience)
					? [...input.audience]
					: audienceKeys(input.audience as Audience),
				requestId: context.requestId ?? null,
				payload: input.payload ?? {}
			}))
		)
		.returning();
	afterCommit(() => publishCommitted(rows));
	return rows;
}

export interface AuditFilter {
	personId?: string;
	/** A type or a prefix ending in `.`, e.g. `auth.`. */
	type?: string;
	from?: Date;
	to?: Date;
	/** Keyset paging: events with an id below this one. */
	before?: number;
	limit: number;
}

/** Events newest first, for the audit page. Access is checked by the caller's verb. */
export async function queryAudit(db: Executor, filter: AuditFilter): Promise<EventRow[]> {
	const conditions: SQL[] = [];
	if (filter.personId) {
		conditions.push(
			sql`(${events.actorPersonId} = ${filter.personId} or (${events.subjectType} = 'person' and ${events.subjectId} = ${filter.personId}))`
		);
	}
	if (filter.type) {
		conditions.push(
			filter.type.endsWith('.')
				? sql`starts_with(${events.type}, ${filter.type})`
				: eq(events.type, filter.type)
		);
	}
	if (filter.from) conditions.push(gte(events.occurredAt, filter.from));
	if (filter.to) conditions.push(lte(events.occurredAt, filter.to));
	if (filter.before) conditions.push(lt(events.id, filter.before));
	return db
		.select()
		.from(events)
		.where(conditions.length ? and(...conditions) : undefined)
		.orderBy(desc(events.id))
		.limit(filter.limit);
}

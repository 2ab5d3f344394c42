import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import {
	afterCommit,
	beforeCommit,
	requireAppTransaction,
	type Executor,
	type Transaction
} from '../db';
import { audienceKeys, type Audience, type AudienceKeys } from '../audience';
import { events, type EventRow, type NewEvent } from '../db/schema';
import { publishCommitted } from './bus';
import { deriveNotifications } from '../notifications/derive';

/**
 * Events must commit in the order of their ids: a client that saw event n and asks for everything
 * after n must never miss an n-1 that committed later. The ids come from a sequence, handed out
 * when a row is inserted; so the insert and the COMMIT run under this transaction-scoped advisory
 * lock, which PostgreSQL releases only once the commit is visible. Whoever inserts next therefore
 * gets a higher id and commits later, and every lower id has committed (or rolled back, and will
 * never exist) by the time any higher one can be read or sent.
 *
 * The lock is taken at the very end, not at the append: appendEvents() only queues the rows, and
 * the transaction's last step before COMMIT inserts them in one go (see beforeCommit in
 * ../db). Writers then overlap for all their work and wait for each other only for that insert
 * and the commit. Holding the lock, a transaction waits for no row lock (the event table has no
 * foreign keys), so the lock cannot close a deadlock either.
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
 * Rows per INSERT: a statement takes at most 65,535 parameters, about 7,000 events; a bulk import
 * may append more in one transaction. One statement for any verb's few.
 */
const INSERT_CHUNK = 1_000;

/** The rows each running transaction has appended, inserted by its last step before COMMIT. */
const queued = new WeakMap<Transaction, NewEvent[]>();

/**
 * Appends events to the verb's own transaction, so an event exists exactly when its change
 * committed. Takes a Transaction of `transaction()` (../db), not the database, on purpose, and
 * refuses any other: the rows are written as its last step and published after its COMMIT. The
 * ids exist only then, so nothing is returned.
 */
export async function appendEvents(
	tx: Transaction,
	context: EventContext,
	inputs: EventInput[]
): Promise<void> {
	requireAppTransaction(tx, 'appendEvents()');
	let rows = queued.get(tx);
	if (!rows) {
		rows = [];
		queued.set(tx, rows);
		beforeCommit(tx, () => insertInCommitOrder(tx), 'appendEvents()');
	}
	for (const input of inputs) rows.push(eventRow(context, input));
}

async function insertInCommitOrder(tx: Transaction): Promise<void> {
	const rows = queued.get(tx) ?? [];
	queued.delete(tx);
	if (rows.length === 0) return;
	// The notifications these events give rise to, in the same transaction (and before the lock,
	// which they need not hold): their own live events go out with the rest.
	rows.push(...(await deriveNotifications(tx, rows)));
	await tx.execute(sql`select pg_advisory_xact_lock(${EVENT_ORDER_LOCK})`);
	const inserted: EventRow[] = [];
	for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
		const chunk = rows.slice(start, start + INSERT_CHUNK);
		inserted.push(...(await tx.insert(events).values(chunk).returning()));
	}
	afterCommit(() => publishCommitted(inserted));
}

function eventRow(context: EventContext, input: EventInput): NewEvent {
	return {
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
	};
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

import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Executor, Transaction } from '../db';
import { agreementOwners, agreements, type Agreement, type AgreementOwner } from '../db/schema';
import { AccessError, requireAccess, type Actor } from '../access';
import type { AudienceKeys } from '../audience';
import { appendEvents, type EventInput } from '../events';
import type { RequestContext } from '../identity/context';
import { isUuid } from '../kernel/ids';
import { StaleVersionError } from '../kernel/errors';
import type { agreementPayloads, LiveAgreementRow } from '../../realtime/agreement-payloads';
import type { z } from 'zod/mini';
import { audienceOf } from './audience';
import { registerRows } from './queries';
import { rowsOf } from './rows';

/** Every column but the search vector, which only the database reads. */
const { search: _search, ...columns } = getTableColumns(agreements);
export const agreementColumns = columns;
export type AgreementRow = Omit<Agreement, 'search'>;

/** An agreement as a verb works on it: its row, who may see it, its responsible parties. */
export interface Found {
	row: AgreementRow;
	audience: AudienceKeys;
	owners: AgreementOwner[];
}

export const agreementFieldLabels: Record<string, string> = {
	title: 'titel',
	body: 'tekst',
	deadline: 'termijn',
	condition: 'voorwaarde of terugvaloptie',
	fallbackDate: 'datum van de terugvaloptie',
	confidentiality: 'vertrouwelijkheid',
	status: 'status',
	expectedDate: 'verwachte datum',
	lapseReason: 'reden van vervallen',
	owners: 'actiehouders',
	links: 'doorverwijzingen'
};

/** The agreement or a 404 (also for a malformed id, and for one the actor may not read). */
export async function findAgreement(
	db: Executor,
	actor: Actor,
	id: string,
	options: { lock?: boolean } = {}
): Promise<Found> {
	if (!isUuid(id)) throw new AccessError(404);
	const query = db.select(agreementColumns).from(agreements).where(eq(agreements.id, id));
	const [row] = options.lock ? await query.for('update') : await query;
	if (!row) throw new AccessError(404);
	const audience = await audienceOf(db, row);
	requireAccess(actor, 'agreement.read', { audience });
	const owners = await db
		.select()
		.from(agreementOwners)
		.where(eq(agreementOwners.agreementId, row.id))
		.orderBy(asc(agreementOwners.createdAt));
	return { row, audience, owners };
}

export const ownerParties = (found: Found) => [...new Set(found.owners.map((o) => o.party))];

/**
 * Refuses a write made against an older version, naming what changed since: the events of the
 * agreement after that version say which fields (each carries `changed`, or its kind of change).
 */
export async function requireCurrent(
	tx: Transaction,
	row: AgreementRow,
	expected: number | undefined
): Promise<void> {
	if (expected === undefined || expected === row.version) return;
	const result = await tx.execute(
		sql`select type, payload->'changed' as changed from event
			where subject_type = 'agreement' and subject_id = ${row.id}
			and (payload->'row'->>'version')::int > ${expected}`
	);
	const changed = new Set<string>();
	for (const event of rowsOf<{ type: string; changed: unknown }>(result)) {
		if (Array.isArray(event.changed)) for (const name of event.changed) changed.add(String(name));
		else if (event.type.includes('status')) changed.add('status');
		else if (event.type.includes('owner')) changed.add('owners');
		else if (event.type.includes('linked')) changed.add('links');
	}
	throw new StaleVersionError(row.version, [...changed], agreementFieldLabels);
}

/** Writes changes to the agreement: its version goes up by one, whatever changed. */
export async function saveAgreement(
	tx: Transaction,
	row: AgreementRow,
	changes: Partial<AgreementRow>
): Promise<AgreementRow> {
	const [saved] = await tx
		.update(agreements)
		.set({ ...changes, version: sql`${agreements.version} + 1`, updatedAt: new Date() })
		.where(and(eq(agreements.id, row.id), eq(agreements.version, row.version)))
		.returning(agreementColumns);
	if (!saved) throw new StaleVersionError(row.version + 1, [], agreementFieldLabels);
	return saved;
}

type AgreementEventType = keyof typeof agreementPayloads;
type Payload<T extends AgreementEventType> = z.infer<(typeof agreementPayloads)[T]>;
export type EventExtra<T extends AgreementEventType> = Omit<Payload<T>, 'row'>;

/**
 * Appends an event about the agreement, for whoever may read it as it is after the change,
 * carrying its register row (so the register and dashboards apply it in place). Answers the row.
 */
export async function recordEvent<T extends AgreementEventType>(
	tx: Transaction,
	actor: Actor,
	context: RequestContext,
	row: AgreementRow,
	type: T,
	extra: EventExtra<T>
): Promise<LiveAgreementRow> {
	const [live] = await registerRows(tx, [row.id]);
	const event: EventInput = {
		type,
		subjectType: 'agreement',
		subjectId: row.id,
		meetingId: row.meetingId,
		audience: await audienceOf(tx, row),
		payload: { ...extra, row: live! } as Payload<T>
	};
	await appendEvents(tx, { actor, requestId: context.requestId }, [event]);
	return live!;
}

import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { z } from 'zod/mini';
import { AccessError, requireAccess, type Actor } from '../access';
import { canSee, type AudienceKeys } from '../audience';
import type { Executor, Transaction } from '../db';
import { financialArrangements, type FinancialArrangement } from '../db/schema';
import { appendEvents, type EventInput } from '../events';
import type { RequestContext } from '../identity/context';
import { StaleVersionError } from '../kernel/errors';
import { isUuid } from '../kernel/ids';
import type { financePayloads, LiveArrangementRow } from '../../realtime/finance-payloads';
import { arrangementAudience, financeTableAudience } from './audience';
import { arrangementRows } from './rows';
import { isFinanceStaff } from './staff';

/** Every column but the search vector, which only the database reads. */
const { search: _search, ...columns } = getTableColumns(financialArrangements);
export const arrangementColumns = columns;
export type ArrangementRow = Omit<FinancialArrangement, 'search'>;

export const arrangementFieldLabels: Record<string, string> = {
	title: 'titel',
	description: 'omschrijving',
	instrument: 'instrument',
	layer: 'bestuurslaag',
	nature: 'structureel of incidenteel',
	budgetMomentId: 'begrotingsmoment',
	sourceDocument: 'bron',
	expectedCircular: 'verwachte circulaire',
	agreementId: 'afspraak',
	decisionId: 'besluit',
	agendaItemId: 'agendapunt',
	replacesId: 'vervangt',
	confidentiality: 'vertrouwelijkheid',
	status: 'status',
	schedule: 'kasritme'
};

export interface FoundArrangement {
	row: ArrangementRow;
	audience: AudienceKeys;
}

/** The arrangement or a 404 (also for a malformed id, and for one the actor may not read). */
export async function findArrangement(
	db: Executor,
	actor: Actor | null,
	id: string,
	options: { lock?: boolean } = {}
): Promise<FoundArrangement> {
	if (!isUuid(id)) throw new AccessError(404);
	const query = db
		.select(arrangementColumns)
		.from(financialArrangements)
		.where(eq(financialArrangements.id, id));
	const [row] = options.lock ? await query.for('update') : await query;
	if (!row) throw new AccessError(404);
	const audience = await arrangementAudience(db, row);
	// A visitor (the public pages) reads what its audience gives the public; the gate is for actors.
	if (actor) requireAccess(actor, 'finance.read', { audience });
	else if (!canSee(null, audience)) throw new AccessError(404);
	return { row, audience };
}

/** The gate for the verbs that record money: the secretariaat, Financiën and BZK. */
export async function requireFinanceStaff(db: Executor, actor: Actor): Promise<void> {
	requireAccess(actor, 'finance.manage', { financeStaff: await isFinanceStaff(db, actor) });
}

/** Writes changes to the arrangement: its version goes up by one, whatever changed. */
export async function saveArrangement(
	tx: Transaction,
	row: ArrangementRow,
	changes: Partial<ArrangementRow>
): Promise<ArrangementRow> {
	const [saved] = await tx
		.update(financialArrangements)
		.set({ ...changes, version: sql`${financialArrangements.version} + 1`, updatedAt: new Date() })
		.where(
			and(eq(financialArrangements.id, row.id), eq(financialArrangements.version, row.version))
		)
		.returning(arrangementColumns);
	if (!saved) throw new StaleVersionError(row.version + 1, [], arrangementFieldLabels);
	return saved;
}

/** Refuses a write against an older version, naming what changed since (from the events). */
export async function requireCurrent(
	tx: Transaction,
	row: ArrangementRow,
	expected: number | undefined
): Promise<void> {
	if (expected === undefined || expected === row.version) return;
	const result = await tx.execute(
		sql`select type, payload->'changed' as changed from event
			where subject_type = 'financial_arrangement' and subject_id = ${row.id}
			and (payload->'row'->>'version')::int > ${expected}`
	);
	const changed = new Set<string>();
	const list = Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? []);
	for (const event of list as { type: string; changed: unknown }[]) {
		if (Array.isArray(event.changed)) for (const name of event.changed) changed.add(String(name));
		else if (event.type.includes('status')) changed.add('status');
		else if (event.type.includes('entry')) changed.add('schedule');
	}
	throw new StaleVersionError(row.version, [...changed], arrangementFieldLabels);
}

type FinanceEventType = keyof typeof financePayloads;
type Payload<T extends FinanceEventType> = z.infer<(typeof financePayloads)[T]>;

/**
 * Appends an event about the arrangement, for whoever may read it as it is after the change,
 * carrying its overview row (so lists and totals apply it in place). Answers the row.
 */
export async function recordArrangementEvent<T extends FinanceEventType>(
	tx: Transaction,
	actor: Actor,
	context: RequestContext,
	row: ArrangementRow,
	type: T,
	extra: Omit<Payload<T>, 'row'>
): Promise<LiveArrangementRow> {
	const [live] = await arrangementRows(tx, [row.id]);
	const event: EventInput = {
		type,
		subjectType: 'financial_arrangement',
		subjectId: row.id,
		meetingId: null,
		audience: await arrangementAudience(tx, row),
		payload: { ...extra, row: live! } as Payload<T>
	};
	await appendEvents(tx, { actor, requestId: context.requestId }, [event]);
	return live!;
}

/** An event about a circular or a task: the table's. */
export async function recordTableEvent<T extends FinanceEventType>(
	tx: Transaction,
	actor: Actor,
	context: RequestContext,
	subject: { type: string; id: string },
	type: T,
	payload: Payload<T>
): Promise<void> {
	await appendEvents(tx, { actor, requestId: context.requestId }, [
		{
			type,
			subjectType: subject.type,
			subjectId: subject.id,
			meetingId: null,
			audience: financeTableAudience,
			payload
		}
	]);
}

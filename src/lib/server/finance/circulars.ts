import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { AccessError, requireAccess, type Actor } from '../access';
import { transaction, type Executor, type Transaction } from '../db';
import { circularAmounts, circulars, financialArrangements, type Circular } from '../db/schema';
import type { RequestContext } from '../identity/context';
import { InvalidInputError, StateError } from '../kernel/errors';
import { isUuid } from '../kernel/ids';
import { parseInput } from '../kernel/input';
import type { LiveCircular } from '../../realtime/finance-payloads';
import { parseProcessedTable, type ImportError } from './import/parse';
import { arrangementReference, circularLabel, referenceNumber } from './labels';
import { arrangementRows } from './rows';
import { circularAmountsSchema, createCircularSchema } from './schemas';
import { recordTableEvent, requireFinanceStaff } from './store';

/*
 * The fund circulars: the mei-, september- and decembercirculaire of a year, entered when they
 * appear, and per arrangement and year what they actually processed, by hand or imported from a
 * table (all or nothing). The reconciliation (queries.ts) compares these with the ledger.
 */

export function circularOf(row: Circular): LiveCircular {
	return {
		id: row.id,
		kind: row.kind,
		year: row.year,
		publishedOn: row.publishedOn,
		label: circularLabel(row.kind, row.year)
	};
}

const kindOrder = { mei: 0, september: 1, december: 2 } as const;

export async function listCirculars(db: Executor, actor: Actor | null): Promise<LiveCircular[]> {
	requireAccess(actor, 'finance.read', { audience: ['table'] });
	const rows = await db
		.select()
		.from(circulars)
		.orderBy(desc(circulars.year), desc(circulars.publishedOn));
	return rows
		.sort((a, b) => b.year - a.year || kindOrder[b.kind] - kindOrder[a.kind])
		.map(circularOf);
}

async function findCircular(db: Executor, actor: Actor, id: string): Promise<Circular> {
	requireAccess(actor, 'finance.read', { audience: ['table'] });
	if (!isUuid(id)) throw new AccessError(404);
	const [row] = await db.select().from(circulars).where(eq(circulars.id, id));
	if (!row) throw new AccessError(404);
	return row;
}

export async function getCircular(db: Executor, actor: Actor, id: string): Promise<LiveCircular> {
	return circularOf(await findCircular(db, actor, id));
}

/** The secretariaat, Financiën or BZK enters a circular that appeared (one per kind and year). */
export async function createCircular(
	actor: Actor,
	input: unknown,
	context: RequestContext = {}
): Promise<LiveCircular> {
	const fields = parseInput(createCircularSchema, input);
	return transaction(async (tx) => {
		await requireFinanceStaff(tx, actor);
		const [existing] = await tx
			.select({ id: circulars.id })
			.from(circulars)
			.where(and(eq(circulars.kind, fields.kind), eq(circulars.year, fields.year)));
		if (existing) throw new StateError(`De ${circularLabel(fields.kind, fields.year)} is er al.`);
		const [row] = await tx
			.insert(circulars)
			.values({ ...fields, createdBy: actor.personId })
			.returning();
		const circular = circularOf(row!);
		await recordTableEvent(
			tx,
			actor,
			context,
			{ type: 'circular', id: row!.id },
			'finance.circular_added.v1',
			{
				circular
			}
		);
		return circular;
	});
}

export interface AmountLine {
	/** The line in an imported file, or the index of a hand-entered row (from 1). */
	line: number;
	arrangementId: string | null;
	reference: string | null;
	year: number;
	cents: number;
}

export interface PreviewLine {
	line: number;
	arrangementId: string;
	reference: string;
	title: string;
	year: number;
	cents: number;
	/** What the circular had for it before (replaced), if anything. */
	previousCents: number | null;
}

/** Resolves the lines' arrangements (by id or kenmerk); an error per line that names none. */
async function resolveLines(
	db: Executor,
	circularId: string,
	lines: AmountLine[]
): Promise<{ preview: PreviewLine[]; errors: ImportError[] }> {
	const numbers = lines
		.map((line) => (line.reference ? referenceNumber(line.reference) : null))
		.filter((n): n is number => n !== null);
	const ids = lines.map((line) => line.arrangementId).filter((id): id is string => !!id);
	const columns = {
		id: financialArrangements.id,
		number: financialArrangements.number,
		title: financialArrangements.title
	};
	const all = [
		...(numbers.length
			? await db
					.select(columns)
					.from(financialArrangements)
					.where(inArray(financialArrangements.number, numbers))
			: []),
		...(ids.length
			? await db
					.select(columns)
					.from(financialArrangements)
					.where(inArray(financialArrangements.id, ids))
			: [])
	];
	const byNumber = new Map(all.map((row) => [row.number, row]));
	const byId = new Map(all.map((row) => [row.id, row]));
	const previous = await db
		.select()
		.from(circularAmounts)
		.where(eq(circularAmounts.circularId, circularId));
	const before = new Map(previous.map((p) => [`${p.arrangementId}:${p.year}`, p.amountCents]));
	const preview: PreviewLine[] = [];
	const errors: ImportError[] = [];
	const seen = new Map<string, number>();
	for (const line of lines) {
		const number = line.reference ? referenceNumber(line.reference) : null;
		const match = line.arrangementId
			? byId.get(line.arrangementId)
			: number !== null
				? byNumber.get(number)
				: undefined;
		if (!match) {
			errors.push({
				line: line.line,
				column: 'kenmerk',
				message: line.reference
					? `Geen arrangement met kenmerk ${line.reference.trim()}.`
					: 'Geen arrangement gevonden.'
			});
			continue;
		}
		const key = `${match.id}:${line.year}`;
		const first = seen.get(key);
		if (first !== undefined) {
			errors.push({
				line: line.line,
				message: `${arrangementReference(match.number)} ${line.year} staat al op regel ${first}.`
			});
			continue;
		}
		seen.set(key, line.line);
		preview.push({
			line: line.line,
			arrangementId: match.id,
			reference: arrangementReference(match.number),
			title: match.title,
			year: line.year,
			cents: line.cents,
			previousCents: before.get(key) ?? null
		});
	}
	return { preview, errors };
}

async function writeAmounts(
	tx: Transaction,
	actor: Actor,
	context: RequestContext,
	circular: Circular,
	preview: PreviewLine[]
): Promise<void> {
	const enteredAt = new Date();
	for (let start = 0; start < preview.length; start += 1000) {
		const chunk = preview.slice(start, start + 1000);
		await tx
			.insert(circularAmounts)
			.values(
				chunk.map((line) => ({
					circularId: circular.id,
					arrangementId: line.arrangementId,
					year: line.year,
					amountCents: line.cents,
					enteredBy: actor.personId,
					enteredAt
				}))
			)
			.onConflictDoUpdate({
				target: [circularAmounts.circularId, circularAmounts.arrangementId, circularAmounts.year],
				set: { amountCents: sqlExcluded('amount_cents'), enteredBy: actor.personId, enteredAt }
			});
	}
	const ids = [...new Set(preview.map((line) => line.arrangementId))];
	const rows = await arrangementRows(tx, ids);
	await recordTableEvent(
		tx,
		actor,
		context,
		{ type: 'circular', id: circular.id },
		'finance.circular_amounts_recorded.v1',
		{
			circular: circularOf(circular),
			amounts: preview.map((line) => ({
				circularId: circular.id,
				arrangementId: line.arrangementId,
				year: line.year,
				amountCents: line.cents
			})),
			rows
		}
	);
}

const sqlExcluded = (column: string) => sql.raw(`excluded.${column}`);

function refuse(errors: ImportError[]): never {
	const fields: Record<string, string> = {};
	for (const error of errors)
		fields[`line.${error.line}${error.column ? `.${error.column}` : ''}`] =
			error.line > 0 ? `Regel ${error.line}: ${error.message}` : error.message;
	throw new InvalidInputError(fields);
}

/**
 * Enters what a circular processed, by hand: per arrangement (id or kenmerk) and year the amount.
 * All or nothing: a line naming no arrangement refuses the whole, with its line.
 */
export async function recordCircularAmounts(
	actor: Actor,
	circularId: string,
	input: unknown,
	context: RequestContext = {}
): Promise<{ recorded: number }> {
	const fields = parseInput(circularAmountsSchema, input);
	return transaction(async (tx) => {
		const circular = await findCircular(tx, actor, circularId);
		await requireFinanceStaff(tx, actor);
		const lines = fields.amounts.map((amount, index) => ({ ...amount, line: index + 1 }));
		const { preview, errors } = await resolveLines(tx, circular.id, lines);
		if (errors.length) refuse(errors);
		await writeAmounts(tx, actor, context, circular, preview);
		return { recorded: preview.length };
	});
}

export interface ImportPreview {
	circular: LiveCircular;
	lines: PreviewLine[];
	errors: ImportError[];
}

/** Reads an uploaded table and says what it would record, with an error per line; writes nothing. */
export async function previewCircularImport(
	db: Executor,
	actor: Actor,
	circularId: string,
	bytes: Uint8Array,
	fileName: string
): Promise<ImportPreview> {
	const circular = await findCircular(db, actor, circularId);
	await requireFinanceStaff(db, actor);
	const parsed = await parseProcessedTable(bytes, fileName);
	const { preview, errors } = await resolveLines(
		db,
		circular.id,
		parsed.rows.map((row) => ({
			line: row.line,
			arrangementId: null,
			reference: row.reference,
			year: row.year,
			cents: row.cents
		}))
	);
	const all = [...parsed.errors, ...errors].sort((a, b) => a.line - b.line);
	return { circular: circularOf(circular), lines: preview, errors: all };
}

/** Imports an uploaded table: nothing when any line is wrong (each error with its line). */
export async function importCircularAmounts(
	actor: Actor,
	circularId: string,
	bytes: Uint8Array,
	fileName: string,
	context: RequestContext = {}
): Promise<{ recorded: number }> {
	return transaction(async (tx) => {
		const result = await previewCircularImport(tx, actor, circularId, bytes, fileName);
		if (result.errors.length) refuse(result.errors);
		if (result.lines.length === 0)
			throw new InvalidInputError({ file: 'Dit bestand bevat geen regels met bedragen.' });
		const [circular] = await tx.select().from(circulars).where(eq(circulars.id, circularId));
		await writeAmounts(tx, actor, context, circular!, result.lines);
		return { recorded: result.lines.length };
	});
}

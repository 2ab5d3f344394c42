import { and, asc, eq, inArray } from 'drizzle-orm';
import { useDb } from '../db';
import { agendaItemRevisions, people } from '../db/schema';
import type { Actor } from '../access';
import { InvalidInputError } from '../kernel/errors';
import { diffLines, type DiffLine } from './diff';
import { contentFields, findVisibleItem, itemFieldLabels, type Content } from './store';

/** Every version of an item, oldest first, with who made it. Whoever may see the item may. */
export async function listRevisions(actor: Actor, itemId: string) {
	const db = await useDb();
	const item = await findVisibleItem(db, actor, itemId);
	return db
		.select({
			version: agendaItemRevisions.version,
			at: agendaItemRevisions.at,
			editedBy: agendaItemRevisions.editedBy,
			editorName: people.name,
			snapshot: agendaItemRevisions.snapshot
		})
		.from(agendaItemRevisions)
		.innerJoin(people, eq(people.id, agendaItemRevisions.editedBy))
		.where(eq(agendaItemRevisions.itemId, item.id))
		.orderBy(asc(agendaItemRevisions.version));
}

const textFields = new Set<string>(['summary', 'proposedDecision', 'financialExplanation']);

export interface FieldDiff {
	field: string;
	label: string;
	before: unknown;
	after: unknown;
	/** For long text fields: the line diff. */
	lines?: DiffLine[];
}

/** A readable, field-by-field difference between two versions of an item. */
export async function diffRevisions(actor: Actor, itemId: string, from: unknown, to: unknown) {
	const db = await useDb();
	const item = await findVisibleItem(db, actor, itemId);
	const versions = [Number(from), Number(to)];
	if (versions.some((version) => !Number.isInteger(version) || version < 1))
		throw new InvalidInputError({ '': 'Kies twee versies uit de lijst.' });
	const rows = await db
		.select({ version: agendaItemRevisions.version, snapshot: agendaItemRevisions.snapshot })
		.from(agendaItemRevisions)
		.where(
			and(eq(agendaItemRevisions.itemId, item.id), inArray(agendaItemRevisions.version, versions))
		);
	const before = rows.find((row) => row.version === versions[0])?.snapshot as Content | undefined;
	const after = rows.find((row) => row.version === versions[1])?.snapshot as Content | undefined;
	if (!before || !after) throw new InvalidInputError({ '': 'Kies twee versies uit de lijst.' });
	const fields: FieldDiff[] = [];
	for (const field of contentFields) {
		const old = before[field] ?? null;
		const now = after[field] ?? null;
		if (old === now) continue;
		fields.push({
			field,
			label: itemFieldLabels[field] ?? field,
			before: old,
			after: now,
			...(textFields.has(field) ? { lines: diffLines(String(old ?? ''), String(now ?? '')) } : {})
		});
	}
	return { from: versions[0]!, to: versions[1]!, fields };
}

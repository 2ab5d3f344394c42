import { inArray } from 'drizzle-orm';
import { useDb } from '../db';
import { people } from '../db/schema';
import { queryAudit } from '../events';
import { requireAccess, type Actor } from '../access';
import { canSee } from '../audience';
import { fieldErrors, InvalidInputError } from '../kernel/errors';
import { auditFilterSchema } from './schemas';
import { endOfAmsterdamDay, startOfAmsterdamDay } from '../../time';

export const AUDIT_PAGE_SIZE = 50;

/** The audit trail for a beheerder: filtered by person, type and period, newest first, paged. */
export async function readAudit(actor: Actor, input: unknown) {
	requireAccess(actor, 'audit.read');
	const parsed = auditFilterSchema.safeParse(input);
	if (!parsed.success) throw new InvalidInputError(fieldErrors(parsed.error.issues));
	const { person, type, from, to, before } = parsed.data;
	const fromDate = from ? startOfAmsterdamDay(from) : undefined;
	const toDate = to ? endOfAmsterdamDay(to) : undefined;
	if (fromDate && toDate && fromDate > toDate) {
		throw new InvalidInputError({ to: 'De einddatum ligt vóór de begindatum.' });
	}
	const db = await useDb();
	const rows = await queryAudit(db, {
		personId: person,
		type: type || undefined,
		from: fromDate,
		to: toDate,
		before,
		limit: AUDIT_PAGE_SIZE + 1
	});
	const page = rows.slice(0, AUDIT_PAGE_SIZE);
	const ids = [
		...new Set(
			page
				.flatMap((row) => [row.actorPersonId, row.subjectType === 'person' ? row.subjectId : null])
				.filter((id): id is string => !!id)
		)
	];
	const names = ids.length
		? await db
				.select({ id: people.id, name: people.name })
				.from(people)
				.where(inArray(people.id, ids))
		: [];
	const nameOf = new Map(names.map((row) => [row.id, row.name]));
	return {
		events: page.map((row) => ({
			id: row.id,
			occurredAt: row.occurredAt,
			type: row.type,
			actorName: row.actorPersonId ? (nameOf.get(row.actorPersonId) ?? null) : null,
			subject:
				row.subjectType === 'person'
					? (nameOf.get(row.subjectId) ?? row.subjectId)
					: `${row.subjectType} ${row.subjectId}`,
			// Audit-only events are what this page is for. Anything else it shows only as far as
			// the beheerder may see it: that a concept of another organisation changed, never what
			// it says (the payload carries titles).
			...(row.audience.length === 0 || canSee(actor, row.audience)
				? { payload: row.payload, shielded: false }
				: { payload: {}, shielded: true })
		})),
		nextBefore: rows.length > AUDIT_PAGE_SIZE ? page[page.length - 1]!.id : null
	};
}

export async function auditPeople(actor: Actor) {
	requireAccess(actor, 'audit.read');
	const db = await useDb();
	return db.select({ id: people.id, name: people.name }).from(people).orderBy(people.name);
}

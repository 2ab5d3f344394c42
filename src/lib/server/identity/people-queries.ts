import { and, asc, desc, eq, gt, isNull } from 'drizzle-orm';
import { requireAccess, type Actor } from '../access';
import { useDb } from '../db';
import { invitations, organisations, people } from '../db/schema';

/** What the people page lists: accounts, open invitations and the organisations to invite for. */

export async function listPeople(actor: Actor) {
	requireAccess(actor, 'person.list');
	const db = await useDb();
	const persons = await db
		.select({
			id: people.id,
			name: people.name,
			email: people.email,
			role: people.role,
			organisationName: organisations.shortName,
			disabledAt: people.disabledAt,
			totpEnabledAt: people.totpEnabledAt,
			lastLoginAt: people.lastLoginAt
		})
		.from(people)
		.innerJoin(organisations, eq(organisations.id, people.organisationId))
		.orderBy(asc(organisations.shortName), asc(people.name));
	const pending = await db
		.select({
			id: invitations.id,
			email: invitations.email,
			role: invitations.role,
			organisationName: organisations.shortName,
			expiresAt: invitations.expiresAt,
			createdAt: invitations.createdAt
		})
		.from(invitations)
		.innerJoin(organisations, eq(organisations.id, invitations.organisationId))
		.where(
			and(
				isNull(invitations.acceptedAt),
				isNull(invitations.revokedAt),
				gt(invitations.expiresAt, new Date())
			)
		)
		.orderBy(desc(invitations.createdAt));
	return { people: persons, invitations: pending };
}

export async function listOrganisationChoices(actor: Actor) {
	requireAccess(actor, 'person.list');
	const db = await useDb();
	return db
		.select({ id: organisations.id, name: organisations.name, shortName: organisations.shortName })
		.from(organisations)
		.orderBy(asc(organisations.name));
}

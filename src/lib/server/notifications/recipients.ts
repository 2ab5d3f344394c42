import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../db';
import { organisations, people, type Party, type Role } from '../db/schema';

/**
 * Who a row of the notification table reaches, from the database as it is in the event's own
 * transaction. Blocked accounts get nothing: they cannot act on it.
 */
export async function peopleOfParty(
	db: Executor,
	partyOrParties: Party | readonly Party[],
	roles: readonly Role[]
): Promise<string[]> {
	const wanted = typeof partyOrParties === 'string' ? [partyOrParties] : [...partyOrParties];
	if (wanted.length === 0) return [];
	const rows = await db
		.select({ id: people.id })
		.from(people)
		.innerJoin(organisations, eq(organisations.id, people.organisationId))
		.where(
			and(
				inArray(organisations.party, wanted),
				inArray(people.role, [...roles]),
				isNull(people.disabledAt)
			)
		);
	return rows.map((row) => row.id);
}

export async function peopleWithRole(db: Executor, role: Role): Promise<string[]> {
	const rows = await db
		.select({ id: people.id })
		.from(people)
		.where(and(eq(people.role, role), isNull(people.disabledAt)));
	return rows.map((row) => row.id);
}

/** Those of these people whose accounts are still active. */
export async function activePeople(db: Executor, personIds: readonly string[]): Promise<string[]> {
	if (personIds.length === 0) return [];
	const rows = await db
		.select({ id: people.id })
		.from(people)
		.where(and(inArray(people.id, [...new Set(personIds)]), isNull(people.disabledAt)));
	return rows.map((row) => row.id);
}

/** The person, if the account is still active. */
export async function activePerson(db: Executor, personId: unknown): Promise<string[]> {
	if (typeof personId !== 'string') return [];
	const rows = await db
		.select({ id: people.id })
		.from(people)
		.where(and(eq(people.id, personId), isNull(people.disabledAt)));
	return rows.map((row) => row.id);
}

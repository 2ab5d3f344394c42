import { and, eq, isNull } from 'drizzle-orm';
import { transaction, type Transaction } from '../db';
import { agreementOwners, organisations, people } from '../db/schema';
import { requireAccess, type Actor } from '../access';
import type { RequestContext } from '../identity/context';
import { InvalidInputError, StateError } from '../kernel/errors';
import { parseInput } from '../kernel/input';
import type { LiveAgreementRow } from '../../realtime/agreement-payloads';
import { partyLabels } from '../agenda/co-sponsors';
import { registerRows } from './queries';
import { ownerSchema, removeOwnerSchema, type OwnerInput } from './schemas';
import { findAgreement, recordEvent, saveAgreement } from './store';

/*
 * The responsible parties (actiehouders) of an agreement, each with a contact person of that
 * party: the one who finds it under "mine" and gets its reminders. The secretariaat adds and
 * removes them; an agreement keeps at least one.
 */

/**
 * Refuses an owner whose organisation or contact person is not of the named party, with the
 * message at the field. `path` prefixes the field names ("owners.0.").
 */
export async function checkOwner(tx: Transaction, owner: OwnerInput, path = '') {
	if (owner.organisationId) {
		const [org] = await tx
			.select({ party: organisations.party })
			.from(organisations)
			.where(eq(organisations.id, owner.organisationId));
		if (!org || org.party !== owner.party)
			throw new InvalidInputError({
				[`${path}organisationId`]: `Kies een organisatie van ${partyLabels[owner.party]}.`
			});
	}
	const [person] = await tx
		.select({ organisationId: people.organisationId, party: organisations.party })
		.from(people)
		.innerJoin(organisations, eq(organisations.id, people.organisationId))
		.where(and(eq(people.id, owner.contactPersonId), isNull(people.disabledAt)));
	if (
		!person ||
		person.party !== owner.party ||
		(owner.organisationId && person.organisationId !== owner.organisationId)
	)
		throw new InvalidInputError({
			[`${path}contactPersonId`]: `Kies een contactpersoon van ${owner.organisationId ? 'die organisatie' : partyLabels[owner.party]}.`
		});
}

/** The secretariaat adds a responsible party, with its contact person. */
export async function addOwner(
	actor: Actor,
	agreementId: string,
	input: unknown,
	context: RequestContext = {}
): Promise<LiveAgreementRow> {
	requireAccess(actor, 'agreement.manage');
	const owner = parseInput(ownerSchema, input);
	return transaction(async (tx) => {
		const found = await findAgreement(tx, actor, agreementId, { lock: true });
		await checkOwner(tx, owner);
		if (
			found.owners.some((o) => o.party === owner.party && o.organisationId === owner.organisationId)
		)
			throw new StateError(
				`${capitalised(partyLabels[owner.party])} is al actiehouder${owner.organisationId ? ' met deze organisatie' : ''}.`
			);
		const [added] = await tx
			.insert(agreementOwners)
			.values({ agreementId: found.row.id, ...owner })
			.returning();
		const saved = await saveAgreement(tx, found.row, {});
		const [row] = await registerRows(tx, [saved.id]);
		const view = row!.owners.find((o) => o.id === added!.id)!;
		return recordEvent(tx, actor, context, saved, 'agreement.owner_added.v1', { owner: view });
	});
}

/** The secretariaat removes a responsible party; the last one stays. */
export async function removeOwner(
	actor: Actor,
	agreementId: string,
	input: unknown,
	context: RequestContext = {}
): Promise<LiveAgreementRow> {
	requireAccess(actor, 'agreement.manage');
	const { ownerId } = parseInput(removeOwnerSchema, input);
	return transaction(async (tx) => {
		const found = await findAgreement(tx, actor, agreementId, { lock: true });
		const owner = found.owners.find((o) => o.id === ownerId);
		if (!owner) throw new InvalidInputError({ ownerId: 'Kies een actiehouder van deze afspraak.' });
		if (found.owners.length === 1)
			throw new StateError(
				'Een afspraak houdt minstens één actiehouder. Voeg eerst een andere toe.'
			);
		// Its view (names) before it goes: the event names who was removed.
		const [before] = await registerRows(tx, [found.row.id]);
		const view = before!.owners.find((o) => o.id === owner.id)!;
		await tx.delete(agreementOwners).where(eq(agreementOwners.id, owner.id));
		const saved = await saveAgreement(tx, found.row, {});
		return recordEvent(tx, actor, context, saved, 'agreement.owner_removed.v1', { owner: view });
	});
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

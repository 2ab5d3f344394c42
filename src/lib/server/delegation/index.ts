import { audiences } from '../audience';
import { aliasedTable, and, asc, desc, eq, gt, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { transaction, useDb, type Executor } from '../db';
import { approvalDelegations, people, type ApprovalDelegation } from '../db/schema';
import { appendEvents } from '../events';
import { AccessError, decideAccess, requireAccess, type Actor } from '../access';
import { InvalidInputError, fieldErrors } from '../kernel/errors';
import type { RequestContext } from '../identity/context';
import { isUuid } from '../kernel/ids';
import { startOfAmsterdamDay } from '../../time';

const grantSchema = z.object({
	delegateId: z.string({ error: 'Kies een medewerker.' }).refine(isUuid, {
		error: 'Kies een medewerker.'
	}),
	/**
	 * The last day (yyyy-mm-dd, Amsterdam) the delegation holds; empty: until revoked. A date that
	 * exists: 30 February would otherwise roll over into March without a word.
	 */
	validUntil: z.iso
		.date({ error: 'Geef een bestaande datum als dd-mm-jjjj.' })
		.nullish()
		.or(z.literal('').transform(() => null))
});

/** A delegation holds while not revoked, not past its end, and its bestuurder still is one. */
function liveCondition(now: Date) {
	return and(
		isNull(approvalDelegations.revokedAt),
		or(isNull(approvalDelegations.validUntil), gt(approvalDelegations.validUntil, now))
	);
}

/**
 * The delegation that lets this medewerker record their party's approval now, or null. Its
 * bestuurder must still be an active bestuurder of the same organisation.
 */
export async function liveDelegationFor(
	db: Executor,
	actor: Actor,
	now = new Date()
): Promise<ApprovalDelegation | null> {
	if (actor.role !== 'medewerker' || !actor.party) return null;
	const [row] = await db
		.select({ delegation: approvalDelegations })
		.from(approvalDelegations)
		.innerJoin(people, eq(people.id, approvalDelegations.delegatorId))
		.where(
			and(
				eq(approvalDelegations.delegateId, actor.personId),
				eq(approvalDelegations.organisationId, actor.organisationId),
				eq(approvalDelegations.party, actor.party),
				liveCondition(now),
				eq(people.role, 'bestuurder'),
				isNull(people.disabledAt)
			)
		)
		.orderBy(asc(approvalDelegations.createdAt))
		.limit(1);
	return row?.delegation ?? null;
}

/**
 * Whether the actor may record their party's akkoord or bezwaar at all (a bestuurder, or a
 * medewerker with a live delegation): for pages that decide whether to show the form.
 */
export async function mayRecordApproval(actor: Actor): Promise<boolean> {
	if (actor.role === 'medewerker')
		return (
			decideAccess(actor, 'agenda.approve_delegated', {
				party: actor.party ?? 'rijk',
				delegated: (await liveDelegationFor(await useDb(), actor)) !== null
			}) === 'ok'
		);
	return (
		decideAccess(actor, 'agenda.approve', { party: actor.party ?? 'rijk' }) === 'ok' &&
		!!actor.party
	);
}

function delegationEvent(row: ApprovalDelegation, type: `${string}.v${number}`) {
	return {
		type,
		subjectType: 'approval_delegation',
		subjectId: row.id,
		audience: audiences.organisation(row.organisationId),
		payload: {
			party: row.party,
			delegatorId: row.delegatorId,
			delegateId: row.delegateId,
			validUntil: row.validUntil?.toISOString() ?? null
		}
	};
}

/**
 * A bestuurder lets a medewerker of the own organisation record the party's akkoord or bezwaar,
 * until revoked or through the given day.
 */
export async function grantDelegation(actor: Actor, input: unknown, context: RequestContext = {}) {
	requireAccess(actor, 'delegation.grant', { organisationId: actor.organisationId });
	// A bestuurder speaks for a party; without one there is nothing to delegate.
	if (!actor.party) throw new AccessError(403);
	const parsed = grantSchema.safeParse(input ?? {});
	if (!parsed.success) throw new InvalidInputError(fieldErrors(parsed.error.issues));
	const { delegateId } = parsed.data;
	let validUntil: Date | null = null;
	if (parsed.data.validUntil) {
		const next = new Date(`${parsed.data.validUntil}T12:00:00Z`);
		if (Number.isNaN(next.getTime()))
			throw new InvalidInputError({ validUntil: 'Geef een bestaande datum.' });
		next.setUTCDate(next.getUTCDate() + 1);
		// Through the end of that day in Amsterdam.
		validUntil = startOfAmsterdamDay(next.toISOString().slice(0, 10));
		if (validUntil <= new Date())
			throw new InvalidInputError({ validUntil: 'Kies een datum vanaf vandaag.' });
	}
	return transaction(async (tx) => {
		const [delegate] = await tx.select().from(people).where(eq(people.id, delegateId));
		if (!delegate) throw new InvalidInputError({ delegateId: 'Kies een medewerker.' });
		requireAccess(actor, 'delegation.grant', { organisationId: delegate.organisationId });
		if (delegate.role !== 'medewerker' || delegate.disabledAt)
			throw new InvalidInputError({
				delegateId: 'Alleen een actieve medewerker van uw organisatie kan een machtiging krijgen.'
			});
		const [existing] = await tx
			.select({ id: approvalDelegations.id })
			.from(approvalDelegations)
			.where(
				and(
					eq(approvalDelegations.delegatorId, actor.personId),
					eq(approvalDelegations.delegateId, delegate.id),
					isNull(approvalDelegations.revokedAt)
				)
			)
			.for('update');
		// An earlier one (perhaps expired) is replaced: one row per pair is ever live.
		if (existing)
			await tx
				.update(approvalDelegations)
				.set({ revokedAt: new Date(), revokedBy: actor.personId })
				.where(eq(approvalDelegations.id, existing.id));
		const [row] = await tx
			.insert(approvalDelegations)
			.values({
				party: actor.party!,
				organisationId: actor.organisationId,
				delegatorId: actor.personId,
				delegateId: delegate.id,
				validUntil
			})
			.returning();
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			delegationEvent(row!, 'delegation.granted.v1')
		]);
		return row!;
	});
}

/** A bestuurder of the organisation revokes a delegation; it stops at once. */
export async function revokeDelegation(
	actor: Actor,
	delegationId: string,
	context: RequestContext = {}
) {
	if (!isUuid(delegationId)) throw new AccessError(404);
	return transaction(async (tx) => {
		const [row] = await tx
			.select()
			.from(approvalDelegations)
			.where(eq(approvalDelegations.id, delegationId))
			.for('update');
		// Another organisation's delegations do not exist for this actor.
		if (!row || row.organisationId !== actor.organisationId) throw new AccessError(404);
		requireAccess(actor, 'delegation.grant', { organisationId: row.organisationId });
		if (row.revokedAt) return row;
		const [saved] = await tx
			.update(approvalDelegations)
			.set({ revokedAt: new Date(), revokedBy: actor.personId })
			.where(eq(approvalDelegations.id, row.id))
			.returning();
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			delegationEvent(saved!, 'delegation.revoked.v1')
		]);
		return saved!;
	});
}

const delegator = aliasedTable(people, 'delegator');
const delegate = aliasedTable(people, 'delegate');

/**
 * What the actor gave (a bestuurder: the organisation's delegations that are not revoked, expired
 * ones marked) and received (a medewerker: the live ones), and whom a bestuurder can choose.
 */
export async function myDelegations(actor: Actor) {
	requireAccess(actor, 'delegation.read');
	const db = await useDb();
	const now = new Date();
	const rows = await db
		.select({
			id: approvalDelegations.id,
			delegatorId: approvalDelegations.delegatorId,
			delegatorName: delegator.name,
			delegateId: approvalDelegations.delegateId,
			delegateName: delegate.name,
			validUntil: approvalDelegations.validUntil,
			createdAt: approvalDelegations.createdAt
		})
		.from(approvalDelegations)
		.innerJoin(delegator, eq(delegator.id, approvalDelegations.delegatorId))
		.innerJoin(delegate, eq(delegate.id, approvalDelegations.delegateId))
		.where(
			and(
				eq(approvalDelegations.organisationId, actor.organisationId),
				isNull(approvalDelegations.revokedAt),
				actor.role === 'bestuurder' ? undefined : eq(approvalDelegations.delegateId, actor.personId)
			)
		)
		.orderBy(desc(approvalDelegations.createdAt));
	const list = rows.map((row) => ({
		...row,
		expired: row.validUntil !== null && row.validUntil <= now,
		mine: row.delegatorId === actor.personId
	}));
	const candidates =
		actor.role === 'bestuurder'
			? await db
					.select({ id: people.id, name: people.name })
					.from(people)
					.where(
						and(
							eq(people.organisationId, actor.organisationId),
							eq(people.role, 'medewerker'),
							isNull(people.disabledAt)
						)
					)
					.orderBy(asc(people.name))
			: [];
	return {
		given: actor.role === 'bestuurder' ? list : [],
		received: actor.role === 'medewerker' ? list.filter((row) => !row.expired) : [],
		candidates
	};
}

import { and, eq } from 'drizzle-orm';
import { transaction } from '../db';
import { coSponsors, type Party } from '../db/schema';
import { appendEvents } from '../events';
import { AccessError, requireAccess, type Actor } from '../access';
import { InvalidInputError, StateError } from '../kernel/errors';
import type { RequestContext } from '../identity/context';
import { requireProposer } from './items';
import { requireItemState } from './transitions';
import { findVisibleItem, itemEvent } from './store';
import { parseInput } from '../kernel/input';
import { inviteCoSponsorSchema, respondCoSponsorSchema } from './schemas';
import { conceptSponsorEvent } from './co-sponsor-requests';

export const partyLabels: Record<Party, string> = {
	rijk: 'het Rijk',
	vng: 'VNG',
	ipo: 'IPO',
	uvw: 'de Unie van Waterschappen'
};

/**
 * The proposer's organisation asks another party to carry the item too (mede-indiener). On a
 * concept the request waits for the submission, which sends it (co-sponsor-requests.ts): until
 * then the other party cannot see the item, and its event is the organisation's alone.
 */
export async function inviteCoSponsor(
	actor: Actor,
	itemId: string,
	input: unknown,
	context: RequestContext = {}
) {
	return transaction(async (tx) => {
		const item = await findVisibleItem(tx, actor, itemId, { lock: true });
		requireProposer(actor, item);
		const { party } = parseInput(inviteCoSponsorSchema, input);
		requireItemState('invite', item);
		if (party === item.proposingParty)
			throw new InvalidInputError({ party: 'Uw eigen partij draagt dit punt al.' });
		const [existing] = await tx
			.select()
			.from(coSponsors)
			.where(and(eq(coSponsors.itemId, item.id), eq(coSponsors.party, party)));
		if (existing && existing.status !== 'afgewezen')
			throw new StateError(`${capitalise(partyLabels[party])} is al gevraagd.`);
		const values = {
			status: 'uitgenodigd' as const,
			invitedBy: actor.personId,
			invitedAt: new Date(),
			decidedBy: null,
			decidedAt: null
		};
		const [row] = existing
			? await tx.update(coSponsors).set(values).where(eq(coSponsors.id, existing.id)).returning()
			: await tx
					.insert(coSponsors)
					.values({ itemId: item.id, party, ...values })
					.returning();
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			item.status === 'concept'
				? await conceptSponsorEvent(tx, item, 'agenda_item.co_sponsor_intended.v1', party)
				: await itemEvent(tx, item, 'agenda_item.co_sponsor_invited.v1', { party })
		]);
		return row!;
	});
}

/**
 * The proposer's organisation takes back a request on a concept before it went out. The row goes:
 * nobody but the organisation ever saw it, and the event log keeps both the wish and this.
 */
export async function withdrawCoSponsorInvitation(
	actor: Actor,
	itemId: string,
	input: unknown,
	context: RequestContext = {}
) {
	return transaction(async (tx) => {
		const item = await findVisibleItem(tx, actor, itemId, { lock: true });
		requireProposer(actor, item);
		const { party } = parseInput(inviteCoSponsorSchema, input);
		requireItemState('withdrawInvitation', item);
		const [removed] = await tx
			.delete(coSponsors)
			.where(and(eq(coSponsors.itemId, item.id), eq(coSponsors.party, party)))
			.returning();
		if (!removed) throw new StateError(`${capitalise(partyLabels[party])} is niet gevraagd.`);
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			await conceptSponsorEvent(tx, item, 'agenda_item.co_sponsor_intent_withdrawn.v1', party)
		]);
		return removed;
	});
}

/** A person of the invited party accepts or declines carrying the item. */
export async function respondCoSponsor(
	actor: Actor,
	itemId: string,
	input: unknown,
	context: RequestContext = {}
) {
	return transaction(async (tx) => {
		const item = await findVisibleItem(tx, actor, itemId, { lock: true });
		const { accept } = parseInput(respondCoSponsorSchema, input);
		const [invitation] = actor.party
			? await tx
					.select()
					.from(coSponsors)
					.where(and(eq(coSponsors.itemId, item.id), eq(coSponsors.party, actor.party)))
			: [];
		if (!invitation) {
			// Nothing to answer for this actor's party: forbidden for a role that may not answer at all.
			requireAccess(actor, 'co_sponsor.respond', { party: actor.party ?? 'rijk' });
			throw new AccessError(403, 'Uw partij is niet gevraagd dit punt mee te dragen.');
		}
		requireAccess(actor, 'co_sponsor.respond', { party: invitation.party });
		if (invitation.status !== 'uitgenodigd')
			throw new StateError('Op dit verzoek is al geantwoord.');
		requireItemState('respond', item);
		const [row] = await tx
			.update(coSponsors)
			.set({
				status: accept ? 'geaccepteerd' : 'afgewezen',
				decidedBy: actor.personId,
				decidedAt: new Date()
			})
			.where(eq(coSponsors.id, invitation.id))
			.returning();
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			await itemEvent(tx, item, 'agenda_item.co_sponsor_responded.v1', {
				party: invitation.party,
				accepted: accept
			})
		]);
		return row!;
	});
}

function capitalise(text: string) {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

import { decideAccess, type Actor } from '../access';
import { agreementStatuses, type AgreementStatus, type Party } from '../db/schema';
import { isClosed, statusChangeRefusal } from './status';

/** An agreement as the answer needs it: its status and its responsible parties. */
export interface AgreementForActions {
	status: AgreementStatus;
	owners: readonly { party: Party }[];
}

const koepels = ['vng', 'ipo', 'uvw'] as const;
export type Koepel = (typeof koepels)[number];

/**
 * What this actor may do with this agreement now, for its page to offer: the gate's answer with
 * the subjects the verbs give it (the responsible parties; closing or not) and the verbs' own
 * status rule (status.ts statusChangeRefusal). The verbs check every step again, so a stale page or
 * a crafted POST gets the verb's answer.
 */
export function allowedAgreementActions(actor: Actor, agreement: AgreementForActions) {
	const parties = [...new Set(agreement.owners.map((owner) => owner.party))];
	const manage = decideAccess(actor, 'agreement.manage') === 'ok';
	// As lifecycle.ts setStatus decides who sets it: the secretariaat, or a responsible party.
	const by = actor.role === 'secretariaat' ? 'secretariaat' : 'owner';
	const statuses = agreementStatuses.filter(
		(to) =>
			decideAccess(actor, 'agreement.set_status', { parties, closing: isClosed(to) }) === 'ok' &&
			statusChangeRefusal(agreement.status, to, by) === null
	);
	const koepel = koepels.find((party) => party === actor.party);
	return {
		edit: manage,
		addOwner: manage,
		/** The last responsible party stays (owners.ts removeOwner). */
		removeOwner: manage && agreement.owners.length > 1,
		handOn: manage,
		/** links.ts unlinkOnward: take back a link of this agreement. */
		unlink: manage,
		/** The statuses the actor may set from here, in their usual order. */
		statuses,
		/** progress.ts: a closed agreement takes no more reports. */
		progress:
			decideAccess(actor, 'agreement.progress', { parties }) === 'ok' &&
			!isClosed(agreement.status),
		/** The koepel whose members' consultation the actor records, if any. */
		ratify:
			koepel && decideAccess(actor, 'agreement.ratify', { party: koepel }) === 'ok'
				? (koepel as Koepel)
				: null
	};
}

export type AllowedAgreementActions = ReturnType<typeof allowedAgreementActions>;

import { financeStaffOf } from '$lib/server/finance';
import { decideAccess, type Actor } from '$lib/server/access';
import { receivingParty } from '$lib/server/finance/labels';
import type { LiveArrangementRow } from '$lib/realtime/finance-payloads';

/*
 * Which of the arrangement page's forms this reader is offered: the gate's own answer
 * (decideAccess with the subject the verbs give it), never a second copy of the rule.
 */

export async function financeStaff(actor: Actor): Promise<boolean> {
	return financeStaffOf(actor);
}

/** May record arrangements (the secretariaat, Financiën, BZK): the new-arrangement form. */
export async function mayManageFinance(actor: Actor): Promise<boolean> {
	return (
		decideAccess(actor, 'finance.manage', { financeStaff: await financeStaff(actor) }) === 'ok'
	);
}

export interface ArrangementOffers {
	manage: boolean;
	mark: boolean;
	comment: boolean;
}

export async function arrangementOffers(
	actor: Actor,
	row: Pick<LiveArrangementRow, 'layer' | 'status'>
): Promise<ArrangementOffers> {
	const staff = await financeStaff(actor);
	const party = receivingParty[row.layer];
	const open = row.status !== 'vervallen';
	return {
		manage: decideAccess(actor, 'finance.manage', { financeStaff: staff }) === 'ok',
		mark: open && decideAccess(actor, 'finance.mark', { party }) === 'ok',
		comment: decideAccess(actor, 'finance.comment', { party, financeStaff: staff }) === 'ok'
	};
}

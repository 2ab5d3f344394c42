import { adoptAgenda, placeItem, recordApproval } from '../../../src/lib/server/agenda';
import type { Actor } from '../../../src/lib/server/access';
import { uploadAttachment } from '../../../src/lib/server/attachments';
import {
	adoptDecisionList,
	publishCorrection,
	publishDecisionList,
	recordDecision,
	startVerification,
	verifyDecisionList
} from '../../../src/lib/server/decisions';
import { markHeld, startAgendaAlignment } from '../../../src/lib/server/meetings';
import { forceItem, openMeetingFor, submitted, type Team } from '../agenda/fixtures';
import { samples } from '../attachments/sample-files';
import { bestuurders, startsIn } from '../decisions/fixtures';

/*
 * Meetings with a besluitenlijst at a chosen stage, built through the verbs: the items with words
 * of the test's choosing in every field the public side could show (title, summary, dicta,
 * toelichting, toezegging, attachment name), so a test can look for them in every answer.
 */

export interface ItemPlan {
	/** Put in the title, summary, dicta, toelichting, toezegging and attachment name. */
	word: string;
	confidential?: boolean;
	by: Actor;
}

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

/** A held meeting with one decided item per plan, its list in verification. */
export async function heldMeetingWith(
	team: Team,
	plans: ItemPlan[],
	overrides: Record<string, unknown> = {}
) {
	const meeting = await openMeetingFor(team, 30, overrides);
	const items = [];
	for (const plan of plans) {
		const item = await submitted(plan.by, meeting.id, {
			title: `Jeugdzorg ${plan.word}`,
			summary: `De samenvatting over ${plan.word}.`,
			purpose: 'besluitvorming',
			proposedDecision: `1. in te stemmen met ${plan.word}.`
		});
		await uploadAttachment(plan.by, item.id, {
			filename: `Brief ${plan.word}.pdf`,
			bytes: samples.pdf
		});
		items.push(await placeItem(team.secretariaat, item.id, { minutes: 20 }));
		if (plan.confidential) await forceItem(item.id, { confidentiality: 'vertrouwelijk' });
	}
	await startAgendaAlignment(team.secretariaat, meeting.id);
	for (const actor of bestuurders(team))
		await recordApproval(actor, meeting.id, { decision: 'akkoord' });
	await adoptAgenda(team.secretariaat, meeting.id);
	await startsIn(meeting.id, -3_600_000);
	for (const [index, plan] of plans.entries())
		await recordDecision(team.secretariaat, items[index]!.id, decisionFor(plan.word));
	await markHeld(team.secretariaat, meeting.id);
	await startVerification(team.secretariaat, meeting.id, { closesOn: inAWeek() });
	return { meeting, items };
}

export function decisionFor(word: string, extra = '') {
	return {
		outcome: 'aangenomen',
		dicta: [`in te stemmen met ${word}${extra};`, 'het BOFv te vragen de verdeling uit te werken.'],
		explanation: `Toelichting over ${word}.`,
		commitments: [
			{
				party: 'vng',
				holder: 'VNG',
				description: `Informeert de leden over ${word}.`,
				dueDate: '2027-03-31'
			}
		]
	};
}

/** Verified by all four and adopted (vastgesteld), not published. */
export async function adoptedListWith(team: Team, plans: ItemPlan[], overrides = {}) {
	const held = await heldMeetingWith(team, plans, overrides);
	for (const actor of bestuurders(team)) await verifyDecisionList(actor, held.meeting.id);
	await adoptDecisionList(team.secretariaat, held.meeting.id);
	return held;
}

/** Adopted and published, with every item not marked confidential in the publication. */
export async function publishedListWith(team: Team, plans: ItemPlan[], overrides = {}) {
	const held = await adoptedListWith(team, plans, overrides);
	const publicItemIds = held.items
		.filter((_, index) => !plans[index]!.confidential)
		.map((i) => i.id);
	await publishDecisionList(team.secretariaat, held.meeting.id, { publicItemIds });
	return { ...held, publicItemIds };
}

/** A correction after publication: the first item's decision changes, a second version follows. */
export async function correctFirst(
	team: Team,
	published: Awaited<ReturnType<typeof publishedListWith>>,
	word: string
) {
	const first = published.items[0]!;
	await recordDecision(team.secretariaat, first.id, {
		...decisionFor(word, ' (gecorrigeerd)'),
		version: 1
	});
	return publishCorrection(team.secretariaat, published.meeting.id, {
		publicItemIds: published.publicItemIds,
		reasonKind: 'procedureel',
		note: `Het eerste besluit is verbeterd (${word}).`
	});
}

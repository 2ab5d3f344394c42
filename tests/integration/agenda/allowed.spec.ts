import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessError, type Actor } from '../../../src/lib/server/access';
import {
	addComment,
	approveLateSubmission,
	declineItem,
	deferItem,
	deleteComment,
	discardConcept,
	draftItem,
	getItem,
	inviteCoSponsor,
	markTreated,
	placeItem,
	respondCoSponsor,
	submitItem,
	updateItem,
	withdrawCoSponsorInvitation,
	withdrawItem
} from '../../../src/lib/server/agenda';
import { allowedCommentActions, allowedItemActions } from '../../../src/lib/server/agenda/allowed';
import { useDb } from '../../../src/lib/server/db';
import {
	agendaItemRevisions,
	agendaItems,
	coSponsors,
	type AgendaItem,
	type ItemStatus,
	type MeetingStatus
} from '../../../src/lib/server/db/schema';
import { StateError } from '../../../src/lib/server/kernel/errors';
import { getMeeting, openForProposals } from '../../../src/lib/server/meetings';
import { useProcessDatabase } from '../process-env';
import {
	createTeam,
	forceItem,
	forceMeetingStatus,
	itemInput,
	openMeetingFor,
	planned,
	type Team
} from './fixtures';

/**
 * What the item page offers (allowedItemActions) against what the verbs do: for items in every
 * status, on meetings in every status, each action by the people who might try it. The page must
 * say yes exactly when the verb succeeds; a rule copied into the page drifts, and this catches it.
 */
useProcessDatabase();

type ActionName = Exclude<keyof ReturnType<typeof allowedItemActions>, 'invitableParties'>;
type Row = Pick<AgendaItem, 'id' | 'version' | 'meetingId'>;

let team: Team;
/** An open meeting to place an item on that has none. */
let target: { id: string };

const actions: Record<
	Exclude<ActionName, 'deleteOthersComments'>,
	{ by: (keyof Team)[]; run: (actor: Actor, item: Row) => Promise<unknown> }
> = {
	edit: {
		by: ['vngMedewerker', 'ipoMedewerker', 'secretariaat'],
		run: (a, item) =>
			updateItem(a, item.id, { expectedVersion: item.version, title: 'Een andere titel' })
	},
	submit: {
		by: ['vngMedewerker', 'ipoMedewerker'],
		run: (a, item) => submitItem(a, item.id, { expectedVersion: item.version })
	},
	withdraw: {
		by: ['vngBestuurder', 'secretariaat'],
		run: (a, item) => withdrawItem(a, item.id, { expectedVersion: item.version })
	},
	approveLate: {
		by: ['secretariaat', 'vngMedewerker'],
		run: (a, item) => approveLateSubmission(a, item.id)
	},
	place: {
		by: ['secretariaat', 'vngBestuurder'],
		run: (a, item) => placeItem(a, item.id, { minutes: 10, meetingId: item.meetingId ?? target.id })
	},
	defer: {
		by: ['secretariaat', 'vngMedewerker'],
		run: (a, item) => deferItem(a, item.id, { reason: 'Eerst in het BOFv', toMeetingId: null })
	},
	decline: {
		by: ['secretariaat', 'ipoBestuurder'],
		run: (a, item) => declineItem(a, item.id, { reason: 'Hoort aan een sectorale tafel' })
	},
	treat: { by: ['secretariaat', 'vngMedewerker'], run: (a, item) => markTreated(a, item.id) },
	invite: {
		by: ['vngMedewerker', 'ipoMedewerker'],
		run: (a, item) => inviteCoSponsor(a, item.id, { party: 'uvw' })
	},
	withdrawInvitation: {
		by: ['vngMedewerker', 'ipoMedewerker'],
		run: (a, item) => withdrawCoSponsorInvitation(a, item.id, { party: 'ipo' })
	},
	discard: {
		by: ['vngBestuurder', 'ipoMedewerker', 'secretariaat'],
		run: (a, item) => discardConcept(a, item.id, { expectedVersion: item.version })
	},
	respond: {
		by: ['ipoMedewerker', 'uvwMedewerker'],
		run: (a, item) => respondCoSponsor(a, item.id, { accept: true })
	},
	comment: {
		by: ['ipoMedewerker', 'beheerder'],
		run: (a, item) => addComment(a, item.id, { body: 'Een reactie op dit punt.' })
	}
};

const meetingVariants: { name: string; status: MeetingStatus | null; daysAhead: number }[] = [
	{ name: 'no meeting', status: null, daysAhead: 0 },
	{ name: 'gepland', status: 'gepland', daysAhead: 30 },
	{ name: 'open_voor_voorstellen', status: 'open_voor_voorstellen', daysAhead: 30 },
	{ name: 'agenda_in_afstemming', status: 'agenda_in_afstemming', daysAhead: 30 },
	{ name: 'agenda_vastgesteld, ahead', status: 'agenda_vastgesteld', daysAhead: 30 },
	{ name: 'agenda_vastgesteld, begun', status: 'agenda_vastgesteld', daysAhead: -2 },
	{ name: 'gehouden', status: 'gehouden', daysAhead: -2 },
	{ name: 'geannuleerd', status: 'geannuleerd', daysAhead: 30 }
];

const itemVariants: { status: ItemStatus; late?: boolean; approved?: boolean }[] = [
	{ status: 'concept' },
	{ status: 'ingediend' },
	{ status: 'ingediend', late: true },
	{ status: 'ingediend', late: true, approved: true },
	{ status: 'geagendeerd' },
	{ status: 'aangehouden' },
	{ status: 'afgewezen' },
	{ status: 'behandeld' },
	{ status: 'ingetrokken' }
];

const label = (variant: (typeof itemVariants)[number]) =>
	`${variant.status}${variant.late ? (variant.approved ? ' (late, accepted)' : ' (late)') : ''}`;

/** A VNG item on the meeting, brought into the variant's state by the verbs where they can. */
async function itemFor(meetingId: string | null, variant: (typeof itemVariants)[number]) {
	const item = await draftItem(team.vngMedewerker, itemInput({ meetingId }));
	// A request for IPO: on a concept it waits for the submission (and may be taken back), on a
	// submitted item it is open for the answer.
	if (variant.status !== 'concept') await submitItem(team.vngMedewerker, item.id);
	await inviteCoSponsor(team.vngMedewerker, item.id, { party: 'ipo' });
	if (variant.status === 'geagendeerd') {
		await forceItem(item.id, { lateSubmission: false });
		await placeItem(team.secretariaat, item.id, { minutes: 20 });
	}
	const placed = variant.status === 'geagendeerd';
	await forceItem(item.id, {
		status: variant.status,
		lateSubmission: Boolean(variant.late),
		lateSubmissionApproved: Boolean(variant.approved),
		...(placed ? {} : { position: null, minutes: null })
	});
	return item.id;
}

/** The item's row and co-sponsors, to put back after a verb that succeeded changed them. */
async function snapshot(itemId: string) {
	const db = await useDb();
	// Generated columns cannot be written back; they follow from the rest.
	const [found] = await db.select().from(agendaItems).where(eq(agendaItems.id, itemId));
	const { search: _search, audience: _audience, ...row } = found!;
	const sponsors = await db.select().from(coSponsors).where(eq(coSponsors.itemId, itemId));
	const revisions = await db
		.select()
		.from(agendaItemRevisions)
		.where(eq(agendaItemRevisions.itemId, itemId));
	return async () => {
		const kept = await db
			.update(agendaItems)
			.set(row)
			.where(eq(agendaItems.id, itemId))
			.returning({ id: agendaItems.id });
		// A discarded concept is gone: it comes back as it was, with its history.
		if (!kept.length) {
			await db.insert(agendaItems).values(row);
			await db.insert(agendaItemRevisions).values(revisions);
		}
		await db.delete(coSponsors).where(eq(coSponsors.itemId, itemId));
		if (sponsors.length) await db.insert(coSponsors).values(sponsors);
	};
}

async function currentRow(itemId: string): Promise<Row> {
	const db = await useDb();
	const [row] = await db
		.select({ id: agendaItems.id, version: agendaItems.version, meetingId: agendaItems.meetingId })
		.from(agendaItems)
		.where(eq(agendaItems.id, itemId));
	return row!;
}

/** What the page would offer this actor: nothing for an item it cannot see. */
async function offered(actor: Actor, itemId: string) {
	const item = await getItem(actor, itemId).catch((error: unknown) => {
		if (error instanceof AccessError) return null;
		throw error;
	});
	if (!item) return null;
	const meeting = item.meetingId ? await getMeeting(actor, item.meetingId) : null;
	return allowedItemActions(actor, item, meeting);
}

const cases = new Map<string, { variant: string; itemId: string }[]>();

beforeAll(async () => {
	team = await createTeam();
	target = await openMeetingFor(team);
	for (const meetingVariant of meetingVariants) {
		const meeting = meetingVariant.status
			? await planned(team.secretariaat, {}, meetingVariant.daysAhead)
			: null;
		if (meeting) await openForProposals(team.secretariaat, meeting.id);
		const items = [];
		for (const variant of itemVariants) {
			// A placed or dealt-with item has a meeting.
			if (!meeting && (variant.status === 'geagendeerd' || variant.status === 'behandeld'))
				continue;
			items.push({ variant: label(variant), itemId: await itemFor(meeting?.id ?? null, variant) });
		}
		if (meeting) await forceMeetingStatus(meeting.id, meetingVariant.status!);
		cases.set(meetingVariant.name, items);
	}
}, 120_000);

describe('the item page offers an action exactly when its verb succeeds', () => {
	for (const meetingVariant of meetingVariants) {
		it(`on ${meetingVariant.name}`, async () => {
			const disagreements: string[] = [];
			for (const { variant, itemId } of cases.get(meetingVariant.name)!) {
				const restore = await snapshot(itemId);
				for (const [name, action] of Object.entries(actions)) {
					for (const who of action.by) {
						const actor = team[who];
						const allowed = (await offered(actor, itemId))?.[name as ActionName] ?? false;
						const outcome = await action.run(actor, await currentRow(itemId)).then(
							() => 'succeeded',
							(error: unknown) => {
								// A refusal for another reason (bad input) would be a fault of this test.
								if (error instanceof StateError || error instanceof AccessError)
									return `refused: ${error.message}`;
								throw error;
							}
						);
						if (allowed !== (outcome === 'succeeded'))
							disagreements.push(`${variant}, ${name} by ${who}: offered ${allowed}, ${outcome}`);
						if (outcome === 'succeeded') await restore();
					}
				}
			}
			expect(disagreements).toEqual([]);
		});
	}
});

describe('the page offers deleting comments of others exactly when the verb lets it', () => {
	it('for the secretariaat, and for nobody else', async () => {
		const itemId = cases
			.get('open_voor_voorstellen')!
			.find((c) => c.variant === 'ingediend')!.itemId;
		const outcomes = [];
		for (const who of ['secretariaat', 'vngMedewerker', 'ipoBestuurder', 'beheerder'] as const) {
			const comment = await addComment(team.uvwMedewerker, itemId, { body: 'Van een ander.' });
			const deleted = await deleteComment(team[who], comment.id).then(
				() => true,
				(error: unknown) => {
					if (error instanceof AccessError) return false;
					throw error;
				}
			);
			outcomes.push({
				who,
				offered: allowedCommentActions(team[who]).deleteOthersComments,
				deleted
			});
		}
		for (const row of outcomes) expect(row.offered, row.who).toBe(row.deleted);
		expect(outcomes.filter((row) => row.deleted).map((row) => row.who)).toEqual(['secretariaat']);
	});
});

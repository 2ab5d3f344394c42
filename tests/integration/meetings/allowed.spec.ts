import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessError, type Actor } from '../../../src/lib/server/access';
import {
	adoptAgenda,
	draftItem,
	getMeetingWithAgenda,
	placeItem,
	recordApproval,
	reorderAgenda,
	reopenAgenda,
	submitItem
} from '../../../src/lib/server/agenda';
import { useDb } from '../../../src/lib/server/db';
import {
	agendaApprovals,
	agendaItems,
	meetings,
	type MeetingStatus
} from '../../../src/lib/server/db/schema';
import { grantDelegation } from '../../../src/lib/server/delegation';
import { InvalidInputError, StateError } from '../../../src/lib/server/kernel/errors';
import {
	cancelMeeting,
	markHeld,
	openForProposals,
	startAgendaAlignment,
	updateMeeting
} from '../../../src/lib/server/meetings';
import { meetingDecisions } from '../../../src/lib/server/decisions';
import { itemsAwaitingOutcome } from '../../../src/lib/decisions/outcomes';
import { allowedMeetingActions } from '../../../src/lib/server/meetings/allowed';
import { forceItem, itemInput, submitted } from '../agenda/fixtures';
import { useProcessDatabase } from '../process-env';
import { createTeam, forceMeetingStatus, planned, type Team } from './fixtures';

/**
 * What the meeting page offers (allowedMeetingActions) against what the verbs do: on meetings in
 * every status, with an agenda empty, waiting for akkoord or agreed, each step by the people who
 * might try it. The page must say yes exactly when the verb succeeds.
 */
useProcessDatabase();

type Offered = Awaited<ReturnType<typeof allowedMeetingActions>>;
type Meeting = { id: string; version: number };

let team: Team;
/** An item on the list still to be scheduled, to place on the meeting. */
let waitingItemId: string;

const actions: Record<
	string,
	{
		by: (keyof Team | 'delegate')[];
		offered: (may: Offered) => boolean;
		run: (actor: Actor, meeting: Meeting) => Promise<unknown>;
	}
> = {
	edit: {
		by: ['secretariaat', 'vngBestuurder'],
		offered: (may) => may.edit,
		run: (a, m) => updateMeeting(a, m.id, { expectedVersion: m.version, title: 'Andere titel' })
	},
	open: {
		by: ['secretariaat', 'beheerder'],
		offered: (may) => may.steps.open,
		run: (a, m) => openForProposals(a, m.id)
	},
	align: {
		by: ['secretariaat', 'vngMedewerker'],
		offered: (may) => may.steps.align,
		run: (a, m) => startAgendaAlignment(a, m.id)
	},
	adopt: {
		by: ['secretariaat', 'vngBestuurder'],
		offered: (may) => may.steps.adopt,
		run: (a, m) => adoptAgenda(a, m.id)
	},
	reopen: {
		by: ['secretariaat', 'ipoBestuurder'],
		offered: (may) => may.steps.reopen,
		run: (a, m) => reopenAgenda(a, m.id, { reason: 'Een punt erbij' })
	},
	held: {
		by: ['secretariaat', 'vngMedewerker'],
		offered: (may) => may.steps.held,
		run: (a, m) => markHeld(a, m.id)
	},
	cancel: {
		by: ['secretariaat', 'vngBestuurder'],
		offered: (may) => may.steps.cancel,
		run: (a, m) => cancelMeeting(a, m.id, { reason: 'Geen quorum' })
	},
	order: {
		by: ['secretariaat', 'vngMedewerker'],
		offered: (may) => may.order,
		run: async (a, m) => {
			const { agenda } = await getMeetingWithAgenda(a, m.id);
			return reorderAgenda(a, m.id, { orderedItemIds: agenda.map((item) => item.id).reverse() });
		}
	},
	place: {
		by: ['secretariaat', 'ipoMedewerker'],
		offered: (may) => may.place,
		run: (a, m) => placeItem(a, waitingItemId, { meetingId: m.id, minutes: 10 })
	},
	approve: {
		by: ['vngBestuurder', 'delegate', 'ipoMedewerker', 'secretariaat'],
		offered: (may) => may.approve,
		run: (a, m) => recordApproval(a, m.id, { decision: 'akkoord' })
	},
	propose: {
		by: ['vngMedewerker', 'beheerder'],
		offered: (may) => may.propose,
		run: async (a, m) => {
			const item = await draftItem(a, itemInput({ meetingId: m.id }));
			return submitItem(a, item.id);
		}
	}
};

const variants: {
	name: string;
	status: MeetingStatus;
	daysAhead: number;
	agenda: 'empty' | 'placed' | 'agreed';
}[] = [
	{ name: 'gepland', status: 'gepland', daysAhead: 30, agenda: 'placed' },
	{
		name: 'open_voor_voorstellen',
		status: 'open_voor_voorstellen',
		daysAhead: 30,
		agenda: 'placed'
	},
	{ name: 'in afstemming, empty', status: 'agenda_in_afstemming', daysAhead: 30, agenda: 'empty' },
	{ name: 'in afstemming', status: 'agenda_in_afstemming', daysAhead: 30, agenda: 'placed' },
	{
		name: 'in afstemming, agreed',
		status: 'agenda_in_afstemming',
		daysAhead: 30,
		agenda: 'agreed'
	},
	{ name: 'vastgesteld, ahead', status: 'agenda_vastgesteld', daysAhead: 30, agenda: 'agreed' },
	{ name: 'vastgesteld, begun', status: 'agenda_vastgesteld', daysAhead: -2, agenda: 'agreed' },
	{ name: 'gehouden', status: 'gehouden', daysAhead: -2, agenda: 'agreed' },
	{ name: 'geannuleerd', status: 'geannuleerd', daysAhead: 30, agenda: 'placed' }
];

const meetingIds = new Map<string, string>();

async function meetingIn(variant: (typeof variants)[number]) {
	const meeting = await planned(team.secretariaat, {}, variant.daysAhead);
	await openForProposals(team.secretariaat, meeting.id);
	if (variant.agenda !== 'empty') {
		const item = await submitted(team.vngMedewerker, meeting.id);
		await forceItem(item.id, { lateSubmission: false });
		await placeItem(team.secretariaat, item.id, { minutes: 20 });
	}
	if (variant.agenda === 'agreed') {
		await startAgendaAlignment(team.secretariaat, meeting.id);
		for (const who of [
			'vngBestuurder',
			'ipoBestuurder',
			'uvwBestuurder',
			'rijkBestuurder'
		] as const)
			await recordApproval(team[who], meeting.id, { decision: 'akkoord' });
	}
	await forceMeetingStatus(meeting.id, variant.status);
	return meeting.id;
}

/** The meeting, its items and approvals as they are, to put back after a step that succeeded. */
async function snapshot(meetingId: string) {
	const db = await useDb();
	// Generated columns cannot be written back; they follow from the rest.
	const [found] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
	const { search: _search, ...meeting } = found!;
	const items = (
		await db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId))
	).map(({ search: _s, audience: _a, ...row }) => row);
	const approvals = await db
		.select()
		.from(agendaApprovals)
		.where(eq(agendaApprovals.meetingId, meetingId));
	const [waiting] = await db.select().from(agendaItems).where(eq(agendaItems.id, waitingItemId));
	const { search: _s, audience: _a, ...waitingRow } = waiting!;
	return async () => {
		await db.update(meetings).set(meeting).where(eq(meetings.id, meetingId));
		for (const row of [...items, waitingRow])
			await db.update(agendaItems).set(row).where(eq(agendaItems.id, row.id));
		await db.delete(agendaApprovals).where(eq(agendaApprovals.meetingId, meetingId));
		if (approvals.length) await db.insert(agendaApprovals).values(approvals);
		// What a proposal added: not part of the state under test.
		const kept = items.map((row) => row.id);
		const added = await db
			.select({ id: agendaItems.id })
			.from(agendaItems)
			.where(eq(agendaItems.meetingId, meetingId));
		const extra = added.map((row) => row.id).filter((id) => !kept.includes(id));
		if (extra.length)
			await db.update(agendaItems).set({ meetingId: null }).where(inArray(agendaItems.id, extra));
	};
}

async function currentMeeting(meetingId: string): Promise<Meeting> {
	const db = await useDb();
	const [row] = await db
		.select({ id: meetings.id, version: meetings.version })
		.from(meetings)
		.where(eq(meetings.id, meetingId));
	return row!;
}

async function offered(actor: Actor, meetingId: string) {
	const page = await getMeetingWithAgenda(actor, meetingId);
	const awaiting = itemsAwaitingOutcome(page.agenda, await meetingDecisions(actor, meetingId));
	return allowedMeetingActions(actor, page.meeting, {
		placedItems: page.agenda.length,
		awaitingOutcome: awaiting.undecided.length + awaiting.notCarried.length,
		approvals: page.approvals
	});
}

let delegate: Actor;

beforeAll(async () => {
	team = await createTeam();
	// A VNG medewerker who may record VNG's word for a bestuurder.
	delegate = team.vngMedewerker;
	await grantDelegation(team.vngBestuurder, { delegateId: delegate.personId });
	const waiting = await submitted(team.uvwMedewerker, null);
	waitingItemId = waiting.id;
	for (const variant of variants) meetingIds.set(variant.name, await meetingIn(variant));
}, 120_000);

describe('the meeting page offers a step exactly when its verb succeeds', () => {
	for (const variant of variants) {
		it(`on a meeting ${variant.name}`, async () => {
			const meetingId = meetingIds.get(variant.name)!;
			const restore = await snapshot(meetingId);
			const disagreements: string[] = [];
			for (const [name, action] of Object.entries(actions)) {
				for (const who of action.by) {
					const actor = who === 'delegate' ? delegate : team[who];
					const allowed = action.offered(await offered(actor, meetingId));
					const outcome = await action.run(actor, await currentMeeting(meetingId)).then(
						() => 'succeeded',
						(error: unknown) => {
							// Input counts too: reordering an empty agenda has nothing to send.
							if (
								error instanceof StateError ||
								error instanceof AccessError ||
								error instanceof InvalidInputError
							)
								return `refused: ${error.message}`;
							throw error;
						}
					);
					if (allowed !== (outcome === 'succeeded'))
						disagreements.push(`${name} by ${who}: offered ${allowed}, ${outcome}`);
					if (outcome === 'succeeded') await restore();
				}
			}
			expect(disagreements).toEqual([]);
		});
	}
});

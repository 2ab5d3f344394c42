import { describe, expect, it } from 'vitest';
import { meetingView, type ApprovalRecord, type MeetingItemRow } from './meeting-view';

/**
 * The browser derives the meeting page from the same pure function as the server: per status an
 * item can have, whether it is on the agenda, counts in the total and keeps the parties' word.
 */
const meeting = (status: string) => ({
	status,
	startsAt: new Date('2026-12-01T09:00:00Z'),
	endsAt: new Date('2026-12-01T11:00:00Z')
});

const row = (id: string, status: string, position: number | null, minutes: number | null) =>
	({
		id,
		meetingId: 'm',
		title: `Punt ${id}`,
		status,
		purpose: 'bespreking',
		position,
		minutes,
		version: 1,
		proposingParty: 'vng',
		proposingOrganisationName: 'VNG',
		lateSubmission: false,
		lateSubmissionApproved: false,
		coSponsors: [],
		carriedBy: ['vng']
	}) satisfies MeetingItemRow;

/** All four agreed to items a (30 minutes) and b (45) as placed. */
const records: ApprovalRecord[] = (['rijk', 'vng', 'ipo', 'uvw'] as const).map((party) => ({
	party,
	decision: 'akkoord',
	reason: null,
	itemPositions: {},
	decidedAt: new Date('2026-11-20T10:00:00Z'),
	decidedByName: null,
	resetAt: null,
	agendaSnapshot: [
		{ id: 'a', title: 'Punt a', purpose: 'bespreking', position: 1, minutes: 30, version: 1 },
		{ id: 'b', title: 'Punt b', purpose: 'bespreking', position: 2, minutes: 45, version: 1 }
	]
}));

describe('meetingView after adoption, per status of item b', () => {
	const cases = [
		{ status: 'geagendeerd', onAgenda: true },
		{ status: 'behandeld', onAgenda: true },
		{ status: 'aangehouden', onAgenda: false },
		{ status: 'ingetrokken', onAgenda: false },
		{ status: 'afgewezen', onAgenda: false }
	];
	for (const { status, onAgenda } of cases)
		for (const meetingStatus of ['agenda_vastgesteld', 'gehouden'])
			it(`${status} on a meeting ${meetingStatus}`, () => {
				const kept = onAgenda ? [2, 45] : [null, null];
				const view = meetingView(
					meeting(meetingStatus),
					[row('a', 'behandeld', 1, 30), row('b', status, kept[0]!, kept[1]!)],
					records
				);
				expect(view.agenda.map((item) => item.id)).toEqual(onAgenda ? ['a', 'b'] : ['a']);
				expect(view.otherItems.map((item) => item.id)).toEqual(onAgenda ? [] : ['b']);
				expect(view.timing.totalMinutes).toBe(onAgenda ? 75 : 30);
				expect(view.approvals.map((party) => party.state)).toEqual([
					'akkoord',
					'akkoord',
					'akkoord',
					'akkoord'
				]);
				expect(view.approvals.flatMap((party) => party.changes)).toEqual([]);
			});
});

describe('meetingView in afstemming', () => {
	it('an item dealt with is still the item agreed to; one gone asks the parties again', () => {
		const treated = meetingView(
			meeting('agenda_in_afstemming'),
			[row('a', 'behandeld', 1, 30), row('b', 'geagendeerd', 2, 45)],
			records
		);
		expect(treated.approvals.every((party) => party.state === 'akkoord')).toBe(true);
		const gone = meetingView(
			meeting('agenda_in_afstemming'),
			[row('a', 'geagendeerd', 1, 30), row('b', 'ingetrokken', null, null)],
			records
		);
		expect(gone.approvals.every((party) => party.state === 'opnieuw_beoordelen')).toBe(true);
		expect(gone.approvals[0]!.changes.map((change) => change.kind)).toEqual(['verwijderd']);
	});
});

import { describe, expect, it } from 'vitest';
import type { WorkSection, WorkTask } from '$lib/server/work/types';
import type { LiveListState, LiveVerification } from './decision-payloads';
import { itemLiveEvent, liveEvent, liveItemRow } from './test-events';
import { WorkLive } from './work-live.svelte';

const closes = '2027-03-09T22:59:59.999Z';
const inVerification: LiveListState = {
	status: 'ter_verificatie',
	verificationClosesAt: closes,
	adoptedAt: null,
	noResponseParties: [],
	publishedVersion: 0
};

const word = (
	party: LiveVerification['party'],
	state: LiveVerification['state'] = 'open'
): LiveVerification => ({
	party,
	state,
	decidedAt: state === 'open' ? null : '2027-03-02T09:00:00.000Z',
	decidedByName: state === 'open' ? null : 'Iemand',
	changedSince: []
});
const words = (states: Partial<Record<LiveVerification['party'], LiveVerification['state']>>) =>
	(['rijk', 'vng', 'ipo', 'uvw'] as const).map((party) => word(party, states[party]));

/** What each step adds, as its verb writes it (the payload must parse as a real one would). */
const stepFields: Record<string, Record<string, unknown>> = {
	verification_started: { closesAt: closes },
	verified: { party: 'ipo' },
	verification_reset: { party: 'vng', resetAt: '2027-03-03T09:00:00.000Z' },
	correction_proposed: {
		party: 'vng',
		correctionId: 'c1',
		decisionId: 'd1',
		correction: {
			id: 'c1',
			decisionId: 'd1',
			party: 'vng',
			proposal: '1. kennis te nemen.',
			reason: 'Zo gezegd.',
			status: 'voorgesteld',
			proposedAt: '2027-03-02T10:00:00.000Z',
			answerReason: null
		}
	},
	adopted: { noResponseParties: [] },
	published: { number: 1 }
};

function listEvent(
	meetingId: string,
	step: string,
	state: Partial<LiveListState>,
	verifications: LiveVerification[],
	fields: Record<string, unknown> = {}
) {
	return liveEvent(
		`decision_list.${step}.v1`,
		{
			title: `Vergadering ${meetingId}`,
			...stepFields[step],
			...fields,
			list: { ...inVerification, ...state },
			verifications
		},
		{ type: 'decision_list', id: meetingId, meetingId }
	);
}

/** A row of a list section as the server makes it (server/work/types.ts's task()). */
const row = (meetingId: string, overrides: Partial<WorkTask>): WorkTask => ({
	id: meetingId,
	title: `Vergadering ${meetingId}`,
	action: 'verifyList',
	href: `/vergaderingen/${meetingId}/besluitenlijst`,
	dueAt: new Date(closes),
	dueKind: 'verificationCloses',
	overdue: false,
	meetingTitle: null,
	parties: [],
	organisationName: null,
	akkoordCount: 0,
	objected: false,
	objectedBy: [],
	changes: [],
	...overrides
});

const section = (live: WorkLive, kind: WorkSection['kind']) =>
	live.sections.find((candidate) => candidate.kind === kind)!.tasks;

describe("a bestuurder's lists to verify follow the list's events", () => {
	const vng = () =>
		new WorkLive({
			party: 'vng',
			sections: [
				{ kind: 'akkoordWaiting', tasks: [] },
				{ kind: 'listsToVerify', tasks: [] }
			]
		});

	it('sent for verification: the list appears, by its closing date', () => {
		const live = vng();
		const sooner = '2027-03-05T22:59:59.999Z';
		expect(
			live.apply(listEvent('m1', 'verification_started', {}, words({}), { closesAt: closes }))
		).toBe(true);
		live.apply(
			listEvent('m2', 'verification_started', { verificationClosesAt: sooner }, words({}), {
				closesAt: sooner
			})
		);
		expect(section(live, 'listsToVerify')).toEqual([
			row('m2', { dueAt: new Date(sooner) }),
			row('m1', {})
		]);
	});

	it("another party's akkoord counts; the party's own word takes the list off; a reset puts it back", () => {
		const live = vng();
		live.apply(listEvent('m1', 'verification_started', {}, words({}), { closesAt: closes }));
		live.apply(listEvent('m1', 'verified', {}, words({ ipo: 'akkoord' }), { party: 'ipo' }));
		expect(section(live, 'listsToVerify')).toEqual([row('m1', { akkoordCount: 1 })]);
		live.apply(
			listEvent('m1', 'verified', {}, words({ ipo: 'akkoord', vng: 'akkoord' }), { party: 'vng' })
		);
		expect(section(live, 'listsToVerify')).toEqual([]);
		live.apply(
			listEvent(
				'm1',
				'verification_reset',
				{},
				words({ ipo: 'akkoord', vng: 'opnieuw_beoordelen' }),
				{
					party: 'vng',
					resetAt: '2027-03-03T09:00:00.000Z'
				}
			)
		);
		expect(section(live, 'listsToVerify')).toEqual([
			row('m1', { action: 'verifyListAgain', akkoordCount: 1 })
		]);
		// Corrections proposed are the party's word too; adoption ends the verification.
		live.apply(listEvent('m1', 'correction_proposed', {}, words({ vng: 'correcties' })));
		expect(section(live, 'listsToVerify')).toEqual([]);
		live.apply(listEvent('m1', 'verification_reset', {}, words({ vng: 'opnieuw_beoordelen' })));
		live.apply(listEvent('m1', 'adopted', { status: 'vastgesteld' }, words({})));
		expect(section(live, 'listsToVerify')).toEqual([]);
		// The other sections are not the list's: untouched.
		expect(section(live, 'akkoordWaiting')).toEqual([]);
	});
});

describe("the secretariaat's next step with each list follows its events", () => {
	const now = new Date('2027-03-04T12:00:00Z');
	const secretariaat = (tasks: WorkTask[]) =>
		new WorkLive({ party: null, sections: [{ kind: 'decisionLists', tasks }] }, () => now);
	const sent = row('m1', {
		action: 'sendList',
		dueAt: new Date('2027-03-01T09:00:00Z'),
		dueKind: 'meeting',
		akkoordCount: null
	});

	it('send, follow, adopt once all four agreed, publish, and gone once published', () => {
		const live = secretariaat([sent]);
		live.apply(listEvent('m1', 'verification_started', {}, words({}), { closesAt: closes }));
		expect(section(live, 'decisionLists')).toEqual([row('m1', { action: 'followList' })]);
		live.apply(listEvent('m1', 'verified', {}, words({ rijk: 'akkoord', vng: 'akkoord' })));
		expect(section(live, 'decisionLists')[0]).toMatchObject({ akkoordCount: 2 });
		const all = words({ rijk: 'akkoord', vng: 'akkoord', ipo: 'akkoord', uvw: 'akkoord' });
		live.apply(listEvent('m1', 'verified', {}, all));
		expect(section(live, 'decisionLists')).toEqual([
			row('m1', { action: 'adoptList', akkoordCount: 4 })
		]);
		live.apply(listEvent('m1', 'adopted', { status: 'vastgesteld' }, all));
		expect(section(live, 'decisionLists')).toEqual([
			row('m1', { action: 'publishList', akkoordCount: 4 })
		]);
		live.apply(listEvent('m1', 'published', { status: 'gepubliceerd', publishedVersion: 1 }, all));
		expect(section(live, 'decisionLists')).toEqual([]);
	});

	it('after the closing date the list may be adopted without all four', () => {
		const live = secretariaat([sent]);
		const passed = '2027-03-03T22:59:59.999Z';
		live.apply(
			listEvent('m1', 'verified', { verificationClosesAt: passed }, words({ rijk: 'akkoord' }))
		);
		expect(section(live, 'decisionLists')).toEqual([
			row('m1', { action: 'adoptList', akkoordCount: 1, dueAt: new Date(passed) })
		]);
	});

	it('anything else reloads the lists, as before; so does a payload that does not fit', () => {
		const live = secretariaat([sent]);
		expect(live.apply(itemLiveEvent('agenda_item.submitted.v1', liveItemRow('a')))).toBe(false);
		expect(
			live.apply(liveEvent('meeting.held.v1', { title: 'x', version: 2 }, { type: 'meeting' }))
		).toBe(false);
		const without = liveEvent(
			'decision_list.verified.v1',
			{ title: 'x' },
			{ type: 'decision_list' }
		);
		expect(live.apply(without)).toBe(false);
		expect(section(live, 'decisionLists')).toEqual([sent]);
	});
});

import { describe, expect, it } from 'vitest';
import { DecisionListLive } from './decision-list-live.svelte';
import type {
	LiveCorrection,
	LiveDecision,
	LiveDecisionList,
	LiveListState,
	LiveVerification
} from './decision-payloads';
import { concernsPage } from './live.svelte';
import { liveEvent } from './test-events';
import type { Viewer } from '$lib/viewer';

const decision = (id: string, dealtOrder: number, dicta = ['vast te stellen.']): LiveDecision => ({
	id,
	meetingId: 'm1',
	itemId: `item-${id}`,
	agendaNumber: dealtOrder,
	itemTitle: `Punt ${dealtOrder}`,
	outcome: 'aangenomen',
	dicta,
	explanation: null,
	hamerstuk: false,
	dealtOrder,
	commitments: [],
	carriedOver: null,
	recordedAt: '2027-03-01T10:00:00.000Z',
	version: 1
});

const open = (party: LiveVerification['party']): LiveVerification => ({
	party,
	state: 'open',
	decidedAt: null,
	decidedByName: null,
	changedSince: []
});
const words = (...changed: LiveVerification[]) =>
	(['rijk', 'vng', 'ipo', 'uvw'] as const).map(
		(party) => changed.find((word) => word.party === party) ?? open(party)
	);
const akkoord = (party: LiveVerification['party']): LiveVerification => ({
	party,
	state: 'akkoord',
	decidedAt: '2027-03-02T09:00:00.000Z',
	decidedByName: `Bestuurder ${party}`,
	changedSince: []
});

const inVerification: LiveListState = {
	status: 'ter_verificatie',
	verificationClosesAt: '2027-03-09T22:59:59.999Z',
	adoptedAt: null,
	noResponseParties: [],
	publishedVersion: 0
};

function live(overrides: Partial<LiveDecisionList> = {}) {
	return new DecisionListLive({
		meetingId: 'm1',
		...inVerification,
		verifications: words(),
		corrections: [],
		decisions: [decision('d1', 1), decision('d2', 2)],
		...overrides
	});
}

/** A list event as its verb writes it: the step's fields, the list's state, the four words. */
function listEvent(
	step: string,
	fields: Record<string, unknown>,
	state: Partial<LiveListState> = {},
	verifications = words()
) {
	return liveEvent(
		`decision_list.${step}.v1`,
		{ title: 'Overhedenoverleg', ...fields, list: { ...inVerification, ...state }, verifications },
		{ type: 'decision_list', id: 'm1' }
	);
}

const correction = (overrides: Partial<LiveCorrection> = {}): LiveCorrection => ({
	id: 'c1',
	decisionId: 'd1',
	party: 'ipo',
	proposal: '1. kennis te nemen van de brief.',
	reason: 'Zo is het gezegd.',
	status: 'voorgesteld',
	proposedAt: '2027-03-02T10:00:00.000Z',
	answerReason: null,
	...overrides
});

describe('the besluitenlijst applies its events in place', () => {
	it("another party's akkoord: its word, its name and when", () => {
		const state = live();
		expect(state.apply(listEvent('verified', { party: 'vng' }, {}, words(akkoord('vng'))))).toBe(
			true
		);
		expect(state.list.verifications.find((word) => word.party === 'vng')).toEqual(akkoord('vng'));
		expect(state.list.verifications.filter((word) => word.state === 'open')).toHaveLength(3);
	});

	it('a proposed correction appears under its decision, in the order proposed; its answer replaces it', () => {
		const state = live();
		const ipo: LiveVerification = { ...akkoord('ipo'), state: 'correcties' };
		const later = correction({ id: 'c2', proposedAt: '2027-03-03T10:00:00.000Z' });
		state.apply(
			listEvent(
				'correction_proposed',
				{ party: 'ipo', correctionId: 'c2', decisionId: 'd1', correction: later },
				{},
				words(ipo)
			)
		);
		state.apply(
			listEvent(
				'correction_proposed',
				{ party: 'ipo', correctionId: 'c1', decisionId: 'd1', correction: correction() },
				{},
				words(ipo)
			)
		);
		expect(state.list.corrections.map((row) => row.id)).toEqual(['c1', 'c2']);
		expect(state.list.verifications[2]!.state).toBe('correcties');
		state.apply(
			listEvent(
				'correction_answered',
				{
					party: 'ipo',
					correctionId: 'c1',
					accepted: false,
					correction: correction({ status: 'afgewezen', answerReason: 'Niet gezegd.' })
				},
				{},
				words(ipo)
			)
		);
		expect(state.list.corrections[0]).toMatchObject({ status: 'afgewezen' });
		expect(state.list.corrections).toHaveLength(2);
	});

	it("the list's step: adopted with who did not answer, then published", () => {
		const state = live();
		state.apply(
			listEvent(
				'adopted',
				{ noResponseParties: ['uvw'] },
				{ status: 'vastgesteld', adoptedAt: '2027-03-10T09:00:00.000Z', noResponseParties: ['uvw'] }
			)
		);
		expect(state.list).toMatchObject({ status: 'vastgesteld', noResponseParties: ['uvw'] });
		state.apply(
			listEvent('published', { number: 1 }, { status: 'gepubliceerd', publishedVersion: 1 })
		);
		expect(state.list).toMatchObject({ status: 'gepubliceerd', publishedVersion: 1 });
	});

	it('a decision taken over carries the words after it; without them, a word on the list reloads', () => {
		const state = live({ verifications: words(akkoord('rijk')) });
		const changed = { ...decision('d1', 1, ['kennis te nemen.']), version: 2 };
		const reset: LiveVerification = {
			...akkoord('rijk'),
			state: 'opnieuw_beoordelen',
			changedSince: [1]
		};
		const recorded = (verifications?: LiveVerification[]) =>
			liveEvent(
				'decision.recorded.v1',
				{ itemId: 'item-d1', decision: changed, ...(verifications ? { verifications } : {}) },
				{ type: 'decision', id: 'd1' }
			);
		expect(state.apply(recorded(words(reset)))).toBe(true);
		expect(state.list.decisions.map((row) => row.dicta)).toEqual([
			['kennis te nemen.'],
			['vast te stellen.']
		]);
		expect(state.list.verifications[0]).toEqual(reset);
		expect(state.apply(recorded())).toBe(false);
		// Before anyone spoke, a decision needs no words beside it.
		expect(live().apply(recorded())).toBe(true);
	});

	it('an older event arriving after a newer one does not undo it', () => {
		const state = live();
		const older = listEvent('verified', { party: 'vng' }, {}, words(akkoord('vng')));
		const newer = listEvent('adopted', { noResponseParties: [] }, { status: 'vastgesteld' });
		state.apply(newer);
		state.apply(older);
		expect(state.list.status).toBe('vastgesteld');
		expect(state.list.verifications.every((word) => word.state === 'open')).toBe(true);
	});

	it('what it cannot apply reloads: the meeting changed, an item changed, an unknown type, a payload that does not fit', () => {
		const state = live();
		const meeting = { type: 'meeting', id: 'm1' };
		expect(
			state.apply(liveEvent('meeting.updated.v1', { title: 'Nieuw', version: 3 }, meeting))
		).toBe(false);
		expect(state.apply(liveEvent('decision_list.someday.v1', {}, meeting))).toBe(false);
		expect(state.apply(listEvent('verified', { party: 'nobody' }))).toBe(false);
		// Comments and another meeting's events change nothing here.
		expect(state.apply(liveEvent('comment.added.v1', {}, { type: 'comment' }))).toBe(true);
		expect(
			state.apply(
				liveEvent('decision_list.verified.v1', {}, { type: 'decision_list', meetingId: 'm2' })
			)
		).toBe(true);
	});
});

describe('which events reach the besluitenlijst page', () => {
	const viewer = { personId: 'p', organisationId: 'o' } as Viewer;
	const page = { routeId: '/vergaderingen/[id]/besluitenlijst', params: { id: 'm1' } };
	it("its meeting's, not another's", () => {
		expect(concernsPage(listEvent('verified', { party: 'vng' }), page, viewer)).toBe(true);
		const other = liveEvent(
			'decision_list.verified.v1',
			{},
			{ type: 'decision_list', meetingId: 'm2' }
		);
		expect(concernsPage(other, page, viewer)).toBe(false);
	});
});

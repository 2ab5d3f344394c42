import { describe, expect, it } from 'vitest';
import type { PublicAgreement } from '$lib/server/agreements/public';
import { PublicAgreementListLive, PublicAgreementLive } from './public-agreement-live.svelte';
import { liveEvent } from './test-events';

const id = 'a1000000-0000-4000-8000-000000000001';
const other = 'a1000000-0000-4000-8000-000000000002';

const row = (over: Record<string, unknown> = {}) => ({
	id,
	title: 'Jeugdzorg en het Gemeentefonds',
	meetingId: 'm1',
	meetingTitle: 'Overhedenoverleg voorjaar',
	meetingStartsAt: '2026-03-10T09:00:00.000Z',
	deadline: '2027-03-31',
	expectedDate: null,
	dueDate: '2027-03-31',
	status: 'open',
	overdue: false,
	fallbackDate: null,
	fallbackInForce: false,
	ratification: 'geen',
	owners: [{ party: 'vng', organisationName: null }],
	progress: null,
	version: 1,
	...over
});

const initial = (): PublicAgreement => {
	const { version: _version, ...fields } = row();
	return {
		...(fields as unknown as PublicAgreement),
		body: 'Wat is afgesproken.',
		condition: null,
		lapseReason: null,
		source: null,
		ratifications: [],
		progressReports: []
	};
};

/** An agreement's event as it goes to a public socket (server/agreements/public-live.ts). */
const event = (type: string, payload: Record<string, unknown>, subject = id) =>
	liveEvent(type, payload, { type: 'agreement', id: subject, meetingId: 'm1' });

const report = {
	id: 'r1',
	party: 'vng',
	text: 'De eerste tranche is uitgekeerd.',
	percent: 40,
	createdAt: '2026-12-01T10:00:00.000Z'
};
const reported = (over: Record<string, unknown> = {}) =>
	event('agreement.progress_reported.v1', {
		row: row({ progress: { percent: 40, at: report.createdAt }, ...over }),
		progress: report
	});

describe('a public agreement’s page, live', () => {
	it('a progress report joins the reports, the row follows, once', () => {
		const live = new PublicAgreementLive(initial());
		expect(live.apply(reported())).toBe(true);
		expect(live.agreement.progressReports).toEqual([report]);
		expect(live.agreement.progress).toEqual({ percent: 40, at: report.createdAt });
		expect(live.agreement.body).toBe('Wat is afgesproken.');
		expect(live.updates).toBe(1);
		// The same event again (a replay) is old news.
		expect(live.apply(reported())).toBe(true);
		expect(live.agreement.progressReports).toHaveLength(1);
	});

	it('a status change applies, with its lapse reason; an older row does not undo it', () => {
		const live = new PublicAgreementLive(initial());
		const lapsed = event('agreement.status_changed.v1', {
			row: row({ status: 'vervallen', version: 3 }),
			from: 'open',
			to: 'vervallen',
			lapseReason: 'Opgegaan in de Voorjaarsnota.'
		});
		expect(live.apply(lapsed)).toBe(true);
		expect(live.agreement.status).toBe('vervallen');
		expect(live.agreement.lapseReason).toBe('Opgegaan in de Voorjaarsnota.');
		const older = event('agreement.status_changed.v1', {
			row: row({ status: 'in_uitvoering', version: 2 }),
			from: 'open',
			to: 'in_uitvoering',
			lapseReason: null
		});
		expect(live.apply(older)).toBe(true);
		expect(live.agreement.status).toBe('vervallen');
	});

	it('a ratification replaces its koepel’s record', () => {
		const live = new PublicAgreementLive(initial());
		const ratification = (state: string) =>
			event('agreement.ratification_recorded.v1', {
				row: row({ ratification: state === 'goedgekeurd' ? 'bekrachtigd' : 'lopend' }),
				ratification: {
					koepel: 'vng',
					state,
					closesOn: null,
					decidedOn: null,
					ledenbriefUrl: null
				}
			});
		live.apply(ratification('lopend'));
		live.apply(ratification('goedgekeurd'));
		expect(live.agreement.ratifications.map((r) => r.state)).toEqual(['goedgekeurd']);
		expect(live.agreement.ratification).toBe('bekrachtigd');
	});

	it('another agreement’s or another kind of event changes nothing', () => {
		const live = new PublicAgreementLive(initial());
		expect(
			live.apply(
				event(
					'agreement.progress_reported.v1',
					{ row: row({ id: other }), progress: report },
					other
				)
			)
		).toBe(true);
		expect(live.apply(liveEvent('publication.published.v1', {}, { type: 'publication' }))).toBe(
			true
		);
		expect(live.updates).toBe(0);
	});

	it('reloads for what it cannot apply: an unfit payload, an edit of the text', () => {
		const live = new PublicAgreementLive(initial());
		expect(live.apply(event('agreement.progress_reported.v1', { row: { id } }))).toBe(false);
		expect(
			live.apply(event('agreement.updated.v1', { row: row({ version: 2 }), changed: ['body'] }))
		).toBe(false);
		expect(
			live.apply(
				event('agreement.updated.v1', {
					row: row({ title: 'Nieuwe titel', version: 2 }),
					changed: ['title']
				})
			)
		).toBe(true);
		expect(live.agreement.title).toBe('Nieuwe titel');
	});
});

describe('the public list of agreements, live', () => {
	const listed = () => {
		const { version: _version, ...fields } = row();
		return [fields as unknown as PublicAgreement];
	};

	it('a row on the page follows its events; one not on the page does not join', () => {
		const live = new PublicAgreementListLive(listed());
		expect(live.apply(reported({ status: 'in_uitvoering', version: 2 }))).toBe(true);
		expect(live.rows[0]).toMatchObject({ status: 'in_uitvoering', progress: { percent: 40 } });
		expect(live.rows[0]).not.toHaveProperty('version');
		expect(
			live.apply(
				event(
					'agreement.progress_reported.v1',
					{ row: row({ id: other }), progress: report },
					other
				)
			)
		).toBe(true);
		expect(live.rows.map((r) => r.id)).toEqual([id]);
		// An older row than the one shown is old news.
		expect(live.apply(reported({ status: 'open', version: 1 }))).toBe(true);
		expect(live.rows[0]!.status).toBe('in_uitvoering');
	});

	it('reloads for an unfit event of a row it shows, not of another', () => {
		const live = new PublicAgreementListLive(listed());
		expect(live.apply(event('agreement.status_changed.v1', { row: { id } }))).toBe(false);
		expect(live.apply(event('agreement.status_changed.v1', { row: {} }, other))).toBe(true);
	});
});

import { describe, expect, it } from 'vitest';
import type { LiveAgreementRow } from './agreement-payloads';
import { AgreementWorkLive, type AgreementWorkStart } from './agreement-work-live.svelte';
import {
	agreementEvent,
	agreementRow,
	owner,
	progress,
	ratification
} from './agreement-test-events';

const zero = { open: 0, dueSoon: 0, overdue: 0, doneThisYear: 0, awaitingRatification: 0 };
function work(party: string, more: Partial<AgreementWorkStart> = {}) {
	return new AgreementWorkLive({
		party,
		today: '2030-06-01',
		dueUntil: '2030-07-01',
		limit: 50,
		dashboard: { party, ...zero },
		due: [],
		progressOwed: [],
		ratifications: party === 'rijk' ? null : [],
		...more
	});
}
const ids = (rows: LiveAgreementRow[] | null) => rows?.map((row) => row.id);

describe('the party’s agreements on Mijn werk, live', () => {
	it('a new agreement of the party, due soon, counts as open and due, and joins the list', () => {
		const live = work('vng');
		expect(
			live.apply(
				agreementEvent('agreement.created.v1', agreementRow('a', { deadline: '2030-06-20' }))
			)
		).toBe(true);
		expect(live.dashboard).toEqual({ ...zero, open: 1, dueSoon: 1 });
		expect(ids(live.due)).toEqual(['a']);
		// Another party's agreement is none of VNG's.
		const ipo = agreementRow('b', { deadline: '2030-06-20', owners: [owner('ipo')] });
		expect(live.apply(agreementEvent('agreement.created.v1', ipo))).toBe(true);
		expect(live.dashboard).toEqual({ ...zero, open: 1, dueSoon: 1 });
	});

	it('closing it moves it from open to done this year and off the lists', () => {
		const row = agreementRow('a', { deadline: '2030-06-20' });
		const live = work('vng', {
			dashboard: { party: 'vng', ...zero, open: 1, dueSoon: 1 },
			due: [row],
			progressOwed: [row]
		});
		const done = agreementRow('a', { deadline: '2030-06-20', status: 'afgerond' });
		const event = agreementEvent('agreement.status_changed.v1', done, {
			from: 'open',
			to: 'afgerond'
		});
		expect(live.apply(event)).toBe(true);
		expect(live.dashboard).toEqual({ ...zero, doneThisYear: 1 });
		expect(live.due).toEqual([]);
		expect(live.progressOwed).toEqual([]);
	});

	it('the party’s progress report takes it off "voortgang te melden"; another party’s does not', () => {
		const row = agreementRow('a', { owners: [owner('vng'), owner('ipo')] });
		const live = work('vng', {
			dashboard: { party: 'vng', ...zero, open: 1 },
			progressOwed: [row]
		});
		const ipo = agreementEvent('agreement.progress_reported.v1', row, {
			progress: progress('ipo')
		});
		expect(live.apply(ipo)).toBe(true);
		expect(ids(live.progressOwed)).toEqual(['a']);
		const vng = agreementEvent('agreement.progress_reported.v1', row, {
			progress: progress('vng', { id: 'p2' })
		});
		expect(live.apply(vng)).toBe(true);
		expect(live.progressOwed).toEqual([]);
		expect(live.dashboard.open).toBe(1);
	});

	it('a koepel’s consultation under way joins its list and "wacht op bekrachtiging"; its outcome takes it off', () => {
		const live = work('vng', { dashboard: { party: 'vng', ...zero, open: 1 } });
		const row = agreementRow('a', { ratification: 'lopend' });
		const pending = agreementEvent('agreement.ratification_recorded.v1', row, {
			ratification: ratification('vng', 'lopend', { closesOn: '2030-06-15' })
		});
		expect(live.apply(pending)).toBe(true);
		expect(live.ratifications).toMatchObject([{ id: 'a', closesOn: '2030-06-15' }]);
		expect(live.dashboard.awaitingRatification).toBe(1);
		const approved = agreementEvent(
			'agreement.ratification_recorded.v1',
			agreementRow('a', { ratification: 'bekrachtigd' }),
			{
				ratification: ratification('vng', 'goedgekeurd', { version: 2 })
			}
		);
		expect(live.apply(approved)).toBe(true);
		expect(live.ratifications).toEqual([]);
		expect(live.dashboard.awaitingRatification).toBe(0);
		// IPO's record is not VNG's to do.
		const ipo = agreementEvent('agreement.ratification_recorded.v1', row, {
			ratification: ratification('ipo', 'lopend')
		});
		expect(live.apply(ipo)).toBe(true);
		expect(live.ratifications).toEqual([]);
	});

	it('reloads what the event does not tell: an old closing date, time passing, a full list', () => {
		const reopened = agreementEvent('agreement.status_changed.v1', agreementRow('a'), {
			from: 'afgerond',
			to: 'open'
		});
		expect(work('vng').apply(reopened)).toBe(false);
		const delayed = agreementEvent(
			'agreement.status_changed.v1',
			agreementRow('a', { status: 'in_uitvoering' }),
			{
				from: 'vertraagd',
				to: 'in_uitvoering'
			}
		);
		expect(work('vng').apply(delayed)).toBe(false);
		const rows = [
			agreementRow('x', { deadline: '2030-06-10' }),
			agreementRow('y', { deadline: '2030-06-11' })
		];
		const full = work('vng', {
			limit: 2,
			due: rows,
			dashboard: { party: 'vng', ...zero, open: 2, dueSoon: 2 }
		});
		const moved = agreementEvent(
			'agreement.updated.v1',
			agreementRow('x', { deadline: '2030-08-01' }),
			{ changed: ['deadline'] }
		);
		expect(full.apply(moved)).toBe(false);
	});

	it('the Rijk counts its agreements that wait for a koepel, from the row’s summary', () => {
		const live = work('rijk');
		const rijk = agreementRow('r', {
			owners: [owner('rijk')],
			ratification: 'lopend',
			deadline: '2030-12-01'
		});
		expect(live.apply(agreementEvent('agreement.created.v1', rijk))).toBe(true);
		expect(live.dashboard).toEqual({ ...zero, open: 1, awaitingRatification: 1 });
		expect(live.ratifications).toBeNull();
	});
});

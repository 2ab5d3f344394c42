import { describe, expect, it } from 'vitest';
import {
	AgreementRegisterLive,
	matchesFilter,
	type RegisterFilter,
	type RegisterStart
} from './agreement-register-live.svelte';
import { factsOf } from './agreement-events';
import { agreementEvent, agreementRow, owner } from './agreement-test-events';
import { liveEvent } from './test-events';

const viewer = { personId: 'me', party: 'vng' };
const start = (
	rows: ReturnType<typeof agreementRow>[],
	filter: RegisterFilter = {},
	more: Partial<RegisterStart> = {}
) =>
	new AgreementRegisterLive({
		rows,
		total: rows.length,
		page: 1,
		pageSize: 25,
		filter,
		viewer,
		...more
	});
const shown = (live: AgreementRegisterLive) => live.rows.map((row) => row.id);

describe('the register, live', () => {
	it('a new agreement enters the whole selection in its place by deadline, and the count follows', () => {
		const live = start([
			agreementRow('a', { deadline: '2030-05-01' }),
			agreementRow('c', { deadline: '2030-09-01' })
		]);
		const row = agreementRow('b', { deadline: '2030-06-01' });
		expect(live.apply(agreementEvent('agreement.created.v1', row))).toBe(true);
		expect(shown(live)).toEqual(['a', 'b', 'c']);
		expect(live.total).toBe(3);
		expect(live.stale).toBe(false);
		expect(live.lastChange).toEqual({ kind: 'added', title: 'Afspraak b', byPersonId: 'someone' });
	});

	it('a changed row changes in place; one that leaves the filter leaves, the count with it', () => {
		const live = start([agreementRow('a'), agreementRow('b')], { status: ['open'] });
		const progressed = agreementRow('a', {
			progress: { party: 'vng', percent: 60, at: '2030-03-10T10:00:00.000Z' }
		});
		expect(live.apply(agreementEvent('agreement.progress_reported.v1', progressed))).toBe(true);
		expect(live.rows[0]!.progress?.percent).toBe(60);
		const started = agreementRow('b', { status: 'in_uitvoering' });
		expect(live.apply(agreementEvent('agreement.status_changed.v1', started))).toBe(true);
		expect(shown(live)).toEqual(['a']);
		expect(live.total).toBe(1);
		expect(live.stale).toBe(false);
	});

	it('judges the owners: a party added enters "van mijn partij", one removed leaves it', () => {
		const live = start([], { myParty: true });
		const ipo = owner('ipo');
		const shared = agreementRow('x', { owners: [ipo, owner('vng')] });
		expect(
			live.apply(agreementEvent('agreement.owner_added.v1', shared, { owner: owner('vng') }))
		).toBe(true);
		expect(shown(live)).toEqual(['x']);
		const without = agreementRow('x', { owners: [ipo] });
		expect(
			live.apply(agreementEvent('agreement.owner_removed.v1', without, { owner: owner('vng') }))
		).toBe(true);
		expect(shown(live)).toEqual([]);
		expect(live.total).toBe(0);
	});

	it('overdue and mine are read from the row as the event leaves it', () => {
		const live = start([], { overdue: true, mine: true });
		const mine = owner('vng', { contactPersonId: 'me' });
		const late = agreementRow('l', { overdue: true, owners: [mine] });
		expect(
			live.apply(agreementEvent('agreement.updated.v1', late, { changed: ['deadline'] }))
		).toBe(true);
		expect(shown(live)).toEqual(['l']);
		const notMine = agreementRow('n', { overdue: true });
		expect(live.apply(agreementEvent('agreement.created.v1', notMine))).toBe(true);
		expect(shown(live)).toEqual(['l']);
	});

	it('a search it cannot judge: the rows shown change in place, anything else says "vernieuwen"', () => {
		const live = start([agreementRow('a')], { q: 'jeugdzorg' });
		expect(
			live.apply(agreementEvent('agreement.linked.v1', agreementRow('a', { version: 2 })))
		).toBe(true);
		expect(live.rows[0]!.version).toBe(2);
		expect(live.stale).toBe(false);
		// A report on an agreement not shown changes nothing the search reads: it stays out.
		expect(live.apply(agreementEvent('agreement.progress_reported.v1', agreementRow('z')))).toBe(
			true
		);
		expect(live.stale).toBe(false);
		expect(live.apply(agreementEvent('agreement.created.v1', agreementRow('n')))).toBe(true);
		expect(shown(live)).toEqual(['a']);
		expect(live.stale).toBe(true);
	});

	it('on a page of many, an entering row is counted and the rest is left to "vernieuwen"', () => {
		const live = start([agreementRow('a')], {}, { total: 40, page: 2 });
		expect(live.apply(agreementEvent('agreement.created.v1', agreementRow('b')))).toBe(true);
		expect(shown(live)).toEqual(['a']);
		expect(live.total).toBe(41);
		expect(live.stale).toBe(true);
	});

	it('a status change it cannot see the old facts of (from vertraagd) is not guessed', () => {
		const live = start([], { overdue: true }, { total: 30, rows: [] });
		const row = agreementRow('v', { status: 'in_uitvoering', overdue: true });
		const event = agreementEvent('agreement.status_changed.v1', row, {
			from: 'vertraagd',
			to: 'in_uitvoering'
		});
		expect(live.apply(event)).toBe(true);
		expect(live.stale).toBe(true);
		expect(live.total).toBe(30);
	});

	it('an older event after a newer one does not undo it; a meeting renamed renames its rows', () => {
		const live = start([agreementRow('a')]);
		const older = agreementEvent('agreement.updated.v1', agreementRow('a', { title: 'Oud' }));
		const newer = agreementEvent('agreement.updated.v1', agreementRow('a', { title: 'Nieuw' }));
		expect(live.apply(newer)).toBe(true);
		expect(live.apply(older)).toBe(true);
		expect(live.rows[0]!.title).toBe('Nieuw');
		const renamed = liveEvent(
			'meeting.updated.v1',
			{ title: 'Overhedenoverleg najaar', version: 2, changed: ['title'] },
			{ type: 'meeting', id: 'm1' }
		);
		expect(live.apply(renamed)).toBe(true);
		expect(live.rows[0]!.meetingTitle).toBe('Overhedenoverleg najaar');
	});

	it('reloads only for an agreement event whose payload does not fit', () => {
		const live = start([agreementRow('a')]);
		const broken = agreementEvent('agreement.updated.v1', agreementRow('a'), { changed: 'title' });
		expect(live.apply(broken)).toBe(false);
		expect(live.apply(liveEvent('agenda_item.updated.v1', {}))).toBe(true);
	});
});

describe('the register’s filters, as the database applies them', () => {
	it('are three-valued: an unknown fact it needs makes the answer unknown', () => {
		const row = agreementRow('a', { deadline: '2030-05-01' });
		const facts = { ...factsOf(row), deadline: undefined };
		expect(matchesFilter(factsOf(row), { from: '2030-04-01', to: '2030-05-01' }, viewer)).toBe(
			true
		);
		expect(matchesFilter(factsOf(row), { to: '2030-04-30' }, viewer)).toBe(false);
		expect(matchesFilter(facts, { from: '2030-04-01' }, viewer)).toBeUndefined();
		expect(matchesFilter(facts, { status: ['afgerond'], from: '2030-04-01' }, viewer)).toBe(false);
		expect(matchesFilter(facts, { party: 'vng' }, viewer)).toBe(true);
	});

	it('take a set of statuses: a row in any of them matches, one in none does not', () => {
		const statuses = ['open', 'vertraagd'];
		const facts = (status: string) => factsOf(agreementRow('a', { status: status as 'open' }));
		expect(matchesFilter(facts('open'), { status: statuses }, viewer)).toBe(true);
		expect(matchesFilter(facts('vertraagd'), { status: statuses }, viewer)).toBe(true);
		expect(matchesFilter(facts('afgerond'), { status: statuses }, viewer)).toBe(false);
		expect(matchesFilter(facts('afgerond'), { status: [] }, viewer)).toBe(true);
		const unknown = { ...facts('open'), status: undefined };
		expect(matchesFilter(unknown, { status: statuses }, viewer)).toBeUndefined();
	});
});

describe('the register, live, with several statuses', () => {
	it('a row moving between two chosen statuses stays; one leaving both leaves; one entering enters', () => {
		const live = start(
			[
				agreementRow('a', { deadline: '2030-05-01' }),
				agreementRow('b', { deadline: '2030-07-01' })
			],
			{ status: ['open', 'vertraagd'] }
		);
		const delayed = agreementRow('a', {
			deadline: '2030-05-01',
			status: 'vertraagd',
			expectedDate: '2030-08-01'
		});
		live.apply(
			agreementEvent('agreement.status_changed.v1', delayed, { from: 'open', to: 'vertraagd' })
		);
		expect(shown(live)).toEqual(['a', 'b']);
		expect(live.rows[0]!.status).toBe('vertraagd');
		const done = agreementRow('b', { deadline: '2030-07-01', status: 'afgerond' });
		live.apply(
			agreementEvent('agreement.status_changed.v1', done, { from: 'open', to: 'afgerond' })
		);
		expect(shown(live)).toEqual(['a']);
		const reopened = agreementRow('c', { deadline: '2030-06-01', status: 'open' });
		live.apply(agreementEvent('agreement.created.v1', reopened));
		expect(shown(live)).toEqual(['a', 'c']);
		expect(live.total).toBe(2);
		expect(live.stale).toBe(false);
	});
});

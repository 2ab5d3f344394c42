import { describe, expect, it } from 'vitest';
import type { LiveArrangementRow, LiveEntry } from './finance-payloads';
import {
	FinanceOverviewLive,
	scheduleBefore,
	type OverviewFilter,
	type OverviewStart
} from './finance-overview-live.svelte';
import { liveEvent } from './test-events';

/*
 * The overview's live rows and totals row: events as the finance verbs write them (store.ts
 * recordArrangementEvent: the row as the overview shows it, an entry's lines beside it).
 */

function row(id: string, number: number, overrides: Partial<LiveArrangementRow> = {}) {
	const schedule = overrides.schedule ?? [{ year: 2026, cents: 100 }];
	const value: LiveArrangementRow = {
		id,
		reference: `FA-${String(number).padStart(4, '0')}`,
		title: `Arrangement ${id}`,
		instrument: 'algemene_uitkering_gemeentefonds',
		layer: 'gemeenten',
		receivingParty: 'vng',
		nature: 'incidenteel',
		status: 'voorgesteld',
		budgetMoment: null,
		expectedCircular: null,
		processedIn: null,
		notProcessedAsExpected: false,
		confidentiality: 'vertrouwelijk',
		agreementId: null,
		decisionId: null,
		agendaItemId: null,
		schedule,
		totalCents: schedule.reduce((sum, line) => sum + line.cents, 0),
		scheduleVersion: 1,
		marks: [],
		updatedAt: '2026-03-01T10:00:00.000Z',
		version: 1,
		...overrides
	};
	return value;
}

function entry(lines: { year: number; deltaCents: number; toCents: number }[], knownAt?: string) {
	const value: LiveEntry = {
		id: `e${Math.random()}`,
		sequence: 2,
		reason: 'bijgesteld',
		budgetMoment: null,
		knownAt: knownAt ?? '2026-03-02T10:00:00.000Z',
		recordedAt: '2026-03-02T10:00:00.000Z',
		recordedByName: 'Fien',
		correctsId: null,
		lines: lines.map((line) => ({ ...line, fromCents: line.toCents - line.deltaCents }))
	};
	return value;
}

const event = (type: string, payload: Record<string, unknown>, actor = 'someone') =>
	liveEvent(`finance.${type}.v1`, payload, {
		type: 'financial_arrangement',
		meetingId: null,
		actor
	});

const start = (
	rows: LiveArrangementRow[],
	filter: OverviewFilter = {},
	more: Partial<OverviewStart> = {}
) =>
	new FinanceOverviewLive({
		rows,
		total: rows.length,
		page: 1,
		pageSize: 25,
		filter,
		asOf: null,
		totals: {
			years: [2026],
			values: [rows.reduce((s, r) => s + r.totalCents, 0)],
			totalCents: rows.reduce((s, r) => s + r.totalCents, 0)
		},
		viewer: { personId: 'me' },
		...more
	});
const shown = (live: FinanceOverviewLive) => live.rows.map((one) => one.id);

describe('the overview of arrangements, live', () => {
	it('a new arrangement enters in its place by kenmerk; the totals row adds its schedule', () => {
		const live = start([row('a', 1), row('c', 3)]);
		const added = row('b', 2, {
			schedule: [
				{ year: 2026, cents: 5 },
				{ year: 2027, cents: 7 }
			]
		});
		expect(live.apply(event('arrangement_created', { row: added }))).toBe(true);
		expect(shown(live)).toEqual(['a', 'b', 'c']);
		expect(live.total).toBe(3);
		expect(live.totals).toEqual({ years: [2026, 2027], values: [205, 7], totalCents: 212 });
		expect(live.stale).toBe(false);
		expect(live.lastChange).toEqual({
			kind: 'added',
			title: 'Arrangement b',
			byPersonId: 'someone'
		});
	});

	it("an entry changes the row's schedule in place and adds its lines to the totals", () => {
		const live = start([row('a', 1), row('b', 2)]);
		const changed = row('a', 1, {
			schedule: [
				{ year: 2025, cents: 40 },
				{ year: 2026, cents: 150 }
			],
			scheduleVersion: 2
		});
		const lines = [
			{ year: 2025, deltaCents: 40, toCents: 40 },
			{ year: 2026, deltaCents: 50, toCents: 150 }
		];
		expect(live.apply(event('entry_recorded', { row: changed, entry: entry(lines) }))).toBe(true);
		expect(live.rows[0]!.schedule).toEqual(changed.schedule);
		expect(live.totals).toEqual({ years: [2025, 2026], values: [40, 250], totalCents: 290 });
	});

	it('counts an entry of an arrangement on another page in the totals, and only the year filtered', () => {
		const live = start([row('a', 1)], { year: 2026 }, { total: 30, page: 2 });
		const elsewhere = row('z', 40, {
			schedule: [
				{ year: 2026, cents: 300 },
				{ year: 2027, cents: 9 }
			]
		});
		const lines = [
			{ year: 2026, deltaCents: 200, toCents: 300 },
			{ year: 2027, deltaCents: 9, toCents: 9 }
		];
		expect(live.apply(event('entry_recorded', { row: elsewhere, entry: entry(lines) }))).toBe(true);
		expect(shown(live)).toEqual(['a']);
		expect(live.totals).toEqual({ years: [2026], values: [300], totalCents: 300 });
		expect(live.stale).toBe(false);
	});

	it('a row that leaves the status filter leaves, and its schedule leaves the totals', () => {
		const live = start([row('a', 1), row('b', 2, { schedule: [{ year: 2026, cents: 40 }] })], {
			status: ['voorgesteld']
		});
		const committed = row('b', 2, { status: 'toegezegd', schedule: [{ year: 2026, cents: 40 }] });
		expect(
			live.apply(
				event('status_changed', {
					row: committed,
					from: 'voorgesteld',
					to: 'toegezegd',
					reason: null
				})
			)
		).toBe(true);
		expect(shown(live)).toEqual(['a']);
		expect(live.total).toBe(1);
		expect(live.totals.totalCents).toBe(100);
		expect(live.totals.values).toEqual([100]);
	});

	it('a row not shown leaving the filter from another page takes its schedule before the entry away', () => {
		const live = start(
			[row('a', 1)],
			{ year: 2027 },
			{ total: 30, page: 2, totals: { years: [2027], values: [500], totalCents: 500 } }
		);
		// Its 2027 amount of 50 went to 0: it no longer has an amount in 2027.
		const gone = row('z', 40, { schedule: [{ year: 2026, cents: 100 }] });
		const lines = [{ year: 2027, deltaCents: -50, toCents: 0 }];
		expect(live.apply(event('entry_recorded', { row: gone, entry: entry(lines) }))).toBe(true);
		expect(live.total).toBe(29);
		expect(live.totals).toEqual({ years: [2027], values: [450], totalCents: 450 });
		// The next page's first row would come up on page 2: not known here.
		expect(live.stale).toBe(true);
	});

	it('shows the koepel mark from the event row in place', () => {
		const live = start([row('a', 1)]);
		const mark = {
			party: 'vng' as const,
			verdict: 'eens' as const,
			note: null,
			scheduleVersion: 1,
			current: true,
			personName: 'Vera',
			markedAt: '2026-03-03T10:00:00.000Z'
		};
		const marked = row('a', 1, { marks: [mark] });
		expect(live.apply(event('figures_marked', { row: marked, mark }))).toBe(true);
		expect(live.rows[0]!.marks).toEqual([mark]);
		expect(live.totals.totalCents).toBe(100);
	});

	it('with a search it cannot judge a new row: it says the overview changed', () => {
		const live = start([row('a', 1)], { q: 'jeugdzorg' });
		expect(live.apply(event('arrangement_created', { row: row('b', 2) }))).toBe(true);
		expect(shown(live)).toEqual(['a']);
		expect(live.stale).toBe(true);
	});

	describe('as known at a past moment', () => {
		const asOf = '2025-04-15T21:59:59.999Z';
		const lines = [{ year: 2026, deltaCents: 50, toCents: 150 }];
		const raised = row('a', 1, { schedule: [{ year: 2026, cents: 150 }], scheduleVersion: 2 });

		it('an entry known later changes nothing', () => {
			const live = start([row('a', 1)], {}, { asOf });
			expect(live.apply(event('entry_recorded', { row: raised, entry: entry(lines) }))).toBe(true);
			expect(live.rows[0]!.schedule).toEqual([{ year: 2026, cents: 100 }]);
			expect(live.totals.totalCents).toBe(100);
			expect(live.stale).toBe(false);
		});

		it('a back-dated entry known by then is not applied: the page reloads', () => {
			const live = start([row('a', 1)], {}, { asOf });
			const early = entry(lines, '2025-04-01T10:00:00.000Z');
			expect(live.apply(event('entry_recorded', { row: raised, entry: early }))).toBe(false);
		});

		it('another change shows in place but keeps the schedule as known then', () => {
			const live = start([row('a', 1)], {}, { asOf });
			const renamed = row('a', 1, {
				title: 'Nieuwe titel',
				schedule: [{ year: 2026, cents: 150 }]
			});
			expect(live.apply(event('arrangement_updated', { row: renamed, changed: ['title'] }))).toBe(
				true
			);
			expect(live.rows[0]!.title).toBe('Nieuwe titel');
			expect(live.rows[0]!.schedule).toEqual([{ year: 2026, cents: 100 }]);
			expect(live.totals.totalCents).toBe(100);
		});
	});

	it('an older event arriving after a newer one does not undo it', () => {
		const live = start([row('a', 1)]);
		// Ids in the order the events were made: the older first.
		const older = event('arrangement_updated', {
			row: row('a', 1, { title: 'Oud' }),
			changed: ['title']
		});
		const newer = event('arrangement_updated', {
			row: row('a', 1, { title: 'Nieuw' }),
			changed: ['title']
		});
		live.apply(older);
		live.apply(newer);
		live.apply(older);
		expect(live.rows[0]!.title).toBe('Nieuw');
	});

	it('reloads for a finance event whose payload does not fit, and ignores other events', () => {
		const live = start([row('a', 1)]);
		expect(live.apply(event('entry_recorded', { row: { id: 'a' } }))).toBe(false);
		expect(live.apply(liveEvent('agreement.created.v1', {}, { type: 'agreement' }))).toBe(true);
	});
});

describe('scheduleBefore', () => {
	it('is the schedule after the entry less its change per year', () => {
		const after = row('a', 1, {
			schedule: [
				{ year: 2026, cents: 150 },
				{ year: 2027, cents: 9 }
			]
		});
		const lines = [
			{ year: 2026, deltaCents: 50, toCents: 150 },
			{ year: 2027, deltaCents: 9, toCents: 9 },
			{ year: 2028, deltaCents: -4, toCents: 0 }
		];
		expect(scheduleBefore(after, entry(lines))).toEqual([
			{ year: 2026, cents: 100 },
			{ year: 2028, cents: 4 }
		]);
	});
});

import { describe, expect, it } from 'vitest';
import type { LiveArrangementRow, LiveEntry } from './finance-payloads';
import {
	FinanceTotalsLive,
	addLines,
	knownInWindow,
	rowPasses,
	totalsOutcome,
	type TotalsTable
} from './finance-totals-live.svelte';
import { liveEvent } from './test-events';

/*
 * The totals page's live pivot: an entry's lines go to the cells of its row's layer and instrument
 * (and the total), only when the row passes the filters and, as known at a moment, only an entry
 * known by then; what it cannot apply asks for a reload.
 */

const row = (overrides: Partial<LiveArrangementRow> = {}): LiveArrangementRow => ({
	id: 'a1',
	reference: 'FA-0001',
	title: 'Middelen jeugdzorg',
	instrument: 'algemene_uitkering_gemeentefonds',
	layer: 'gemeenten',
	receivingParty: 'vng',
	nature: 'incidenteel',
	status: 'toegezegd',
	budgetMoment: null,
	expectedCircular: null,
	processedIn: null,
	notProcessedAsExpected: false,
	confidentiality: 'vertrouwelijk',
	agreementId: null,
	decisionId: null,
	agendaItemId: null,
	schedule: [],
	totalCents: 0,
	scheduleVersion: 2,
	marks: [],
	updatedAt: '2026-03-01T10:00:00.000Z',
	version: 3,
	...overrides
});

const entry = (lines: LiveEntry['lines'], knownAt = '2026-03-01T10:00:00.000Z'): LiveEntry => ({
	id: 'e1',
	sequence: 2,
	reason: 'bijgesteld',
	budgetMoment: null,
	knownAt,
	recordedAt: knownAt,
	recordedByName: 'Fien',
	correctsId: null,
	lines
});

const line = (year: number, deltaCents: number) => ({
	year,
	deltaCents,
	fromCents: 0,
	toCents: deltaCents
});

const start = (): TotalsTable => ({
	years: [2025, 2026],
	byLayer: [{ key: 'gemeenten', values: [100, 200], totalCents: 300 }],
	byInstrument: [{ key: 'algemene_uitkering_gemeentefonds', values: [100, 200], totalCents: 300 }],
	total: { key: 'total', values: [100, 200], totalCents: 300 }
});

const entryEvent = (r: LiveArrangementRow, e: LiveEntry) =>
	liveEvent(
		'finance.entry_recorded.v1',
		{ row: r, entry: e },
		{ type: 'financial_arrangement', id: r.id, meetingId: null }
	);

const now = { after: null, until: null };

describe('addLines', () => {
	it('adds each delta to the layer, the instrument and the total, exact to the cent', () => {
		const next = addLines(start(), row(), [line(2025, 1), line(2026, -201)]);
		expect(next.byLayer).toEqual([{ key: 'gemeenten', values: [101, -1], totalCents: 100 }]);
		expect(next.byInstrument[0]!.values).toEqual([101, -1]);
		expect(next.total).toEqual({ key: 'total', values: [101, -1], totalCents: 100 });
	});

	it('opens a new year in order and a new series with zeros elsewhere', () => {
		const next = addLines(start(), row({ layer: 'provincies', instrument: 'regio_deal' }), [
			line(2024, 50)
		]);
		expect(next.years).toEqual([2024, 2025, 2026]);
		expect(next.byLayer).toEqual([
			{ key: 'gemeenten', values: [0, 100, 200], totalCents: 300 },
			{ key: 'provincies', values: [50, 0, 0], totalCents: 50 }
		]);
		expect(next.byInstrument[1]).toEqual({ key: 'regio_deal', values: [50, 0, 0], totalCents: 50 });
		expect(next.total.values).toEqual([50, 100, 200]);
	});

	it('keeps only the filtered year', () => {
		const next = addLines(start(), row(), [line(2025, 5), line(2026, 7)], { year: 2026 });
		expect(next.total.values).toEqual([100, 207]);
	});
});

describe('which rows and entries count', () => {
	it('judges the filters by the row, and cannot judge a search', () => {
		expect(rowPasses(row(), { layer: ['gemeenten'], party: 'vng' })).toBe(true);
		expect(rowPasses(row(), { layer: ['provincies'] })).toBe(false);
		expect(rowPasses(row(), { instrument: ['regio_deal'] })).toBe(false);
		expect(rowPasses(row(), { status: ['voorgesteld'] })).toBe(false);
		expect(rowPasses(row(), { party: 'ipo' })).toBe(false);
		expect(rowPasses(row(), { moment: 'voorjaarsnota-2025' })).toBe(false);
		expect(rowPasses(row(), { notProcessed: true })).toBe(false);
		expect(rowPasses(row(), { q: 'jeugd' })).toBeUndefined();
	});

	it('counts an entry known by the moment, not one known after it', () => {
		const until = '2026-03-01T10:00:00.000Z';
		expect(knownInWindow('2026-03-01T10:00:00.000Z', { after: null, until })).toBe(true);
		expect(knownInWindow('2026-03-01T10:00:00.001Z', { after: null, until })).toBe(false);
		expect(knownInWindow(until, { after: until, until: null })).toBe(false);
	});
});

describe('totalsOutcome', () => {
	it('applies an entry of a row that passes, as known now', () => {
		const outcome = totalsOutcome(start(), entryEvent(row(), entry([line(2025, 10)])), {}, now);
		expect(outcome.kind).toBe('applied');
		if (outcome.kind === 'applied') expect(outcome.table.total.values).toEqual([110, 200]);
	});

	it('leaves the sums for a row outside the filters, or an entry known after the moment', () => {
		const event = entryEvent(row(), entry([line(2025, 10)], '2026-05-01T00:00:00.000Z'));
		expect(totalsOutcome(start(), event, { layer: ['provincies'] }, now).kind).toBe('unchanged');
		expect(
			totalsOutcome(start(), event, {}, { after: null, until: '2026-04-15T21:59:59.999Z' }).kind
		).toBe('unchanged');
	});

	it('reloads for a search, a move to another layer, an unfit payload', () => {
		const event = entryEvent(row(), entry([line(2025, 10)]));
		expect(totalsOutcome(start(), event, { q: 'jeugd' }, now).kind).toBe('reload');
		const moved = liveEvent('finance.arrangement_updated.v1', { row: row(), changed: ['layer'] });
		expect(totalsOutcome(start(), moved, {}, now).kind).toBe('reload');
		const retitled = liveEvent('finance.arrangement_updated.v1', {
			row: row(),
			changed: ['title']
		});
		expect(totalsOutcome(start(), retitled, {}, now).kind).toBe('unchanged');
		const broken = liveEvent('finance.entry_recorded.v1', { row: { id: 'a1' } });
		expect(totalsOutcome(start(), broken, {}, now).kind).toBe('reload');
	});

	it('reloads for a status change only while statuses are filtered', () => {
		const event = liveEvent('finance.status_changed.v1', {
			row: row(),
			from: 'voorgesteld',
			to: 'toegezegd',
			reason: null
		});
		expect(totalsOutcome(start(), event, {}, now).kind).toBe('unchanged');
		expect(totalsOutcome(start(), event, { status: ['toegezegd'] }, now).kind).toBe('reload');
	});
});

describe('FinanceTotalsLive', () => {
	it('updates the pivot and an open difference, and answers false when it must reload', () => {
		const live = new FinanceTotalsLive({
			totals: start(),
			filter: {},
			asOf: null,
			difference: {
				table: { ...start(), total: { key: 'total', values: [0, 0], totalCents: 0 } },
				from: '2026-01-01T00:00:00.000Z',
				to: null
			}
		});
		expect(live.apply(entryEvent(row(), entry([line(2026, 5)])))).toBe(true);
		expect(live.totals.total.values).toEqual([100, 205]);
		expect(live.difference!.total.values).toEqual([0, 5]);
		expect(
			live.apply(
				liveEvent('finance.arrangement_updated.v1', { row: row(), changed: ['instrument'] })
			)
		).toBe(false);
		expect(live.totals.total.values).toEqual([100, 205]);
	});
});

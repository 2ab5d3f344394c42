import { describe, expect, it } from 'vitest';
import { FinanceArrangementLive, reconcile } from './finance-arrangement-live.svelte';
import type { LiveArrangementRow, LiveEntry } from './finance-payloads';
import { liveEvent } from './test-events';

/*
 * One arrangement's page, live: its events apply in place (the row, a new ledger entry at the top
 * of the history, a mark, a comment, a circular's amounts in the reconciliation); what the page
 * cannot apply asks for a reload; another arrangement's events change nothing.
 */

const moment = {
	id: 'bm1',
	kind: 'voorjaarsnota' as const,
	year: 2026,
	publishedOn: '2026-04-15',
	label: 'Voorjaarsnota 2026',
	key: 'voorjaarsnota-2026'
};

function row(overrides: Partial<LiveArrangementRow> = {}): LiveArrangementRow {
	return {
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
		schedule: [{ year: 2026, cents: 130_000_000_000 }],
		totalCents: 130_000_000_000,
		scheduleVersion: 1,
		marks: [],
		updatedAt: '2026-05-01T10:00:00.000Z',
		version: 2,
		...overrides
	};
}

function entry(id: string, knownAt = '2026-05-02T10:00:00.000Z'): LiveEntry {
	return {
		id,
		sequence: 2,
		reason: 'bijgesteld bij Voorjaarsnota 2026',
		budgetMoment: moment,
		knownAt,
		recordedAt: knownAt,
		recordedByName: 'Femke Financiën',
		correctsId: null,
		lines: [
			{
				year: 2026,
				deltaCents: -5_000_000_000,
				fromCents: 130_000_000_000,
				toCents: 125_000_000_000
			}
		]
	};
}

const event = (type: string, payload: Record<string, unknown>, subjectId = 'a1') =>
	liveEvent(type, payload, { type: 'financial_arrangement', id: subjectId, meetingId: null });

function page(asOfAt: string | null = null) {
	return new FinanceArrangementLive({
		row: row(),
		history: [{ ...entry('e1'), sequence: 1 }],
		comments: [],
		processed: [],
		asOfAt
	});
}

describe('one arrangement, live', () => {
	it('a new entry changes the schedule and comes first in the history', () => {
		const live = page();
		const after = row({ schedule: [{ year: 2026, cents: 125_000_000_000 }], scheduleVersion: 2 });
		expect(live.apply(event('finance.entry_recorded.v1', { row: after, entry: entry('e2') }))).toBe(
			true
		);
		expect(live.row.scheduleVersion).toBe(2);
		expect(live.history.map((e) => e.id)).toEqual(['e2', 'e1']);
		expect(live.reconciliation[0]).toMatchObject({ year: 2026, committedCents: 125_000_000_000 });
	});

	it('an entry known before the "zoals bekend op" moment on screen asks for a reload', () => {
		const live = page('2026-06-01T00:00:00.000Z');
		const after = row({ scheduleVersion: 2 });
		expect(live.apply(event('finance.entry_recorded.v1', { row: after, entry: entry('e2') }))).toBe(
			false
		);
		const later = entry('e3', '2026-07-01T00:00:00.000Z');
		expect(live.apply(event('finance.entry_recorded.v1', { row: after, entry: later }))).toBe(true);
	});

	it('a mark, a status and a comment apply in place', () => {
		const live = page();
		const mark = {
			party: 'vng' as const,
			verdict: 'eens' as const,
			note: null,
			scheduleVersion: 1,
			current: true,
			personName: 'Vera VNG',
			markedAt: '2026-05-03T09:00:00.000Z'
		};
		expect(
			live.apply(event('finance.figures_marked.v1', { row: row({ marks: [mark] }), mark }))
		).toBe(true);
		expect(live.row.marks).toEqual([mark]);
		const verwerkt = row({ marks: [mark], status: 'verwerkt', processedIn: 'meicirculaire 2026' });
		expect(
			live.apply(
				event('finance.status_changed.v1', {
					row: verwerkt,
					from: 'toegezegd',
					to: 'verwerkt',
					reason: null
				})
			)
		).toBe(true);
		expect(live.row.status).toBe('verwerkt');
		const comment = {
			id: 'c1',
			authorName: 'Vera VNG',
			organisationName: 'VNG',
			body: 'Akkoord met de reeks.',
			createdAt: '2026-05-03T09:05:00.000Z'
		};
		expect(live.apply(event('finance.commented.v1', { row: verwerkt, comment }))).toBe(true);
		expect(live.apply(event('finance.commented.v1', { row: verwerkt, comment }))).toBe(true);
		expect(live.comments).toEqual([comment]);
	});

	it('an edit of the title applies; of the description or the links it reloads', () => {
		const live = page();
		const renamed = row({ title: 'Jeugdzorg 2026', version: 3 });
		expect(
			live.apply(event('finance.arrangement_updated.v1', { row: renamed, changed: ['title'] }))
		).toBe(true);
		expect(live.row.title).toBe('Jeugdzorg 2026');
		for (const changed of [['description'], ['agreementId'], ['layer'], ['sourceDocument']])
			expect(live.apply(event('finance.arrangement_updated.v1', { row: renamed, changed }))).toBe(
				false
			);
	});

	it('a circular’s amounts join the reconciliation, the newest circular counting', () => {
		const live = page();
		const circular = (id: string, kind: string, publishedOn: string) => ({
			id,
			kind,
			year: 2026,
			publishedOn,
			label: `${kind}circulaire 2026`
		});
		const amounts = (circularId: string, cents: number) => [
			{ circularId, arrangementId: 'a1', year: 2026, amountCents: cents }
		];
		const sept = circular('c2', 'september', '2026-09-15');
		const mei = circular('c1', 'mei', '2026-06-01');
		expect(
			live.apply(
				liveEvent(
					'finance.circular_amounts_recorded.v1',
					{ circular: sept, amounts: amounts('c2', 125_000_000_000), rows: [row()] },
					{ type: 'circular', id: 'c2', meetingId: null }
				)
			)
		).toBe(true);
		expect(
			live.apply(
				liveEvent(
					'finance.circular_amounts_recorded.v1',
					{ circular: mei, amounts: amounts('c1', 120_000_000_000), rows: [row()] },
					{ type: 'circular', id: 'c1', meetingId: null }
				)
			)
		).toBe(true);
		expect(live.reconciliation).toEqual([
			{
				year: 2026,
				committedCents: 130_000_000_000,
				processed: [
					{ circularId: 'c1', label: 'meicirculaire 2026', cents: 120_000_000_000 },
					{ circularId: 'c2', label: 'septembercirculaire 2026', cents: 125_000_000_000 }
				],
				processedCents: 125_000_000_000,
				differenceCents: -5_000_000_000
			}
		]);
	});

	it('another arrangement’s events and unfit payloads: nothing changes; an unheard type of its own reloads', () => {
		const live = page();
		const other = row({ id: 'a2', title: 'Iets anders' });
		expect(
			live.apply(event('finance.arrangement_updated.v1', { row: other, changed: ['title'] }, 'a2'))
		).toBe(true);
		expect(live.row.title).toBe('Middelen jeugdzorg');
		expect(live.apply(event('finance.entry_recorded.v1', { row: { id: 'a1' } }))).toBe(false);
		expect(live.apply(event('finance.something_new.v1', {}))).toBe(false);
		expect(live.apply(liveEvent('agenda_item.updated.v1', { id: 'x' }))).toBe(true);
		expect(live.row.title).toBe('Middelen jeugdzorg');
	});

	it('reconcile: years of either side, no difference without a circular', () => {
		expect(
			reconcile(
				[{ year: 2025, cents: 100 }],
				[{ circularId: 'c', label: 'mei', publishedOn: '2026-06-01', year: 2026, cents: 50 }]
			)
		).toEqual([
			{
				year: 2025,
				committedCents: 100,
				processed: [],
				processedCents: null,
				differenceCents: null
			},
			{
				year: 2026,
				committedCents: 0,
				processed: [{ circularId: 'c', label: 'mei', cents: 50 }],
				processedCents: 50,
				differenceCents: 50
			}
		]);
	});
});

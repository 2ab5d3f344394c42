import { describe, expect, it } from 'vitest';
import type { LiveArrangementRow } from '$lib/realtime/finance-payloads';
import { liveEvent } from '$lib/realtime/test-events';
import { applyTaskEvent, type TaskView } from './task-live';

/*
 * A task's page applies a koepel's new need and a linked arrangement's new entry in place, the
 * balance summed again as getTask sums it; an edit of the task, or an entry known by the moment a
 * past view shows, asks for a reload; what concerns another task or arrangement changes nothing.
 */

const row = (id: string, schedule: [number, number][]): LiveArrangementRow => ({
	id,
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
	schedule: schedule.map(([year, cents]) => ({ year, cents })),
	totalCents: schedule.reduce((sum, [, cents]) => sum + cents, 0),
	scheduleVersion: 1,
	marks: [],
	updatedAt: '2026-01-01T10:00:00.000Z',
	version: 1
});

const task = (asOf: TaskView['asOf'] = null): TaskView => ({
	id: 't1',
	arrangements: [row('a1', [[2026, 1_000]])],
	needHistory: [
		{
			id: 'n1',
			party: 'vng',
			year: 2026,
			cents: 1_500,
			source: 'Eerste raming',
			reportedByName: 'Fatima',
			reportedAt: '2026-01-01T10:00:00.000Z'
		}
	],
	balance: [
		{
			year: 2026,
			committedCents: 1_000,
			needs: [{ party: 'vng', cents: 1_500, source: 'Eerste raming' }],
			needCents: 1_500,
			balanceCents: -500
		}
	],
	committedCents: 1_000,
	needCents: 1_500,
	asOf
});

const need = (taskId: string, year: number, amountCents: number) =>
	liveEvent(
		'finance.need_reported.v1',
		{ taskId, party: 'vng', year, amountCents, source: 'Tweede raming' },
		{ type: 'finance_task', id: taskId, meetingId: null }
	);

const entry = (arrangement: LiveArrangementRow, knownAt = new Date().toISOString()) =>
	liveEvent(
		'finance.entry_recorded.v1',
		{
			row: arrangement,
			entry: {
				id: 'e2',
				sequence: 2,
				reason: 'bijgesteld',
				budgetMoment: null,
				knownAt,
				recordedAt: knownAt,
				recordedByName: 'Jan',
				correctsId: null,
				lines: []
			}
		},
		{ type: 'financial_arrangement', id: arrangement.id, meetingId: null }
	);

describe('applyTaskEvent', () => {
	it('applies a new need: the newest counts per koepel and year, the earlier stays', () => {
		const answer = applyTaskEvent(task(), need('t1', 2026, 4_000));
		if (answer.kind !== 'applied') throw new Error(answer.kind);
		expect(answer.task.balance).toEqual([
			{
				year: 2026,
				committedCents: 1_000,
				needs: [{ party: 'vng', cents: 4_000, source: 'Tweede raming' }],
				needCents: 4_000,
				balanceCents: -3_000
			}
		]);
		expect(answer.task.needHistory.map((line) => line.cents)).toEqual([4_000, 1_500]);
		expect([answer.task.committedCents, answer.task.needCents]).toEqual([1_000, 4_000]);
	});

	it("applies a linked arrangement's new schedule, summing the years again", () => {
		const answer = applyTaskEvent(
			task(),
			entry(
				row('a1', [
					[2026, 2_000],
					[2027, 700]
				])
			)
		);
		if (answer.kind !== 'applied') throw new Error(answer.kind);
		expect(
			answer.task.balance.map((year) => [year.year, year.committedCents, year.balanceCents])
		).toEqual([
			[2026, 2_000, 500],
			[2027, 700, 700]
		]);
		expect(answer.task.committedCents).toBe(2_700);
	});

	it("ignores another task's need and an arrangement it does not link", () => {
		expect(applyTaskEvent(task(), need('t2', 2026, 1)).kind).toBe('ignore');
		expect(applyTaskEvent(task(), entry(row('a9', [[2026, 1]]))).kind).toBe('ignore');
		expect(applyTaskEvent(task(), liveEvent('agreement.created.v1', {})).kind).toBe('ignore');
	});

	it('reloads for an edit of the task and for an unfit payload', () => {
		const saved = (taskId: string) =>
			liveEvent('finance.task_saved.v1', {
				taskId,
				name: 'Jeugdzorg',
				changed: ['arrangementIds']
			});
		expect(applyTaskEvent(task(), saved('t1')).kind).toBe('reload');
		expect(applyTaskEvent(task(), saved('t2')).kind).toBe('ignore');
		expect(
			applyTaskEvent(task(), liveEvent('finance.need_reported.v1', { taskId: 't1' })).kind
		).toBe('reload');
	});

	it('shown as known at a past moment: a new need is after it; an entry known by then reloads', () => {
		const past = task({ at: '2025-06-01T00:00:00.000Z' });
		expect(applyTaskEvent(past, need('t1', 2026, 9_000)).kind).toBe('ignore');
		expect(applyTaskEvent(past, entry(row('a1', [[2026, 5]]))).kind).toBe('ignore');
		expect(
			applyTaskEvent(past, entry(row('a1', [[2026, 5]]), '2025-05-01T00:00:00.000Z')).kind
		).toBe('reload');
	});
});

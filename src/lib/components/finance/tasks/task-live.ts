import { financePayloads } from '$lib/realtime/finance-payloads';
import type { RealtimeEvent } from '$lib/realtime/protocol';
import type { TaskDetail } from '$lib/server/finance/tasks';

/*
 * One task's page, kept current by the finance events (HOUSE.md, "Live state, not reloads"). A
 * koepel's new need and a new entry of a linked arrangement change the balance: both are applied in
 * place, the committed money summed again from the linked arrangements' schedules as the event
 * carries them, the needs taken newest per koepel and year, as getTask does in the database. What
 * cannot be applied asks for a reload (the answer 'reload'): an edit of the task itself (its links
 * may have changed, and the event names only what changed), or, on a page shown "as known at" a
 * moment, an entry known by then (one recorded with an earlier knownAt). Other events: 'ignore'.
 */

export type TaskView = Pick<
	TaskDetail,
	'id' | 'arrangements' | 'balance' | 'needHistory' | 'committedCents' | 'needCents'
> & { asOf: { at: string } | null };

export type TaskEventAnswer = { kind: 'applied'; task: TaskView } | { kind: 'ignore' | 'reload' };

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** The balance per year from the linked arrangements' schedules and the needs, newest first. */
export function balanceOf(
	arrangements: TaskView['arrangements'],
	history: TaskView['needHistory']
): Pick<TaskView, 'balance' | 'committedCents' | 'needCents'> {
	const committed = new Map<number, number>();
	for (const row of arrangements)
		for (const line of row.schedule)
			committed.set(line.year, (committed.get(line.year) ?? 0) + line.cents);
	const newest = new Map<string, TaskView['needHistory'][number]>();
	for (const need of history) {
		const key = `${need.party}:${need.year}`;
		if (!newest.has(key)) newest.set(key, need);
	}
	const years = [...new Set([...committed.keys(), ...[...newest.values()].map((n) => n.year)])];
	years.sort((x, y) => x - y);
	const balance = years.map((year) => {
		const needs = [...newest.values()]
			.filter((need) => need.year === year)
			.map((need) => ({ party: need.party, cents: need.cents, source: need.source }));
		const needCents = sum(needs.map((need) => need.cents));
		const committedCents = committed.get(year) ?? 0;
		return { year, committedCents, needs, needCents, balanceCents: committedCents - needCents };
	});
	return {
		balance,
		committedCents: sum(balance.map((year) => year.committedCents)),
		needCents: sum(balance.map((year) => year.needCents))
	};
}

export function applyTaskEvent(task: TaskView, event: RealtimeEvent): TaskEventAnswer {
	if (event.type === 'finance.task_saved.v1') {
		const payload = financePayloads['finance.task_saved.v1'].safeParse(event.payload);
		if (!payload.success) return { kind: 'reload' };
		return payload.data.taskId === task.id ? { kind: 'reload' } : { kind: 'ignore' };
	}
	if (event.type === 'finance.need_reported.v1') {
		const payload = financePayloads['finance.need_reported.v1'].safeParse(event.payload);
		if (!payload.success) return { kind: 'reload' };
		const need = payload.data;
		if (need.taskId !== task.id) return { kind: 'ignore' };
		// Reported now: after any moment the page is shown as of.
		if (task.asOf && Date.parse(event.occurredAt) > Date.parse(task.asOf.at))
			return { kind: 'ignore' };
		if (task.needHistory.some((line) => line.id === `event-${event.id}`)) return { kind: 'ignore' };
		const needHistory = [
			{
				id: `event-${event.id}`,
				party: need.party,
				year: need.year,
				cents: need.amountCents,
				source: need.source,
				// The event names no person; the koepel is said beside it.
				reportedByName: '',
				reportedAt: event.occurredAt
			},
			...task.needHistory
		];
		return {
			kind: 'applied',
			task: { ...task, needHistory, ...balanceOf(task.arrangements, needHistory) }
		};
	}
	if (event.type === 'finance.entry_recorded.v1') {
		const payload = financePayloads['finance.entry_recorded.v1'].safeParse(event.payload);
		if (!payload.success) return { kind: 'reload' };
		const { row, entry } = payload.data;
		if (!task.arrangements.some((linked) => linked.id === row.id)) return { kind: 'ignore' };
		if (task.asOf)
			return Date.parse(entry.knownAt) <= Date.parse(task.asOf.at)
				? { kind: 'reload' }
				: { kind: 'ignore' };
		const arrangements = task.arrangements.map((linked) => (linked.id === row.id ? row : linked));
		return {
			kind: 'applied',
			task: { ...task, arrangements, ...balanceOf(arrangements, task.needHistory) }
		};
	}
	return { kind: 'ignore' };
}

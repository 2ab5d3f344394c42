import type { z } from 'zod/mini';
import { receivingParty } from '$lib/components/finance/labels';
import {
	financePayloads,
	type LiveArrangementRow,
	type LiveEntry,
	type ScheduleYear
} from './finance-payloads';
import { markChanged } from './live.svelte';
import { NewestEvents } from './list-live.svelte';
import type { RealtimeEvent } from './protocol';

/*
 * The overview of arrangements, live (HOUSE.md, "Live state, not reloads"). Every arrangement event
 * carries the arrangement's overview row, its schedule now included, and an entry's event its lines
 * (the change per year). So the overview judges by its own filters whether a row enters, changes or
 * leaves, and keeps its totals row exact in place: the totals are the sum over the whole selection,
 * so a row that stays in it adds its entry's lines, one that enters adds its schedule and one that
 * leaves takes its schedule before the change away, whether or not the row is on this page. Only
 * integer cents are added, never euros.
 *
 * What it cannot judge it does not guess: a full-text search (ranked in the database), a page other
 * than the whole selection, the schedule "as known at" a past moment of a row it does not show.
 * Then it keeps what it shows and says that the overview changed (`stale`), for the reader to
 * refresh. Only an entry that was already known at the moment viewed (its knownAt at or before it,
 * a back-dated entry) changes the past: that one it cannot apply, and the page reloads.
 */

/** The overview's filters as the verb takes them (overview-params.ts readOverviewParams). */
export interface OverviewFilter {
	q?: string;
	layer?: readonly string[];
	instrument?: readonly string[];
	status?: readonly string[];
	party?: string;
	year?: string | number;
	moment?: string;
	notProcessed?: boolean;
	asOf?: string;
	sort?: 'reference' | 'title' | 'total' | 'status' | 'layer';
	dir?: 'asc' | 'desc';
}

/** The totals row: per year of `years` the cents, and over all years. */
export interface OverviewTotals {
	years: number[];
	values: number[];
	totalCents: number;
}

export interface OverviewStart {
	rows: readonly LiveArrangementRow[];
	total: number;
	page: number;
	pageSize: number;
	filter: OverviewFilter;
	/** The instant viewed "as known at", or null for now. */
	asOf: Date | string | null;
	totals: OverviewTotals;
	viewer: { personId: string };
}

export interface OverviewChange {
	kind: 'added' | 'changed' | 'removed';
	title: string;
	byPersonId: string | null;
}

type Maybe = boolean | undefined;

/** true if all are, false if any is not, else unknown. */
const all = (checks: Maybe[]): Maybe =>
	checks.includes(false) ? false : checks.includes(undefined) ? undefined : true;

/** What the filters read of a row; undefined where an event does not tell it. */
export interface RowFacts {
	layer: string;
	instrument: string;
	status: string | undefined;
	momentKey: string | null | undefined;
	notProcessed: boolean | undefined;
	schedule: readonly ScheduleYear[] | undefined;
}

export const factsOf = (row: LiveArrangementRow): RowFacts => ({
	layer: row.layer,
	instrument: row.instrument,
	status: row.status,
	momentKey: row.budgetMoment?.key ?? null,
	notProcessed: row.notProcessedAsExpected,
	schedule: row.schedule
});

/** Whether a row with these facts is in the selection, leaving the search words aside. */
export function matchesFilter(facts: RowFacts, filter: OverviewFilter): Maybe {
	const checks: Maybe[] = [];
	const maybe = <T>(value: T | undefined, test: (value: T) => boolean): Maybe =>
		value === undefined ? undefined : test(value);
	if (filter.layer?.length) checks.push(filter.layer.includes(facts.layer));
	if (filter.instrument?.length) checks.push(filter.instrument.includes(facts.instrument));
	if (filter.status?.length) {
		const chosen = filter.status;
		checks.push(maybe(facts.status, (status) => chosen.includes(status)));
	}
	if (filter.party)
		checks.push(receivingParty[facts.layer as keyof typeof receivingParty] === filter.party);
	if (filter.moment) checks.push(maybe(facts.momentKey, (key) => key === filter.moment));
	if (filter.notProcessed) checks.push(facts.notProcessed);
	if (filter.year !== undefined && filter.year !== '') {
		const year = Number(filter.year);
		checks.push(maybe(facts.schedule, (schedule) => centsIn(schedule, year) !== 0));
	}
	return all(checks);
}

const centsIn = (schedule: readonly ScheduleYear[], year: number) =>
	schedule.find((line) => line.year === year)?.cents ?? 0;

/** The schedule before an entry: after it, less the entry's change per year. */
export function scheduleBefore(row: LiveArrangementRow, entry: LiveEntry): ScheduleYear[] {
	// A value computed once, not state.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	const byYear = new Map<number, number>(row.schedule.map((line) => [line.year, line.cents]));
	for (const line of entry.lines)
		byYear.set(line.year, (byYear.get(line.year) ?? 0) - line.deltaCents);
	return [...byYear.entries()]
		.filter(([, cents]) => cents !== 0)
		.map(([year, cents]) => ({ year, cents }))
		.sort((x, y) => x.year - y.year);
}

type FinanceEventType = keyof typeof financePayloads;
type Payloads = { [T in FinanceEventType]: z.infer<(typeof financePayloads)[T]> };
export type FinanceEvent = {
	[T in FinanceEventType]: { type: T; payload: Payloads[T] };
}[FinanceEventType];

/** The finance event with its payload parsed, or null for another event or an unfit payload. */
export function financeEventOf(event: RealtimeEvent): FinanceEvent | null {
	if (!Object.hasOwn(financePayloads, event.type)) return null;
	const type = event.type as FinanceEventType;
	const parsed = financePayloads[type].safeParse(event.payload);
	return parsed.success ? ({ type, payload: parsed.data } as FinanceEvent) : null;
}

/** The fields of an edit that the search reads. */
const textFields = ['title', 'description'];

/**
 * A row's facts before the change, as far as the event tells them: null for a new arrangement,
 * the shown row when there is one (it is what the filters judged), else the row now with what
 * the change may have moved unknown.
 */
function factsBefore(
	parsed: FinanceEvent,
	row: LiveArrangementRow,
	shown: LiveArrangementRow | undefined
): RowFacts | null {
	if (parsed.type === 'finance.arrangement_created.v1') return null;
	if (shown) return factsOf(shown);
	const now = factsOf(row);
	switch (parsed.type) {
		case 'finance.arrangement_updated.v1': {
			const changed = parsed.payload.changed;
			if (changed.includes('layer') || changed.includes('instrument')) return null;
			return {
				...now,
				momentKey: changed.includes('budgetMomentId') ? undefined : now.momentKey,
				notProcessed: changed.includes('expectedCircular') ? undefined : now.notProcessed
			};
		}
		case 'finance.entry_recorded.v1':
			return { ...now, schedule: scheduleBefore(row, parsed.payload.entry) };
		case 'finance.status_changed.v1':
			return { ...now, status: parsed.payload.from, notProcessed: undefined };
		case 'finance.circular_amounts_recorded.v1':
			return { ...now, status: undefined, notProcessed: undefined };
		default:
			return now;
	}
}

/** Whether a row that stays in or out as it was may still be a different match for the search. */
function changesText(parsed: FinanceEvent): boolean {
	return (
		parsed.type === 'finance.arrangement_updated.v1' &&
		parsed.payload.changed.some((field) => textFields.includes(field))
	);
}

const statusRank: Record<string, number> = {
	voorgesteld: 0,
	toegezegd: 1,
	verwerkt: 2,
	uitbetaald: 3,
	vervallen: 4
};
const referenceNumber = (row: LiveArrangementRow) => Number(row.reference.replace(/\D/g, ''));
const compare = <T>(x: T, y: T) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * The overview's order, as arrangementOverview sorts (queries.ts): by kenmerk unless told
 * otherwise, then the kenmerk. Null when the order is the search's ranking, which only the
 * database knows.
 */
export function overviewOrder(filter: OverviewFilter) {
	if (!filter.sort && filter.q) return null;
	const sign = filter.dir === 'desc' ? -1 : 1;
	const key: Record<string, (a: LiveArrangementRow, b: LiveArrangementRow) => number> = {
		reference: (a, b) => compare(referenceNumber(a), referenceNumber(b)),
		title: (a, b) => compare(a.title.toLowerCase(), b.title.toLowerCase()),
		total: (a, b) => compare(a.totalCents, b.totalCents),
		status: (a, b) => statusRank[a.status]! - statusRank[b.status]!,
		layer: (a, b) => compare(a.layer, b.layer) || compare(a.instrument, b.instrument)
	};
	const first = key[filter.sort ?? 'reference']!;
	return (a: LiveArrangementRow, b: LiveArrangementRow) =>
		sign * first(a, b) || compare(referenceNumber(a), referenceNumber(b));
}

/** Whether a row's place in the order changed. */
function sortKeyChanged(
	previous: LiveArrangementRow,
	next: LiveArrangementRow,
	filter: OverviewFilter
) {
	return overviewOrder({ sort: filter.sort ?? 'reference' })!(previous, next) !== 0;
}

/** Whether an event about a row not on screen may change its place in the order. */
function mayMove(parsed: FinanceEvent, filter: OverviewFilter): boolean {
	switch (filter.sort) {
		case 'total':
			return parsed.type === 'finance.entry_recorded.v1';
		case 'status':
			return (
				parsed.type === 'finance.status_changed.v1' ||
				parsed.type === 'finance.circular_amounts_recorded.v1'
			);
		case 'title':
			return (
				parsed.type === 'finance.arrangement_updated.v1' && parsed.payload.changed.includes('title')
			);
		case 'layer':
			return (
				parsed.type === 'finance.arrangement_updated.v1' &&
				parsed.payload.changed.some((field) => field === 'layer' || field === 'instrument')
			);
		default:
			return false;
	}
}

export class FinanceOverviewLive {
	rows = $state<LiveArrangementRow[]>([]);
	total = $state(0);
	totals = $state<OverviewTotals>({ years: [], values: [], totalCents: 0 });
	/** The overview changed in a way this selection cannot show by itself: offer to refresh. */
	stale = $state(false);
	lastChange = $state<OverviewChange | null>(null);
	readonly newest = new NewestEvents();
	#start: OverviewStart;
	#order: ReturnType<typeof overviewOrder>;
	#asOf: number | null;

	constructor(start: OverviewStart) {
		this.rows = [...start.rows];
		this.total = start.total;
		this.totals = {
			years: [...start.totals.years],
			values: [...start.totals.values],
			totalCents: start.totals.totalCents
		};
		this.#start = start;
		this.#order = overviewOrder(start.filter);
		this.#asOf =
			start.asOf === null
				? null
				: typeof start.asOf === 'string'
					? Date.parse(start.asOf)
					: start.asOf.getTime();
	}

	/** Every match is on screen: the first page holds the whole selection. */
	get #complete() {
		return this.#start.page === 1 && this.rows.length === this.total;
	}

	/** Applies one event; false (reload) for a finance event it cannot apply. */
	apply(event: RealtimeEvent): boolean {
		if (!event.type.startsWith('finance.')) return true;
		const parsed = financeEventOf(event);
		if (!parsed) return false;
		if (parsed.type === 'finance.circular_added.v1') return true;
		if (parsed.type === 'finance.task_saved.v1' || parsed.type === 'finance.need_reported.v1')
			return true;
		if (parsed.type === 'finance.entry_recorded.v1' && this.#asOf !== null) {
			// The past as viewed changes only by an entry known by then (a back-dated one).
			return Date.parse(parsed.payload.entry.knownAt) > this.#asOf;
		}
		const rows =
			parsed.type === 'finance.circular_amounts_recorded.v1'
				? parsed.payload.rows
				: [parsed.payload.row];
		for (const row of rows) {
			if (!this.newest.isNewest(row.id, event.id)) continue;
			this.#applyRow(parsed, row, event.actorPersonId);
		}
		return true;
	}

	#applyRow(parsed: FinanceEvent, next: LiveArrangementRow, by: string | null) {
		const { filter, viewer } = this.#start;
		const index = this.rows.findIndex((shown) => shown.id === next.id);
		const shown = index >= 0 ? this.rows[index] : undefined;
		const past = this.#asOf !== null;
		// As known at a past moment the schedule shown stays as it was then; the rest is as now.
		const row: LiveArrangementRow =
			past && shown
				? {
						...next,
						schedule: shown.schedule,
						totalCents: shown.totalCents,
						scheduleVersion: shown.scheduleVersion
					}
				: next;
		const complete = this.#complete;
		if (past && parsed.type === 'finance.arrangement_created.v1') {
			// New now: in the view as known then only with a back-dated schedule, which it cannot tell.
			if (matchesFilter({ ...factsOf(row), schedule: undefined }, filter) !== false)
				this.stale = true;
			return;
		}

		const factsAfter = factsOf(row);
		const factsPrior = factsBefore(parsed, row, shown);
		if (past && !shown) {
			// Neither schedule as known then is at hand: a year filter cannot be judged.
			factsAfter.schedule = undefined;
			if (factsPrior) factsPrior.schedule = undefined;
		}
		const restAfter = matchesFilter(factsAfter, filter);
		const restBefore = factsPrior === null ? false : matchesFilter(factsPrior, filter);
		const searched = Boolean(filter.q);
		const after: Maybe = searched && restAfter !== false ? undefined : restAfter;
		const before: Maybe =
			shown !== undefined
				? true
				: complete
					? false
					: searched && restBefore !== false
						? undefined
						: restBefore;
		const same =
			restBefore !== undefined &&
			restBefore === restAfter &&
			(!searched ||
				(parsed.type !== 'finance.arrangement_created.v1' && !changesText(parsed)) ||
				shown !== undefined);

		this.#applyTotals(parsed, row, factsPrior, before, after, same);

		if (shown) {
			if (by !== viewer.personId) markChanged(row.id);
			if (after === false) {
				this.rows = this.rows.filter((one) => one.id !== row.id);
				this.total = Math.max(0, this.total - 1);
				if (!complete) this.stale = true;
				this.#tell('removed', row.title, by);
				return;
			}
			const rows = this.rows.with(index, row);
			if (this.#order && complete) rows.sort(this.#order);
			else if (sortKeyChanged(shown, row, filter)) this.stale = true;
			if (after === undefined && !same) this.stale = true;
			this.rows = rows;
			this.#tell('changed', row.title, by);
			return;
		}
		if (same) {
			// In or out as it was; a match on another page may have moved onto this one.
			if (before !== false && this.#order && !complete && mayMove(parsed, filter))
				this.stale = true;
			return;
		}
		if (after === false) {
			if (before === true) this.total = Math.max(0, this.total - 1);
			if (before !== false) this.stale = true;
			return;
		}
		if (after === true && before === false) {
			this.total += 1;
			if (complete && this.#order && !past) {
				if (by !== viewer.personId) markChanged(row.id);
				this.rows = [...this.rows, row].sort(this.#order).slice(0, this.#start.pageSize);
				this.#tell('added', row.title, by);
			} else this.stale = true;
			return;
		}
		this.stale = true;
	}

	/**
	 * The totals row over the whole selection, in place: a row in it before and after adds its
	 * entry's lines; one that enters adds its schedule, one that leaves takes its schedule before
	 * away. Unknown membership, or a past schedule not at hand: the totals are stale.
	 */
	#applyTotals(
		parsed: FinanceEvent,
		row: LiveArrangementRow,
		prior: RowFacts | null,
		before: Maybe,
		after: Maybe,
		same: boolean
	) {
		const entry = parsed.type === 'finance.entry_recorded.v1' ? parsed.payload.entry : null;
		let [wasIn, isIn] = [before, after];
		if (same) wasIn = isIn = before ?? after;
		if (wasIn === isIn) {
			// In or out as it was: only an entry changes a schedule (none gets here as known at a past moment).
			if (!entry) return;
			if (wasIn === undefined) this.stale = true;
			else if (wasIn)
				this.#add(
					entry.lines.map((line) => ({ year: line.year, cents: line.deltaCents })),
					1
				);
			return;
		}
		if (wasIn === undefined || isIn === undefined || this.#asOf !== null) {
			this.stale = true;
			return;
		}
		if (isIn) this.#add(row.schedule, 1);
		else if (prior?.schedule) this.#add(prior.schedule, -1);
		else this.stale = true;
	}

	#add(lines: readonly ScheduleYear[], sign: 1 | -1) {
		const year = this.#start.filter.year;
		const only = year === undefined || year === '' ? null : Number(year);
		const years = [...this.totals.years];
		const values = [...this.totals.values];
		let totalCents = this.totals.totalCents;
		for (const line of lines) {
			if (line.cents === 0 || (only !== null && line.year !== only)) continue;
			let at = years.indexOf(line.year);
			if (at < 0) {
				at = years.findIndex((one) => one > line.year);
				if (at < 0) at = years.length;
				years.splice(at, 0, line.year);
				values.splice(at, 0, 0);
			}
			values[at] = values[at]! + sign * line.cents;
			totalCents += sign * line.cents;
		}
		this.totals = { years, values, totalCents };
	}

	#tell(kind: OverviewChange['kind'], title: string, byPersonId: string | null) {
		this.lastChange = { kind, title, byPersonId };
	}
}

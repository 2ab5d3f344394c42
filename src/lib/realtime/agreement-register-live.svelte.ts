import type { LiveAgreementRow } from './agreement-payloads';
import {
	agreementEventOf,
	all,
	anyOwner,
	factsBefore,
	factsOf,
	type AgreementEvent,
	type Maybe,
	type RowFacts
} from './agreement-events';
import { markChanged } from './live.svelte';
import { NewestEvents } from './list-live.svelte';
import { meetingTitleOf } from './meeting-change';
import type { RealtimeEvent } from './protocol';

/*
 * The register's live rows (HOUSE.md, "Live state, not reloads"). Every agreement event carries
 * the agreement's register row, so the register judges by its own filters whether the row enters,
 * changes or leaves the selection, in place and for everyone at once, without asking the server.
 * What it cannot judge it does not guess: a full-text search (ranked in the database), a page
 * other than the whole selection, a fact the event does not carry. Then it keeps what it shows and
 * says that the register changed (`stale`), for the reader to refresh; it never reloads by itself.
 */

/** The register's filters as the verb takes them (agreementRegister's input). */
export interface RegisterFilter {
	q?: string;
	party?: string;
	/** One or more: a row in any of them matches. */
	status?: readonly string[];
	meetingId?: string;
	from?: string;
	to?: string;
	overdue?: boolean;
	mine?: boolean;
	myParty?: boolean;
	sort?: 'deadline' | 'status' | 'title' | 'meeting';
	dir?: 'asc' | 'desc';
}

export interface RegisterStart {
	rows: readonly LiveAgreementRow[];
	total: number;
	page: number;
	pageSize: number;
	filter: RegisterFilter;
	viewer: { personId: string; party: string | null };
}

export interface RegisterChange {
	kind: 'added' | 'changed' | 'removed';
	title: string;
	byPersonId: string | null;
}

/** Whether a row with these facts is in the selection, leaving the search words aside. */
export function matchesFilter(
	facts: RowFacts,
	filter: RegisterFilter,
	viewer: RegisterStart['viewer']
): Maybe {
	const checks: Maybe[] = [];
	const maybe = <T>(value: T | undefined, test: (value: T) => boolean): Maybe =>
		value === undefined ? undefined : test(value);
	if (filter.party) checks.push(anyOwner(facts.owners, (o) => o.party === filter.party));
	if (filter.myParty) checks.push(anyOwner(facts.owners, (o) => o.party === viewer.party));
	if (filter.mine)
		checks.push(anyOwner(facts.owners, (o) => o.contactPersonId === viewer.personId));
	if (filter.status?.length) {
		const chosen = filter.status;
		checks.push(maybe(facts.status, (status) => chosen.includes(status)));
	}
	if (filter.meetingId) checks.push(facts.meetingId === filter.meetingId);
	if (filter.from) checks.push(maybe(facts.deadline, (deadline) => deadline >= filter.from!));
	if (filter.to) checks.push(maybe(facts.deadline, (deadline) => deadline <= filter.to!));
	if (filter.overdue) checks.push(facts.overdue);
	return all(checks);
}

const statusRank: Record<string, number> = {
	open: 0,
	in_uitvoering: 1,
	vertraagd: 2,
	afgerond: 3,
	vervallen: 4
};

/**
 * The register's order, as agreementRegister sorts (queries.ts): by deadline unless told
 * otherwise, then the agreement's id. Null when the order is the search's ranking, which only the
 * database knows.
 */
export function registerOrder(filter: RegisterFilter) {
	if (!filter.sort && filter.q) return null;
	const sign = filter.dir === 'desc' ? -1 : 1;
	const byDeadline = (a: LiveAgreementRow, b: LiveAgreementRow) =>
		a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0;
	const key: Record<string, (a: LiveAgreementRow, b: LiveAgreementRow) => number> = {
		deadline: (a, b) => sign * byDeadline(a, b),
		status: (a, b) => sign * (statusRank[a.status]! - statusRank[b.status]!) || byDeadline(a, b),
		title: (a, b) => {
			const [x, y] = [a.title.toLowerCase(), b.title.toLowerCase()];
			return sign * (x < y ? -1 : x > y ? 1 : 0);
		},
		meeting: (a, b) =>
			sign * (Date.parse(a.meetingStartsAt) - Date.parse(b.meetingStartsAt)) || byDeadline(a, b)
	};
	const first = key[filter.sort ?? 'deadline']!;
	return (a: LiveAgreementRow, b: LiveAgreementRow) =>
		first(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Whether an event changes the text the search reads (title, body, condition, reason). */
function changesText(parsed: AgreementEvent): boolean {
	if (parsed.type === 'agreement.updated.v1')
		return parsed.payload.changed.some((field) => ['title', 'body', 'condition'].includes(field));
	if (parsed.type === 'agreement.status_changed.v1')
		return parsed.payload.from === 'vervallen' || parsed.payload.to === 'vervallen';
	return false;
}

/** Whether a row's place in the order changed. */
function sortKeyChanged(
	previous: LiveAgreementRow,
	next: LiveAgreementRow,
	filter: RegisterFilter
) {
	const sort = filter.sort ?? 'deadline';
	if (previous.deadline !== next.deadline) return sort !== 'title';
	if (sort === 'status') return previous.status !== next.status;
	if (sort === 'title') return previous.title !== next.title;
	return sort === 'meeting' && previous.meetingStartsAt !== next.meetingStartsAt;
}

/** Whether an event about a row not on screen may change its place in the order. */
function mayMove(parsed: AgreementEvent, filter: RegisterFilter): boolean {
	const sort = filter.sort ?? 'deadline';
	if (parsed.type === 'agreement.updated.v1')
		return parsed.payload.changed.includes(sort === 'title' ? 'title' : 'deadline');
	return parsed.type === 'agreement.status_changed.v1' && sort === 'status';
}

export class AgreementRegisterLive {
	rows = $state<LiveAgreementRow[]>([]);
	total = $state(0);
	/** The register changed in a way this selection cannot show by itself: offer to refresh. */
	stale = $state(false);
	lastChange = $state<RegisterChange | null>(null);
	readonly newest = new NewestEvents();
	#start: RegisterStart;
	#order: ReturnType<typeof registerOrder>;

	constructor(start: RegisterStart) {
		this.rows = [...start.rows];
		this.total = start.total;
		this.#start = start;
		this.#order = registerOrder(start.filter);
	}

	/** Every match is on screen: the first page holds the whole selection. */
	get #complete() {
		return this.#start.page === 1 && this.rows.length === this.total;
	}

	/** Applies one event; false (reload) only for an agreement event whose payload does not fit. */
	apply(event: RealtimeEvent): boolean {
		if (event.subjectType === 'meeting') return this.#meeting(event);
		const parsed = agreementEventOf(event);
		if (!parsed) return event.subjectType !== 'agreement';
		const row = parsed.payload.row;
		if (!this.newest.isNewest(row.id, event.id)) return true;
		const { filter, viewer } = this.#start;
		const by = event.actorPersonId;
		const index = this.rows.findIndex((shown) => shown.id === row.id);
		const complete = this.#complete;

		// In the selection before and after, by the filters; the search words only the database judges.
		const restOf = (facts: RowFacts | null): Maybe =>
			facts === null ? false : matchesFilter(facts, filter, viewer);
		const restAfter = restOf(factsOf(row));
		const restBefore = restOf(factsBefore(parsed));
		const searched = Boolean(filter.q);
		const after: Maybe = searched && restAfter !== false ? undefined : restAfter;
		// With every match on screen, one not shown was no match.
		const before: Maybe =
			index < 0 && complete ? false : searched && restBefore !== false ? undefined : restBefore;
		// Whether it is in or out exactly as it was, whatever the search words say.
		const same =
			restBefore !== undefined &&
			restBefore === restAfter &&
			(!searched || (parsed.type !== 'agreement.created.v1' && !changesText(parsed)));

		if (index >= 0) {
			if (by !== viewer.personId) markChanged(row.id);
			if (after === false) {
				this.rows = this.rows.filter((shown) => shown.id !== row.id);
				this.total = Math.max(0, this.total - 1);
				// The next page's first row would now come up: not known here.
				if (!complete) this.stale = true;
				this.#tell('removed', row.title, by);
				return true;
			}
			const previous = this.rows[index]!;
			const rows = this.rows.with(index, row);
			if (this.#order && complete) rows.sort(this.#order);
			else if (this.#order && sortKeyChanged(previous, row, filter)) this.stale = true;
			// A changed text may no longer match the search words.
			if (after === undefined && !same) this.stale = true;
			this.rows = rows;
			this.#tell('changed', row.title, by);
			return true;
		}
		if (same) {
			// In or out as it was; a match on another page may have moved onto this one.
			if (before !== false && this.#order && !complete && mayMove(parsed, filter))
				this.stale = true;
			return true;
		}
		if (after === false) {
			// It left the selection from a page not shown, or may have.
			if (before === true) this.total = Math.max(0, this.total - 1);
			if (before !== false) this.stale = true;
			return true;
		}
		if (after === true && before === false) {
			this.total += 1;
			if (complete && this.#order) {
				if (by !== viewer.personId) markChanged(row.id);
				this.rows = [...this.rows, row].sort(this.#order).slice(0, this.#start.pageSize);
				this.#tell('added', row.title, by);
			} else this.stale = true;
			return true;
		}
		this.stale = true;
		return true;
	}

	/** A meeting renamed: the rows that name it follow. Any other change of it is no row's. */
	#meeting(event: RealtimeEvent): boolean {
		const named = meetingTitleOf(event);
		if (!named || named.title === null) return true;
		if (!this.newest.isNewest(`meeting:${named.meetingId}`, event.id)) return true;
		const title = named.title;
		if (this.rows.some((row) => row.meetingId === named.meetingId && row.meetingTitle !== title))
			this.rows = this.rows.map((row) =>
				row.meetingId === named.meetingId ? { ...row, meetingTitle: title } : row
			);
		return true;
	}

	#tell(kind: RegisterChange['kind'], title: string, byPersonId: string | null) {
		this.lastChange = { kind, title, byPersonId };
	}
}

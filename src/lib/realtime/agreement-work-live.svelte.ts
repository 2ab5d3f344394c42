import type { LiveAgreementRow } from './agreement-payloads';
import {
	agreementEventOf,
	factsBefore,
	factsOf,
	type AgreementEvent,
	type Maybe,
	type RowFacts
} from './agreement-events';
import { NewestEvents } from './list-live.svelte';
import type { RealtimeEvent } from './protocol';

/*
 * The party's agreements on "Mijn werk", live: its dashboard and its three short lists
 * (server/work/agreements.ts). Each agreement event carries the register row, so the lists judge
 * in place whether the row enters, changes or leaves them, and the dashboard counts follow by the
 * difference the change makes, for each person of the party without asking the server. Where the
 * event does not tell enough (an old closing date, a full list whose next row is unknown, a
 * koepel's word the row does not carry) it answers false: this one person's page reloads its data.
 * The days it judges "due soon" by come from the server (today, dueUntil), not from a second copy
 * of the rule here.
 */

type Dashboard = {
	open: number;
	dueSoon: number;
	overdue: number;
	doneThisYear: number;
	awaitingRatification: number;
};
type RatificationRow = LiveAgreementRow & { closesOn: string | null };

export interface AgreementWorkStart {
	party: string;
	today: string;
	dueUntil: string;
	limit: number;
	dashboard: Dashboard & { party: string };
	due: LiveAgreementRow[];
	progressOwed: LiveAgreementRow[] | null;
	ratifications: RatificationRow[] | null;
}

const closed = (status: string | undefined): Maybe =>
	status === undefined ? undefined : status === 'afgerond' || status === 'vervallen';
const not = (value: Maybe): Maybe => (value === undefined ? undefined : !value);
const and = (...values: Maybe[]): Maybe =>
	values.includes(false) ? false : values.includes(undefined) ? undefined : true;

const byDue = (a: LiveAgreementRow, b: LiveAgreementRow) =>
	a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : 1;
const byCloses = (a: RatificationRow, b: RatificationRow) =>
	(a.closesOn ?? '9999') < (b.closesOn ?? '9999')
		? -1
		: a.closesOn === b.closesOn
			? byDue(a, b)
			: 1;

export class AgreementWorkLive {
	dashboard = $state<Dashboard>({
		open: 0,
		dueSoon: 0,
		overdue: 0,
		doneThisYear: 0,
		awaitingRatification: 0
	});
	due = $state<LiveAgreementRow[]>([]);
	progressOwed = $state<LiveAgreementRow[] | null>(null);
	ratifications = $state<RatificationRow[] | null>(null);
	readonly newest = new NewestEvents();
	#start: AgreementWorkStart;

	constructor(start: AgreementWorkStart) {
		const { open, dueSoon, overdue, doneThisYear, awaitingRatification } = start.dashboard;
		this.dashboard = { open, dueSoon, overdue, doneThisYear, awaitingRatification };
		this.due = [...start.due];
		this.progressOwed = start.progressOwed && [...start.progressOwed];
		this.ratifications = start.ratifications && [...start.ratifications];
		this.#start = start;
	}

	/** Applies one agreement event; false when this page must reload its data instead. */
	apply(event: RealtimeEvent): boolean {
		const parsed = agreementEventOf(event);
		if (!parsed) return false;
		const row = parsed.payload.row;
		if (!this.newest.isNewest(row.id, event.id)) return true;
		const before = this.#withOverdue(factsBefore(parsed));
		const after = factsOf(row);
		const counts = this.#counts(parsed, before, after);
		const ratified = this.#ratifications(parsed);
		if (!counts || ratified === false || !this.#due(row) || !this.#owed(parsed)) return false;
		this.dashboard = counts;
		return true;
	}

	/**
	 * Overdue before a change that does not carry it (a closing): open and due before today, by the
	 * day the server judged the page on, as the dashboard's count measures it.
	 */
	#withOverdue(facts: RowFacts | null): RowFacts | null {
		if (!facts || facts.overdue !== undefined || !facts.status || !facts.dueDate) return facts;
		return { ...facts, overdue: !closed(facts.status) && facts.dueDate < this.#start.today };
	}

	#owns(facts: RowFacts | null): Maybe {
		if (facts === null) return false;
		return facts.owners ? facts.owners.some((o) => o.party === this.#start.party) : undefined;
	}

	/** The dashboard after the change, or null when the event does not tell the difference. */
	#counts(parsed: AgreementEvent, before: RowFacts | null, after: RowFacts): Dashboard | null {
		const { today, dueUntil } = this.#start;
		const contributions = (facts: RowFacts | null, isAfter: boolean) => {
			const owned = this.#owns(facts);
			if (facts === null) return null;
			const open = and(owned, not(closed(facts.status)));
			const dueSoon = and(
				open,
				facts.dueDate === undefined
					? undefined
					: facts.dueDate >= today && facts.dueDate <= dueUntil
			);
			const done =
				facts.status === 'afgerond'
					? // Closed by this very event: this year. Closed before: its date is not in the row.
						and(owned, isAfter && parsed.type === 'agreement.status_changed.v1' ? true : undefined)
					: false;
			return { open, dueSoon, overdue: and(owned, facts.overdue), doneThisYear: done };
		};
		const was = contributions(before, false);
		const now = contributions(after, true)!;
		const next = { ...this.dashboard };
		for (const key of ['open', 'dueSoon', 'overdue', 'doneThisYear'] as const) {
			const from = was ? was[key] : false;
			const to = now[key];
			// The same facts make the same count, known or not (an edit of an old, closed agreement).
			if (
				key === 'doneThisYear' &&
				before &&
				before.status === after.status &&
				this.#owns(before) === this.#owns(after)
			)
				continue;
			if (from === undefined || to === undefined) return null;
			next[key] += Number(to) - Number(from);
		}
		const awaiting = this.#awaitingDelta(parsed, before, after);
		if (awaiting === null) return null;
		next.awaitingRatification += awaiting;
		return next;
	}

	/**
	 * How "wacht op bekrachtiging" changes. A koepel's own consultation is what its list holds (the
	 * same rule as the count); for the Rijk, its agreements waiting for any koepel: the row's
	 * summary says so unless a koepel rejected (then another may still consult).
	 */
	#awaitingDelta(parsed: AgreementEvent, before: RowFacts | null, after: RowFacts): number | null {
		const party = this.#start.party;
		if (party !== 'rijk') {
			const list = this.ratifications;
			if (!list) return 0;
			const held = list.some((r) => r.id === parsed.payload.row.id);
			const member = this.#ratificationMember(parsed, held);
			if (member === undefined) return null;
			return Number(member) - Number(held);
		}
		const summary = parsed.payload.row.ratification;
		if (parsed.type === 'agreement.ratification_recorded.v1') return null;
		const waiting = summary === 'lopend' ? true : summary === 'afgewezen' ? undefined : false;
		const count = (facts: RowFacts | null): Maybe =>
			facts === null
				? false
				: and(
						this.#owns(facts),
						facts.status === undefined ? undefined : facts.status !== 'vervallen',
						waiting
					);
		const from = count(before);
		const to = count(after);
		if (from === to) return 0;
		if (from === undefined || to === undefined) return null;
		return Number(to) - Number(from);
	}

	/** Whether the agreement is on the koepel's ratification list after the event. */
	#ratificationMember(parsed: AgreementEvent, held: boolean): Maybe {
		const row = parsed.payload.row;
		if (parsed.type === 'agreement.ratification_recorded.v1') {
			const record = parsed.payload.ratification;
			if (record.koepel !== this.#start.party) return held && row.status !== 'vervallen';
			return record.state === 'lopend' && row.status !== 'vervallen';
		}
		if (held) return row.status !== 'vervallen';
		// Back from vervallen: its own consultation may still be lopend (the row does not say).
		const reopened =
			parsed.type === 'agreement.status_changed.v1' && parsed.payload.from === 'vervallen';
		return reopened && (row.ratification === 'lopend' || row.ratification === 'afgewezen')
			? undefined
			: false;
	}

	/** The koepel's list; false when it cannot be kept (a full list that loses a row). */
	#ratifications(parsed: AgreementEvent): boolean {
		const list = this.ratifications;
		if (!list) return true;
		const row = parsed.payload.row;
		const index = list.findIndex((r) => r.id === row.id);
		const member = this.#ratificationMember(parsed, index >= 0);
		if (member === undefined) return false;
		const closesOn =
			parsed.type === 'agreement.ratification_recorded.v1' &&
			parsed.payload.ratification.koepel === this.#start.party
				? parsed.payload.ratification.closesOn
				: (list[index]?.closesOn ?? null);
		const next = this.#put(list, row.id, member ? { ...row, closesOn } : null, byCloses);
		if (next === null) return false;
		this.ratifications = next;
		return true;
	}

	/** Due within the days the server judged by, or overdue: the row tells all of it. */
	#due(row: LiveAgreementRow): boolean {
		const member =
			this.#owns(factsOf(row)) === true &&
			!closed(row.status) &&
			row.dueDate <= this.#start.dueUntil;
		const next = this.#put(this.due, row.id, member ? row : null, byDue);
		if (next === null) return false;
		this.due = next;
		return true;
	}

	/**
	 * Progress owed: a report of the party takes it off, and so does closing it or the party no
	 * longer being responsible. What puts one on (time passing, an old agreement reopened or given
	 * to the party) is not in the event: that reloads.
	 */
	#owed(parsed: AgreementEvent): boolean {
		const list = this.progressOwed;
		if (!list) return true;
		const row = parsed.payload.row;
		const held = list.some((r) => r.id === row.id);
		const reported =
			parsed.type === 'agreement.progress_reported.v1' &&
			parsed.payload.progress.party === this.#start.party;
		const owned = this.#owns(factsOf(row)) === true;
		if (!held) {
			const reopened =
				parsed.type === 'agreement.status_changed.v1' && closed(parsed.payload.from) && owned;
			const given =
				parsed.type === 'agreement.owner_added.v1' &&
				parsed.payload.owner.party === this.#start.party &&
				this.#owns(factsBefore(parsed)) === false;
			return !(reopened || given);
		}
		const stays = owned && !closed(row.status) && !reported;
		const next = this.#put(list, row.id, stays ? row : null, byDue);
		if (next === null) return false;
		this.progressOwed = next;
		return true;
	}

	/**
	 * A list with the row put in (or taken out, for null), in order; null when a full list would
	 * lose a row (the server's next one is unknown) or gain one past its end.
	 */
	#put<R extends { id: string }>(
		list: R[],
		id: string,
		row: R | null,
		order: (a: R, b: R) => number
	): R[] | null {
		const held = list.some((r) => r.id === id);
		const full = list.length >= this.#start.limit;
		if (!row) {
			if (!held) return list;
			return full ? null : list.filter((r) => r.id !== id);
		}
		const next = [...list.filter((r) => r.id !== id), row].sort(order);
		if (full && !held && next.at(-1)!.id === id) return null;
		return next.slice(0, this.#start.limit);
	}
}

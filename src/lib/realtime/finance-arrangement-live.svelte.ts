import type { z } from 'zod/mini';
import {
	financePayloads,
	type LiveArrangementComment,
	type LiveArrangementRow,
	type LiveEntry
} from './finance-payloads';
import { NewestEvents } from './list-live.svelte';
import type { RealtimeEvent } from './protocol';

/*
 * One financial arrangement's page, live (HOUSE.md, "Live state, not reloads"). Every event about
 * it carries its overview row (the schedule now, the marks, the status), and its own part: the
 * ledger entry, the comment, a circular's processed amounts. The page applies those in place. It
 * answers false, and the page reloads its data, for what it cannot apply: an edit of the rendered
 * description, the source document or the links (their titles are the server's), a new receiving
 * layer (it changes who may mark, which only the server decides), and an entry known before the
 * "zoals bekend op" moment on screen (the schedule as then changes with it).
 */

/** A circular's amount for one year, as the reconciliation lists it. */
export interface ProcessedLine {
	circularId: string;
	label: string;
	/** The circular's day of publication: the order of the lines (the newest counts). */
	publishedOn: string;
	year: number;
	cents: number;
}

/** Per year: committed against processed (detail.ts ReconciliationYear). */
export interface ReconciliationView {
	year: number;
	committedCents: number;
	processed: { circularId: string; label: string; cents: number }[];
	processedCents: number | null;
	differenceCents: number | null;
}

export interface ArrangementLiveStart {
	row: LiveArrangementRow;
	history: LiveEntry[];
	comments: LiveArrangementComment[];
	processed: ProcessedLine[];
	/** The "zoals bekend op" moment on screen (ISO instant), or null. */
	asOfAt: string | null;
}

type FinanceType = keyof typeof financePayloads;
type Payloads = { [T in FinanceType]: z.infer<(typeof financePayloads)[T]> };
type FinanceEvent = { [T in FinanceType]: { type: T; payload: Payloads[T] } }[FinanceType];

/** Fields an edit may change while the page still applies it: they are in the row. */
const inTheRow = new Set([
	'title',
	'instrument',
	'nature',
	'budgetMomentId',
	'expectedCircular',
	'confidentiality'
]);

function financeEventOf(event: RealtimeEvent): FinanceEvent | null {
	if (!(event.type in financePayloads)) return null;
	const type = event.type as FinanceType;
	const parsed = financePayloads[type].safeParse(event.payload);
	return parsed.success ? ({ type, payload: parsed.data } as FinanceEvent) : null;
}

/** Per year of the schedule or of a circular: the schedule now against the newest circular. */
export function reconcile(
	schedule: LiveArrangementRow['schedule'],
	processed: readonly ProcessedLine[]
): ReconciliationView[] {
	const all = [...schedule.map((line) => line.year), ...processed.map((p) => p.year)];
	const years = all.filter((year, index) => all.indexOf(year) === index).sort((a, b) => a - b);
	const ordered = [...processed].sort((a, b) => a.publishedOn.localeCompare(b.publishedOn));
	return years.map((year) => {
		const lines = ordered
			.filter((p) => p.year === year)
			.map((p) => ({ circularId: p.circularId, label: p.label, cents: p.cents }));
		const committedCents = schedule.find((line) => line.year === year)?.cents ?? 0;
		const processedCents = lines.length ? lines[lines.length - 1]!.cents : null;
		return {
			year,
			committedCents,
			processed: lines,
			processedCents,
			differenceCents: processedCents === null ? null : processedCents - committedCents
		};
	});
}

export class FinanceArrangementLive {
	row: LiveArrangementRow;
	history = $state<LiveEntry[]>([]);
	comments = $state<LiveArrangementComment[]>([]);
	processed = $state<ProcessedLine[]>([]);
	readonly newest = new NewestEvents();
	readonly #asOfAt: string | null;

	constructor(start: ArrangementLiveStart) {
		this.row = $state(start.row);
		this.history = [...start.history];
		this.comments = [...start.comments];
		this.processed = [...start.processed];
		this.#asOfAt = start.asOfAt;
	}

	/** The reconciliation as the schedule and the circulars now stand. */
	get reconciliation(): ReconciliationView[] {
		return reconcile(this.row.schedule, this.processed);
	}

	/** Applies one event; false when the page must reload its data instead. */
	apply(event: RealtimeEvent): boolean {
		const id = this.row.id;
		const parsed = financeEventOf(event);
		if (!parsed) return !(event.subjectType === 'financial_arrangement' && event.subjectId === id);
		if (parsed.type === 'finance.circular_amounts_recorded.v1')
			return this.#circular(parsed, event);
		if (!('row' in parsed.payload) || parsed.payload.row.id !== id) return true;
		if (!this.newest.isNewest(id, event.id)) return true;
		const row = parsed.payload.row;
		switch (parsed.type) {
			case 'finance.arrangement_updated.v1':
				if (!parsed.payload.changed.every((field) => inTheRow.has(field))) return false;
				break;
			case 'finance.entry_recorded.v1': {
				const entry = parsed.payload.entry;
				if (this.#asOfAt && entry.knownAt <= this.#asOfAt) return false;
				this.history = [entry, ...this.history.filter((e) => e.id !== entry.id)];
				break;
			}
			case 'finance.commented.v1': {
				const comment = parsed.payload.comment;
				this.comments = [...this.comments.filter((c) => c.id !== comment.id), comment];
				break;
			}
			case 'finance.status_changed.v1':
			case 'finance.figures_marked.v1':
				break;
			default:
				return false;
		}
		this.row = row;
		return true;
	}

	/** A circular's processed amounts: this arrangement's lines replace the circular's before. */
	#circular(
		parsed: Extract<FinanceEvent, { type: 'finance.circular_amounts_recorded.v1' }>,
		event: RealtimeEvent
	): boolean {
		const id = this.row.id;
		const row = parsed.payload.rows.find((r) => r.id === id);
		const mine = parsed.payload.amounts.filter((a) => a.arrangementId === id);
		if (!row && mine.length === 0) return true;
		if (!this.newest.isNewest(id, event.id)) return true;
		const { circular } = parsed.payload;
		const years = mine.map((a) => a.year);
		this.processed = [
			...this.processed.filter((p) => !(p.circularId === circular.id && years.includes(p.year))),
			...mine.map((a) => ({
				circularId: circular.id,
				label: circular.label,
				publishedOn: circular.publishedOn,
				year: a.year,
				cents: a.amountCents
			}))
		];
		if (row) this.row = row;
		return true;
	}
}

import { z } from 'zod/mini';
import type { PublicAgreement, PublicAgreementRow } from '$lib/server/agreements/public';
import type { RealtimeEvent } from './protocol';
import {
	publicAgreementPayloads,
	type PublicAgreementEventType,
	type PublicLiveAgreementRow
} from './public-agreement-payloads';

/*
 * What the public agreement pages make of an agreement's event that comes live (issue 14;
 * ./public-client.ts hands them the events, the public projection of the agreement's events
 * (public-agreement-payloads.ts)): the row, the new report, the koepel's ratification ride in the
 * event, so a page shows them without asking the server. A page reloads its data only for an
 * event it cannot apply: a payload that does not fit, or a change of the text it renders on the
 * server (what was agreed, its condition). An older row than the one shown is old news.
 */

type Parsed = {
	[T in PublicAgreementEventType]: {
		type: T;
		payload: z.infer<(typeof publicAgreementPayloads)[T]>;
	};
}[PublicAgreementEventType];

/** The public projection an agreement's event carries; 'other' for any other, null if unfit. */
export function parsePublicAgreementEvent(event: RealtimeEvent): Parsed | 'other' | null {
	if (event.subjectType !== 'agreement' || !Object.hasOwn(publicAgreementPayloads, event.type))
		return 'other';
	const type = event.type as PublicAgreementEventType;
	const parsed = publicAgreementPayloads[type].safeParse(event.payload);
	return parsed.success ? ({ type, payload: parsed.data } as Parsed) : null;
}

/** The row as the page keeps it, without the version the event orders by. */
function rowFields(row: PublicLiveAgreementRow): PublicAgreementRow {
	const { version: _version, ...fields } = row;
	return fields;
}

/** Fields of an edit the page renders from what the server read: those it reloads for. */
const RELOAD_FOR = ['body', 'condition'];

/**
 * One public agreement's page (/publicaties/afspraken/{id}): its facts, ratifications and reports
 * follow its events in place; `updates` counts the changes applied, for the page's live notice.
 */
export class PublicAgreementLive {
	agreement = $state() as PublicAgreement;
	updates = $state(0);
	#version = 0;

	constructor(initial: PublicAgreement) {
		this.agreement = initial;
	}

	/** Applies one event; false when the page must reload its data instead. */
	apply(event: RealtimeEvent): boolean {
		const parsed = parsePublicAgreementEvent(event);
		if (parsed === 'other') return true;
		if (parsed === null) return event.subjectId !== this.agreement.id;
		const { row } = parsed.payload;
		if (row.id !== this.agreement.id) return true;
		if (
			parsed.type === 'agreement.updated.v1' &&
			parsed.payload.changed.some((field) => RELOAD_FOR.includes(field))
		)
			return false;
		const next: PublicAgreement = { ...this.agreement };
		let changed = false;
		if (row.version >= this.#version) {
			this.#version = row.version;
			Object.assign(next, rowFields(row));
			changed = true;
		}
		if (parsed.type === 'agreement.status_changed.v1' && changed) {
			next.lapseReason = parsed.payload.to === 'vervallen' ? parsed.payload.lapseReason : null;
		}
		if (parsed.type === 'agreement.progress_reported.v1') {
			const report = parsed.payload.progress;
			if (!next.progressReports.some((known) => known.id === report.id)) {
				next.progressReports = [report, ...next.progressReports].sort(
					(a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id)
				);
				changed = true;
			}
		}
		if (parsed.type === 'agreement.ratification_recorded.v1') {
			const record = parsed.payload.ratification;
			next.ratifications = [
				...next.ratifications.filter((known) => known.koepel !== record.koepel),
				record
			].sort((a, b) => a.koepel.localeCompare(b.koepel));
			changed = true;
		}
		if (changed) {
			this.agreement = next;
			this.updates += 1;
		}
		return true;
	}
}

/**
 * The public list of agreements (/publicaties/afspraken): a row on the page follows its events in
 * place. An agreement not on the page does not join it: the server chose and ordered the rows the
 * reader is reading (its filters, its page), and the next visit shows it in its place.
 */
export class PublicAgreementListLive {
	rows = $state<PublicAgreementRow[]>([]);
	/** The version of each row that came live (not reactive: only the order of events reads it). */
	#versions: Record<string, number> = {};

	constructor(rows: readonly PublicAgreementRow[]) {
		this.rows = [...rows];
	}

	/** Applies one event; false when the page must reload its data instead. */
	apply(event: RealtimeEvent): boolean {
		const parsed = parsePublicAgreementEvent(event);
		if (parsed === 'other') return true;
		if (parsed === null) return !this.rows.some((known) => known.id === event.subjectId);
		const { row } = parsed.payload;
		if (!this.rows.some((known) => known.id === row.id)) return true;
		if (row.version < (this.#versions[row.id] ?? 0)) return true;
		this.#versions[row.id] = row.version;
		this.rows = this.rows.map((known) => (known.id === row.id ? rowFields(row) : known));
		return true;
	}
}

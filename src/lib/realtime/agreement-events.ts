import type { z } from 'zod/mini';
import { agreementPayloads, type LiveAgreementRow } from './agreement-payloads';
import { isAgreementEventType, type AgreementEventType } from './agreement-history';
import type { RealtimeEvent } from './protocol';

/*
 * What an agreement event tells the pages that list agreements (the register, Mijn werk): the row
 * as the change leaves it (every agreement event carries it), and what can be said about the row
 * before the change. A list judges with both whether the row enters, stays or leaves, and where
 * the event does not tell enough (an edit of the deadline does not carry the old one), the facts
 * before are unknown (undefined) and the list says so rather than guess.
 */

type Payloads = { [T in AgreementEventType]: z.infer<(typeof agreementPayloads)[T]> };
export type AgreementEvent = {
	[T in AgreementEventType]: { type: T; payload: Payloads[T] };
}[AgreementEventType];

/** The agreement event with its payload parsed, or null for another event or an unfit payload. */
export function agreementEventOf(event: RealtimeEvent): AgreementEvent | null {
	if (event.subjectType !== 'agreement' || !isAgreementEventType(event.type)) return null;
	const parsed = agreementPayloads[event.type].safeParse(event.payload);
	return parsed.success ? ({ type: event.type, payload: parsed.data } as AgreementEvent) : null;
}

/** A row's facts that the lists filter on; undefined where the event does not tell them. */
export interface RowFacts {
	status: LiveAgreementRow['status'] | undefined;
	deadline: string | undefined;
	dueDate: string | undefined;
	overdue: boolean | undefined;
	meetingId: string;
	owners: LiveAgreementRow['owners'] | undefined;
}

export const factsOf = (row: LiveAgreementRow): RowFacts => ({
	status: row.status,
	deadline: row.deadline,
	dueDate: row.dueDate,
	overdue: row.overdue,
	meetingId: row.meetingId,
	owners: row.owners
});

const isClosed = (status: string) => status === 'afgerond' || status === 'vervallen';

/**
 * The row's facts before the change: null for a new agreement (it was nowhere), else what the
 * event tells. A status change keeps the deadline; the due day and overdue stay known only when no
 * expected date came or went (vertraagd) and the agreement is open on both sides, or closed before
 * (then it was not overdue). An edit of the deadline does not carry the old one.
 */
export function factsBefore(parsed: AgreementEvent): RowFacts | null {
	const row = parsed.payload.row;
	const now = factsOf(row);
	switch (parsed.type) {
		case 'agreement.created.v1':
			return null;
		case 'agreement.updated.v1':
			return parsed.payload.changed.includes('deadline')
				? { ...now, deadline: undefined, dueDate: undefined, overdue: undefined }
				: now;
		case 'agreement.status_changed.v1': {
			const { from, to } = parsed.payload;
			const sameDue = from !== 'vertraagd' && to !== 'vertraagd';
			return {
				...now,
				status: from,
				dueDate: sameDue ? row.deadline : undefined,
				overdue: isClosed(from) ? false : sameDue && !isClosed(to) ? row.overdue : undefined
			};
		}
		case 'agreement.owner_added.v1':
			return { ...now, owners: row.owners.filter((o) => o.id !== parsed.payload.owner.id) };
		case 'agreement.owner_removed.v1':
			return { ...now, owners: [...row.owners, parsed.payload.owner] };
		default:
			// Progress, a koepel's ratification and an onward link change nothing a list filters on.
			return now;
	}
}

/** Three-valued: true, false, or undefined when a fact it needs is unknown. */
export type Maybe = boolean | undefined;

export const all = (values: Maybe[]): Maybe =>
	values.includes(false) ? false : values.includes(undefined) ? undefined : true;

/** Whether one of the owners answers `test`; undefined when the owners are unknown. */
export const anyOwner = (
	owners: RowFacts['owners'],
	test: (owner: LiveAgreementRow['owners'][number]) => boolean
): Maybe => (owners ? owners.some(test) : undefined);

import { agreementPayloads, type LiveAgreementRow, type LiveProgress } from './agreement-payloads';

/*
 * One line of an agreement's history (who changed what, when), made from one of its events. The
 * history is the event log itself (HOUSE.md): the server reads it for the page, the page adds each
 * live event the same way, through this one function, so the two never word a change differently.
 */

export type AgreementEventType = keyof typeof agreementPayloads;
type KindOf<T> = T extends `agreement.${infer K}.v1` ? K : never;
export type AgreementHistoryKind = KindOf<AgreementEventType>;

export interface AgreementHistoryEntry {
	/** The event's id: the newest first, and no line twice. */
	id: number;
	at: string;
	kind: AgreementHistoryKind;
	actorPersonId: string | null;
	/** Null when the page does not know the person (the live page then reloads its history). */
	actorName: string | null;
	/** An edit: the fields it changed. */
	changed: string[];
	/** A change of status: from and to, the reason, and the new date when vertraagd. */
	from: LiveAgreementRow['status'] | null;
	to: LiveAgreementRow['status'] | null;
	reason: string | null;
	expectedDate: string | null;
	/** An owner added or removed. */
	owner: { party: string; organisationName: string | null; contactName: string } | null;
	/** A progress report: whose, how far, and the names of the files that came with it. */
	progress: { party: string; percent: number | null; files: string[] } | null;
	ratification: {
		koepel: string;
		state: string;
		closesOn: string | null;
		decidedOn: string | null;
	} | null;
	/** Handed on (or taken back): to a later agreement, or a named destination. */
	link: { toAgreementId: string | null; kind: string | null; label: string | null } | null;
}

export interface EventLike {
	id: number;
	type: string;
	occurredAt: string;
	actorPersonId: string | null;
	payload: unknown;
}

export const isAgreementEventType = (type: string): type is AgreementEventType =>
	Object.hasOwn(agreementPayloads, type);

/** The history line of an agreement event, or null for another event or a payload that does not fit. */
export function historyEntryOf(
	event: EventLike,
	actorName: string | null
): AgreementHistoryEntry | null {
	if (!isAgreementEventType(event.type)) return null;
	const parsed = agreementPayloads[event.type].safeParse(event.payload);
	if (!parsed.success) return null;
	const payload = parsed.data as Record<string, unknown> & { row: LiveAgreementRow };
	const entry: AgreementHistoryEntry = {
		id: event.id,
		at: event.occurredAt,
		kind: event.type.slice('agreement.'.length, -'.v1'.length) as AgreementHistoryKind,
		actorPersonId: event.actorPersonId,
		actorName,
		changed: [],
		from: null,
		to: null,
		reason: null,
		expectedDate: null,
		owner: null,
		progress: null,
		ratification: null,
		link: null
	};
	switch (event.type) {
		case 'agreement.updated.v1':
			entry.changed = payload.changed as string[];
			break;
		case 'agreement.status_changed.v1':
			entry.from = payload.from as AgreementHistoryEntry['from'];
			entry.to = payload.to as AgreementHistoryEntry['to'];
			entry.reason = (payload.reason as string | null) ?? null;
			entry.expectedDate = entry.to === 'vertraagd' ? payload.row.expectedDate : null;
			break;
		case 'agreement.owner_added.v1':
		case 'agreement.owner_removed.v1': {
			const owner = payload.owner as LiveAgreementRow['owners'][number];
			entry.owner = {
				party: owner.party,
				organisationName: owner.organisationName,
				contactName: owner.contactName
			};
			break;
		}
		case 'agreement.progress_reported.v1': {
			const progress = payload.progress as LiveProgress;
			entry.progress = {
				party: progress.party,
				percent: progress.percent,
				files: progress.attachments.map((file) => file.filename)
			};
			break;
		}
		case 'agreement.ratification_recorded.v1': {
			const ratification = payload.ratification as NonNullable<
				AgreementHistoryEntry['ratification']
			>;
			entry.ratification = {
				koepel: ratification.koepel,
				state: ratification.state,
				closesOn: ratification.closesOn,
				decidedOn: ratification.decidedOn
			};
			break;
		}
		case 'agreement.linked.v1':
		case 'agreement.unlinked.v1': {
			const link = payload.link as NonNullable<AgreementHistoryEntry['link']>;
			entry.link = { toAgreementId: link.toAgreementId, kind: link.kind, label: link.label };
			if (event.type === 'agreement.unlinked.v1') entry.reason = (payload.reason as string) ?? null;
			break;
		}
	}
	return entry;
}

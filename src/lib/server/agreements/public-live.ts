import type { RealtimeEvent } from '../../realtime/protocol';
import {
	publicAgreementPayloads,
	publicAgreementRow,
	publicProgress,
	publicRatification,
	type PublicAgreementEventType
} from '../../realtime/public-agreement-payloads';

/*
 * An agreement's event as the public may hear it (issue 14). Only events whose audience holds the
 * public reach this (the agreement is openbaar and from a published decision: audience.ts decides,
 * delivery.ts and the replay filter on it); this makes their payload the public one, once per
 * event on the way out (server/publications/live.ts calls it for the public namespace): each part
 * parsed by its public schema, which names no person and no file, so nothing else rides along.
 * A row that says it is vertrouwelijk goes nowhere, whatever its audience.
 */

const isAgreementType = (type: string): type is PublicAgreementEventType =>
	Object.hasOwn(publicAgreementPayloads, type);

/** The public part of what the event adds to its row; null when it does not fit. */
function extraOf(type: PublicAgreementEventType, payload: Record<string, unknown>) {
	switch (type) {
		case 'agreement.updated.v1': {
			const changed = publicAgreementPayloads[type].shape.changed.safeParse(payload.changed);
			return changed.success ? { changed: changed.data } : null;
		}
		case 'agreement.status_changed.v1': {
			const { from, to } = publicAgreementPayloads[type].shape;
			const before = from.safeParse(payload.from);
			const after = to.safeParse(payload.to);
			if (!before.success || !after.success) return null;
			const reason = typeof payload.reason === 'string' ? payload.reason : null;
			return {
				from: before.data,
				to: after.data,
				lapseReason: after.data === 'vervallen' ? reason : null
			};
		}
		case 'agreement.progress_reported.v1': {
			const progress = publicProgress.safeParse(payload.progress);
			return progress.success ? { progress: progress.data } : null;
		}
		case 'agreement.ratification_recorded.v1': {
			const ratification = publicRatification.safeParse(payload.ratification);
			return ratification.success ? { ratification: ratification.data } : null;
		}
		default:
			return {};
	}
}

/** The public projection of an agreement's event; null for anything else, or what does not fit. */
export function publicAgreementProjection(event: RealtimeEvent): RealtimeEvent | null {
	if (!isAgreementType(event.type)) return null;
	const raw = event.payload.row as Record<string, unknown> | undefined;
	if (!raw || raw.confidentiality !== 'openbaar') return null;
	const row = publicAgreementRow.safeParse(raw);
	if (!row.success) return null;
	const owners = row.data.owners.map(({ party, organisationName }) => ({
		party,
		organisationName
	}));
	const progress = row.data.progress && {
		percent: row.data.progress.percent,
		at: row.data.progress.at
	};
	const extra = extraOf(event.type, event.payload);
	if (!extra) return null;
	return {
		id: event.id,
		type: event.type,
		occurredAt: event.occurredAt,
		subjectType: event.subjectType,
		subjectId: event.subjectId,
		meetingId: event.meetingId,
		actorPersonId: null,
		actorOrganisationId: null,
		payload: { row: { ...row.data, owners, progress }, ...extra }
	};
}

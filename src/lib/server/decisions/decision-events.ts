import type { z } from 'zod/mini';
import type { Actor } from '../access';
import type { EventInput } from '../events';
import type { RequestContext } from '../identity/context';
import type { MeetingRow } from '../meetings/queries';
import type { ItemRow } from '../agenda/store';
import { itemAudience } from '../agenda/audience';
import type { decisionPayloads, LiveVerification } from '../../realtime/decision-payloads';
import type { DecisionView } from './store';

/* The events of meeting mode and of a recorded decision, shaped by the payload catalogue. */

export type Payload<T extends keyof typeof decisionPayloads> = z.infer<
	(typeof decisionPayloads)[T]
>;

export function by(actor: Actor, context: RequestContext) {
	return { actor, requestId: context.requestId };
}

export function meetingSessionEvent<
	T extends 'meeting.session_opened.v1' | 'meeting.current_item_changed.v1'
>(meeting: MeetingRow, type: T, payload: Payload<T>): EventInput {
	return {
		type,
		subjectType: 'meeting',
		subjectId: meeting.id,
		meetingId: meeting.id,
		audience: { kind: 'meeting', meetingId: meeting.id },
		payload
	};
}

/** A decision recorded; with the parties' word after it once they spoke on the besluitenlijst. */
export function decisionEvent(
	item: ItemRow,
	view: DecisionView,
	verifications?: LiveVerification[]
): EventInput {
	return {
		type: 'decision.recorded.v1',
		subjectType: 'decision',
		subjectId: view.id,
		meetingId: view.meetingId,
		...itemAudience(item),
		payload: {
			itemId: item.id,
			decision: view,
			...(verifications ? { verifications } : {})
		} satisfies Payload<'decision.recorded.v1'>
	};
}

import { inArray } from 'drizzle-orm';
import type { RealtimeEvent } from '../../realtime/protocol';
import type { Executor } from '../db';
import { comments } from '../db/schema';

/*
 * A comment's text on its way out. The event log never holds a comment's text (agenda/comments.ts:
 * a deleted comment keeps a trace without it, and the log is kept for good), so what a reader's
 * page shows is added here, from the comment as it is when the event is sent: live, once per
 * event (not per socket), and in a replay. A comment deleted meanwhile goes without text and
 * with its deletion, so a replayed "added" cannot bring back what is gone.
 */

interface WireComment {
	id: string;
	body: string;
	editedAt: string | null;
	deletedAt: string | null;
}

const isCommentEvent = (event: RealtimeEvent) =>
	event.subjectType === 'comment' &&
	typeof (event.payload.comment as { id?: unknown } | undefined)?.id === 'string';

/** The events with each comment's current text; others pass as they are, in the same order. */
export async function withCommentText(
	db: Executor,
	events: RealtimeEvent[]
): Promise<RealtimeEvent[]> {
	const ids = [...new Set(events.filter(isCommentEvent).map((event) => event.subjectId))];
	if (ids.length === 0) return events;
	const rows = await db
		.select({
			id: comments.id,
			body: comments.body,
			editedAt: comments.editedAt,
			deletedAt: comments.deletedAt
		})
		.from(comments)
		.where(inArray(comments.id, ids));
	const now = new Map(rows.map((row) => [row.id, row]));
	return events.map((event) => {
		if (!isCommentEvent(event)) return event;
		const comment = event.payload.comment as WireComment;
		const current = now.get(comment.id);
		const deletedAt = current?.deletedAt?.toISOString() ?? comment.deletedAt;
		return {
			...event,
			payload: {
				...event.payload,
				comment: {
					...comment,
					body: !current || current.deletedAt ? '' : current.body,
					editedAt: current?.editedAt?.toISOString() ?? comment.editedAt,
					deletedAt: current ? deletedAt : (deletedAt ?? event.occurredAt)
				}
			}
		};
	});
}

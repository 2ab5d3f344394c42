import { and, asc, eq } from 'drizzle-orm';
import { transaction, useDb } from '../db';
import { comments, people, type Comment } from '../db/schema';
import type { EventPayload, LiveComment, PayloadType } from '../../realtime/event-payloads';
import { appendEvents } from '../events';
import { AccessError, requireAccess, type Actor } from '../access';
import { InvalidInputError, StateError } from '../kernel/errors';
import type { RequestContext } from '../identity/context';
import { isUuid } from '../kernel/ids';
import { itemAudience } from './audience';
import { findVisibleItem, type ItemRow } from './store';
import { parseInput } from '../kernel/input';
import { commentSchema, editCommentSchema } from './schemas';
import type { Transaction } from '../db';

type CommentEventType = Extract<PayloadType, `comment.${string}`>;

/**
 * An event about a comment, for whoever may see the item, carrying the comment as the item page
 * shows it: every reader's page shows the new, edited or deleted comment without asking.
 */
function commentEvent<T extends CommentEventType>(
	item: ItemRow,
	type: T,
	payload: Omit<EventPayload<T>, 'itemId'>
) {
	return {
		type,
		subjectType: 'comment',
		subjectId: payload.comment.id,
		meetingId: item.meetingId,
		...itemAudience(item),
		// The callers' fields are checked against the type; itemId is the item's own.
		payload: { itemId: item.id, ...payload }
	};
}

/**
 * A comment as every reader of its item sees it (the fields of listComments; who deleted it is
 * not among them). Its text is in the log, as the audit trail of what was said.
 */
/**
 * The comment as its event keeps it: without its text. The log is kept for good and a deleted
 * comment leaves a trace without the text, so the text is never written into the log; the
 * real-time layer adds the comment's text as it is at the moment of sending (live or in a replay,
 * realtime/comment-text.ts), and nothing once it is deleted.
 */
function liveComment(comment: Comment, authorName: string): LiveComment {
	return {
		id: comment.id,
		parentId: comment.parentId,
		authorId: comment.authorId,
		authorName,
		body: '',
		createdAt: comment.createdAt.toISOString(),
		editedAt: comment.editedAt?.toISOString() ?? null,
		deletedAt: comment.deletedAt?.toISOString() ?? null
	};
}

/** Anyone at the table who can see the item comments on it; a reply answers a top-level comment. */
export async function addComment(
	actor: Actor,
	itemId: string,
	input: unknown,
	context: RequestContext = {}
) {
	return transaction(async (tx) => {
		const item = await findVisibleItem(tx, actor, itemId);
		requireAccess(actor, 'comment.write');
		const { body, parentId } = parseInput(commentSchema, input);
		if (parentId) {
			const [parent] = await tx
				.select({ parentId: comments.parentId, deletedAt: comments.deletedAt })
				.from(comments)
				.where(and(eq(comments.id, parentId), eq(comments.itemId, item.id)));
			if (!parent) throw new InvalidInputError({ parentId: 'Deze reactie bestaat niet.' });
			if (parent.parentId)
				throw new InvalidInputError({ parentId: 'Antwoord op de eerste reactie van de draad.' });
		}
		const [comment] = await tx
			.insert(comments)
			.values({ itemId: item.id, parentId: parentId ?? null, authorId: actor.personId, body })
			.returning();
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			commentEvent(item, 'comment.added.v1', {
				parentId: parentId ?? null,
				comment: liveComment(comment!, actor.name)
			})
		]);
		return comment!;
	});
}

async function findComment(tx: Transaction, actor: Actor, commentId: string) {
	if (!isUuid(commentId)) throw new AccessError(404);
	const [comment] = await tx
		.select()
		.from(comments)
		.where(eq(comments.id, commentId))
		.for('update');
	if (!comment) throw new AccessError(404);
	const item = await findVisibleItem(tx, actor, comment.itemId);
	if (comment.deletedAt) throw new StateError('Deze reactie is verwijderd.');
	return { comment, item };
}

/** The author edits their own comment. */
export async function editComment(
	actor: Actor,
	commentId: string,
	input: unknown,
	context: RequestContext = {}
) {
	return transaction(async (tx) => {
		const { comment, item } = await findComment(tx, actor, commentId);
		requireAccess(actor, 'comment.edit', { authorId: comment.authorId });
		const { body } = parseInput(editCommentSchema, input);
		const [saved] = await tx
			.update(comments)
			.set({ body, editedAt: new Date() })
			.where(eq(comments.id, comment.id))
			.returning();
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			commentEvent(item, 'comment.edited.v1', { comment: liveComment(saved!, actor.name) })
		]);
		return saved!;
	});
}

/** The author (or the secretariaat) deletes a comment; a trace stays: who, when, without the text. */
export async function deleteComment(actor: Actor, commentId: string, context: RequestContext = {}) {
	return transaction(async (tx) => {
		const { comment, item } = await findComment(tx, actor, commentId);
		requireAccess(actor, 'comment.delete', { authorId: comment.authorId });
		const [saved] = await tx
			.update(comments)
			.set({ body: '', deletedAt: new Date(), deletedBy: actor.personId })
			.where(eq(comments.id, comment.id))
			.returning();
		// The secretariaat may delete another's comment: the trace names its author.
		const [author] = await tx
			.select({ name: people.name })
			.from(people)
			.where(eq(people.id, comment.authorId));
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			commentEvent(item, 'comment.deleted.v1', {
				authorId: comment.authorId,
				comment: liveComment(saved!, author?.name ?? '')
			})
		]);
		return saved!;
	});
}

/** The discussion of an item: top-level comments oldest first, each with its replies. */
export async function listComments(actor: Actor, itemId: string) {
	const db = await useDb();
	const item = await findVisibleItem(db, actor, itemId);
	const rows = await db
		.select({
			id: comments.id,
			parentId: comments.parentId,
			authorId: comments.authorId,
			authorName: people.name,
			body: comments.body,
			createdAt: comments.createdAt,
			editedAt: comments.editedAt,
			deletedAt: comments.deletedAt
		})
		.from(comments)
		.innerJoin(people, eq(people.id, comments.authorId))
		.where(eq(comments.itemId, item.id))
		.orderBy(asc(comments.createdAt), asc(comments.id));
	const top = rows.filter((row) => !row.parentId);
	return top.map((row) => ({ ...row, replies: rows.filter((reply) => reply.parentId === row.id) }));
}

import { and, asc, eq } from 'drizzle-orm';
import { transaction, useDb } from '../db';
import { comments, people } from '../db/schema';
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

function commentEvent(
	item: ItemRow,
	commentId: string,
	type: `${string}.v${number}`,
	payload = {}
) {
	return {
		type,
		subjectType: 'comment',
		subjectId: commentId,
		meetingId: item.meetingId,
		...itemAudience(item),
		payload: { itemId: item.id, ...payload }
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
			commentEvent(item, comment!.id, 'comment.added.v1', { parentId: parentId ?? null })
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
			commentEvent(item, comment.id, 'comment.edited.v1')
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
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			commentEvent(item, comment.id, 'comment.deleted.v1', { authorId: comment.authorId })
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

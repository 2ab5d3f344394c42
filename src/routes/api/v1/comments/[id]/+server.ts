import { endpoint } from '$lib/server/api/endpoint';
import { deleteComment, editComment } from '$lib/server/agenda';

export const PATCH = endpoint(async ({ actor, id, body, context }) => ({
	data: await editComment(actor, id, body, context)
}));

/** Leaves a trace (who, when), without the text. */
export const DELETE = endpoint(
	async ({ actor, id, context }) => ({ data: await deleteComment(actor, id, context) }),
	{ body: 'none' }
);

import { endpoint } from '$lib/server/api/endpoint';
import { deleteComment, editComment } from '$lib/server/agenda';
import { api } from '$lib/server/openapi/operations';

export const PATCH = endpoint(api.editComment, ({ actor, id, body, context }) =>
	editComment(actor, id, body, context)
);

/** Leaves a trace (who, when), without the text. */
export const DELETE = endpoint(api.deleteComment, ({ actor, id, context }) =>
	deleteComment(actor, id, context)
);

import { endpoint } from '$lib/server/api/endpoint';
import { addComment, listComments } from '$lib/server/agenda';
import { api } from '$lib/server/openapi/operations';

export const GET = endpoint(api.listComments, ({ actor, id }) => listComments(actor, id));

export const POST = endpoint(api.addComment, ({ actor, id, body, context }) =>
	addComment(actor, id, body, context)
);

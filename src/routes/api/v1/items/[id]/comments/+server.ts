import { endpoint } from '$lib/server/api/endpoint';
import { addComment, listComments } from '$lib/server/agenda';

export const GET = endpoint(async ({ actor, id }) => ({ data: await listComments(actor, id) }));

export const POST = endpoint(async ({ actor, id, body, context }) => ({
	data: await addComment(actor, id, body, context),
	status: 201
}));

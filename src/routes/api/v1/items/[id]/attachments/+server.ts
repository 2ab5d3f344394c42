import { endpoint } from '$lib/server/api/endpoint';
import { readUpload } from '$lib/server/api/upload';
import { listAttachments, uploadAttachment } from '$lib/server/attachments';

/** The item's attachments, without their bytes. */
export const GET = endpoint(async ({ actor, id }) => ({ data: await listAttachments(actor, id) }));

/** multipart/form-data with the file in "file"; its type is decided by content. */
export const POST = endpoint(
	async ({ actor, id, event, context }) => ({
		data: await uploadAttachment(actor, id, await readUpload(event.request), context),
		status: 201
	}),
	{ body: 'multipart' }
);

import { endpoint } from '$lib/server/api/endpoint';
import { readUpload } from '$lib/server/api/upload';
import { listAttachments, uploadAttachment } from '$lib/server/attachments';
import { api } from '$lib/server/openapi/operations';

/** The item's attachments, without their bytes. */
export const GET = endpoint(api.listAttachments, ({ actor, id }) => listAttachments(actor, id));

/** multipart/form-data with the file in "file"; its type is decided by content. */
export const POST = endpoint(api.uploadAttachment, async ({ actor, id, event, context }) =>
	uploadAttachment(actor, id, await readUpload(event.request), context)
);

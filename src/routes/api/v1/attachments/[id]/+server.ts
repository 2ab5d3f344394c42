import { endpoint } from '$lib/server/api/endpoint';
import { contentDisposition, deleteAttachment, downloadAttachment } from '$lib/server/attachments';
import { api } from '$lib/server/openapi/operations';

/**
 * The file with the type detected at upload, behind its owner's access check (item or agreement). As an attachment,
 * with nosniff and a sandbox policy, so a browser never renders it in the platform's origin.
 */
export const GET = endpoint(api.downloadAttachment, async ({ actor, id }) => {
	const file = await downloadAttachment(actor, id);
	return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': file.mediaType,
			'content-length': String(file.size),
			'content-disposition': contentDisposition(file.filename),
			'x-content-type-options': 'nosniff',
			'content-security-policy': "default-src 'none'; sandbox",
			'cache-control': 'private, no-cache',
			etag: `"${file.sha256}"`
		}
	});
});

/** The bytes go; the log keeps who removed which file and when. */
export const DELETE = endpoint(api.deleteAttachment, ({ actor, id, context }) =>
	deleteAttachment(actor, id, context)
);

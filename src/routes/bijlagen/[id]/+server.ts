import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { contentDisposition, downloadAttachment } from '$lib/server/attachments';
import type { RequestHandler } from './$types';

/**
 * A download, behind its owner's access check (the item's reader, or the agreement's for a
 * progress report's file). Sent as an attachment with the type detected at upload and nosniff, so
 * a browser never renders it in the platform's origin; private, so no shared cache keeps a copy.
 * The content hash is the ETag: an unchanged file is not sent twice.
 */
export const GET: RequestHandler = async (event) => {
	const { actor } = requireSignedIn(event);
	const file = await orAccessError(downloadAttachment(actor, event.params.id));
	const headers = {
		'content-disposition': contentDisposition(file.filename),
		'x-content-type-options': 'nosniff',
		'cache-control': 'private, no-cache',
		'content-security-policy': "default-src 'none'; sandbox",
		etag: `"${file.sha256}"`
	};
	if (event.request.headers.get('if-none-match') === headers.etag)
		return new Response(null, { status: 304, headers });
	return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
		headers: { ...headers, 'content-type': file.mediaType, 'content-length': String(file.size) }
	});
};

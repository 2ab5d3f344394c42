import { error } from '@sveltejs/kit';
import { AccessError } from '$lib/server/access';
import { contentDisposition } from '$lib/server/attachments';
import { publicAttachmentDownload } from '$lib/server/publications/download';
import type { RequestHandler } from './$types';

/**
 * A published attachment, for anyone: only a file the newest published version of its meeting
 * lists (anything else is a 404, like an unknown id). Served as the signed-in download is: as an
 * attachment with nosniff and a sandbox policy, so a browser never renders it in the platform's
 * origin. Public and briefly cacheable: a correction may withdraw the file.
 */
export const GET: RequestHandler = async ({ params, request }) => {
	let file;
	try {
		file = await publicAttachmentDownload(params.id, params.bijlage);
	} catch (caught) {
		if (caught instanceof AccessError) error(404, 'Deze bijlage is niet gepubliceerd.');
		throw caught;
	}
	const headers = {
		'content-disposition': contentDisposition(file.filename),
		'x-content-type-options': 'nosniff',
		'cache-control': 'public, max-age=60',
		'content-security-policy': "default-src 'none'; sandbox",
		etag: `"${file.sha256}"`
	};
	if (request.headers.get('if-none-match') === headers.etag)
		return new Response(null, { status: 304, headers });
	return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
		headers: { ...headers, 'content-type': file.mediaType, 'content-length': String(file.size) }
	});
};

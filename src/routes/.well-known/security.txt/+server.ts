import type { RequestHandler } from './$types';

/** RFC 9116: where to report a vulnerability. Expires a year ahead of each deployment. */
export const GET: RequestHandler = ({ url }) => {
	const expires = new Date(Date.now() + 365 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
	const body = [
		'Contact: mailto:security@overhedenoverleg.example',
		`Expires: ${expires}`,
		'Preferred-Languages: nl, en',
		`Canonical: ${url.origin}/.well-known/security.txt`,
		`Policy: ${url.origin}/privacy`,
		''
	].join('\n');
	return new Response(body, {
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'cache-control': 'public, max-age=86400'
		}
	});
};

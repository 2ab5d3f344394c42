import { diwooSitemap } from '$lib/server/publications/formats/diwoo';
import { publisher } from '$lib/server/publications/formats/http';
import { getPublication, listPublications } from '$lib/server/publications';
import type { RequestHandler } from './$types';

/** A sitemap holds at most 50,000 addresses; each publication has two documents. */
const MAX_PUBLICATIONS = 25_000;

/**
 * Every published document (the newest version of each agenda and besluitenlijst) for the
 * Woo-index's harvester: where the PDF is, when it last changed, and its DiWoo metadata.
 */
export const GET: RequestHandler = async ({ url }) => {
	const summaries = await listPublications({}, MAX_PUBLICATIONS);
	const entries = [];
	for (const summary of summaries)
		entries.push({ publication: await getPublication(summary.meetingId), pinned: false });
	return new Response(diwooSitemap(entries, url.origin, publisher()), {
		headers: {
			'content-type': 'application/xml; charset=utf-8',
			'cache-control': 'public, max-age=300',
			'x-content-type-options': 'nosniff'
		}
	});
};

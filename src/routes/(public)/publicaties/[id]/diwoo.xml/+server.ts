import { diwooXml } from '$lib/server/publications/formats/diwoo';
import { answerPublication, publisher } from '$lib/server/publications/formats/http';
import type { RequestHandler } from './$types';

/**
 * The DiWoo metadata of the meeting's published documents (agenda and besluitenlijst), in the
 * Woo-index's sitemap form: the newest version or `?versie=N`.
 */
export const GET: RequestHandler = (event) =>
	answerPublication(event, (publication, pinned) => ({
		body: diwooXml(publication, event.url.origin, publisher(), pinned),
		contentType: 'application/xml; charset=utf-8'
	}));

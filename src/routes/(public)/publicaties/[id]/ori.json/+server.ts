import { answerPublication, publisher } from '$lib/server/publications/formats/http';
import { toOri } from '$lib/server/publications/formats/ori';
import type { RequestHandler } from './$types';

/**
 * The publication as JSON in ORI 2.0 terms (docs/ori.md): the newest version or `?versie=N`;
 * errors are problem documents.
 */
export const GET: RequestHandler = (event) =>
	answerPublication(
		event,
		(publication) => ({
			body: JSON.stringify(toOri(publication, event.url.origin, publisher())),
			contentType: 'application/json; charset=utf-8'
		}),
		{ json: true }
	);

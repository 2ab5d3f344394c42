import { answerPublication } from '$lib/server/publications/formats/http';
import { pdfFilename } from '$lib/server/publications/formats/common';
import { agendaPdf } from '$lib/server/publications/formats/pdf';
import type { RequestHandler } from './$types';

/** The adopted agenda (its openbare items) as a tagged PDF: the newest version or `?versie=N`. */
export const GET: RequestHandler = (event) =>
	answerPublication(event, async (publication, pinned) => ({
		body: await agendaPdf(publication),
		contentType: 'application/pdf',
		filename: pdfFilename('agenda', publication, pinned)
	}));

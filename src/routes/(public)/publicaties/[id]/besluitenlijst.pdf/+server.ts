import { answerPublication } from '$lib/server/publications/formats/http';
import { pdfFilename } from '$lib/server/publications/formats/common';
import { besluitenlijstPdf } from '$lib/server/publications/formats/pdf';
import type { RequestHandler } from './$types';

/** The besluitenlijst as a tagged PDF, for anyone: the newest version or `?versie=N`. */
export const GET: RequestHandler = (event) =>
	answerPublication(event, async (publication, pinned) => ({
		body: await besluitenlijstPdf(publication),
		contentType: 'application/pdf',
		filename: pdfFilename('besluitenlijst', publication, pinned)
	}));

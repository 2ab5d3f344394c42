import { openApiDocument } from '$lib/server/openapi/document';
import { readableDocument } from '$lib/server/openapi/readable';
import type { PageServerLoad } from './$types';

let readable: ReturnType<typeof readableDocument> | undefined;

/** Public: how the API works, rendered from the same document as /api/v1/openapi.json. */
export const load: PageServerLoad = () => {
	readable ??= readableDocument(openApiDocument() as Parameters<typeof readableDocument>[0]);
	return readable;
};

import { endpoint } from '$lib/server/api/endpoint';
import { listRevisions } from '$lib/server/agenda';
import type { Content } from '$lib/server/agenda/store';
import { api } from '$lib/server/openapi/operations';

/** A snapshot is stored as JSON, written from the item's content (writeRevision): it is Content. */
export const GET = endpoint(api.listRevisions, async ({ actor, id }) =>
	(await listRevisions(actor, id)).map((row) => ({ ...row, snapshot: row.snapshot as Content }))
);

import { publicEndpoint } from '$lib/server/api/endpoint';
import { queryObject } from '$lib/server/api/request';
import { listPublications } from '$lib/server/publications';
import { api } from '$lib/server/openapi/operations';

/** The published besluitenlijsten, for anyone: filtered by kind and year, searched in Dutch. */
export const GET = publicEndpoint(api.listPublications, async ({ event }) => ({
	publications: await listPublications(queryObject(event.url))
}));

import { publicEndpoint } from '$lib/server/api/endpoint';
import { queryObject } from '$lib/server/api/request';
import type { MeetingKind, Party, Purpose } from '$lib/server/db/schema';
import { parseInput } from '$lib/server/kernel/input';
import { getPublication } from '$lib/server/publications';
import { publicationQuery } from '$lib/server/openapi/public-operations';
import { api } from '$lib/server/openapi/operations';

/**
 * One meeting's published list, its newest version or `?version=N`; 404 for anything else. The
 * snapshot keeps the enums as plain strings (they were the columns' values when it was written);
 * the projection checks them again on the way out.
 */
export const GET = publicEndpoint(api.getPublication, async ({ event, id }) => {
	const { version } = parseInput(publicationQuery, queryObject(event.url));
	const { list, version: shown, versions } = await getPublication(id, version);
	return {
		...list,
		meeting: { ...list.meeting, kind: list.meeting.kind as MeetingKind },
		agenda: list.agenda.map((item) => ({
			...item,
			purpose: item.purpose as Purpose,
			proposingParty: item.proposingParty as Party | null,
			attachments: item.attachments.map((file) => ({
				...file,
				href: `/publicaties/${list.meeting.id}/bijlagen/${file.id}`
			}))
		})),
		noResponseParties: list.noResponseParties as Party[],
		version: shown.number,
		publishedAt: shown.publishedAt,
		reason: shown.reason,
		note: shown.note,
		versions
	};
});

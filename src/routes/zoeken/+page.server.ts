import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { searchAgenda } from '$lib/server/agenda';
import { SEARCH_LIMIT } from '$lib/server/agenda/search';
import { InvalidInputError } from '$lib/server/kernel/errors';
import { listMeetings } from '$lib/server/meetings';
import type { PageServerLoad } from './$types';

/** The page's Dutch parameter names and the verb's field names. */
const params = {
	q: 'q',
	partij: 'party',
	status: 'status',
	doel: 'purpose',
	vergadering: 'meetingId',
	van: 'from',
	tot: 'to'
} as const;

/** A GET form: the address holds the search, so it can be bookmarked and shared. */
export const load: PageServerLoad = async (event) => {
	// Reloaded only when the page cannot apply a live event itself (src/lib/components/LiveLayer.svelte):
	// the results change in place and gain no rows (src/lib/realtime/search-live.svelte.ts).
	event.depends('app:live');
	const { actor } = requireSignedIn(event);
	const values: Record<string, string> = {};
	const input: Record<string, string> = {};
	for (const [param, field] of Object.entries(params)) {
		const value = event.url.searchParams.get(param)?.trim() ?? '';
		values[param] = value;
		if (value) input[field] = value;
	}
	const meetings = (await orAccessError(listMeetings(actor))).map((meeting) => ({
		id: meeting.id,
		title: meeting.title,
		startsAt: meeting.startsAt
	}));
	const searched = Object.keys(input).length > 0;
	if (!searched) return { values, meetings, searched, results: null, errors: null };
	try {
		const found = await orAccessError(searchAgenda(actor, input));
		return {
			values,
			meetings,
			searched,
			errors: null,
			limit: SEARCH_LIMIT,
			results: {
				items: found.items.map((item) => ({
					id: item.id,
					title: item.title,
					status: item.status,
					purpose: item.purpose,
					meetingId: item.meetingId,
					meetingTitle: item.meetingTitle,
					proposingOrganisationName: item.proposingOrganisationName,
					when: item.meetingStartsAt
				})),
				meetings: found.meetings.map((meeting) => ({
					id: meeting.id,
					title: meeting.title,
					startsAt: meeting.startsAt
				}))
			}
		};
	} catch (caught) {
		if (!(caught instanceof InvalidInputError)) throw caught;
		// Bad input is the person's to fix: messages at the fields, never a 500.
		const fieldToParam = Object.fromEntries(Object.entries(params).map(([p, f]) => [f, p]));
		const errors = Object.fromEntries(
			Object.entries(caught.fields).map(([field, message]) => [fieldToParam[field] ?? '', message])
		);
		return { values, meetings, searched, results: null, errors };
	}
};

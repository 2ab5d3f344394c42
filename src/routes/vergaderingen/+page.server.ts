import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { decideAccess } from '$lib/server/access';
import { fieldErrors } from '$lib/server/kernel/errors';
import { listMeetings } from '$lib/server/meetings';
import { listMeetingsSchema } from '$lib/server/meetings/schemas';
import type { PageServerLoad } from './$types';

/** The list of coming and past meetings; the filter is a plain GET form, so it works without JS. */
export const load: PageServerLoad = async (event) => {
	// Reloaded when the page cannot apply a live event itself (src/lib/components/LiveLayer.svelte).
	event.depends('app:live');
	const { actor } = requireSignedIn(event);
	const asked = {
		kind: event.url.searchParams.get('soort') || undefined,
		year: event.url.searchParams.get('jaar') || undefined
	};
	// A wrong value is named on the page instead of silently showing everything.
	const parsed = listMeetingsSchema.safeParse(asked);
	const filter = parsed.success ? parsed.data : {};
	const [upcoming, past] = await orAccessError(
		Promise.all([
			listMeetings(actor, { ...filter, when: 'upcoming' }),
			listMeetings(actor, { ...filter, when: 'past' })
		])
	);
	// The year in Amsterdam, as the year filter counts (not the server's clock's zone).
	const thisYear = Number(
		new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(
			new Date()
		)
	);
	return {
		upcoming,
		past,
		filter: { kind: filter.kind ?? '', year: filter.year ? String(filter.year) : '' },
		errors: parsed.success ? undefined : fieldErrors(parsed.error.issues),
		years: Array.from({ length: 6 }, (_, index) => thisYear + 2 - index),
		mayPlan: decideAccess(actor, 'meeting.manage') === 'ok'
	};
};

import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { secretariatOverview } from '$lib/server/agenda';
import type { PageServerLoad } from './$types';

type OverviewItem = Awaited<ReturnType<typeof secretariatOverview>>['waiting'][number];
type OverviewMeeting = Awaited<ReturnType<typeof secretariatOverview>>['toOpen'][number];

const itemRow = (item: OverviewItem) => ({
	id: item.id,
	title: item.title,
	status: item.status,
	purpose: item.purpose,
	meetingId: item.meetingId,
	proposingOrganisationName: item.proposingOrganisationName,
	when: item.submittedAt,
	lateSubmission: item.lateSubmission,
	lateSubmissionApproved: item.lateSubmissionApproved
});
const meetingRow = (meeting: OverviewMeeting) => ({
	id: meeting.id,
	title: meeting.title,
	startsAt: meeting.startsAt
});

/** The secretariaat's open work across meetings; everyone else gets 403 from the query. */
export const load: PageServerLoad = async (event) => {
	// Reloaded when the page cannot apply a live event itself (src/lib/components/LiveLayer.svelte).
	event.depends('app:live');
	const { actor } = requireSignedIn(event);
	const overview = await orAccessError(secretariatOverview(actor));
	return {
		// Late and other waiting items in one list: the page splits them as the query does.
		waiting: overview.waiting.map(itemRow),
		toMarkTreated: overview.toMarkTreated.map(itemRow),
		inAlignment: overview.inAlignment.map((meeting) => ({
			...meetingRow(meeting),
			akkoordParties: meeting.akkoordParties
		})),
		toMarkHeld: overview.toMarkHeld.map(meetingRow),
		toOpen: overview.toOpen.map(meetingRow)
	};
};

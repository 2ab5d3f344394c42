import { error, redirect } from '@sveltejs/kit';
import { formFailure } from '$lib/form-results.server';
import { localizeHref } from '$lib/paraglide/runtime';
import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { decideAccess } from '$lib/server/access';
import { requestContext } from '$lib/server/http/client';
import { listMeetings, planMeeting } from '$lib/server/meetings';
import { meetingInput, preparatoryChoices, readMeetingForm } from '../meeting-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor } = requireSignedIn(event);
	// Everyone may see meetings; planning one is the secretariat's: 403, as the verb would answer.
	if (decideAccess(actor, 'meeting.manage') !== 'ok') error(403, 'U mag dit niet doen.');
	const meetings = await orAccessError(listMeetings(actor));
	return { preparatoryOptions: preparatoryChoices(meetings) };
};

export const actions: Actions = {
	default: async (event) => {
		const { actor } = requireSignedIn(event);
		const values = readMeetingForm(await event.request.formData());
		let id: string;
		try {
			id = (await planMeeting(actor, meetingInput(values), requestContext(event))).id;
		} catch (caught) {
			return formFailure('meeting', caught, values);
		}
		redirect(303, `${localizeHref(`/vergaderingen/${id}`)}?gepland`);
	}
};

import { error, fail, redirect } from '@sveltejs/kit';
import { formFailure, text } from '$lib/form-results.server';
import { localizeHref } from '$lib/paraglide/runtime';
import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { decideAccess } from '$lib/server/access';
import { requestContext } from '$lib/server/http/client';
import { getMeeting, listMeetings, updateMeeting } from '$lib/server/meetings';
import { StaleVersionError } from '$lib/server/kernel/errors';
import {
	meetingInput,
	meetingValues,
	preparatoryChoices,
	readMeetingForm
} from '../../meeting-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor } = requireSignedIn(event);
	const meeting = await orAccessError(getMeeting(actor, event.params.id));
	if (decideAccess(actor, 'meeting.manage') !== 'ok') error(403, 'U mag dit niet doen.');
	const meetings = await orAccessError(listMeetings(actor));
	return {
		meeting: { id: meeting.id, title: meeting.title, version: meeting.version },
		values: meetingValues(meeting),
		preparatoryOptions: preparatoryChoices(meetings, meeting.id)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { actor } = requireSignedIn(event);
		const form = await event.request.formData();
		const values = readMeetingForm(form);
		try {
			await updateMeeting(
				actor,
				event.params.id,
				{ ...meetingInput(values), expectedVersion: text(form, 'expectedVersion') },
				requestContext(event)
			);
		} catch (caught) {
			// A stale save: keep what was typed, and say which fields someone else changed.
			if (caught instanceof StaleVersionError)
				return fail(409, {
					form: 'meeting' as const,
					errors: { '': caught.message },
					values,
					conflict: { changed: caught.changedFields, currentVersion: caught.currentVersion }
				});
			return formFailure('meeting', caught, values);
		}
		redirect(303, `${localizeHref(`/vergaderingen/${event.params.id}`)}?opgeslagen`);
	}
};

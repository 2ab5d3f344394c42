import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { decideAccess } from '$lib/server/access';
import { draftItem, submitItem } from '$lib/server/agenda';
import { requestContext } from '$lib/server/http/client';
import { ConflictError, InvalidInputError } from '$lib/server/kernel/errors';
import { openMeetings, readItemForm, saveFailure, setItemNotice } from '../item-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor } = requireSignedIn(event);
	if (decideAccess(actor, 'agenda_item.draft') !== 'ok') error(403, 'U mag dit niet doen.');
	const meetings = await orAccessError(openMeetings(actor));
	const wanted = event.url.searchParams.get('vergadering') ?? '';
	return {
		meetings,
		meetingId: meetings.some((meeting) => meeting.id === wanted) ? wanted : ''
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { actor } = requireSignedIn(event);
		const form = await event.request.formData();
		const { values, input } = readItemForm(form);
		let item;
		try {
			item = await draftItem(actor, input, requestContext(event));
		} catch (caught) {
			return saveFailure(caught, values);
		}
		const page = localizeHref(`/agendapunten/${item.id}`);
		if (form.get('intent') === 'submit') {
			try {
				await submitItem(actor, item.id, { expectedVersion: item.version }, requestContext(event));
			} catch (caught) {
				// The concept is saved; the item page says why it could not be submitted yet.
				if (!(caught instanceof ConflictError || caught instanceof InvalidInputError)) throw caught;
				setItemNotice(event.cookies, page, caught.message);
				redirect(303, `${page}?gedaan=opgeslagen`);
			}
			redirect(303, `${page}?gedaan=ingediend`);
		}
		redirect(303, `${page}?gedaan=opgeslagen`);
	}
};

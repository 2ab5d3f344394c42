import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { decideAccess } from '$lib/server/access';
import { getItem, submitItem, updateItem } from '$lib/server/agenda';
import { ConflictError, InvalidInputError } from '$lib/server/kernel/errors';
import { requestContext } from '$lib/server/http/client';
import { openMeetings, readItemForm, saveFailure, setItemNotice } from '../../item-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor } = requireSignedIn(event);
	const item = await orAccessError(getItem(actor, event.params.id));
	// Another organisation may see the item, but not change it.
	if (
		decideAccess(actor, 'agenda_item.propose', {
			organisationId: item.proposingOrganisationId
		}) !== 'ok'
	)
		error(403, 'U mag dit niet doen.');
	const concept = item.status === 'concept';
	return {
		item: {
			id: item.id,
			title: item.title,
			status: item.status,
			version: item.version,
			values: {
				title: item.title,
				summary: item.summary,
				purpose: item.purpose,
				proposedDecision: item.proposedDecision ?? '',
				financialConsequences: item.financialConsequences,
				financialExplanation: item.financialExplanation ?? '',
				contactPerson: item.contactPerson ?? '',
				confidentiality: item.confidentiality,
				meetingId: item.meetingId ?? ''
			}
		},
		concept,
		// Only a concept moves to another meeting by its proposer; the secretariaat moves the rest.
		meetings: concept ? await orAccessError(openMeetings(actor, item.meetingId)) : null
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { actor } = requireSignedIn(event);
		const form = await event.request.formData();
		const { values, input, original } = readItemForm(form);
		const expectedVersion = form.get('expectedVersion');
		let saved;
		try {
			saved = await updateItem(
				actor,
				event.params.id,
				{ ...input, expectedVersion },
				requestContext(event)
			);
		} catch (caught) {
			return saveFailure(caught, values, original);
		}
		const page = localizeHref(`/agendapunten/${saved.id}`);
		if (form.get('intent') === 'submit' && saved.status === 'concept') {
			try {
				await submitItem(
					actor,
					saved.id,
					{ expectedVersion: saved.version },
					requestContext(event)
				);
			} catch (caught) {
				if (!(caught instanceof ConflictError || caught instanceof InvalidInputError)) throw caught;
				setItemNotice(event.cookies, page, caught.message);
				redirect(303, `${page}?gedaan=bewaard`);
			}
			redirect(303, `${page}?gedaan=ingediend`);
		}
		redirect(303, `${page}?gedaan=bewaard`);
	}
};

import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { formFailure, invalidForm, text } from '$lib/form-results.server';
import { roleNames } from '$lib/roles';
import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { decideAccess } from '$lib/server/access';
import { requestContext } from '$lib/server/http/client';
import { invite } from '$lib/server/identity/invitations';
import { changeRole, setDisabled } from '$lib/server/identity/people';
import { listOrganisationChoices, listPeople } from '$lib/server/identity/people-queries';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor } = requireSignedIn(event);
	const [{ people, invitations }, organisations] = await orAccessError(
		Promise.all([listPeople(actor), listOrganisationChoices(actor)])
	);
	// The verbs refuse what is not allowed; the page only leaves out what would be refused.
	const invitableRoles = roleNames.filter(
		(role) => decideAccess(actor, 'person.invite', { role }) === 'ok'
	);
	const mayManage = decideAccess(actor, 'person.change_role', { personId: '' }) === 'ok';
	return {
		self: actor.personId,
		people,
		invitations,
		organisations,
		invitableRoles,
		mayManage
	};
};

const personId = z.uuid();

export const actions: Actions = {
	invite: async (event) => {
		const { actor } = requireSignedIn(event);
		const form = await event.request.formData();
		const values = {
			email: text(form, 'email'),
			organisationId: text(form, 'organisationId'),
			role: text(form, 'role')
		};
		try {
			const result = await invite(actor, values, event.url.origin, requestContext(event));
			return {
				form: 'invite' as const,
				invited: { email: values.email.trim(), link: result.link, mailed: result.mailed }
			};
		} catch (caught) {
			return formFailure('invite', caught, values);
		}
	},

	changeRole: async (event) => {
		const { actor } = requireSignedIn(event);
		const form = await event.request.formData();
		const input = { personId: text(form, 'personId'), role: text(form, 'role') };
		try {
			await changeRole(actor, input, requestContext(event));
		} catch (caught) {
			// Tell the page which row's select to mark.
			const failure = formFailure('role', caught);
			return fail(failure.status, { ...failure.data, personId: input.personId });
		}
		return { form: 'role' as const, personId: input.personId, done: true };
	},

	block: (event) => toggle(event, true),
	unblock: (event) => toggle(event, false)
};

async function toggle(event: RequestEvent, disabled: boolean) {
	const { actor } = requireSignedIn(event);
	const form = await event.request.formData();
	const id = personId.safeParse(text(form, 'personId'));
	if (!id.success) return invalidForm('status', { personId: 'Deze persoon bestaat niet.' });
	try {
		await setDisabled(actor, id.data, disabled, requestContext(event));
	} catch (caught) {
		return formFailure('status', caught);
	}
	return { form: 'status' as const, personId: id.data, disabled };
}

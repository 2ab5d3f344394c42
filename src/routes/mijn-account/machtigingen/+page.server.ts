import { z } from 'zod';
import { formFailure, invalidForm, text } from '$lib/form-results.server';
import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { decideAccess } from '$lib/server/access';
import { grantDelegation, myDelegations, revokeDelegation } from '$lib/server/delegation';
import { requestContext } from '$lib/server/http/client';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor } = requireSignedIn(event);
	// The secretariaat and beheerders speak for no party: the page only explains that.
	if (decideAccess(actor, 'delegation.read') !== 'ok')
		return { applies: false as const, role: actor.role, given: [], received: [], candidates: [] };
	const delegations = await orAccessError(myDelegations(actor));
	return { applies: true as const, role: actor.role, ...delegations };
};

export const actions: Actions = {
	grant: async (event) => {
		const { actor } = requireSignedIn(event);
		const form = await event.request.formData();
		const values = { delegateId: text(form, 'delegateId'), validUntil: text(form, 'validUntil') };
		try {
			await grantDelegation(actor, values, requestContext(event));
		} catch (caught) {
			return formFailure('grant', caught, values);
		}
		return { form: 'grant' as const, granted: true };
	},

	revoke: async (event) => {
		const { actor } = requireSignedIn(event);
		const form = await event.request.formData();
		const id = z.uuid().safeParse(text(form, 'delegationId'));
		if (!id.success) return invalidForm('revoke', { '': 'Deze machtiging bestaat niet (meer).' });
		try {
			await revokeDelegation(actor, id.data, requestContext(event));
		} catch (caught) {
			return formFailure('revoke', caught);
		}
		return { form: 'revoke' as const, revoked: true };
	}
};

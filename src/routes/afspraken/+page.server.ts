import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { decideAccess } from '$lib/server/access';
import { agreementRegister } from '$lib/server/agreements';
import { agreementMeetings } from '$lib/server/agreements/choices';
import { InvalidInputError } from '$lib/server/kernel/errors';
import type { PageServerLoad } from './$types';
import { errorsByParam, readRegisterParams } from './register-params';

/**
 * The register of agreements, for the table: a GET form, so the address holds the filters. Bad
 * input is the person's to fix: Dutch messages at the fields, never a 500, and no results beside
 * them. A visitor without an account reads what the register is and where to sign in.
 */
export const load: PageServerLoad = async (event) => {
	// The rows change in place (realtime/agreement-register-live.svelte.ts); a reload only when asked.
	event.depends('app:live');
	if (!event.locals.actor && !event.locals.session) return { visitor: true as const };
	const { actor } = requireSignedIn(event);
	const request = readRegisterParams(event.url.searchParams);
	const meetings = await orAccessError(agreementMeetings(actor));
	const base = {
		visitor: false as const,
		values: request.values,
		meetings,
		party: actor.party,
		mayCreate: decideAccess(actor, 'agreement.manage') === 'ok',
		filter: request.input
	};
	let errors = request.errors;
	try {
		const register = await orAccessError(agreementRegister(actor, request.input));
		if (Object.keys(errors).length === 0) return { ...base, errors: null, register };
	} catch (caught) {
		if (!(caught instanceof InvalidInputError)) throw caught;
		errors = { ...errorsByParam(caught.fields), ...errors };
	}
	return { ...base, errors, register: null };
};

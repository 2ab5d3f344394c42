import { error } from '@sveltejs/kit';
import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { AccessError } from '$lib/server/access';
import { InvalidInputError } from '$lib/server/kernel/errors';
import { auditPeople, readAudit } from '$lib/server/identity/audit';
import type { PageServerLoad } from './$types';

const filterNames = ['person', 'type', 'from', 'to', 'before'] as const;

export const load: PageServerLoad = async (event) => {
	const { actor } = requireSignedIn(event);
	const people = await orAccessError(auditPeople(actor));

	// The filter is a GET form: only what was filled in goes to the verb, which checks it (zod).
	const filter: Record<string, string> = {};
	for (const name of filterNames) {
		const value = event.url.searchParams.get(name)?.trim();
		if (value) filter[name] = value;
	}

	try {
		const { events, nextBefore } = await readAudit(actor, filter);
		return { people, filter, events, nextBefore, errors: null };
	} catch (caught) {
		if (caught instanceof AccessError) error(caught.status, caught.message);
		if (!(caught instanceof InvalidInputError)) throw caught;
		// Bad filter input: the page says what to fix, with the form still filled in.
		const errors = { ...caught.fields };
		if (errors.before) errors.before = 'De link naar oudere gebeurtenissen klopt niet.';
		return { people, filter, events: [], nextBefore: null, errors };
	}
};

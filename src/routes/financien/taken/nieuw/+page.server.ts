import { error, fail, redirect } from '@sveltejs/kit';
import { formFailure } from '$lib/form-results.server';
import { localizeHref } from '$lib/paraglide/runtime';
import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { createTask } from '$lib/server/finance';
import { taskAccess } from '$lib/server/finance/tasks';
import { requestContext } from '$lib/server/http/client';
import { taskChoices, taskInput, typedValues } from '../task-form.server';
import type { Actions, PageServerLoad } from './$types';

/** "Taak toevoegen": the secretariaat, Financiën and BZK; anyone else is refused, as the verb would. */
export const load: PageServerLoad = async (event) => {
	const { actor } = requireSignedIn(event);
	if (!(await taskAccess(actor)).manage) error(403, 'U mag dit niet doen.');
	return { choices: await orAccessError(taskChoices(actor)) };
};

export const actions: Actions = {
	default: async (event) => {
		const { actor } = requireSignedIn(event);
		const form = await event.request.formData();
		const { input, chosen } = taskInput(form);
		let made;
		try {
			made = await createTask(actor, input, requestContext(event));
		} catch (caught) {
			const failure = formFailure('create', caught, typedValues(form));
			return fail(failure.status, { ...failure.data, chosen });
		}
		redirect(303, `${localizeHref(`/financien/taken/${made.id}`)}?gemaakt`);
	}
};

import { fail, type RequestEvent } from '@sveltejs/kit';
import { formFailure, text } from '$lib/form-results.server';
import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { getTask, reportNeed, updateTask } from '$lib/server/finance';
import { taskAccess, taskMoments } from '$lib/server/finance/tasks';
import { requestContext } from '$lib/server/http/client';
import { InvalidInputError } from '$lib/server/kernel/errors';
import { taskChoices, taskInput, typedValues, type TaskChosen } from '../task-form.server';
import type { Actions, PageServerLoad } from './$types';

/**
 * One task: its facts and UDO, the arrangements that fund it and the agreements about it, and per
 * year the money committed against the koepels' newest reported needs, "zoals bekend op" a budget
 * moment or a day (?asOf=). The edit form for those who keep tasks; the need form for a koepel
 * whose layer carries the task.
 */
export const load: PageServerLoad = async (event) => {
	// Reloaded for a live event the page cannot apply in place (task-live.ts).
	event.depends('app:finance-task');
	const { actor } = requireSignedIn(event);
	const asked = event.url.searchParams.get('asOf')?.trim() ?? '';
	let asOfError: string | null = null;
	let task;
	try {
		task = await orAccessError(getTask(actor, event.params.id, { asOf: asked || null }));
	} catch (caught) {
		if (!(caught instanceof InvalidInputError)) throw caught;
		asOfError = Object.values(caught.fields)[0] ?? 'Kies een begrotingsmoment of een datum.';
		task = await orAccessError(getTask(actor, event.params.id));
	}
	const [access, moments] = await Promise.all([taskAccess(actor, task.layers), taskMoments(actor)]);
	const choices = access.manage ? await orAccessError(taskChoices(actor, task)) : null;
	return {
		task: {
			...task,
			asOf: task.asOf && {
				key: task.asOf.key,
				label: task.asOf.label,
				at: task.asOf.at.toISOString()
			}
		},
		asked,
		asOfError,
		moments: moments.map((moment) => ({ key: moment.key, label: moment.label })),
		access,
		choices,
		created: event.url.searchParams.has('gemaakt')
	};
};

type Form = 'edit' | 'need';

async function run(
	name: Form,
	event: RequestEvent<{ id: string }>,
	work: (form: FormData) => Promise<unknown>,
	extra: (form: FormData) => { chosen?: TaskChosen } = () => ({})
) {
	requireSignedIn(event);
	const form = await event.request.formData();
	try {
		await work(form);
	} catch (caught) {
		// A stale edit (StaleVersionError) is a conflict: 409 with what to do, the form kept.
		const failure = formFailure(name, caught, typedValues(form));
		return fail(failure.status, { ...failure.data, ...extra(form) });
	}
	return { form: name, done: true as const };
}

export const actions: Actions = {
	edit: (event) => {
		const { actor } = requireSignedIn(event);
		return run(
			'edit',
			event,
			(form) =>
				updateTask(
					actor,
					event.params.id,
					{ ...taskInput(form).input, expectedVersion: text(form, 'expectedVersion') || undefined },
					requestContext(event)
				),
			(form) => ({ chosen: taskInput(form).chosen })
		);
	},
	need: (event) => {
		const { actor } = requireSignedIn(event);
		return run('need', event, (form) =>
			reportNeed(
				actor,
				event.params.id,
				{
					party: text(form, 'party'),
					year: text(form, 'year') || undefined,
					amount: text(form, 'amount'),
					source: text(form, 'source')
				},
				requestContext(event)
			)
		);
	}
};

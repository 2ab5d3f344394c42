import { fail, type RequestEvent } from '@sveltejs/kit';
import { formFailure, text } from '$lib/form-results.server';
import { requireSignedIn } from '$lib/route-guards.server';
import type { Actor } from '$lib/server/access';
import {
	commentOnArrangement,
	markFigures,
	recordEntry,
	setArrangementStatus,
	updateArrangement
} from '$lib/server/finance';
import { requestContext } from '$lib/server/http/client';
import type { RequestContext } from '$lib/server/identity/context';
import { InvalidInputError, StaleVersionError } from '$lib/server/kernel/errors';
import { amountRows, atRows } from './amount-rows.server';

/*
 * One form action per verb of the arrangement page. Each re-checks the sign-in, reads the form into
 * the verb's input (empty optional fields as null) and lets the verb validate and check access; it
 * answers with the form's name, so the page shows the outcome at the form that was sent, and what
 * the person typed comes back after a failure. A stale write names what changed since.
 */

type Work = (actor: Actor, id: string, form: FormData, context: RequestContext) => Promise<unknown>;

const orNull = (value: string) => (value.trim() ? value.trim() : null);
/** Browsers send CRLF; the arrangement keeps plain LF. */
const lines = (form: FormData, name: string) => text(form, name).replace(/\r\n?/g, '\n');

/** The expected circular: both parts empty is none; one part only lets the verb say what is missing. */
function expectedCircular(form: FormData) {
	const kind = text(form, 'expectedCircularKind');
	const year = text(form, 'expectedCircularYear').trim();
	return kind || year ? { kind, year } : null;
}

/** The verb names the circular's parts `expectedCircular.kind`; the form has two fields. */
function circularFields(caught: unknown): unknown {
	if (!(caught instanceof InvalidInputError)) return caught;
	const fields: Record<string, string> = {};
	for (const [name, message] of Object.entries(caught.fields)) {
		if (name === 'expectedCircular.kind' || name === 'expectedCircular')
			fields.expectedCircularKind ??= message;
		else if (name === 'expectedCircular.year') fields.expectedCircularYear ??= message;
		else fields[name] = message;
	}
	return new InvalidInputError(fields);
}

function action<F extends string>(name: F, work: Work) {
	return async (event: RequestEvent<{ id: string }>) => {
		const { actor } = requireSignedIn(event);
		const form = await event.request.formData();
		const values = Object.fromEntries(
			[...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string')
		);
		try {
			await work(actor, event.params.id, form, requestContext(event));
		} catch (caught) {
			if (caught instanceof StaleVersionError)
				return fail(409, {
					form: name,
					errors: { '': caught.message } as Record<string, string>,
					values,
					conflict: { changed: caught.changedFields }
				});
			return formFailure(name, caught, values);
		}
		return { form: name, done: true as const, status: text(form, 'status') || null };
	};
}

export const arrangementActions = {
	edit: action('edit', async (actor, id, form, context) => {
		try {
			return await updateArrangement(
				actor,
				id,
				{
					title: text(form, 'title'),
					description: lines(form, 'description'),
					instrument: text(form, 'instrument'),
					layer: text(form, 'layer'),
					nature: text(form, 'nature'),
					budgetMomentId: orNull(text(form, 'budgetMomentId')),
					sourceDocument: orNull(text(form, 'sourceDocument')),
					expectedCircular: expectedCircular(form),
					confidentiality: text(form, 'confidentiality') || undefined,
					expectedVersion: text(form, 'expectedVersion') || undefined
				},
				context
			);
		} catch (caught) {
			throw circularFields(caught);
		}
	}),
	entry: action('entry', async (actor, id, form, context) => {
		const { amounts, rowOf } = amountRows(form, 'amounts');
		try {
			return await recordEntry(
				actor,
				id,
				{
					reason: lines(form, 'reason'),
					budgetMomentId: orNull(text(form, 'budgetMomentId')),
					amounts,
					expectedScheduleVersion: text(form, 'expectedScheduleVersion') || undefined
				},
				context
			);
		} catch (caught) {
			throw atRows(caught, 'amounts', 'amounts', rowOf);
		}
	}),
	status: action('status', (actor, id, form, context) =>
		setArrangementStatus(
			actor,
			id,
			{
				status: text(form, 'status'),
				processedCircularId: orNull(text(form, 'processedCircularId')),
				processedBudgetLaw: orNull(text(form, 'processedBudgetLaw')),
				reason: orNull(lines(form, 'reason')),
				expectedVersion: text(form, 'expectedVersion') || undefined
			},
			context
		)
	),
	mark: action('mark', (actor, id, form, context) =>
		markFigures(
			actor,
			id,
			{
				verdict: text(form, 'verdict'),
				note: orNull(lines(form, 'note')),
				scheduleVersion: text(form, 'scheduleVersion')
			},
			context
		)
	),
	comment: action('comment', (actor, id, form, context) =>
		commentOnArrangement(actor, id, { body: lines(form, 'body') }, context)
	)
};

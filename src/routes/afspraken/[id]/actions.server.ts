import { fail, type RequestEvent } from '@sveltejs/kit';
import { formFailure, text } from '$lib/form-results.server';
import { requireSignedIn } from '$lib/route-guards.server';
import type { Actor } from '$lib/server/access';
import {
	addOwner,
	linkOnward,
	recordRatification,
	removeOwner,
	reportProgress,
	setStatus,
	unlinkOnward,
	updateAgreement
} from '$lib/server/agreements';
import { requestContext } from '$lib/server/http/client';
import type { RequestContext } from '$lib/server/identity/context';
import { StaleVersionError } from '$lib/server/kernel/errors';

/*
 * One form action per verb of the agreement page. Each re-checks the sign-in, reads the form into
 * the verb's input (empty optional fields as null) and lets the verb validate and check access;
 * it answers with the form's name, so the page shows the outcome at the form that was sent, and
 * what the person typed comes back after a failure. A stale edit names what changed since.
 */

type Work = (actor: Actor, id: string, form: FormData, context: RequestContext) => Promise<unknown>;

const orNull = (value: string) => (value.trim() ? value : null);
/** Browsers send CRLF; the agreement keeps plain LF, so the verb sees what the person changed. */
const lines = (form: FormData, name: string) => text(form, name).replace(/\r\n?/g, '\n');
const version = (form: FormData) => text(form, 'expectedVersion') || undefined;
/** The files chosen in the form's "file" field; an input left empty sends a nameless empty part. */
const uploads = (form: FormData) =>
	Promise.all(
		form
			.getAll('file')
			.filter((value): value is File => value instanceof File && (value.size > 0 || !!value.name))
			.map(async (file) => ({
				filename: file.name,
				bytes: new Uint8Array(await file.arrayBuffer())
			}))
	);

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
					errors: {} as Record<string, string>,
					values,
					conflict: { changed: caught.changedFields }
				});
			return formFailure(name, caught, values);
		}
		return { form: name, done: true as const, status: text(form, 'status') || null };
	};
}

export const agreementActions = {
	edit: action('edit', (actor, id, form, context) =>
		updateAgreement(
			actor,
			id,
			{
				title: text(form, 'title'),
				body: lines(form, 'body'),
				deadline: text(form, 'deadline'),
				condition: lines(form, 'condition'),
				fallbackDate: orNull(text(form, 'fallbackDate')),
				confidentiality: text(form, 'confidentiality') || undefined,
				expectedVersion: version(form)
			},
			context
		)
	),
	status: action('status', (actor, id, form, context) =>
		setStatus(
			actor,
			id,
			{
				status: text(form, 'status'),
				expectedDate: orNull(text(form, 'expectedDate')),
				reason: lines(form, 'reason'),
				expectedVersion: version(form)
			},
			context
		)
	),
	addOwner: action('addOwner', (actor, id, form, context) =>
		addOwner(
			actor,
			id,
			{
				party: text(form, 'party'),
				organisationId: orNull(text(form, 'organisationId')),
				contactPersonId: text(form, 'contactPersonId')
			},
			context
		)
	),
	removeOwner: action('removeOwner', (actor, id, form, context) =>
		removeOwner(actor, id, { ownerId: text(form, 'ownerId') }, context)
	),
	handOn: action('handOn', (actor, id, form, context) =>
		linkOnward(
			actor,
			id,
			text(form, 'to') === 'agreement'
				? { toAgreementId: text(form, 'toAgreementId') }
				: {
						destination: {
							kind: text(form, 'kind'),
							label: text(form, 'label'),
							meetingId: orNull(text(form, 'meetingId')),
							date: orNull(text(form, 'date'))
						}
					},
			context
		)
	),
	unlink: action('unlink', (actor, id, form, context) =>
		unlinkOnward(
			actor,
			id,
			{
				linkId: text(form, 'linkId'),
				reason: lines(form, 'reason'),
				expectedVersion: version(form)
			},
			context
		)
	),
	progress: action('progress', async (actor, id, form, context) => {
		const percent = text(form, 'percent').trim();
		return reportProgress(
			actor,
			id,
			{ text: lines(form, 'text'), percent: percent ? Number(percent) : null },
			context,
			await uploads(form)
		);
	}),
	ratify: action('ratify', (actor, id, form, context) =>
		recordRatification(
			actor,
			id,
			{
				koepel: text(form, 'koepel'),
				state: text(form, 'state'),
				closesOn: orNull(text(form, 'closesOn')),
				decidedOn: orNull(text(form, 'decidedOn')),
				ledenbriefUrl: orNull(text(form, 'ledenbriefUrl')),
				version: text(form, 'version') || undefined
			},
			context
		)
	)
};

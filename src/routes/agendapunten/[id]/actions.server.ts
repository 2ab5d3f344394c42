import { redirect, type RequestEvent } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { formFailure, text } from '$lib/form-results.server';
import { requireSignedIn } from '$lib/route-guards.server';
import type { Actor } from '$lib/server/access';
import {
	addComment,
	approveLateSubmission,
	declineItem,
	deferItem,
	deleteComment,
	discardConcept,
	editComment,
	inviteCoSponsor,
	markTreated,
	placeItem,
	respondCoSponsor,
	submitItem,
	withdrawCoSponsorInvitation,
	withdrawItem
} from '$lib/server/agenda';
import { requestContext } from '$lib/server/http/client';
import type { RequestContext } from '$lib/server/identity/context';
import { saveFailure, setItemNotice } from '../item-form.server';
import type { Actions } from './$types';

type Work = (
	actor: Actor,
	itemId: string,
	form: FormData,
	context: RequestContext
) => Promise<unknown>;

/**
 * One form action per verb. Each re-checks the sign-in, hands the form's text to the verb (which
 * validates it with zod and checks access), and answers with the form's name, so the page shows
 * the outcome at the form that was sent. What the person typed comes back after a failure.
 */
function action<F extends string>(name: F, work: Work, keep: string[] = []) {
	return async (event: RequestEvent<{ id: string }>) => {
		const { actor } = requireSignedIn(event);
		const form = await event.request.formData();
		const values = Object.fromEntries(keep.map((field) => [field, text(form, field)]));
		let written: unknown;
		try {
			written = await work(actor, event.params.id, form, requestContext(event));
		} catch (caught) {
			return formFailure(name, caught, values);
		}
		// What the confirmation names (the party asked, the answer given) and where the result is
		// shown (the comment written or changed), so the page can say it and put focus there.
		return {
			form: name,
			done: true as const,
			target: text(form, 'commentId') || idOf(written),
			party: text(form, 'party') || null,
			answer: text(form, 'answer') || null
		};
	};
}

const idOf = (written: unknown): string | null =>
	written && typeof written === 'object' && 'id' in written && typeof written.id === 'string'
		? written.id
		: null;

const version = (form: FormData) => ({ expectedVersion: text(form, 'expectedVersion') });

export const itemActions = {
	submit: async (event: RequestEvent<{ id: string }>) => {
		const { actor } = requireSignedIn(event);
		const form = await event.request.formData();
		try {
			await submitItem(actor, event.params.id, version(form), requestContext(event));
		} catch (caught) {
			return saveFailure(caught, {});
		}
		return {
			form: 'submit' as const,
			done: true as const,
			target: null,
			party: null,
			answer: null
		};
	},
	withdraw: action('withdraw', (actor, id, form, context) =>
		withdrawItem(actor, id, version(form), context)
	),
	// The concept is gone: the person lands on Mijn voorstellen, which names what was removed.
	discard: async (event: RequestEvent<{ id: string }>) => {
		const { actor } = requireSignedIn(event);
		const form = await event.request.formData();
		let gone: { title: string };
		try {
			gone = await discardConcept(actor, event.params.id, version(form), requestContext(event));
		} catch (caught) {
			return formFailure('discard', caught, {});
		}
		const list = localizeHref('/mijn-voorstellen');
		setItemNotice(event.cookies, list, gone.title);
		redirect(303, list);
	},
	approveLate: action('approveLate', (actor, id, _form, context) =>
		approveLateSubmission(actor, id, context)
	),
	place: action(
		'place',
		(actor, id, form, context) =>
			placeItem(
				actor,
				id,
				{
					meetingId: text(form, 'meetingId') || undefined,
					position: text(form, 'position') || undefined,
					minutes: text(form, 'minutes')
				},
				context
			),
		['meetingId', 'position', 'minutes']
	),
	defer: action(
		'defer',
		(actor, id, form, context) =>
			deferItem(
				actor,
				id,
				{ reason: text(form, 'reason'), toMeetingId: text(form, 'toMeetingId') || null },
				context
			),
		['reason', 'toMeetingId']
	),
	decline: action(
		'decline',
		(actor, id, form, context) => declineItem(actor, id, { reason: text(form, 'reason') }, context),
		['reason']
	),
	treat: action('treat', (actor, id, _form, context) => markTreated(actor, id, context)),
	invite: action(
		'invite',
		(actor, id, form, context) =>
			inviteCoSponsor(actor, id, { party: text(form, 'party') }, context),
		['party']
	),
	withdrawInvitation: action('withdrawInvitation', (actor, id, form, context) =>
		withdrawCoSponsorInvitation(actor, id, { party: text(form, 'party') }, context)
	),
	respond: action('respond', (actor, id, form, context) =>
		respondCoSponsor(actor, id, { accept: text(form, 'answer') === 'accept' }, context)
	),
	comment: action(
		'comment',
		(actor, id, form, context) =>
			addComment(
				actor,
				id,
				{ body: text(form, 'body'), parentId: text(form, 'parentId') || null },
				context
			),
		['body', 'parentId']
	),
	editComment: action(
		'editComment',
		(actor, _id, form, context) =>
			editComment(actor, text(form, 'commentId'), { body: text(form, 'body') }, context),
		['body', 'commentId']
	),
	deleteComment: action('deleteComment', (actor, _id, form, context) =>
		deleteComment(actor, text(form, 'commentId'), context)
	)
} satisfies Actions;

import type { RequestEvent } from '@sveltejs/kit';
import { formFailure, invalidForm, text } from '$lib/form-results.server';
import { requireSignedIn } from '$lib/route-guards.server';
import type { Actor } from '$lib/server/access';
import {
	adoptAgenda,
	getMeetingWithAgenda,
	placeItem,
	recordApproval,
	reopenAgenda
} from '$lib/server/agenda';
import { reorderAgenda } from '$lib/server/agenda';
import { approvalDecisionSchema } from '$lib/server/agenda/schemas';
import { proposeProgressItem } from '$lib/server/agreements/agenda-item';
import { requestContext } from '$lib/server/http/client';
import type { RequestContext } from '$lib/server/identity/context';
import {
	cancelMeeting,
	markHeld,
	openForProposals,
	startAgendaAlignment
} from '$lib/server/meetings';

type Work = (
	actor: Actor,
	meetingId: string,
	form: FormData,
	context: RequestContext
) => Promise<Outcome>;

/** What a successful step tells the page: which step, or which item moved where. */
interface Outcome {
	step?: 'open' | 'align' | 'adopt' | 'held' | 'reopen' | 'cancel';
	itemId?: string;
	title?: string;
	position?: number;
	total?: number;
	direction?: 'up' | 'down';
}

/**
 * One form action: guard, read the form, call the verb. A refusal (bad input, wrong status,
 * stale order) comes back tagged with the form's name; 403/404 become the error page.
 */
function action<F extends string>(form: F, work: Work) {
	return async (event: RequestEvent<{ id: string }>) => {
		const { actor } = requireSignedIn(event);
		const data = await event.request.formData();
		try {
			const outcome: Outcome = await work(actor, event.params.id, data, requestContext(event));
			return { form, done: true as const, ...outcome };
		} catch (caught) {
			return formFailure(form, caught, { itemId: text(data, 'itemId') });
		}
	};
}

const reason = (form: FormData) => ({ reason: text(form, 'reason') });

/** Moves one item a place up or down in the agenda as it is now (not as the page showed it). */
const move: Work = async (actor, meetingId, form, context) => {
	const itemId = text(form, 'itemId');
	const direction = text(form, 'direction') === 'up' ? 'up' : 'down';
	const step = direction === 'up' ? -1 : 1;
	const { agenda } = await getMeetingWithAgenda(actor, meetingId);
	const order = agenda.map((item) => item.id);
	const from = order.indexOf(itemId);
	const to = from + step;
	// At the edge nothing moves; the verb still runs, so it alone decides who may order.
	if (from >= 0 && to >= 0 && to < order.length)
		[order[from], order[to]] = [order[to]!, order[from]!];
	await reorderAgenda(actor, meetingId, { orderedItemIds: order }, context);
	const position = order.indexOf(itemId) + 1;
	return { itemId, position, total: order.length, title: agenda[from]?.title ?? '', direction };
};

export const meetingActions = {
	open: action('status', (actor, id, _form, context) =>
		openForProposals(actor, id, context).then(() => ({ step: 'open' as const }))
	),
	align: action('status', (actor, id, _form, context) =>
		startAgendaAlignment(actor, id, context).then(() => ({ step: 'align' as const }))
	),
	adopt: action('status', (actor, id, _form, context) =>
		adoptAgenda(actor, id, context).then(() => ({ step: 'adopt' as const }))
	),
	held: action('status', (actor, id, _form, context) =>
		markHeld(actor, id, context).then(() => ({ step: 'held' as const }))
	),
	reopen: action('reopen', (actor, id, form, context) =>
		reopenAgenda(actor, id, reason(form), context).then(() => ({ step: 'reopen' as const }))
	),
	cancel: action('cancel', (actor, id, form, context) =>
		cancelMeeting(actor, id, reason(form), context).then(() => ({ step: 'cancel' as const }))
	),
	place: action('place', async (actor, id, form, context) => {
		const item = await placeItem(
			actor,
			text(form, 'itemId'),
			{ meetingId: id, minutes: text(form, 'minutes') },
			context
		);
		return { itemId: item.id, title: item.title };
	}),
	minutes: action('minutes', async (actor, id, form, context) => {
		const item = await placeItem(
			actor,
			text(form, 'itemId'),
			{ meetingId: id, position: text(form, 'position'), minutes: text(form, 'minutes') },
			context
		);
		return { itemId: item.id, title: item.title };
	}),
	// "Voortgang afspraken": the standard item with the register's overview (secretariaat).
	progress: action('progress', async (actor, id, _form, context) => {
		const item = await proposeProgressItem(actor, id, context);
		return { itemId: item.id, title: item.title };
	}),
	move: action('order', move),
	reorder: action('order', async (actor, id, form, context) => {
		const orderedItemIds = text(form, 'order').split(',').filter(Boolean);
		await reorderAgenda(actor, id, { orderedItemIds }, context);
		const itemId = text(form, 'itemId');
		const position = orderedItemIds.indexOf(itemId) + 1;
		return { itemId, position, total: orderedItemIds.length, title: text(form, 'title') };
	}),
	approve: async (event: RequestEvent<{ id: string }>) => {
		const { actor } = requireSignedIn(event);
		const form = await event.request.formData();
		const itemPositions: Record<string, string> = {};
		for (const [name, value] of form) {
			if (name.startsWith('position:') && typeof value === 'string')
				itemPositions[name.slice('position:'.length)] = value;
		}
		const values = { decision: text(form, 'decision'), reason: text(form, 'reason') };
		// Nothing chosen is refused here, at the field, before the verb runs: consent is never a default.
		const decision = approvalDecisionSchema.safeParse(values.decision);
		if (!decision.success)
			return invalidForm(
				'approve',
				{ decision: decision.error.issues[0]!.message },
				{ ...values, ...prefixed(itemPositions) }
			);
		try {
			await recordApproval(
				actor,
				event.params.id,
				{ ...values, itemPositions },
				requestContext(event)
			);
		} catch (caught) {
			return formFailure('approve', caught, { ...values, ...prefixed(itemPositions) });
		}
		return { form: 'approve' as const, done: true };
	}
};

const prefixed = (positions: Record<string, string>) =>
	Object.fromEntries(Object.entries(positions).map(([id, text]) => [`position:${id}`, text]));

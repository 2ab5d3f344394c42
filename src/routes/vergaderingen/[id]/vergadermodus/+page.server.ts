import { error, type RequestEvent } from '@sveltejs/kit';
import { formFailure, text } from '$lib/form-results.server';
import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { decideAccess } from '$lib/server/access';
import { meetingAgendaFor } from '$lib/server/agenda/meeting-cache';
import {
	carryOver,
	meetingDecisions,
	openSession,
	recordDecision,
	setCurrentItem
} from '$lib/server/decisions';
import { openSessionRefusal, recordRefusal } from '$lib/server/decisions/rules';
import { requestContext } from '$lib/server/http/client';
import { listMeetings } from '$lib/server/meetings';
import { agendaOpen } from '$lib/server/meetings/queries';
import { readDecisionForm } from './decision-form.server';
import type { Actions, PageServerLoad } from './$types';

/**
 * Meeting mode, the secretariaat's side: the item dealt with now (which everyone following the
 * meeting page sees), the decision on it, and the items to carry over. Others read the meeting page.
 */
export const load: PageServerLoad = async (event) => {
	event.depends('app:live');
	const { actor } = requireSignedIn(event);
	const page = await orAccessError(meetingAgendaFor(actor, event.params.id));
	if (decideAccess(actor, 'decision.record') !== 'ok')
		error(403, 'Alleen het secretariaat legt besluiten vast.');
	const [decisions, meetings] = await Promise.all([
		orAccessError(meetingDecisions(actor, page.meeting.id)),
		orAccessError(listMeetings(actor))
	]);
	const meeting = page.meeting;
	return {
		meeting: {
			id: meeting.id,
			title: meeting.title,
			status: meeting.status,
			startsAt: meeting.startsAt,
			sessionOpenedAt: meeting.sessionOpenedAt,
			currentItemId: meeting.currentItemId
		},
		items: page.agenda.map((item) => ({
			id: item.id,
			position: item.position,
			title: item.title,
			purpose: item.purpose,
			proposedDecision: item.proposedDecision ?? null,
			status: item.status
		})),
		decisions,
		openRefusal: openSessionRefusal(meeting),
		recordRefusal: recordRefusal(meeting),
		// Where items not dealt with can go: later meetings whose agenda is still open.
		later: meetings
			.filter((m) => m.startsAt > meeting.startsAt && agendaOpen.includes(m.status))
			.map((m) => ({ id: m.id, title: m.title, startsAt: m.startsAt }))
	};
};

/** What a form that went well tells the page. */
interface Outcome {
	step?: 'opened';
	itemId?: string | null;
	agendaNumber?: number;
	movedOn?: boolean;
	carried?: number;
}

function action<F extends string>(
	form: F,
	work: (event: RequestEvent<{ id: string }>, data: FormData) => Promise<Outcome>
) {
	return async (event: RequestEvent<{ id: string }>) => {
		const { actor } = requireSignedIn(event);
		void actor;
		const data = await event.request.formData();
		try {
			return { form, done: true as const, ...(await work(event, data)) };
		} catch (caught) {
			return formFailure(
				form,
				caught,
				Object.fromEntries(
					[...data.entries()].filter(
						(entry): entry is [string, string] => typeof entry[1] === 'string'
					)
				)
			);
		}
	};
}

export const actions: Actions = {
	open: action('session', async (event) => {
		const { actor } = requireSignedIn(event);
		await openSession(actor, event.params.id, requestContext(event));
		return { step: 'opened' as const };
	}),
	current: action('current', async (event, data) => {
		const { actor } = requireSignedIn(event);
		const itemId = text(data, 'itemId') || null;
		await setCurrentItem(actor, event.params.id, { itemId }, requestContext(event));
		return { itemId };
	}),
	record: action('decision', async (event, data) => {
		const { actor } = requireSignedIn(event);
		const itemId = text(data, 'itemId');
		const decision = await recordDecision(
			actor,
			itemId,
			readDecisionForm(data),
			requestContext(event)
		);
		const next = text(data, 'next');
		if (next) await setCurrentItem(actor, event.params.id, { itemId: next }, requestContext(event));
		return { itemId, agendaNumber: decision.agendaNumber, movedOn: !!next };
	}),
	carry: action('carry', async (event, data) => {
		const { actor } = requireSignedIn(event);
		const target = text(data, 'toMeetingId');
		const carried = await carryOver(
			actor,
			event.params.id,
			{
				itemIds: data.getAll('itemIds').filter((v): v is string => typeof v === 'string'),
				toMeetingId: target && target !== 'nog-te-agenderen' ? target : null,
				reason: text(data, 'reason')
			},
			requestContext(event)
		);
		return { carried: carried.length };
	})
};

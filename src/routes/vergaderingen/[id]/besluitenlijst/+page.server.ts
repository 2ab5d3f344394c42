import { error, type RequestEvent } from '@sveltejs/kit';
import { formFailure, text } from '$lib/form-results.server';
import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { decideAccess, type Actor } from '$lib/server/access';
import {
	adoptDecisionList,
	answerCorrection,
	getDecisionList,
	maySpeakForParty,
	proposeCorrection,
	publicationChoices,
	publishCorrection,
	publishDecisionList,
	startVerification,
	verifyDecisionList
} from '$lib/server/decisions';
import { requestContext } from '$lib/server/http/client';
import { getMeeting } from '$lib/server/meetings';
import type { Actions, PageServerLoad } from './$types';

/** The besluitenlijst of a held meeting, for the table: verify, correct, adopt, publish. */
export const load: PageServerLoad = async (event) => {
	event.depends('app:live');
	const { actor } = requireSignedIn(event);
	const meeting = await orAccessError(getMeeting(actor, event.params.id));
	const list = await orAccessError(getDecisionList(actor, meeting.id));
	if (!list)
		error(404, 'Deze vergadering heeft nog geen besluitenlijst: zij is nog niet gehouden.');
	const manager = decideAccess(actor, 'decision_list.manage') === 'ok';
	const items = manager ? await publicationChoices(actor, meeting.id) : [];
	return {
		meeting: { id: meeting.id, title: meeting.title, startsAt: meeting.startsAt },
		list,
		party: actor.party,
		may: {
			manage: manager,
			// For the party, while the list is ter verificatie: the page follows the list's status live.
			speak: await maySpeakForParty(actor),
			// The secretariaat turns a decision or a toezegging into an afspraak (issue 14).
			makeAgreements: decideAccess(actor, 'agreement.manage') === 'ok'
		},
		publishable: items.map((item) => ({
			id: item.id,
			number: item.number,
			title: item.title,
			openbaar: item.confidentiality === 'openbaar'
		}))
	};
};

/** What a form that went well tells the page. */
interface Outcome {
	step: 'started' | 'verified' | 'corrected' | 'answered' | 'adopted' | 'published';
	number?: number;
}

function action<F extends string>(
	form: F,
	work: (actor: Actor, event: RequestEvent<{ id: string }>, data: FormData) => Promise<Outcome>
) {
	return async (event: RequestEvent<{ id: string }>) => {
		const { actor } = requireSignedIn(event);
		const data = await event.request.formData();
		try {
			return { form, done: true as const, ...(await work(actor, event, data)) };
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

const ids = (data: FormData) =>
	data.getAll('publicItemIds').filter((value): value is string => typeof value === 'string');

export const actions: Actions = {
	start: action('start', async (actor, event, data) => {
		await startVerification(
			actor,
			event.params.id,
			{ closesOn: text(data, 'closesOn') },
			requestContext(event)
		);
		return { step: 'started' };
	}),
	verify: action('verify', async (actor, event) => {
		await verifyDecisionList(actor, event.params.id, requestContext(event));
		return { step: 'verified' };
	}),
	correct: action('correct', async (actor, event, data) => {
		await proposeCorrection(
			actor,
			event.params.id,
			{
				decisionId: text(data, 'decisionId'),
				proposal: text(data, 'proposal'),
				reason: text(data, 'reason')
			},
			requestContext(event)
		);
		return { step: 'corrected' };
	}),
	answer: action('answer', async (actor, event, data) => {
		await answerCorrection(
			actor,
			text(data, 'correctionId'),
			{ accept: text(data, 'accept') === 'ja', reason: text(data, 'reason') || undefined },
			requestContext(event)
		);
		return { step: 'answered' };
	}),
	adopt: action('adopt', async (actor, event) => {
		await adoptDecisionList(actor, event.params.id, requestContext(event));
		return { step: 'adopted' };
	}),
	publish: action('publish', async (actor, event, data) => {
		const version = await publishDecisionList(
			actor,
			event.params.id,
			{ publicItemIds: ids(data) },
			requestContext(event)
		);
		return { step: 'published', number: version.number };
	}),
	republish: action('republish', async (actor, event, data) => {
		const version = await publishCorrection(
			actor,
			event.params.id,
			{ publicItemIds: ids(data), reasonKind: text(data, 'reasonKind'), note: text(data, 'note') },
			requestContext(event)
		);
		return { step: 'published', number: version.number };
	})
};

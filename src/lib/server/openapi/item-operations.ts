import { z } from 'zod';
import { reasonSchema } from '../kernel/input';
import {
	commentSchema,
	deferItemSchema,
	draftItemSchema,
	editCommentSchema,
	inviteCoSponsorSchema,
	placeItemSchema,
	respondCoSponsorSchema,
	searchSchema,
	updateItemSchema
} from '../agenda/schemas';
import {
	coSponsorResponse,
	commentResponse,
	discardedItemResponse,
	commentThreadResponse,
	diffResponse,
	itemDetailResponse,
	itemListResponse,
	itemResponse,
	revisionsResponse,
	searchResponse
} from './item-schemas';
import {
	operationsOf,
	readErrors,
	versionedErrors,
	writeErrors,
	type OperationSpec
} from './operation';

const tag = 'Agendapunten';
const base = '/api/v1/items';
const item = 'Het agendapunt';

/** A step in an item's life: POST with If-Match, answered with the item. */
function transition(
	slug: string,
	summary: string,
	description: string,
	body?: z.ZodType
): OperationSpec<typeof itemResponse> {
	return {
		method: 'post',
		path: `${base}/{id}/${slug}`,
		tag,
		summary,
		description,
		id: item,
		body,
		response: itemResponse,
		ifMatch: true,
		etag: true,
		errors: versionedErrors
	};
}

export const diffQuery = z.object({
	from: z.coerce.number().int().min(1).meta({ description: 'De oudere versie' }),
	to: z.coerce.number().int().min(1).meta({ description: 'De nieuwere versie' })
});

/** Which list of items: the own organisation's ("Mijn voorstellen"), or those still to be scheduled. */
export const itemListQuery = z.object({
	list: z.enum(['mine', 'unscheduled'], {
		error: 'Kies mine (mijn voorstellen) of unscheduled (nog te agenderen).'
	})
});

export const itemOperations = operationsOf({
	listItems: {
		method: 'get',
		path: base,
		tag,
		summary: 'Mijn voorstellen, of de lijst nog te agenderen',
		description:
			'list=mine: alle punten van de eigen organisatie, laatst gewijzigd eerst. list=unscheduled: ingediende punten zonder vergadering, oudste indiening eerst.',
		query: itemListQuery,
		response: itemListResponse,
		errors: [400]
	},
	draftItem: {
		method: 'post',
		path: base,
		tag,
		summary: 'Een agendapunt opstellen (concept)',
		description:
			'Voor een vergadering, of zonder meetingId voor de lijst nog te agenderen. Een concept ziet alleen de eigen organisatie.',
		body: draftItemSchema,
		response: itemResponse,
		status: 201,
		etag: true,
		errors: [400, 403, 409, 413, 415]
	},
	getItem: {
		method: 'get',
		path: `${base}/{id}`,
		tag,
		summary: 'Eén agendapunt, met mede-indieners',
		id: item,
		response: itemDetailResponse,
		etag: true,
		errors: readErrors
	},
	updateItem: {
		method: 'patch',
		path: `${base}/{id}`,
		tag,
		summary: 'Een agendapunt bewerken (eigen organisatie)',
		description:
			'Stuur alleen de velden die veranderen. Elke opgeslagen wijziging wordt een nieuwe versie met een revisie.',
		id: item,
		body: updateItemSchema.omit({ expectedVersion: true }),
		response: itemResponse,
		ifMatch: true,
		etag: true,
		errors: versionedErrors
	},
	discardItem: {
		method: 'delete',
		path: `${base}/{id}`,
		tag,
		summary: 'Een concept verwijderen (eigen organisatie)',
		description:
			'Alleen een concept dat nooit is ingediend; een ingediend punt trekt u in (409). Het punt verdwijnt met zijn versies, reacties, bijlagen en verzoeken tot mede-indienen; het logboek houdt het spoor.',
		id: item,
		response: discardedItemResponse,
		ifMatch: true,
		errors: versionedErrors
	},
	submitItem: transition(
		'submit',
		'Indienen',
		'Van concept naar ingediend: alle deelnemers zien het punt. Na de termijn wacht het op toestemming van het secretariaat.'
	),
	withdrawItem: transition(
		'withdraw',
		'Intrekken',
		'Door de indienende organisatie, tot de agenda is vastgesteld.'
	),
	approveLateSubmission: transition(
		'approve-late',
		'Late indiening toestaan (secretariaat)',
		'Daarna kan het punt geagendeerd worden.'
	),
	placeItem: transition(
		'place',
		'Agenderen (secretariaat)',
		'Op een plaats (standaard achteraan) met een aantal minuten; voor een geagendeerd punt: verplaatsen of de minuten wijzigen.',
		placeItemSchema
	),
	deferItem: transition(
		'defer',
		'Aanhouden, met een reden (secretariaat)',
		'Naar een latere vergadering, of zonder toMeetingId terug naar de lijst nog te agenderen.',
		deferItemSchema
	),
	declineItem: transition(
		'decline',
		'Afwijzen, met een reden (secretariaat)',
		'Zolang de agenda nog open is.',
		reasonSchema
	),
	treatItem: transition(
		'treat',
		'Als behandeld markeren (secretariaat)',
		'Na het begin van de vergadering met vastgestelde agenda.'
	),
	inviteCoSponsor: {
		method: 'post',
		path: `${base}/{id}/co-sponsors`,
		tag,
		summary: 'Een partij vragen mede-indiener te zijn (eigen organisatie)',
		description:
			'Op een concept wordt de partij gevraagd zodra het punt is ingediend; tot dan ziet alleen de eigen organisatie het verzoek. Op een ingediend punt gaat het verzoek meteen uit.',
		id: item,
		body: inviteCoSponsorSchema,
		response: coSponsorResponse,
		status: 201,
		errors: writeErrors
	},
	withdrawCoSponsorInvitation: {
		method: 'post',
		path: `${base}/{id}/co-sponsors/withdraw`,
		tag,
		summary: 'Een verzoek tot mede-indienen terugnemen (concept, eigen organisatie)',
		description:
			'Alleen zolang het punt een concept is: na het indienen is het verzoek verstuurd (409).',
		id: item,
		body: inviteCoSponsorSchema,
		response: coSponsorResponse,
		errors: writeErrors
	},
	respondCoSponsor: {
		method: 'post',
		path: `${base}/{id}/co-sponsors/respond`,
		tag,
		summary: 'Namens de eigen partij mede-indienen aannemen of afslaan',
		id: item,
		body: respondCoSponsorSchema,
		response: coSponsorResponse,
		errors: writeErrors
	},
	listComments: {
		method: 'get',
		path: `${base}/{id}/comments`,
		tag: 'Reacties',
		summary: 'De reacties op een agendapunt, met antwoorden',
		id: item,
		response: commentThreadResponse,
		errors: readErrors
	},
	addComment: {
		method: 'post',
		path: `${base}/{id}/comments`,
		tag: 'Reacties',
		summary: 'Reageren, of antwoorden op een reactie (parentId)',
		id: item,
		body: commentSchema,
		response: commentResponse,
		status: 201,
		errors: writeErrors
	},
	editComment: {
		method: 'patch',
		path: '/api/v1/comments/{id}',
		tag: 'Reacties',
		summary: 'De eigen reactie bewerken',
		id: 'De reactie',
		body: editCommentSchema,
		response: commentResponse,
		errors: writeErrors
	},
	deleteComment: {
		method: 'delete',
		path: '/api/v1/comments/{id}',
		tag: 'Reacties',
		summary: 'De eigen reactie verwijderen (het secretariaat ook die van een ander)',
		description: 'Er blijft een spoor: wie en wanneer, zonder de tekst.',
		id: 'De reactie',
		response: commentResponse,
		errors: [403, 404, 409]
	},
	listRevisions: {
		method: 'get',
		path: `${base}/{id}/revisions`,
		tag: 'Geschiedenis',
		summary: 'Alle versies van een agendapunt, oudste eerst',
		id: item,
		response: revisionsResponse,
		errors: readErrors
	},
	diffRevisions: {
		method: 'get',
		path: `${base}/{id}/revisions/diff`,
		tag: 'Geschiedenis',
		summary: 'Het verschil tussen twee versies, per veld',
		id: item,
		query: diffQuery,
		response: diffResponse,
		errors: [400, 404]
	},
	search: {
		method: 'get',
		path: '/api/v1/search',
		tag: 'Zoeken',
		summary: 'Zoeken in agendapunten en vergaderingen',
		description:
			'Nederlandse volledige-tekstzoekopdracht met filters. Alleen wat u mag zien: een concept van een andere organisatie komt nooit mee.',
		query: searchSchema,
		response: searchResponse,
		errors: [400]
	}
});

import { z } from 'zod';
import {
	commentSchema,
	deferItemSchema,
	draftItemSchema,
	editCommentSchema,
	inviteCoSponsorSchema,
	placeItemSchema,
	reasonSchema,
	respondCoSponsorSchema,
	searchSchema,
	updateItemSchema
} from '../agenda/schemas';
import {
	coSponsorResponse,
	commentResponse,
	commentThreadResponse,
	diffResponse,
	itemDetailResponse,
	itemListResponse,
	itemResponse,
	revisionsResponse,
	searchResponse
} from './schemas';
import { readErrors, versionedErrors, writeErrors, type Operation } from './operation';

const tag = 'Agendapunten';
const base = '/api/v1/items';
const item = 'Het agendapunt';

function transition(
	operationId: string,
	slug: string,
	summary: string,
	description: string,
	body?: z.ZodType
): Operation {
	return {
		method: 'post',
		path: `${base}/{id}/${slug}`,
		operationId,
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

export const itemOperations: Operation[] = [
	{
		method: 'get',
		path: base,
		operationId: 'listItems',
		tag,
		summary: 'Mijn voorstellen, of de lijst nog te agenderen',
		description:
			'list=mine: alle punten van de eigen organisatie, laatst gewijzigd eerst. list=unscheduled: ingediende punten zonder vergadering, oudste indiening eerst.',
		query: itemListQuery,
		response: itemListResponse,
		errors: [400]
	},
	{
		method: 'post',
		path: base,
		operationId: 'draftItem',
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
	{
		method: 'get',
		path: `${base}/{id}`,
		operationId: 'getItem',
		tag,
		summary: 'Eén agendapunt, met mede-indieners',
		id: item,
		response: itemDetailResponse,
		etag: true,
		errors: readErrors
	},
	{
		method: 'patch',
		path: `${base}/{id}`,
		operationId: 'updateItem',
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
	transition(
		'submitItem',
		'submit',
		'Indienen',
		'Van concept naar ingediend: alle deelnemers zien het punt. Na de termijn wacht het op toestemming van het secretariaat.'
	),
	transition(
		'withdrawItem',
		'withdraw',
		'Intrekken',
		'Door de indienende organisatie, tot de agenda is vastgesteld.'
	),
	transition(
		'approveLateSubmission',
		'approve-late',
		'Late indiening toestaan (secretariaat)',
		'Daarna kan het punt geagendeerd worden.'
	),
	transition(
		'placeItem',
		'place',
		'Agenderen (secretariaat)',
		'Op een plaats (standaard achteraan) met een aantal minuten; voor een geagendeerd punt: verplaatsen of de minuten wijzigen.',
		placeItemSchema
	),
	transition(
		'deferItem',
		'defer',
		'Aanhouden, met een reden (secretariaat)',
		'Naar een latere vergadering, of zonder toMeetingId terug naar de lijst nog te agenderen.',
		deferItemSchema
	),
	transition(
		'declineItem',
		'decline',
		'Afwijzen, met een reden (secretariaat)',
		'Zolang de agenda nog open is.',
		reasonSchema
	),
	transition(
		'treatItem',
		'treat',
		'Als behandeld markeren (secretariaat)',
		'Na het begin van de vergadering met vastgestelde agenda.'
	),
	{
		method: 'post',
		path: `${base}/{id}/co-sponsors`,
		operationId: 'inviteCoSponsor',
		tag,
		summary: 'Een partij vragen mede-indiener te zijn (eigen organisatie)',
		description: 'Alleen voor een ingediend punt.',
		id: item,
		body: inviteCoSponsorSchema,
		response: coSponsorResponse,
		status: 201,
		errors: writeErrors
	},
	{
		method: 'post',
		path: `${base}/{id}/co-sponsors/respond`,
		operationId: 'respondCoSponsor',
		tag,
		summary: 'Namens de eigen partij mede-indienen aannemen of afslaan',
		id: item,
		body: respondCoSponsorSchema,
		response: coSponsorResponse,
		errors: writeErrors
	},
	{
		method: 'get',
		path: `${base}/{id}/comments`,
		operationId: 'listComments',
		tag: 'Reacties',
		summary: 'De reacties op een agendapunt, met antwoorden',
		id: item,
		response: commentThreadResponse,
		errors: readErrors
	},
	{
		method: 'post',
		path: `${base}/{id}/comments`,
		operationId: 'addComment',
		tag: 'Reacties',
		summary: 'Reageren, of antwoorden op een reactie (parentId)',
		id: item,
		body: commentSchema,
		response: commentResponse,
		status: 201,
		errors: writeErrors
	},
	{
		method: 'patch',
		path: '/api/v1/comments/{id}',
		operationId: 'editComment',
		tag: 'Reacties',
		summary: 'De eigen reactie bewerken',
		id: 'De reactie',
		body: editCommentSchema,
		response: commentResponse,
		errors: writeErrors
	},
	{
		method: 'delete',
		path: '/api/v1/comments/{id}',
		operationId: 'deleteComment',
		tag: 'Reacties',
		summary: 'De eigen reactie verwijderen (het secretariaat ook die van een ander)',
		description: 'Er blijft een spoor: wie en wanneer, zonder de tekst.',
		id: 'De reactie',
		response: commentResponse,
		errors: [403, 404, 409]
	},
	{
		method: 'get',
		path: `${base}/{id}/revisions`,
		operationId: 'listRevisions',
		tag: 'Geschiedenis',
		summary: 'Alle versies van een agendapunt, oudste eerst',
		id: item,
		response: revisionsResponse,
		errors: readErrors
	},
	{
		method: 'get',
		path: `${base}/{id}/revisions/diff`,
		operationId: 'diffRevisions',
		tag: 'Geschiedenis',
		summary: 'Het verschil tussen twee versies, per veld',
		id: item,
		query: diffQuery,
		response: diffResponse,
		errors: [400, 404]
	},
	{
		method: 'get',
		path: '/api/v1/search',
		operationId: 'search',
		tag: 'Zoeken',
		summary: 'Zoeken in agendapunten en vergaderingen',
		description:
			'Nederlandse volledige-tekstzoekopdracht met filters. Alleen wat u mag zien: een concept van een andere organisatie komt nooit mee.',
		query: searchSchema,
		response: searchResponse,
		errors: [400]
	}
];

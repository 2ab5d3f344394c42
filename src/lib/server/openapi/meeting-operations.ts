import { z } from 'zod';
import {
	listMeetingsSchema,
	meetingFields,
	reasonSchema,
	updateMeetingSchema
} from '../meetings/schemas';
import { approvalSchema, reorderSchema } from '../agenda/schemas';
import {
	agendaResponse,
	approvalResponse,
	itemResponse,
	meetingDetailResponse,
	meetingResponse
} from './schemas';
import { readErrors, versionedErrors, writeErrors, type Operation } from './operation';

/** Moving a meeting in time: a new start and end, optionally a new proposal deadline. */
export const moveMeetingSchema = meetingFields
	.pick({ startsAt: true, endsAt: true })
	.extend({ proposalDeadline: meetingFields.shape.proposalDeadline.optional() });

const tag = 'Vergaderingen';
const agendaTag = 'Agenda';
const base = '/api/v1/meetings';

function step(
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
		tag: slug === 'adopt' || slug === 'reopen' ? agendaTag : tag,
		summary,
		description,
		id: 'De vergadering',
		body,
		response: meetingResponse,
		ifMatch: true,
		etag: true,
		errors: versionedErrors
	};
}

export const meetingOperations: Operation[] = [
	{
		method: 'get',
		path: base,
		operationId: 'listMeetings',
		tag,
		summary: 'Vergaderingen opvragen',
		description: 'Komende vergaderingen eerst de vroegste; afgelopen eerst de laatste.',
		query: listMeetingsSchema,
		response: z.array(meetingResponse),
		errors: [400]
	},
	{
		method: 'post',
		path: base,
		operationId: 'planMeeting',
		tag,
		summary: 'Een vergadering plannen (secretariaat)',
		body: meetingFields,
		response: meetingResponse,
		status: 201,
		etag: true,
		errors: [400, 403, 413, 415]
	},
	{
		method: 'get',
		path: `${base}/{id}`,
		operationId: 'getMeeting',
		tag,
		summary: 'Eén vergadering',
		id: 'De vergadering',
		response: meetingDetailResponse,
		etag: true,
		errors: readErrors
	},
	{
		method: 'patch',
		path: `${base}/{id}`,
		operationId: 'updateMeeting',
		tag,
		summary: 'Een vergadering wijzigen (secretariaat)',
		description: 'Stuur alleen de velden die veranderen.',
		id: 'De vergadering',
		body: updateMeetingSchema.omit({ expectedVersion: true }),
		response: meetingResponse,
		ifMatch: true,
		etag: true,
		errors: versionedErrors
	},
	step(
		'openMeeting',
		'open',
		'Openzetten voor voorstellen',
		'Van gepland naar open voor voorstellen.'
	),
	step(
		'startAgendaAlignment',
		'start-alignment',
		'De agenda in afstemming brengen',
		'De partijen kunnen daarna akkoord geven of bezwaar maken.'
	),
	step(
		'holdMeeting',
		'hold',
		'Als gehouden markeren',
		'Na het begin van een vergadering met vastgestelde agenda.'
	),
	step(
		'cancelMeeting',
		'cancel',
		'Annuleren, met een reden',
		'Open punten gaan terug naar de lijst nog te agenderen.',
		reasonSchema
	),
	step(
		'moveMeeting',
		'move',
		'Verplaatsen in de tijd',
		'Een nieuw begin en einde, en zo nodig een nieuwe termijn voor voorstellen.',
		moveMeetingSchema
	),
	{
		method: 'get',
		path: `${base}/{id}/agenda`,
		operationId: 'getAgenda',
		tag: agendaTag,
		summary: 'De agenda van een vergadering',
		description:
			'De geagendeerde punten op volgorde met de partijen die ze dragen, de minuten tegen de duur van de vergadering en per partij akkoord of bezwaar (en wat er sindsdien veranderde).',
		id: 'De vergadering',
		response: agendaResponse,
		errors: readErrors
	},
	{
		method: 'put',
		path: `${base}/{id}/agenda/order`,
		operationId: 'reorderAgenda',
		tag: agendaTag,
		summary: 'De volgorde van de agenda vastleggen (secretariaat)',
		description: 'Precies alle geagendeerde punten, in de nieuwe volgorde.',
		id: 'De vergadering',
		body: reorderSchema,
		response: z.array(itemResponse),
		errors: writeErrors
	},
	{
		method: 'post',
		path: `${base}/{id}/approvals`,
		operationId: 'recordApproval',
		tag: agendaTag,
		summary: 'Akkoord of bezwaar namens de eigen partij (bestuurder)',
		description:
			'Geldt voor de agenda zoals die nu is; een latere wijziging zet het akkoord terug. Bezwaar vraagt een reden.',
		id: 'De vergadering',
		body: approvalSchema,
		response: approvalResponse,
		errors: writeErrors
	},
	step(
		'adoptAgenda',
		'adopt',
		'De agenda vaststellen (secretariaat)',
		'Alleen als alle vier partijen akkoord gaven; daarna ligt de agenda vast.'
	),
	step(
		'reopenAgenda',
		'reopen',
		'Een vastgestelde agenda heropenen, met een reden (secretariaat)',
		'De agenda gaat terug in afstemming.',
		reasonSchema
	)
];

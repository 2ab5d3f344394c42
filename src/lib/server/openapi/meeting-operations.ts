import { z } from 'zod';
import { reasonSchema } from '../kernel/input';
import { listMeetingsSchema, meetingFields, updateMeetingSchema } from '../meetings/schemas';
import { approvalSchema, reorderSchema } from '../agenda/schemas';
import { agendaOrderResponse, agendaResponse } from './item-schemas';
import {
	approvalResponse,
	meetingDetailResponse,
	meetingListResponse,
	meetingResponse
} from './schemas';
import {
	operationsOf,
	readErrors,
	versionedErrors,
	writeErrors,
	type OperationSpec
} from './operation';

/** Moving a meeting in time: a new start and end, optionally a new proposal deadline. */
export const moveMeetingSchema = meetingFields
	.pick({ startsAt: true, endsAt: true })
	.extend({ proposalDeadline: meetingFields.shape.proposalDeadline.optional() });

const tag = 'Vergaderingen';
const agendaTag = 'Agenda';
const base = '/api/v1/meetings';

/** A status step of a meeting: POST with If-Match, answered with the meeting. */
function step(
	slug: string,
	summary: string,
	description: string,
	body?: z.ZodType
): OperationSpec<typeof meetingResponse> {
	return {
		method: 'post',
		path: `${base}/{id}/${slug}`,
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

export const meetingOperations = operationsOf({
	listMeetings: {
		method: 'get',
		path: base,
		tag,
		summary: 'Vergaderingen opvragen',
		description: 'Komende vergaderingen eerst de vroegste; afgelopen eerst de laatste.',
		query: listMeetingsSchema,
		response: meetingListResponse,
		errors: [400]
	},
	planMeeting: {
		method: 'post',
		path: base,
		tag,
		summary: 'Een vergadering plannen (secretariaat)',
		body: meetingFields,
		response: meetingResponse,
		status: 201,
		etag: true,
		errors: [400, 403, 413, 415]
	},
	getMeeting: {
		method: 'get',
		path: `${base}/{id}`,
		tag,
		summary: 'Eén vergadering',
		id: 'De vergadering',
		response: meetingDetailResponse,
		etag: true,
		errors: readErrors
	},
	updateMeeting: {
		method: 'patch',
		path: `${base}/{id}`,
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
	openMeeting: step(
		'open',
		'Openzetten voor voorstellen',
		'Van gepland naar open voor voorstellen.'
	),
	startAgendaAlignment: step(
		'start-alignment',
		'De agenda in afstemming brengen',
		'De partijen kunnen daarna akkoord geven of bezwaar maken.'
	),
	holdMeeting: step(
		'hold',
		'Als gehouden markeren',
		'Na het begin van een vergadering met vastgestelde agenda.'
	),
	cancelMeeting: step(
		'cancel',
		'Annuleren, met een reden',
		'Open punten gaan terug naar de lijst nog te agenderen.',
		reasonSchema
	),
	moveMeeting: step(
		'move',
		'Verplaatsen in de tijd',
		'Een nieuw begin en einde, en zo nodig een nieuwe termijn voor voorstellen.',
		moveMeetingSchema
	),
	getAgenda: {
		method: 'get',
		path: `${base}/{id}/agenda`,
		tag: agendaTag,
		summary: 'De agenda van een vergadering',
		description:
			'De geagendeerde punten op volgorde met de partijen die ze dragen, de minuten tegen de duur van de vergadering en per partij akkoord of bezwaar (en wat er sindsdien veranderde).',
		id: 'De vergadering',
		response: agendaResponse,
		errors: readErrors
	},
	reorderAgenda: {
		method: 'put',
		path: `${base}/{id}/agenda/order`,
		tag: agendaTag,
		summary: 'De volgorde van de agenda vastleggen (secretariaat)',
		description: 'Precies alle geagendeerde punten, in de nieuwe volgorde.',
		id: 'De vergadering',
		body: reorderSchema,
		response: agendaOrderResponse,
		errors: writeErrors
	},
	recordApproval: {
		method: 'post',
		path: `${base}/{id}/approvals`,
		tag: agendaTag,
		summary: 'Akkoord of bezwaar namens de eigen partij (bestuurder)',
		description:
			'Geldt voor de agenda zoals die nu is; een latere wijziging zet het akkoord terug. Bezwaar vraagt een reden.',
		id: 'De vergadering',
		body: approvalSchema,
		response: approvalResponse,
		errors: writeErrors
	},
	adoptAgenda: step(
		'adopt',
		'De agenda vaststellen (secretariaat)',
		'Alleen als alle vier partijen akkoord gaven; daarna ligt de agenda vast.'
	),
	reopenAgenda: step(
		'reopen',
		'Een vastgestelde agenda heropenen, met een reden (secretariaat)',
		'De agenda gaat terug in afstemming.',
		reasonSchema
	)
});

import { z } from 'zod';
import { decisionOutcomes } from '../db/schema';
import { carryOverSchema, currentItemSchema, recordDecisionSchema } from '../decisions/schemas';
import { meetingResponse, party, uuid } from './schemas';
import { operationsOf, readErrors, versionedErrors, writeErrors } from './operation';

/*
 * Meeting mode and the decisions (besluiten) of a meeting. A decision's answer is the same
 * projection the meeting page and the live event carry (src/lib/realtime/decision-payloads.ts).
 */

const instant = z.string().meta({ format: 'date-time', description: 'ISO 8601, UTC' });

export const commitmentResponse = z
	.object({
		id: uuid,
		party: party.nullable(),
		holder: z.string().meta({ description: 'Wie de toezegging deed' }),
		description: z.string(),
		dueDate: z.string().nullable().meta({ format: 'date', description: 'Uiterlijk, jjjj-mm-dd' })
	})
	.meta({ id: 'Commitment' });

export const decisionResponse = z
	.object({
		id: uuid,
		meetingId: uuid,
		itemId: uuid,
		agendaNumber: z.int().meta({ description: 'Het nummer op de vastgestelde agenda' }),
		itemTitle: z.string(),
		outcome: z.enum(decisionOutcomes).meta({ id: 'DecisionOutcome' }),
		dicta: z.array(z.string()).meta({ description: 'De genummerde besluitpunten, zonder nummer' }),
		explanation: z.string().nullable(),
		hamerstuk: z.boolean(),
		dealtOrder: z.int().meta({ description: 'De volgorde waarin de punten zijn behandeld' }),
		commitments: z.array(commitmentResponse),
		carriedOver: z
			.object({
				at: instant,
				toMeetingId: uuid.nullable(),
				toMeetingTitle: z.string().nullable(),
				reason: z.string()
			})
			.nullable()
			.meta({
				description: 'Verplaatst naar een latere vergadering, of (null) naar nog te agenderen'
			}),
		recordedAt: instant,
		version: z.int().meta({ description: 'Stuur hem mee als version bij een correctie' })
	})
	.meta({ id: 'Decision' });

export const decisionListResponse = z
	.object({ decisions: z.array(decisionResponse) })
	.meta({ id: 'DecisionList' });

const tag = 'Besluiten';

export const decisionOperations = operationsOf({
	listDecisions: {
		method: 'get',
		path: '/api/v1/meetings/{id}/decisions',
		tag,
		summary: 'De besluiten van een vergadering',
		description:
			'In de volgorde waarin de punten zijn behandeld; alleen besluiten over punten die u mag zien.',
		id: 'De vergadering',
		response: decisionListResponse,
		errors: readErrors
	},
	openSession: {
		method: 'post',
		path: '/api/v1/meetings/{id}/session',
		tag,
		summary: 'De vergadermodus openen (secretariaat)',
		description:
			'Op de dag van een vergadering met vastgestelde agenda. Het eerste punt is dan aan de orde.',
		id: 'De vergadering',
		response: meetingResponse,
		etag: true,
		errors: writeErrors
	},
	setCurrentItem: {
		method: 'put',
		path: '/api/v1/meetings/{id}/current-item',
		tag,
		summary: 'Het punt dat nu aan de orde is (secretariaat)',
		description:
			'Iedereen die de vergadering volgt ziet het. `itemId: null` voor geen (een pauze).',
		id: 'De vergadering',
		body: currentItemSchema,
		response: meetingResponse,
		errors: writeErrors
	},
	recordDecision: {
		method: 'put',
		path: '/api/v1/items/{id}/decision',
		tag,
		summary: 'Het besluit over een agendapunt vastleggen of corrigeren (secretariaat)',
		description:
			'Uitkomst, besluitpunten, korte toelichting, toezeggingen en hamerstuk. Bij een correctie: `version` van het besluit zoals u het had (anders 412). Een toezegging die terugkomt met haar `id` houdt die.',
		id: 'Het agendapunt',
		body: recordDecisionSchema,
		response: decisionResponse,
		errors: versionedErrors.filter((status) => status !== 428)
	},
	carryOver: {
		method: 'post',
		path: '/api/v1/meetings/{id}/carry-over',
		tag,
		summary: 'Niet behandelde punten verplaatsen (secretariaat)',
		description:
			'In één stap naar een latere vergadering (`toMeetingId`) of terug naar nog te agenderen (null), met de reden. Een punt zonder besluit krijgt "niet behandeld".',
		id: 'De vergadering',
		body: carryOverSchema,
		response: decisionListResponse,
		errors: writeErrors
	}
});

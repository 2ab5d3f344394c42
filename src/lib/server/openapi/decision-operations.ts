import { z } from 'zod';
import { decisionOutcomes } from '../db/schema';
import { carryOverSchema, currentItemSchema, recordDecisionSchema } from '../decisions/schemas';
import {
	answerSchema,
	correctionSchema,
	publishSchema,
	republishSchema,
	verificationSchema
} from '../decisions/list-schemas';
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

const listStatus = z
	.enum(['concept', 'ter_verificatie', 'vastgesteld', 'gepubliceerd'])
	.meta({ id: 'DecisionListStatus' });

export const decisionListResponse2 = z
	.object({
		meetingId: uuid,
		status: listStatus,
		verificationClosesAt: instant.nullable(),
		adoptedAt: instant.nullable(),
		noResponseParties: z.array(party).meta({ description: 'Geen reactie ontvangen van …' }),
		publishedVersion: z.int().meta({ description: 'De nieuwste gepubliceerde versie; 0 zonder' }),
		verifications: z.array(
			z.object({
				party,
				state: z.enum(['akkoord', 'correcties', 'opnieuw_beoordelen', 'open']),
				decidedAt: instant.nullable(),
				decidedByName: z.string().nullable(),
				changedSince: z
					.array(z.int())
					.meta({ description: 'De nummers van de besluiten die sinds het oordeel veranderden' })
			})
		),
		corrections: z.array(
			z
				.object({
					id: uuid,
					decisionId: uuid,
					party,
					proposal: z.string(),
					reason: z.string(),
					status: z.enum(['voorgesteld', 'overgenomen', 'afgewezen']),
					proposedAt: instant,
					answerReason: z.string().nullable()
				})
				.meta({ id: 'DecisionCorrection' })
		),
		decisions: z.array(decisionResponse)
	})
	.meta({ id: 'DecisionListDocument' });

const listStepResponse = z
	.object({ meetingId: uuid, status: listStatus, version: z.int() })
	.meta({ id: 'DecisionListStep' });

const publishedVersionResponse = z
	.object({
		meetingId: uuid,
		number: z.int(),
		reason: z.string().nullable(),
		reasonCode: z.string().nullable(),
		note: z.string().nullable(),
		publishedAt: z.codec(z.date(), z.string().meta({ format: 'date-time' }), {
			decode: (date) => date.toISOString(),
			encode: (text) => new Date(text)
		})
	})
	.meta({ id: 'PublishedVersion' });

const tag = 'Besluiten';
const listTag = 'Besluitenlijst';
const listBase = '/api/v1/meetings/{id}/decision-list';

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
	},
	getDecisionList: {
		method: 'get',
		path: listBase,
		tag: listTag,
		summary: 'De besluitenlijst van een gehouden vergadering',
		description: 'Status, het oordeel per partij, de voorgestelde correcties en de besluiten.',
		id: 'De vergadering',
		response: decisionListResponse2,
		errors: readErrors
	},
	startVerification: {
		method: 'post',
		path: `${listBase}/verification`,
		tag: listTag,
		summary: 'Ter verificatie sturen, met een sluitingsdatum (secretariaat)',
		id: 'De vergadering',
		body: verificationSchema,
		response: listStepResponse,
		errors: writeErrors
	},
	verifyDecisionList: {
		method: 'post',
		path: `${listBase}/akkoord`,
		tag: listTag,
		summary: 'Akkoord namens de eigen partij (bestuurder of gemachtigde)',
		description: 'Geldt voor de lijst zoals die nu is; een latere wijziging zet het akkoord terug.',
		id: 'De vergadering',
		response: z.object({ party, decision: z.literal('akkoord') }).meta({ id: 'Verification' }),
		errors: writeErrors
	},
	proposeCorrection: {
		method: 'post',
		path: `${listBase}/corrections`,
		tag: listTag,
		summary: 'Een correctie op een besluit voorstellen, met een reden',
		id: 'De vergadering',
		body: correctionSchema,
		response: z
			.object({ id: uuid, decisionId: uuid, party, status: z.literal('voorgesteld') })
			.meta({ id: 'ProposedCorrection' }),
		status: 201,
		errors: writeErrors
	},
	answerCorrection: {
		method: 'post',
		path: '/api/v1/decision-corrections/{id}/answer',
		tag: listTag,
		summary: 'Een correctie overnemen of met een reden afwijzen (secretariaat)',
		id: 'De correctie',
		body: answerSchema,
		response: z
			.object({
				id: uuid,
				status: z.enum(['overgenomen', 'afgewezen']),
				answerReason: z.string().nullable()
			})
			.meta({ id: 'AnsweredCorrection' }),
		errors: writeErrors
	},
	adoptDecisionList: {
		method: 'post',
		path: `${listBase}/adopt`,
		tag: listTag,
		summary: 'De besluitenlijst vaststellen (secretariaat)',
		description:
			'Met het akkoord van alle vier partijen, of na de sluitingsdatum (wie niet reageerde, staat op de lijst).',
		id: 'De vergadering',
		response: listStepResponse,
		errors: writeErrors
	},
	publishDecisionList: {
		method: 'post',
		path: `${listBase}/publish`,
		tag: listTag,
		summary: 'Publiceren, met de openbare punten (secretariaat)',
		description:
			'Alleen de genoemde punten gaan mee, en elk moet als openbaar gemarkeerd zijn. Een gepubliceerde versie verandert nooit.',
		id: 'De vergadering',
		body: publishSchema,
		response: publishedVersionResponse,
		status: 201,
		errors: writeErrors
	},
	publishCorrection: {
		method: 'post',
		path: `${listBase}/corrections/publish`,
		tag: listTag,
		summary: 'Een gecorrigeerde versie publiceren, met de reden (secretariaat)',
		id: 'De vergadering',
		body: republishSchema,
		response: publishedVersionResponse,
		status: 201,
		errors: writeErrors
	}
});

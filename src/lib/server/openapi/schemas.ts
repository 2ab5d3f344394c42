import { z } from 'zod';
import { meetingKinds, meetingStatuses, parties, roles } from '../db/schema';

/*
 * The projections the API answers with: for each answer the named fields that reader may see, and
 * nothing else. `endpoint()` passes a handler's data through the operation's schema (zod objects
 * strip keys they do not name, so a new column never reaches a client unannounced), and the
 * OpenAPI document is generated from the same schemas, closed (additionalProperties: false).
 * Requests are described by the verbs' own schemas (meetings and agenda schemas.ts).
 */

/**
 * A moment: the rows carry a Date, the answer an ISO 8601 string in UTC. Decoding is the
 * projection; the string is made by toISOString, so checking it again would only cost time.
 */
export const time = z.codec(
	z.date(),
	z.string().meta({
		format: 'date-time',
		description: 'ISO 8601, UTC',
		example: '2026-03-12T09:00:00.000Z'
	}),
	{ decode: (date) => date.toISOString(), encode: (text) => new Date(text) }
);
export const uuid = z.uuid();
export const party = z.enum(parties).meta({ id: 'Party', description: 'rijk, vng, ipo of uvw' });
export const version = z.int().meta({ description: 'Ook de ETag: stuur hem terug in If-Match.' });

export const meResponse = z
	.object({
		id: uuid,
		name: z.string(),
		email: z.string(),
		role: z.enum(roles),
		organisation: z.string().meta({ description: 'De korte naam van de eigen organisatie' }),
		party: party.nullable(),
		via: z.enum(['session', 'token']),
		scope: z.enum(['read', 'write'])
	})
	.meta({ id: 'Me' });

export const meetingStatus = z.enum(meetingStatuses).meta({ id: 'MeetingStatus' });

export const meetingResponse = z
	.object({
		id: uuid,
		kind: z.enum(meetingKinds),
		topic: z.string().nullable(),
		title: z.string(),
		startsAt: time,
		endsAt: time,
		location: z.string().nullable(),
		onlineUrl: z.string().nullable(),
		chair: z.string().nullable(),
		proposalDeadline: time.nullable(),
		status: meetingStatus,
		cancelReason: z.string().nullable(),
		preparatoryMeetingId: uuid.nullable(),
		sessionOpenedAt: time
			.nullable()
			.meta({ description: 'Wanneer het secretariaat de vergadermodus opende' }),
		currentItemId: uuid
			.nullable()
			.meta({ description: 'Het punt dat in de vergadermodus nu aan de orde is' }),
		version,
		createdAt: time,
		updatedAt: time
	})
	.meta({ id: 'Meeting' });

export const meetingListResponse = z.array(meetingResponse).meta({ id: 'MeetingList' });

export const meetingDetailResponse = meetingResponse
	.extend({ preparatory: meetingResponse.nullable() })
	.meta({ id: 'MeetingDetail' });

export const agendaChange = z.object({
	kind: z.enum(['toegevoegd', 'verwijderd', 'verplaatst', 'minuten', 'gewijzigd']),
	itemId: uuid,
	title: z.string(),
	description: z.string()
});

const decision = z.enum(['akkoord', 'bezwaar']);
const itemPositions = z
	.record(z.string(), z.string())
	.meta({ description: 'Per geagendeerd punt (id) zijn plaats toen de partij besliste.' });

/** A party's decision as recorded; the agenda snapshot it was given on stays internal. */
export const approvalResponse = z
	.object({
		id: uuid,
		meetingId: uuid,
		party,
		decision,
		reason: z.string().nullable(),
		itemPositions,
		decidedBy: uuid,
		decidedAt: time,
		resetAt: time.nullable()
	})
	.meta({ id: 'Approval' });

/** Each party's word on the agenda as it is now. */
export const partyApprovalResponse = z
	.object({
		party,
		state: z.enum(['akkoord', 'bezwaar', 'opnieuw_beoordelen', 'open']),
		decision: decision.nullable(),
		reason: z.string().nullable(),
		decidedAt: time.nullable(),
		decidedByName: z.string().nullable(),
		itemPositions,
		changes: z.array(agendaChange)
	})
	.meta({ id: 'PartyApproval' });

export const reviewsResponse = z
	.array(
		z.object({
			meeting: meetingResponse,
			state: z.enum(['bezwaar', 'opnieuw_beoordelen', 'open']),
			changes: z.array(agendaChange),
			items: z.int().meta({ description: 'Aantal geagendeerde punten' })
		})
	)
	.meta({ id: 'Reviews' });

/** The document itself: described by the OpenAPI specification, not here. */
export const documentResponse = z.record(z.string(), z.unknown()).meta({ id: 'OpenApiDocument' });

export const problemResponse = z
	.object({
		type: z.string().meta({ example: 'about:blank' }),
		title: z.string().meta({ example: 'Ongeldige invoer' }),
		status: z.int().meta({ example: 400 }),
		detail: z.string().optional(),
		errors: z
			.array(z.object({ field: z.string(), message: z.string() }))
			.optional()
			.meta({ description: 'Bij 400: elk fout veld met een Nederlandse melding.' }),
		currentVersion: z.int().optional().meta({ description: 'Bij 412: de huidige versie.' }),
		changedFields: z
			.array(z.string())
			.optional()
			.meta({ description: 'Bij 412: de velden die sinds uw versie zijn gewijzigd.' })
	})
	.meta({ id: 'Problem', description: 'Probleemdocument (RFC 9457), application/problem+json' });

import { z } from 'zod';
import { itemStatuses, meetingKinds, parties, purposes } from '../db/schema';

/*
 * The shapes the API answers with. Requests are described by the verbs' own schemas (meetings and
 * agenda schemas.ts); these describe responses: what the verbs return, as JSON (times ISO 8601 UTC).
 */

const time = z.iso
	.datetime()
	.meta({ description: 'ISO 8601, UTC', example: '2026-03-12T09:00:00.000Z' });
const uuid = z.uuid();
const party = z.enum(parties).meta({ id: 'Party', description: 'rijk, vng, ipo of uvw' });

export const meetingStatus = z
	.enum([
		'gepland',
		'open_voor_voorstellen',
		'agenda_in_afstemming',
		'agenda_vastgesteld',
		'gehouden',
		'geannuleerd'
	])
	.meta({ id: 'MeetingStatus' });

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
		version: z.int().meta({ description: 'Ook de ETag: stuur hem terug in If-Match.' }),
		createdAt: time,
		updatedAt: time
	})
	.meta({ id: 'Meeting' });

export const meetingDetailResponse = meetingResponse
	.extend({ preparatory: meetingResponse.nullable() })
	.meta({ id: 'MeetingDetail' });

export const coSponsorResponse = z
	.object({
		id: uuid,
		itemId: uuid,
		party,
		status: z.enum(['uitgenodigd', 'geaccepteerd', 'afgewezen']),
		invitedBy: uuid,
		invitedAt: time,
		decidedBy: uuid.nullable(),
		decidedAt: time.nullable()
	})
	.meta({ id: 'CoSponsor' });

export const itemResponse = z
	.object({
		id: uuid,
		meetingId: uuid.nullable(),
		proposingOrganisationId: uuid,
		proposingParty: party.nullable(),
		proposedBy: uuid,
		title: z.string(),
		summary: z.string().meta({ description: 'Markdown' }),
		purpose: z.enum(purposes),
		proposedDecision: z.string().nullable(),
		financialConsequences: z.enum(['geen', 'ja']),
		financialExplanation: z.string().nullable(),
		contactPerson: z.string().nullable(),
		confidentiality: z.enum(['vertrouwelijk', 'openbaar']),
		status: z.enum(itemStatuses),
		statusReason: z.string().nullable(),
		position: z.int().nullable(),
		minutes: z.int().nullable(),
		submittedAt: time.nullable(),
		lateSubmission: z.boolean(),
		lateSubmissionApproved: z.boolean(),
		version: z.int().meta({ description: 'Ook de ETag: stuur hem terug in If-Match.' }),
		createdAt: time,
		updatedAt: time
	})
	.meta({ id: 'AgendaItem' });

export const itemDetailResponse = itemResponse
	.extend({
		proposingOrganisationName: z.string(),
		proposedByName: z.string(),
		coSponsors: z.array(coSponsorResponse),
		carriedBy: z.array(party).meta({ description: 'De partijen die het punt dragen.' })
	})
	.meta({ id: 'AgendaItemDetail' });

const agendaEntry = itemResponse
	.extend({
		proposingOrganisationName: z.string(),
		proposedByName: z.string(),
		coSponsors: z.array(z.object({ party, status: coSponsorResponse.shape.status })),
		carriedBy: z.array(party)
	})
	.meta({ id: 'AgendaEntry' });

const agendaChange = z.object({
	kind: z.enum(['toegevoegd', 'verwijderd', 'verplaatst', 'minuten', 'gewijzigd']),
	itemId: uuid,
	title: z.string(),
	description: z.string()
});

export const agendaResponse = z
	.object({
		meeting: meetingResponse,
		items: z.array(agendaEntry).meta({ description: 'De geagendeerde punten, op volgorde.' }),
		otherItems: z
			.array(agendaEntry)
			.meta({ description: 'Punten van deze vergadering die (nog) niet geagendeerd zijn.' }),
		timing: z.object({
			totalMinutes: z.int(),
			meetingMinutes: z.int(),
			overBy: z.int(),
			exceeds: z.boolean()
		}),
		approvals: z.array(
			z.object({
				party,
				state: z.enum(['akkoord', 'bezwaar', 'opnieuw_beoordelen', 'open']),
				decision: z.enum(['akkoord', 'bezwaar']).nullable(),
				reason: z.string().nullable(),
				decidedAt: time.nullable(),
				decidedByName: z.string().nullable(),
				itemPositions: z.record(z.string(), z.string()),
				changes: z.array(agendaChange)
			})
		)
	})
	.meta({ id: 'Agenda' });

export const approvalResponse = z
	.object({
		id: uuid,
		meetingId: uuid,
		party,
		decision: z.enum(['akkoord', 'bezwaar']),
		reason: z.string().nullable(),
		itemPositions: z.record(z.string(), z.string()),
		decidedBy: uuid,
		decidedAt: time,
		resetAt: time.nullable()
	})
	.meta({ id: 'Approval' });

const commentFields = {
	id: uuid,
	parentId: uuid.nullable(),
	authorId: uuid,
	body: z.string().meta({ description: 'Leeg voor een verwijderde reactie.' }),
	createdAt: time,
	editedAt: time.nullable(),
	deletedAt: time.nullable()
};

export const commentResponse = z
	.object({ ...commentFields, itemId: uuid, deletedBy: uuid.nullable() })
	.meta({ id: 'Comment' });

const threadComment = z.object({ ...commentFields, authorName: z.string() });
export const commentThreadResponse = z
	.array(threadComment.extend({ replies: z.array(threadComment) }))
	.meta({ id: 'CommentThreads' });

export const revisionsResponse = z
	.array(
		z.object({
			version: z.int(),
			at: time,
			editedBy: uuid,
			editorName: z.string(),
			snapshot: z.record(z.string(), z.unknown()).meta({ description: 'De inhoud in die versie.' })
		})
	)
	.meta({ id: 'Revisions' });

export const diffResponse = z
	.object({
		from: z.int(),
		to: z.int(),
		fields: z.array(
			z.object({
				field: z.string(),
				label: z.string(),
				before: z.unknown(),
				after: z.unknown(),
				lines: z
					.array(z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() }))
					.optional()
			})
		)
	})
	.meta({ id: 'RevisionDiff' });

export const searchResponse = z
	.object({
		items: z.array(
			itemResponse.extend({
				proposingOrganisationName: z.string(),
				meetingTitle: z.string().nullable(),
				meetingStartsAt: time.nullable(),
				rank: z.number()
			})
		),
		meetings: z.array(meetingResponse)
	})
	.meta({ id: 'SearchResults' });

export const itemListResponse = z
	.array(
		itemResponse.extend({
			meetingTitle: z.string().nullable().optional(),
			meetingStartsAt: time.nullable().optional(),
			meetingStatus: meetingStatus.nullable().optional(),
			proposingOrganisationName: z.string().optional(),
			proposedByName: z.string().optional()
		})
	)
	.meta({ id: 'AgendaItemList' });

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

const namedItem = itemResponse.extend({
	proposingOrganisationName: z.string(),
	proposedByName: z.string()
});

export const overviewResponse = z
	.object({
		lateSubmissions: z.array(namedItem),
		toSchedule: z.array(namedItem),
		inAlignment: z.array(meetingResponse.extend({ akkoordCount: z.int() })),
		toMarkHeld: z.array(meetingResponse),
		toMarkTreated: z.array(namedItem),
		toOpen: z.array(meetingResponse)
	})
	.meta({ id: 'SecretariatOverview' });

const attachmentFields = {
	id: uuid,
	itemId: uuid,
	filename: z.string(),
	mediaType: z.string().meta({ description: 'Vastgesteld aan de inhoud, niet aan de naam.' }),
	size: z.int().meta({ description: 'In bytes' }),
	sha256: z.string(),
	uploadedBy: uuid,
	uploadedByOrganisationId: uuid,
	uploadedAt: time
};

export const attachmentResponse = z.object(attachmentFields).meta({ id: 'Attachment' });

export const attachmentListResponse = z
	.array(z.object({ ...attachmentFields, uploaderName: z.string() }))
	.meta({ id: 'AttachmentList' });

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

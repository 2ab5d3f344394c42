import { z } from 'zod';
import { coSponsorStatusEnum, itemStatuses, purposes } from '../db/schema';
import {
	meetingResponse,
	meetingStatus,
	partyApprovalResponse,
	party,
	time,
	uuid,
	version
} from './schemas';

/* The projections of agenda items and what hangs off them (see schemas.ts for the mechanism). */

/** What a proposer edits: one revision's content, and the content part of an item. */
const contentShape = {
	meetingId: uuid.nullable(),
	title: z.string(),
	summary: z.string().meta({ description: 'Markdown' }),
	purpose: z.enum(purposes),
	proposedDecision: z.string().nullable(),
	financialConsequences: z.enum(['geen', 'ja']),
	financialExplanation: z.string().nullable(),
	contactPerson: z.string().nullable(),
	confidentiality: z.enum(['vertrouwelijk', 'openbaar'])
};

export const itemContentResponse = z
	.object(contentShape)
	.meta({ id: 'AgendaItemContent', description: 'Wat de indiener bewerkt, in één versie.' });

const itemShape = {
	id: uuid,
	proposingOrganisationId: uuid,
	proposingParty: party.nullable(),
	proposedBy: uuid,
	...contentShape,
	status: z.enum(itemStatuses),
	statusReason: z.string().nullable(),
	position: z.int().nullable(),
	minutes: z.int().nullable(),
	submittedAt: time.nullable(),
	lateSubmission: z.boolean(),
	lateSubmissionApproved: z.boolean(),
	version,
	createdAt: time,
	updatedAt: time
};

export const itemResponse = z.object(itemShape).meta({ id: 'AgendaItem' });

const names = { proposingOrganisationName: z.string(), proposedByName: z.string() };
const namedItem = z.object({ ...itemShape, ...names }).meta({ id: 'NamedAgendaItem' });
const carriedBy = z.array(party).meta({ description: 'De partijen die het punt dragen.' });
const coSponsorStatus = z.enum(coSponsorStatusEnum.enumValues);

export const coSponsorResponse = z
	.object({
		id: uuid,
		itemId: uuid,
		party,
		status: coSponsorStatus.meta({
			description:
				'uitgenodigd op een concept: de partij wordt gevraagd zodra het punt is ingediend (tot dan ziet alleen de eigen organisatie het verzoek).'
		}),
		invitedBy: uuid,
		invitedAt: time,
		decidedBy: uuid.nullable(),
		decidedAt: time.nullable()
	})
	.meta({ id: 'CoSponsor' });

/** What is left to say of a discarded concept: which it was. */
export const discardedItemResponse = z
	.object({ id: uuid, title: z.string(), discardedAt: time })
	.meta({ id: 'DiscardedAgendaItem' });

export const itemDetailResponse = z
	.object({ ...itemShape, ...names, coSponsors: z.array(coSponsorResponse), carriedBy })
	.meta({ id: 'AgendaItemDetail' });

const agendaEntry = z
	.object({
		...itemShape,
		...names,
		coSponsors: z.array(z.object({ party, status: coSponsorStatus })),
		carriedBy
	})
	.meta({ id: 'AgendaEntry' });

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
		approvals: z.array(partyApprovalResponse)
	})
	.meta({ id: 'Agenda' });

export const agendaOrderResponse = z
	.array(itemResponse)
	.meta({ id: 'AgendaOrder', description: 'De geagendeerde punten in de nieuwe volgorde.' });

const commentShape = {
	id: uuid,
	parentId: uuid.nullable(),
	authorId: uuid,
	body: z.string().meta({ description: 'Leeg voor een verwijderde reactie.' }),
	createdAt: time,
	editedAt: time.nullable(),
	deletedAt: time.nullable()
};

export const commentResponse = z
	.object({ ...commentShape, itemId: uuid, deletedBy: uuid.nullable() })
	.meta({ id: 'Comment' });

const threadComment = { ...commentShape, authorName: z.string() };
export const commentThreadResponse = z
	.array(z.object({ ...threadComment, replies: z.array(z.object(threadComment)) }))
	.meta({ id: 'CommentThreads' });

export const revisionsResponse = z
	.array(
		z.object({
			version: z.int(),
			at: time,
			editedBy: uuid,
			editorName: z.string(),
			snapshot: itemContentResponse
		})
	)
	.meta({ id: 'Revisions' });

const fieldValue = z.string().nullable();
export const diffResponse = z
	.object({
		from: z.int(),
		to: z.int(),
		fields: z.array(
			z.object({
				field: z.string().meta({ description: 'De naam van het veld, zoals in AgendaItemContent' }),
				label: z.string(),
				before: fieldValue,
				after: fieldValue,
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
			z.object({
				...itemShape,
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
		z.object({
			...itemShape,
			meetingTitle: z.string().nullable().optional().meta({ description: 'Bij list=mine' }),
			meetingStartsAt: time.nullable().optional().meta({ description: 'Bij list=mine' }),
			meetingStatus: meetingStatus.nullable().optional().meta({ description: 'Bij list=mine' }),
			proposingOrganisationName: z
				.string()
				.optional()
				.meta({ description: 'Bij list=unscheduled' }),
			proposedByName: z.string().optional().meta({ description: 'Bij list=unscheduled' })
		})
	)
	.meta({ id: 'AgendaItemList' });

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

const attachmentShape = {
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

export const attachmentResponse = z.object(attachmentShape).meta({ id: 'Attachment' });

export const attachmentListResponse = z
	.array(z.object({ ...attachmentShape, uploaderName: z.string() }))
	.meta({ id: 'AttachmentList' });

/** The bytes of a download, with the type detected at upload (not JSON: no projection). */
export const downloadResponse = z.string().meta({ format: 'binary' });

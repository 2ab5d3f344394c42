import { z } from 'zod';
import {
	agreementLinkKinds,
	agreementStatuses,
	meetingKinds,
	ratificationStates
} from '../db/schema';
import { party, time, uuid, version } from './schemas';

/*
 * The shapes of the agreements' API answers (agreement-operations.ts names the operations). A row
 * is the projection the register page and the live event carry
 * (src/lib/realtime/agreement-payloads.ts); one agreement adds its text, the koepels'
 * ratifications, the progress reports and the chain both ways. Overdue (verlopen), a fallback in
 * force and bekrachtigd are derived, never sent in.
 */

const instant = z.string().meta({ format: 'date-time', description: 'ISO 8601, UTC' });
const day = z.string().meta({ format: 'date', description: 'jjjj-mm-dd, Europe/Amsterdam' });
const status = z.enum(agreementStatuses).meta({ id: 'AgreementStatus' });
const koepel = z.enum(['vng', 'ipo', 'uvw']).meta({ id: 'Koepel' });

const owner = z
	.object({
		id: uuid,
		party,
		organisationId: uuid.nullable(),
		organisationName: z.string().nullable(),
		contactPersonId: uuid,
		contactName: z.string()
	})
	.meta({ id: 'AgreementOwner' });

export const agreementRowResponse = z
	.object({
		id: uuid,
		title: z.string(),
		meetingId: uuid,
		meetingTitle: z.string(),
		meetingStartsAt: instant,
		decisionId: uuid.nullable(),
		deadline: day,
		expectedDate: day.nullable().meta({ description: 'Bij vertraagd: de nieuwe verwachte datum' }),
		dueDate: day.meta({ description: 'De verwachte datum bij vertraagd, anders de termijn' }),
		status,
		overdue: z.boolean().meta({
			description: 'Verlopen: niet afgerond of vervallen, en de dag waarop zij af moest is voorbij'
		}),
		fallbackDate: day.nullable(),
		fallbackInForce: z.boolean().meta({ description: 'Terugvaloptie van kracht' }),
		ratification: z
			.enum(['geen', 'lopend', 'afgewezen', 'bekrachtigd'])
			.meta({ description: 'Bekrachtigd: elke koepel die zijn leden raadpleegde, keurde goed' }),
		confidentiality: z.enum(['vertrouwelijk', 'openbaar']),
		owners: z.array(owner),
		progress: z
			.object({ party, percent: z.int().nullable(), at: instant })
			.nullable()
			.meta({ description: 'De nieuwste voortgangsmelding' }),
		updatedAt: instant,
		version
	})
	.meta({ id: 'AgreementRow' });

const progressFile = z
	.object({
		id: uuid,
		filename: z.string(),
		mediaType: z.string().meta({ description: 'Vastgesteld aan de inhoud, niet aan de naam.' }),
		size: z.int().meta({ description: 'In bytes' }),
		sha256: z.string(),
		href: z.string().meta({ description: 'Downloaden op het platform (aangemeld)' }),
		apiHref: z.string().meta({ description: 'Hetzelfde bestand via de API' })
	})
	.meta({ id: 'AgreementProgressFile' });

export const progressReport = z
	.object({
		id: uuid,
		party,
		text: z.string(),
		percent: z.int().nullable(),
		createdByName: z.string(),
		createdAt: instant,
		attachments: z.array(progressFile).meta({
			description: 'De bijlagen van de melding; wie de afspraak leest, leest ze'
		})
	})
	.meta({ id: 'AgreementProgress' });

export const ratification = z
	.object({
		koepel,
		state: z.enum(ratificationStates).meta({ id: 'RatificationState' }),
		closesOn: day.nullable(),
		decidedOn: day.nullable(),
		ledenbriefUrl: z.string().nullable(),
		updatedAt: instant,
		version: z.int().meta({ description: 'Stuur hem mee als version bij een correctie' })
	})
	.meta({ id: 'AgreementRatification' });

export const link = z
	.object({
		id: uuid,
		fromAgreementId: uuid,
		toAgreementId: uuid.nullable(),
		kind: z.enum(agreementLinkKinds).nullable(),
		label: z.string().nullable(),
		meetingId: uuid.nullable(),
		date: day.nullable(),
		createdAt: instant
	})
	.meta({ id: 'AgreementLink' });

const chainNode = z
	.object({
		id: uuid,
		title: z.string(),
		status,
		overdue: z.boolean(),
		deadline: day,
		meetingId: uuid,
		meetingTitle: z.string(),
		meetingKind: z.enum(meetingKinds),
		meetingStartsAt: instant,
		depth: z.int().meta({ description: '0 voor de afspraak zelf, negatief ervoor, positief erna' }),
		links: z.array(link)
	})
	.meta({ id: 'AgreementChainNode' });

export const agreementDetailResponse = agreementRowResponse
	.extend({
		body: z.string().meta({ description: 'Wat is afgesproken, in Markdown' }),
		condition: z.string().nullable(),
		lapseReason: z.string().nullable(),
		closedAt: time.nullable(),
		commitmentId: uuid.nullable(),
		source: z.object({ agendaNumber: z.int(), itemTitle: z.string() }).nullable(),
		createdAt: time,
		ratifications: z.array(ratification),
		progressReports: z.array(progressReport),
		chain: z.array(chainNode)
	})
	.meta({ id: 'AgreementDetail' });

export const registerResponse = z
	.object({
		total: z.int().meta({ description: 'Het aantal afspraken dat aan de filters voldoet' }),
		page: z.int(),
		pageSize: z.int(),
		rows: z.array(agreementRowResponse)
	})
	.meta({ id: 'AgreementRegister' });

export const dashboardResponse = z
	.object({
		party,
		open: z.int(),
		dueSoon: z.int().meta({ description: 'Binnen 30 dagen af' }),
		overdue: z.int(),
		doneThisYear: z.int(),
		awaitingRatification: z.int()
	})
	.meta({ id: 'AgreementDashboard' });

import { z } from 'zod';
import { decisionOutcomes, meetingKinds } from '../db/schema';
import { publicationFilters } from '../publications';
import { oriPublicatie } from '../publications/formats/ori';
import { operationsOf } from './operation';
import { party, uuid } from './schemas';

/*
 * The public API: what anyone may read without an account, the published besluitenlijsten only
 * (src/lib/server/publications). Marked `public`, so the document gives these operations
 * `security: []` and endpoint() runs them without an actor; GET only, cacheable, and limited per IP.
 * Each answer is a projection of the published snapshot, nothing read from the working tables.
 */

const instant = z.string().meta({ format: 'date-time', description: 'ISO 8601, UTC' });

export const publicationSummaryResponse = z
	.object({
		meetingId: uuid,
		title: z.string(),
		kind: z.enum(meetingKinds),
		startsAt: instant,
		version: z.int().meta({ description: 'De nieuwste gepubliceerde versie' }),
		publishedAt: instant.meta({ description: 'Wanneer die versie is gepubliceerd' }),
		firstPublishedAt: instant.meta({ description: 'Wanneer de eerste versie is gepubliceerd' })
	})
	.meta({ id: 'PublicationSummary' });

export const publicationListResponse = z
	.object({ publications: z.array(publicationSummaryResponse) })
	.meta({ id: 'PublicationList' });

const versionMeta = z
	.object({
		number: z.int(),
		publishedAt: instant,
		reason: z
			.string()
			.nullable()
			.meta({ description: 'Bij een correctie, bijvoorbeeld "Correctie procedurele fout"' }),
		reasonCode: z
			.string()
			.nullable()
			.meta({ description: 'De TOOI-code van de reden, waar die bestaat (c_c77c86e0)' }),
		note: z.string().nullable().meta({ description: 'Wat er veranderde' })
	})
	.meta({ id: 'PublicationVersion' });

const publishedItem = z
	.object({
		id: uuid,
		number: z.int().meta({ description: 'Het nummer op de vastgestelde agenda' }),
		title: z.string(),
		purpose: z.enum(['besluitvorming', 'bespreking', 'informatie']),
		summary: z.string(),
		proposingParty: party.nullable(),
		attachments: z.array(
			z.object({
				id: uuid,
				filename: z.string(),
				mediaType: z.string(),
				size: z.int().meta({ description: 'In bytes' }),
				href: z.string().meta({ description: 'Waar de bijlage openbaar te downloaden is' })
			})
		)
	})
	.meta({ id: 'PublishedItem' });

const publishedDecision = z
	.object({
		id: uuid,
		itemId: uuid,
		agendaNumber: z.int(),
		itemTitle: z.string(),
		outcome: z.enum(decisionOutcomes),
		dicta: z.array(z.string()).meta({ description: 'De genummerde besluitpunten, zonder nummer' }),
		explanation: z.string().nullable(),
		hamerstuk: z.boolean(),
		dealtOrder: z.int().meta({ description: 'De volgorde waarin de punten zijn behandeld' }),
		commitments: z.array(
			z.object({
				id: uuid,
				party: party.nullable(),
				holder: z.string(),
				description: z.string(),
				dueDate: z.string().nullable().meta({ format: 'date' })
			})
		),
		carriedOver: z
			.object({
				at: instant,
				toMeetingId: uuid.nullable(),
				toMeetingTitle: z.string().nullable(),
				reason: z.string()
			})
			.nullable()
			.meta({
				description: 'Doorgeschoven naar een latere vergadering, of (null) naar nog te agenderen'
			})
	})
	.meta({ id: 'PublishedDecision' });

export const publicationResponse = z
	.object({
		meeting: z.object({
			id: uuid,
			title: z.string(),
			kind: z.enum(meetingKinds),
			startsAt: instant,
			endsAt: instant,
			location: z.string().nullable(),
			chair: z.string().nullable()
		}),
		version: z.int().meta({ description: 'Het nummer van deze versie' }),
		publishedAt: instant,
		reason: versionMeta.shape.reason,
		note: versionMeta.shape.note,
		adoptedAt: instant.meta({ description: 'Wanneer de lijst is vastgesteld' }),
		agenda: z.array(publishedItem).meta({ description: 'De openbare punten, in agendavolgorde' }),
		decisions: z
			.array(publishedDecision)
			.meta({ description: 'In de volgorde waarin de punten zijn behandeld' }),
		noResponseParties: z.array(party).meta({ description: 'Geen reactie ontvangen van …' }),
		confidentialItems: z.int().meta({
			description: 'Hoeveel punten als vertrouwelijk zijn weggelaten (alleen het aantal)'
		}),
		versions: z.array(versionMeta).meta({ description: 'Elke versie, nieuwste eerst' })
	})
	.meta({ id: 'Publication' });

export const publicationQuery = z.object({
	version: z.coerce
		.number({ error: 'Kies een versie: een geheel getal vanaf 1.' })
		.int({ error: 'Kies een versie: een geheel getal vanaf 1.' })
		.min(1, { error: 'Kies een versie: een geheel getal vanaf 1.' })
		.optional()
		.meta({ description: 'Een eerdere versie; zonder: de nieuwste' })
});

const tag = 'Openbaar';
const publicDescription =
	'Zonder account of token. Alleen wat is gepubliceerd: niets vertrouwelijks en niets dat nog niet is vrijgegeven. Cache-Control: public, max-age=60, met een ETag; hoogstens 300 verzoeken per minuut per IP-adres (daarna 429).';

export const publicOperations = operationsOf({
	listPublications: {
		method: 'get',
		path: '/api/v1/public/publications',
		tag,
		public: true,
		summary: 'Gepubliceerde besluitenlijsten',
		description: `De nieuwste versie per vergadering, nieuwste vergadering eerst; filter op soort overleg en jaar, en zoek (Nederlandse volledige tekst) in wat is gepubliceerd. ${publicDescription}`,
		query: publicationFilters,
		response: publicationListResponse,
		errors: [400, 429]
	},
	getPublication: {
		method: 'get',
		path: '/api/v1/public/publications/{id}',
		tag,
		public: true,
		summary: 'De gepubliceerde besluitenlijst van een vergadering',
		description: `De vastgestelde agenda (openbare punten), de besluiten en alle versies; met version een eerdere versie. Een vergadering zonder publicatie is 404. ${publicDescription}`,
		id: 'De vergadering',
		query: publicationQuery,
		response: publicationResponse,
		errors: [400, 404, 429]
	},
	getPublicationOri: {
		method: 'get',
		path: '/api/v1/public/publications/{id}/ori',
		tag,
		public: true,
		summary: 'De gepubliceerde besluitenlijst als open data in ORI 2.0-termen',
		description: `Vergadering, Agendapunt (agendapuntKenmerk, agendapuntvolgnummer, agendapuntTitel, indicatieHamerstuk, indicatorBehandeld, informatieobjecten) en Besluit (besluitresultaat, besluittoelichting, toezegging), met het mini-ORI-profiel (wooInformatiecategorie, de organisatie als TOOI-URI); docs/ori.md beschrijft elk veld. Dezelfde inhoud als /publicaties/{id}/ori.json. ${publicDescription}`,
		id: 'De vergadering',
		query: publicationQuery,
		response: oriPublicatie,
		errors: [400, 404, 429]
	}
});

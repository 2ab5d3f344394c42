import { z } from 'zod';
import type { PublishedDecision, PublishedItem } from '../../../decisions/published';
import type { Publication } from '../index';
import {
	amsterdamDay,
	attachmentUrl,
	dueDate,
	kindLabels,
	outcomeLabel,
	partyTitles,
	publicationUrls,
	purposeLabels,
	truncate
} from './common';
import { TOOI_KERN, informatiecategorie } from './tooi';

/*
 * The publication in the terms of ORI 2.0 (VNG's Open Raads-, Staten- en Bestuursinformatie): a
 * Vergadering with its Agendapunten, each with its InformatieObjecten and its Besluit, within the
 * lengths ORI sets (agendapuntTitel 100, besluitresultaat and besluittoelichting 200, toezegging
 * 500; longer text is cut with "…", the full text stays in the extension fields). ORI has no kind
 * of meeting for an intergovernmental table, so the mini-ORI profile adds the Woo category and the
 * publishing organisation as a TOOI URI. The schema is the contract: the route parses its answer
 * through it, so a drift fails loudly instead of publishing something else.
 */

const url = z.url();
const day = z.iso.date();

export const oriInformatieobject = z.object({
	url,
	informatieobjecttype: z.literal('besluitvormingsstuk'),
	titel: z.string(),
	taal: z.literal('nl'),
	vertrouwelijkheidsaanduiding: z.literal('openbaar'),
	formaat: z.string().describe('Het mediatype, bijvoorbeeld application/pdf.')
});

export const oriToezegging = z.object({
	actiehouder: z.string(),
	partij: z.string().nullable(),
	omschrijving: z.string(),
	termijn: day.nullable()
});

export const oriBesluit = z.object({
	besluitresultaat: z.string().max(200),
	besluittoelichting: z.string().max(200).nullable(),
	toezegging: z.string().max(500).nullable(),
	dicta: z.array(z.string()).describe('Het besluit, dictum voor dictum, zonder nummers.'),
	toezeggingen: z.array(oriToezegging).describe('De toezeggingen, elk met actiehouder en termijn.')
});

export const oriAgendapunt = z.object({
	agendapuntKenmerk: z.string().describe('Het nummer zoals het op de agenda staat.'),
	agendapuntvolgnummer: z.int().positive(),
	agendapuntTitel: z.string().max(100),
	agendapuntOmschrijving: z.string(),
	agendapuntDoel: z.string().describe('Ter besluitvorming, ter bespreking of ter informatie.'),
	indicatieHamerstuk: z.boolean(),
	indicatorBehandeld: z.boolean(),
	indicatorBesloten: z.boolean(),
	informatieobjecten: z.array(oriInformatieobject),
	besluit: oriBesluit.nullable()
});

export const oriVergadering = z.object({
	naam: z.string(),
	soort: z.string(),
	vergaderdatum: day,
	aanvang: z.iso.datetime(),
	einde: z.iso.datetime(),
	status: z.literal('gehouden'),
	locatie: z.string().nullable(),
	voorzitter: z.string().nullable(),
	agendapunten: z.array(oriAgendapunt)
});

export const oriPublicatie = z
	.object({
		vergadering: oriVergadering,
		wooInformatiecategorie: z.literal(`${TOOI_KERN}${informatiecategorie.code}`),
		organisatie: url.describe('De publicerende organisatie als TOOI-URI.'),
		vastgesteldOp: z.iso.datetime(),
		geenReactieVan: z.array(z.string()),
		vertrouwelijkeAgendapunten: z
			.int()
			.nonnegative()
			.describe('Hoeveel agendapunten vertrouwelijk zijn en hier ontbreken (alleen het aantal).'),
		versie: z.object({
			nummer: z.int().positive(),
			gepubliceerdOp: z.iso.datetime(),
			reden: z.string().nullable(),
			redenCode: url.nullable(),
			toelichting: z.string().nullable()
		}),
		versies: z.array(
			z.object({ nummer: z.int().positive(), gepubliceerdOp: z.iso.datetime(), url })
		),
		documenten: z.object({ besluitenlijst: url, agenda: url, diwoo: url })
	})
	.meta({ id: 'OriPublicatie' });

export type OriPublicatie = z.infer<typeof oriPublicatie>;

const decided = new Set([
	'aangenomen',
	'aangenomen_met_wijziging',
	'verworpen',
	'ter_kennisgeving_aangenomen'
]);

function besluit(decision: PublishedDecision): z.infer<typeof oriBesluit> {
	const toezeggingen = decision.commitments.map((commitment) => ({
		actiehouder: commitment.holder,
		partij: commitment.party ? (partyTitles[commitment.party] ?? commitment.party) : null,
		omschrijving: commitment.description,
		termijn: commitment.dueDate
	}));
	const toezegging = toezeggingen
		.map(
			(t) =>
				`${t.actiehouder}: ${t.omschrijving}${t.termijn ? ` (uiterlijk ${dueDate(t.termijn)})` : ''}`
		)
		.join('; ');
	return {
		besluitresultaat: truncate(outcomeLabel(decision), 200),
		besluittoelichting: decision.explanation ? truncate(decision.explanation, 200) : null,
		toezegging: toezegging ? truncate(toezegging, 500) : null,
		dicta: decision.dicta,
		toezeggingen
	};
}

function agendapunt(
	origin: string,
	meetingId: string,
	item: PublishedItem,
	index: number,
	decision: PublishedDecision | undefined
): z.infer<typeof oriAgendapunt> {
	return {
		agendapuntKenmerk: String(item.number),
		agendapuntvolgnummer: index + 1,
		agendapuntTitel: truncate(item.title, 100),
		agendapuntOmschrijving: item.summary,
		agendapuntDoel: purposeLabels[item.purpose] ?? item.purpose,
		indicatieHamerstuk: decision?.hamerstuk ?? false,
		indicatorBehandeld: decision ? decision.outcome !== 'niet_behandeld' : false,
		indicatorBesloten: decision ? decided.has(decision.outcome) : false,
		informatieobjecten: item.attachments.map((file) => ({
			url: attachmentUrl(origin, meetingId, file.id),
			informatieobjecttype: 'besluitvormingsstuk' as const,
			titel: file.filename,
			taal: 'nl' as const,
			vertrouwelijkheidsaanduiding: 'openbaar' as const,
			formaat: file.mediaType
		})),
		besluit: decision ? besluit(decision) : null
	};
}

/** The ORI JSON of a publication: parsed through its schema, so it is what the document says. */
export function toOri(publication: Publication, origin: string, publisher: string): OriPublicatie {
	const { list, version } = publication;
	const { meeting } = list;
	const decisionOf = new Map(list.decisions.map((decision) => [decision.itemId, decision]));
	const urls = publicationUrls(origin, meeting.id, version.number);
	return oriPublicatie.parse({
		vergadering: {
			naam: meeting.title,
			soort: kindLabels[meeting.kind] ?? meeting.kind,
			vergaderdatum: amsterdamDay(meeting.startsAt),
			aanvang: meeting.startsAt,
			einde: meeting.endsAt,
			status: 'gehouden',
			locatie: meeting.location,
			voorzitter: meeting.chair,
			agendapunten: list.agenda.map((item, index) =>
				agendapunt(origin, meeting.id, item, index, decisionOf.get(item.id))
			)
		},
		wooInformatiecategorie: `${TOOI_KERN}${informatiecategorie.code}`,
		organisatie: publisher,
		vastgesteldOp: list.adoptedAt,
		geenReactieVan: list.noResponseParties.map((party) => partyTitles[party] ?? party),
		vertrouwelijkeAgendapunten: list.confidentialItems,
		versie: {
			nummer: version.number,
			gepubliceerdOp: version.publishedAt,
			reden: version.reason,
			redenCode: version.reasonCode ? `${TOOI_KERN}${version.reasonCode}` : null,
			toelichting: version.note
		},
		versies: publication.versions.map((v) => ({
			nummer: v.number,
			gepubliceerdOp: v.publishedAt,
			url: publicationUrls(origin, meeting.id, v.number).ori
		})),
		documenten: { besluitenlijst: urls.besluitenlijst, agenda: urls.agenda, diwoo: urls.diwoo }
	});
}

import type { PublishedDecision } from '../../../decisions/published';
import type { Publication } from '../index';
import {
	PLATFORM_NAME,
	PLATFORM_TAGLINE,
	correctionLine,
	decisionsWithItems,
	documentTitle,
	dueDate,
	dutchDate,
	kindLabels,
	noResponseLine,
	outcomeLabel,
	partyName,
	partyTitles,
	purposeLabels,
	timeRange,
	versionLine,
	type DocumentKind
} from './common';
import { TaggedPdf } from './pdf-writer';

/*
 * The besluitenlijst and the adopted agenda as tagged PDFs, in the order and wording of Dutch
 * practice: per item its number and title, "Besluit:" with numbered dicta, the toezeggingen (who,
 * what, by when), a note for a hamerstuk; the parties that did not answer; the version and, for a
 * correction, its reason and note. Made from the publication alone.
 */

function start(kind: DocumentKind, publication: Publication): TaggedPdf {
	const title = documentTitle(kind, publication);
	const { meeting } = publication.list;
	const pdf = new TaggedPdf({
		title,
		subject:
			kind === 'besluitenlijst'
				? `De besluiten van ${meeting.title}`
				: `De vastgestelde agenda van ${meeting.title}`,
		author: PLATFORM_NAME,
		keywords: `${kind}, ${kindLabels[meeting.kind] ?? meeting.kind}, Woo`,
		createdAt: new Date(publication.version.publishedAt)
	});
	pdf.masthead(PLATFORM_NAME, PLATFORM_TAGLINE);
	pdf.heading(1, title);
	const rows: [string, string][] = [
		['Overleg', kindLabels[meeting.kind] ?? meeting.kind],
		['Datum', `${dutchDate(meeting.startsAt)}, ${timeRange(meeting.startsAt, meeting.endsAt)}`]
	];
	if (meeting.location) rows.push(['Plaats', meeting.location]);
	if (meeting.chair) rows.push(['Voorzitter', meeting.chair]);
	if (kind === 'besluitenlijst') rows.push(['Vastgesteld', dutchDate(publication.list.adoptedAt)]);
	rows.push(['Versie', versionLine(publication)]);
	pdf.table(null, rows, [0.25, 0.75], true);
	const correction = correctionLine(publication);
	if (correction) pdf.paragraph(correction, { bold: true });
	return pdf;
}

function confidentialNote(pdf: TaggedPdf, publication: Publication) {
	const count = publication.list.confidentialItems;
	if (count > 0)
		pdf.paragraph(
			count === 1
				? '1 agendapunt is vertrouwelijk en staat niet in deze publicatie.'
				: `${count} agendapunten zijn vertrouwelijk en staan niet in deze publicatie.`,
			{ muted: true }
		);
}

function decisionSection(pdf: TaggedPdf, decision: PublishedDecision) {
	pdf.heading(2, `${decision.agendaNumber}. ${decision.itemTitle}`);
	pdf.paragraph(`Uitkomst: ${outcomeLabel(decision)}`);
	if (decision.hamerstuk) pdf.paragraph('Hamerstuk: zonder bespreking afgedaan.', { muted: true });
	if (decision.dicta.length > 0) {
		pdf.paragraph('Besluit:', { bold: true });
		pdf.list(decision.dicta, true);
	}
	if (decision.explanation) pdf.paragraph(`Toelichting: ${decision.explanation}`);
	if (decision.commitments.length > 0) {
		pdf.paragraph('Toezeggingen:', { bold: true });
		pdf.list(
			decision.commitments.map((commitment) => {
				const who = commitment.party
					? `${commitment.holder} (${partyName(commitment.party)})`
					: commitment.holder;
				const when = commitment.dueDate ? `, uiterlijk ${dueDate(commitment.dueDate)}` : '';
				return `${who}: ${commitment.description}${when}.`;
			}),
			false
		);
	}
	const carried = decision.carriedOver;
	if (carried)
		pdf.paragraph(
			carried.toMeetingTitle
				? `Doorgeschoven naar ${carried.toMeetingTitle}. Reden: ${carried.reason}`
				: `Terug naar nog te agenderen. Reden: ${carried.reason}`,
			{ muted: true }
		);
}

/** The besluitenlijst: the decisions in the order the items were dealt with. */
export async function besluitenlijstPdf(publication: Publication): Promise<Buffer> {
	const pdf = start('besluitenlijst', publication);
	const noResponse = noResponseLine(publication.list.noResponseParties);
	if (noResponse) pdf.paragraph(noResponse);
	confidentialNote(pdf, publication);
	const decisions = decisionsWithItems(publication);
	if (decisions.length === 0) pdf.paragraph('Er zijn geen openbare besluiten.');
	for (const { decision } of decisions) decisionSection(pdf, decision);
	return pdf.finish();
}

/** The adopted agenda: the openbare items in agenda order, with their purpose and attachments. */
export async function agendaPdf(publication: Publication): Promise<Buffer> {
	const pdf = start('agenda', publication);
	confidentialNote(pdf, publication);
	const { agenda } = publication.list;
	if (agenda.length === 0) {
		pdf.paragraph('Er zijn geen openbare agendapunten.');
		return pdf.finish();
	}
	pdf.table(
		['Nr.', 'Onderwerp', 'Doel', 'Ingebracht door'],
		agenda.map((item) => [
			String(item.number),
			item.title,
			purposeLabels[item.purpose] ?? item.purpose,
			item.proposingParty
				? (partyTitles[item.proposingParty] ?? item.proposingParty)
				: 'Secretariaat'
		]),
		[0.08, 0.52, 0.2, 0.2]
	);
	for (const item of agenda) {
		pdf.heading(2, `${item.number}. ${item.title}`);
		pdf.paragraph(purposeLabels[item.purpose] ?? item.purpose, { muted: true });
		// The summary is Markdown as its proposer wrote it; as plain text it reads the same.
		if (item.summary.trim()) pdf.paragraph(item.summary.trim());
		if (item.attachments.length > 0) {
			pdf.paragraph('Bijlagen:', { bold: true });
			pdf.list(
				item.attachments.map((file) => file.filename),
				false
			);
		}
	}
	return pdf.finish();
}

export const pdfFor = (kind: DocumentKind, publication: Publication) =>
	kind === 'besluitenlijst' ? besluitenlijstPdf(publication) : agendaPdf(publication);

import { TaggedPdf } from '../publications/formats/pdf-writer';

/**
 * The file VNG's demo report carries: a one-page concept BOFv-notitie, made in code with the
 * platform's own PDF writer (a real, valid PDF that the attachments' checks accept).
 */
export async function demoBofvNote(voorjaarsnota: string, createdAt: Date) {
	const pdf = new TaggedPdf({
		title: 'Concept-notitie verdeling opschalingskorting',
		subject: 'Bestuurlijk Overleg Financiële verhoudingen',
		author: 'VNG',
		keywords: 'opschalingskorting, Gemeentefonds, BOFv, demo',
		createdAt
	});
	pdf.heading(1, 'Concept-notitie: verdeling van de opschalingskorting');
	pdf.paragraph(
		'Het Gemeentefonds is in 2025 eenmalig € 675 mln lager; vanaf 2026 stijgt het met € 750 mln, naar ongeveer € 1 mld in 2029. Deze notitie stelt de verdeling over gemeenten en provincies voor.'
	);
	pdf.paragraph(
		`Is er geen nieuw kabinet, dan besluit het kabinet over de verdeling bij de ${voorjaarsnota}.`
	);
	pdf.paragraph('Demobedragen naar openbare bronnen.', { muted: true });
	return {
		filename: 'Concept-notitie verdeling opschalingskorting.pdf',
		bytes: await pdf.finish()
	};
}

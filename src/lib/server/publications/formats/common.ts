import { partyLabels, type Party } from '../../../agenda/meeting-view';
import { outcomeLabels } from '../../../decisions/outcomes';
import type { PublishedDecision, PublishedItem } from '../../../decisions/published';
import { TIME_ZONE } from '../../../time';
import type { Publication } from '../index';

/*
 * What the published formats (PDF, ORI JSON, DiWoo) share: the words, the dates as the public reads
 * them (Europe/Amsterdam), the addresses of the documents and the TOOI codes. Every format is made
 * from a Publication alone, never from the working tables, so what was not published cannot leak.
 */

export const PLATFORM_NAME = 'Overhedenoverleg';
export const PLATFORM_TAGLINE =
	'Samenwerkingsplatform van Rijk, VNG, IPO en Unie van Waterschappen';

/** The two published documents of a meeting. */
export type DocumentKind = 'besluitenlijst' | 'agenda';
export const documentKinds: readonly DocumentKind[] = ['agenda', 'besluitenlijst'];

export const kindLabels: Record<string, string> = {
	overhedenoverleg: 'Overhedenoverleg',
	ambtelijk_voorportaal: 'Ambtelijk voorportaal',
	bofv: 'Bestuurlijk Overleg Financiële verhoudingen (BOFv)',
	sectorale_tafel: 'Sectorale tafel'
};

export const purposeLabels: Record<string, string> = {
	besluitvorming: 'Ter besluitvorming',
	bespreking: 'Ter bespreking',
	informatie: 'Ter informatie'
};

/** "het Rijk", "VNG", …; an unknown value as it is. */
export const partyName = (party: string) => partyLabels[party as Party] ?? party;

/** A party as a table cell or a label names it: "Rijk", "Unie van Waterschappen". */
export const partyTitles: Record<string, string> = {
	rijk: 'Rijk',
	vng: 'VNG',
	ipo: 'IPO',
	uvw: 'Unie van Waterschappen'
};

/** "Aangenomen", "Ter kennisgeving aangenomen", … */
export const outcomeLabel = (decision: PublishedDecision) =>
	outcomeLabels[decision.outcome] ?? decision.outcome;

const dutchList = new Intl.ListFormat('nl-NL', { style: 'long', type: 'conjunction' });
/** "VNG en de Unie van Waterschappen" */
export const joinDutch = (parts: readonly string[]) => dutchList.format(parts);

/** "Geen reactie ontvangen van VNG en de Unie van Waterschappen.", or null. */
export function noResponseLine(parties: readonly string[]): string | null {
	if (parties.length === 0) return null;
	return `Geen reactie ontvangen van ${joinDutch(parties.map(partyName))}.`;
}

const longDate = new Intl.DateTimeFormat('nl-NL', {
	timeZone: TIME_ZONE,
	day: 'numeric',
	month: 'long',
	year: 'numeric'
});
const clock = new Intl.DateTimeFormat('nl-NL', {
	timeZone: TIME_ZONE,
	hour: '2-digit',
	minute: '2-digit'
});
const isoDay = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, dateStyle: 'short' });

/** "1 december 2026", in Amsterdam. */
export const dutchDate = (at: string | Date) => longDate.format(new Date(at));
/** "10:00–12:00 uur" */
export const timeRange = (from: string, to: string) =>
	`${clock.format(new Date(from))}–${clock.format(new Date(to))} uur`;
/** The calendar day in Amsterdam, yyyy-mm-dd (a meeting at 00:30 in summer is that day). */
export const amsterdamDay = (at: string | Date) => isoDay.format(new Date(at));

/** A due date kept as yyyy-mm-dd, as a Dutch date ("1 maart 2027"). */
export const dueDate = (day: string) => longDate.format(new Date(`${day}T12:00:00Z`));

/** "Besluitenlijst Overhedenoverleg voorjaar, 14 april 2026": the document's official title. */
export function documentTitle(kind: DocumentKind, publication: Publication): string {
	const { meeting } = publication.list;
	const word = kind === 'besluitenlijst' ? 'Besluitenlijst' : 'Agenda';
	return `${word} ${meeting.title}, ${dutchDate(meeting.startsAt)}`;
}

/** Where a published document and its metadata are, for a version or the newest. */
export function publicationUrls(origin: string, meetingId: string, version?: number) {
	const base = `${origin}/publicaties/${meetingId}`;
	const query = version === undefined ? '' : `?versie=${version}`;
	return {
		page: base,
		besluitenlijst: `${base}/besluitenlijst.pdf${query}`,
		agenda: `${base}/agenda.pdf${query}`,
		ori: `${base}/ori.json${query}`,
		diwoo: `${base}/diwoo.xml${query}`
	};
}

/** The attachment's public download (the public pages serve it). */
export const attachmentUrl = (origin: string, meetingId: string, attachmentId: string) =>
	`${origin}/publicaties/${meetingId}/bijlagen/${attachmentId}`;

/** The decisions joined to their agenda items, in the order the items were dealt with. */
export function decisionsWithItems(publication: Publication) {
	const items = new Map(publication.list.agenda.map((item) => [item.id, item]));
	return [...publication.list.decisions]
		.sort((a, b) => a.dealtOrder - b.dealtOrder)
		.map((decision) => ({
			decision,
			item: items.get(decision.itemId) as PublishedItem | undefined
		}));
}

/** Cuts a text to at most `max` characters, ending in "…" when it had to. */
export function truncate(text: string, max: number): string {
	const chars = [...text];
	if (chars.length <= max) return text;
	return `${chars
		.slice(0, max - 1)
		.join('')
		.trimEnd()}…`;
}

/** "Correctie procedurele fout: punt 2 was aangenomen." for a correction version, else null. */
export function correctionLine(publication: Publication): string | null {
	const { reason, note } = publication.version;
	if (!reason && !note) return null;
	const head = reason ?? 'Correctie';
	return note ? `${head}: ${note}` : `${head}.`;
}

/** "Versie 2, gepubliceerd op 3 december 2026" */
export const versionLine = (publication: Publication) =>
	`Versie ${publication.version.number}, gepubliceerd op ${dutchDate(publication.version.publishedAt)}`;

/** "besluitenlijst-2026-12-01.pdf", with "-versie-2" for a version asked by number. */
export function pdfFilename(kind: DocumentKind, publication: Publication, pinned: boolean) {
	const day = amsterdamDay(publication.list.meeting.startsAt);
	const version = pinned ? `-versie-${publication.version.number}` : '';
	return `${kind}-${day}${version}.pdf`;
}

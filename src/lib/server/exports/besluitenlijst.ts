import { formatDicta, outcomeLabels } from '../../decisions/outcomes';
import type { PublishedDecision } from '../../decisions/published';
import { TIME_ZONE } from '../../time';
import { dutchDate } from './cells';
import { exportFilename, type ExportFormat } from './http';
import { sheet, type Book } from './spreadsheet';

/*
 * The besluitenlijst as a spreadsheet: one row per decision in the order the items were dealt
 * with (its dicta numbered, one per line in the cell, as the list reads), and a second sheet
 * "Toezeggingen" with one row per commitment (who, what, by when as a date) to filter and sort.
 * The CSV carries the first sheet; its Toezeggingen column names them in words. Made from the
 * decisions it is given alone: the table's working list, or a published version's snapshot.
 */

export interface BesluitenlijstSource {
	meeting: { title: string; kind: string; startsAt: string };
	decisions: readonly PublishedDecision[];
	/** What the reader holds, for the document's properties: "Concept", "Versie 2, …". */
	state: string;
	/** When its content was made (a version's publication), for the document's properties. */
	at?: Date;
	/** A version asked for by number: part of the file name. */
	version?: number;
}

const partyTitles: Record<string, string> = {
	rijk: 'Rijk',
	vng: 'VNG',
	ipo: 'IPO',
	uvw: 'Unie van Waterschappen'
};

type Commitment = PublishedDecision['commitments'][number];

/** "Minister Jansen (Rijk): stuurt de brief (uiterlijk 01-03-2027)"; "VNG: …" without "(VNG)". */
function commitmentLine(commitment: Commitment): string {
	const title = commitment.party ? partyTitles[commitment.party] : undefined;
	const party = title && title !== commitment.holder ? ` (${title})` : '';
	const due = commitment.dueDate ? ` (uiterlijk ${dutchDate('date', commitment.dueDate)})` : '';
	return `${commitment.holder}${party}: ${commitment.description}${due}`;
}

function carriedOver(decision: PublishedDecision): string | null {
	const carried = decision.carriedOver;
	if (!carried) return null;
	const to = carried.toMeetingTitle ? `Naar ${carried.toMeetingTitle}` : 'Naar nog te agenderen';
	return carried.reason ? `${to}: ${carried.reason}` : to;
}

const longDate = new Intl.DateTimeFormat('nl-NL', {
	timeZone: TIME_ZONE,
	day: 'numeric',
	month: 'long',
	year: 'numeric'
});
const isoDay = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, dateStyle: 'short' });

/** "Besluitenlijst Overhedenoverleg voorjaar, 12 mei 2026" */
export const besluitenlijstTitle = (meeting: BesluitenlijstSource['meeting']) =>
	`Besluitenlijst ${meeting.title}, ${longDate.format(new Date(meeting.startsAt))}`;

/** "besluitenlijst-overhedenoverleg-2026-05-12.xlsx", "-versie-2" for a version by number. */
export function besluitenlijstFilename(source: BesluitenlijstSource, format: ExportFormat) {
	const day = isoDay.format(new Date(source.meeting.startsAt));
	const version = source.version === undefined ? [] : [`versie-${source.version}`];
	return exportFilename(['besluitenlijst', source.meeting.kind, day, ...version], format);
}

export function besluitenlijstBook(source: BesluitenlijstSource): Book {
	const decisions = [...source.decisions].sort((a, b) => a.dealtOrder - b.dealtOrder);
	const rows = decisions.map((decision) => ({
		number: decision.agendaNumber,
		title: decision.itemTitle,
		outcome: outcomeLabels[decision.outcome] ?? decision.outcome,
		dicta: formatDicta(decision.dicta),
		explanation: decision.explanation,
		hamerstuk: decision.hamerstuk ? 'ja' : 'nee',
		commitments: decision.commitments.map(commitmentLine).join('\n'),
		carriedOver: carriedOver(decision)
	}));
	const commitments = decisions.flatMap((decision) =>
		decision.commitments.map((commitment) => ({
			number: decision.agendaNumber,
			title: decision.itemTitle,
			party: commitment.party ? partyTitles[commitment.party]! : null,
			holder: commitment.holder,
			description: commitment.description,
			dueDate: commitment.dueDate
		}))
	);
	return {
		title: besluitenlijstTitle(source.meeting),
		subject: source.state,
		description: `De besluiten van ${source.meeting.title}, in de volgorde van behandeling.`,
		created: source.at,
		sheets: [
			sheet({
				name: 'Besluitenlijst',
				rows,
				columns: [
					{ header: 'Punt', key: 'number', kind: 'number', width: 7 },
					{ header: 'Titel', key: 'title', kind: 'text', width: 40 },
					{ header: 'Uitkomst', key: 'outcome', kind: 'text', width: 22 },
					{ header: 'Besluit', key: 'dicta', kind: 'text', width: 70 },
					{ header: 'Toelichting', key: 'explanation', kind: 'text', width: 40 },
					{ header: 'Hamerstuk', key: 'hamerstuk', kind: 'text', width: 12 },
					{ header: 'Toezeggingen', key: 'commitments', kind: 'text', width: 50 },
					{ header: 'Doorgeschoven', key: 'carriedOver', kind: 'text', width: 30 }
				]
			}),
			sheet({
				name: 'Toezeggingen',
				rows: commitments,
				columns: [
					{ header: 'Punt', key: 'number', kind: 'number', width: 7 },
					{ header: 'Agendapunt', key: 'title', kind: 'text', width: 40 },
					{ header: 'Partij', key: 'party', kind: 'text', width: 22 },
					{ header: 'Wie', key: 'holder', kind: 'text', width: 28 },
					{ header: 'Toezegging', key: 'description', kind: 'text', width: 60 },
					{ header: 'Uiterlijk', key: 'dueDate', kind: 'date', width: 12 }
				]
			})
		]
	};
}

import { error } from '@sveltejs/kit';
import { AccessError, type Actor } from '../access';
import { getDecisionList } from '../decisions';
import { getMeeting } from '../meetings';
import { answerPublication, type FormatRequest } from '../publications/formats/http';
import type { DecisionListView } from '../decisions/list-view';
import {
	besluitenlijstBook,
	besluitenlijstFilename,
	type BesluitenlijstSource
} from './besluitenlijst';
import { spreadsheetFile, spreadsheetResponse, type ExportFormat } from './http';

/*
 * The besluitenlijst's two downloads. For the table: the working list through the same read as
 * its page (getDecisionList, whoever may read the meeting), answered privately. For the public:
 * a published version through the publications module alone, as the PDF beside it, so nothing
 * unpublished or vertrouwelijk can reach the file.
 */

const dayFormat = new Intl.DateTimeFormat('nl-NL', {
	timeZone: 'Europe/Amsterdam',
	dateStyle: 'long'
});

/** Where the working list stands, in the file's properties: it may differ from what was published. */
function workingState(list: DecisionListView): string {
	const published = list.publishedVersion
		? `; gepubliceerd is versie ${list.publishedVersion}`
		: '';
	switch (list.status) {
		case 'concept':
			return 'Concept van de tafel, nog niet ter verificatie';
		case 'ter_verificatie':
			return 'Ter verificatie bij de partijen, nog niet vastgesteld';
		case 'vastgesteld':
		case 'gepubliceerd':
			return `Werkversie van de tafel, vastgesteld${
				list.adoptedAt ? ` op ${dayFormat.format(new Date(list.adoptedAt))}` : ''
			}${published}`;
	}
}

/** The table's besluitenlijst of a held meeting; 404 for a meeting not held or not to be seen. */
export async function tableDecisionListExport(
	actor: Actor,
	meetingId: string,
	format: ExportFormat
): Promise<Response> {
	let source: BesluitenlijstSource;
	try {
		const meeting = await getMeeting(actor, meetingId);
		const list = await getDecisionList(actor, meeting.id);
		if (!list)
			error(404, 'Deze vergadering heeft nog geen besluitenlijst: zij is nog niet gehouden.');
		source = {
			meeting: {
				title: meeting.title,
				kind: meeting.kind,
				startsAt: meeting.startsAt.toISOString()
			},
			decisions: list.decisions,
			state: workingState(list)
		};
	} catch (caught) {
		if (caught instanceof AccessError) error(caught.status, caught.message);
		throw caught;
	}
	return spreadsheetResponse(
		format,
		besluitenlijstBook(source),
		besluitenlijstFilename(source, format)
	);
}

/** A published besluitenlijst for anyone: the newest version or `?versie=N`. */
export const publicDecisionListExport = (event: FormatRequest, format: ExportFormat) =>
	answerPublication(event, (publication, pinned) => {
		const { list, version } = publication;
		const source: BesluitenlijstSource = {
			meeting: list.meeting,
			decisions: list.decisions,
			state: `Versie ${version.number}, gepubliceerd op ${dayFormat.format(new Date(version.publishedAt))}`,
			at: new Date(version.publishedAt),
			version: pinned ? version.number : undefined
		};
		return spreadsheetFile(
			format,
			besluitenlijstBook(source),
			besluitenlijstFilename(source, format)
		);
	});

import type { LiveDecision } from '../realtime/decision-payloads';

/**
 * A published besluitenlijst as the public reads it: what a version's snapshot holds, and all it
 * holds (src/lib/server/decisions/publish.ts makes it; the public pages, the PDF, the ORI JSON and
 * the DiWoo metadata read only this). Only the items the secretariaat confirmed as openbaar are in
 * it; the public never reads the working tables.
 */
export interface PublishedList {
	meeting: {
		id: string;
		title: string;
		kind: string;
		startsAt: string;
		endsAt: string;
		location: string | null;
		chair: string | null;
	};
	/** The adopted agenda, openbare items only, in agenda order. */
	agenda: PublishedItem[];
	/** The decisions on them, in the order the items were dealt with. */
	decisions: PublishedDecision[];
	adoptedAt: string;
	/** "Geen reactie ontvangen van …" */
	noResponseParties: string[];
	/** How many agenda items were left out as vertrouwelijk (a count, never what they are). */
	confidentialItems: number;
}

export interface PublishedItem {
	id: string;
	number: number;
	title: string;
	purpose: string;
	summary: string;
	proposingParty: string | null;
	attachments: { id: string; filename: string; mediaType: string; size: number }[];
}

export type PublishedDecision = Omit<LiveDecision, 'version' | 'recordedAt'>;

export interface PublishedVersionMeta {
	number: number;
	publishedAt: string;
	reason: string | null;
	reasonCode: string | null;
	note: string | null;
}

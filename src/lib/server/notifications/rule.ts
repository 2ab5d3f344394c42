import type { Executor } from '../db';
import type { NotificationLanguage, Party } from '../db/schema';

/**
 * What a row of the notification table is (table.ts gathers them), and the few pieces the rows
 * of the agenda, its items and the besluitenlijst share.
 */

/** An event as the log is about to hold it (the hook runs before its id exists). */
export interface SourceEvent {
	type: string;
	subjectType: string;
	subjectId: string;
	meetingId: string | null;
	actorPersonId: string | null;
	payload: Record<string, unknown>;
}

export type Params = Record<string, string>;
export interface Text {
	/** The mail's subject and the notification's heading: says what is asked. */
	subject: string;
	/** One or two sentences: what happened and what to do. */
	body: string;
}

export interface NotificationRule {
	kind: string;
	events: readonly string[];
	/** Who it reaches, in words (for the README and the preferences page). */
	who: string;
	/** Some events notify only in a certain case (a submission only when late). */
	when?: (event: SourceEvent) => boolean;
	recipients: (db: Executor, event: SourceEvent) => Promise<string[]>;
	link: (event: SourceEvent) => string;
	text: Record<NotificationLanguage, (params: Params) => Text>;
}

/** Every party at the table, for a row that asks each of them. */
export const allParties: Party[] = ['rijk', 'vng', 'ipo', 'uvw'];
export const bestuurders = ['bestuurder'] as const;

/** The party an event names, e.g. the one asked to co-sponsor or whose akkoord lapsed. */
export const party = (event: SourceEvent) => event.payload.party as Party;

/** A party's or person's name at the start of a sentence. */
export function cap(text: string | undefined): string {
	return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
}

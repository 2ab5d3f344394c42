import type { Party } from '../db/schema';

/*
 * "Mijn werk" as its page reads it: per role a few sections of tasks, each task with the one
 * action it needs and the moment that makes it urgent. Words are the page's (Paraglide): the
 * server names the kind of section and action, never a sentence, except the changes to an agenda
 * since an akkoord, which compareAgenda words for every page alike.
 */

/** The sections, in the order the page shows them for a role. */
export type SectionKind =
	| 'coSponsorRequests'
	| 'concepts'
	| 'openMeetings'
	| 'coSponsorWaiting'
	| 'akkoordWaiting'
	| 'akkoordReset'
	| 'listsToVerify'
	| 'lateSubmissions'
	| 'decisionLists'
	| 'inAlignment'
	| 'toSchedule'
	| 'toMarkHeld'
	| 'toMarkTreated'
	| 'toOpen';

/** The one thing to do about a task; the page words it as its link. */
export type ActionKind =
	| 'answerCoSponsor'
	| 'submitConcept'
	| 'propose'
	| 'followUp'
	| 'judgeAgenda'
	| 'judgeAgain'
	| 'judgeLate'
	| 'schedule'
	| 'adopt'
	| 'followAlignment'
	| 'markHeld'
	| 'markTreated'
	| 'openMeeting'
	| 'verifyList'
	| 'verifyListAgain'
	| 'sendList'
	| 'followList'
	| 'adoptList'
	| 'publishList';

/** What the due moment is: the page says "indienen vóór", "vergadering op", "wacht sinds". */
export type DueKind = 'proposalDeadline' | 'meeting' | 'waitingSince' | 'verificationCloses';

export interface WorkTask {
	/** The item's or meeting's id; unique within a section. */
	id: string;
	title: string;
	action: ActionKind;
	/** Where to act, without the language prefix (the page localises it). */
	href: string;
	dueAt: Date | null;
	dueKind: DueKind | null;
	/** The due moment has passed (a proposal deadline: a submission now comes late). */
	overdue: boolean;
	meetingTitle: string | null;
	/** Co-sponsoring: the party that asks (a request) or the parties still to answer (waiting). */
	parties: Party[];
	/** The organisation that proposed an item, as the secretariaat's lists name it. */
	organisationName: string | null;
	/** An agenda in afstemming: how many of the four parties gave a valid akkoord. */
	akkoordCount: number | null;
	/** A bestuurder's agenda: the party objected (still waiting for its akkoord). */
	objected: boolean;
	/** The secretariaat's agenda in afstemming: the parties that object to it. */
	objectedBy: Party[];
	/** A reset akkoord: what changed since the party agreed (Dutch, from compareAgenda). */
	changes: string[];
}

export interface WorkSection {
	kind: SectionKind;
	tasks: WorkTask[];
}

export interface MyWork {
	role: 'medewerker' | 'bestuurder' | 'secretariaat' | 'beheerder';
	party: Party | null;
	sections: WorkSection[];
}

/** A task with every optional fact empty; the builders fill in theirs. */
export function task(
	fields: Pick<WorkTask, 'id' | 'title' | 'action' | 'href'> & Partial<WorkTask>
): WorkTask {
	return {
		dueAt: null,
		dueKind: null,
		overdue: false,
		meetingTitle: null,
		parties: [],
		organisationName: null,
		akkoordCount: null,
		objected: false,
		objectedBy: [],
		changes: [],
		...fields
	};
}

/**
 * Most urgent first: the nearest due moment first, what has none after, a passed proposal
 * deadline last (a submission there comes late anyway; the open ones still count). Ties keep the
 * query's order (Array.prototype.sort is stable).
 */
export function byUrgency(a: WorkTask, b: WorkTask): number {
	const rank = (t: WorkTask) => (t.overdue ? 2 : t.dueAt ? 0 : 1);
	return rank(a) - rank(b) || (a.dueAt?.getTime() ?? 0) - (b.dueAt?.getTime() ?? 0);
}

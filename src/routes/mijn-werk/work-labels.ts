import { m } from '$lib/paraglide/messages';
import type { ActionKind, SectionKind } from '$lib/server/work/types';

/* The words of "Mijn werk": the server names sections and actions, the page says them. */

export const sectionHeading: Record<SectionKind, () => string> = {
	coSponsorRequests: m.work_section_coSponsorRequests,
	concepts: m.work_section_concepts,
	openMeetings: m.work_section_openMeetings,
	coSponsorWaiting: m.work_section_coSponsorWaiting,
	akkoordWaiting: m.work_section_akkoordWaiting,
	akkoordReset: m.work_section_akkoordReset,
	listsToVerify: m.work_section_listsToVerify,
	lateSubmissions: m.work_section_lateSubmissions,
	decisionLists: m.work_section_decisionLists,
	inAlignment: m.work_section_inAlignment,
	toSchedule: m.work_section_toSchedule,
	toMarkHeld: m.work_section_toMarkHeld,
	toMarkTreated: m.work_section_toMarkTreated,
	toOpen: m.work_section_toOpen
};

/** What will appear in an empty section, and when. */
export const sectionEmpty: Record<SectionKind, () => string> = {
	coSponsorRequests: m.work_empty_coSponsorRequests,
	concepts: m.work_empty_concepts,
	openMeetings: m.work_empty_openMeetings,
	coSponsorWaiting: m.work_empty_coSponsorWaiting,
	akkoordWaiting: m.work_empty_akkoordWaiting,
	akkoordReset: m.work_empty_akkoordReset,
	listsToVerify: m.work_empty_listsToVerify,
	lateSubmissions: m.work_empty_lateSubmissions,
	decisionLists: m.work_empty_decisionLists,
	inAlignment: m.work_empty_inAlignment,
	toSchedule: m.work_empty_toSchedule,
	toMarkHeld: m.work_empty_toMarkHeld,
	toMarkTreated: m.work_empty_toMarkTreated,
	toOpen: m.work_empty_toOpen
};

export const actionLabel: Record<ActionKind, () => string> = {
	answerCoSponsor: m.work_action_answerCoSponsor,
	submitConcept: m.work_action_submitConcept,
	propose: m.work_action_propose,
	followUp: m.work_action_followUp,
	judgeAgenda: m.work_action_judgeAgenda,
	judgeAgain: m.work_action_judgeAgain,
	judgeLate: m.work_action_judgeLate,
	schedule: m.work_action_schedule,
	adopt: m.work_action_adopt,
	followAlignment: m.work_action_followAlignment,
	markHeld: m.work_action_markHeld,
	markTreated: m.work_action_markTreated,
	openMeeting: m.work_action_openMeeting,
	verifyList: m.work_action_verifyList,
	verifyListAgain: m.work_action_verifyListAgain,
	sendList: m.work_action_sendList,
	followList: m.work_action_followList,
	adoptList: m.work_action_adoptList,
	publishList: m.work_action_publishList
};

export const intro: Record<string, () => string> = {
	medewerker: m.work_intro_medewerker,
	bestuurder: m.work_intro_bestuurder,
	secretariaat: m.work_intro_secretariaat,
	beheerder: m.work_intro_beheerder
};

export const countLabel = (n: number) =>
	n === 1 ? m.work_count_one() : m.work_count({ count: n });

export const summaryLabel = (n: number) =>
	n === 0 ? m.work_summary_none() : n === 1 ? m.work_summary_one() : m.work_summary({ count: n });

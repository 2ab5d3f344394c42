import { m } from '$lib/paraglide/messages';

/** The words for the besluitenlijst's steps and the parties' word on it, in the page's language. */

const statusLabels: Record<string, () => string> = {
	concept: m.dlist_status_concept,
	ter_verificatie: m.dlist_status_verification,
	vastgesteld: m.dlist_status_adopted,
	gepubliceerd: m.dlist_status_published
};

const stateLabels: Record<string, () => string> = {
	akkoord: m.dlist_state_akkoord,
	correcties: m.dlist_state_corrections,
	opnieuw_beoordelen: m.dlist_state_again,
	open: m.dlist_state_open
};

/** The list's step: concept, ter verificatie, vastgesteld, gepubliceerd. */
export const decisionListStatusLabel = (status: string) => statusLabels[status]?.() ?? status;

/** One party's word on the list: akkoord, corrections proposed, to judge again, not yet given. */
export const verificationStateLabel = (state: string) => stateLabels[state]?.() ?? state;

/** What a form that went well tells: the step it took (and a publication's version number). */
export function decisionListDoneText(done: { step: string; number?: number }): string {
	const texts: Record<string, () => string> = {
		started: m.dlist_done_started,
		verified: m.dlist_done_verified,
		corrected: m.dlist_done_corrected,
		answered: m.dlist_done_answered,
		adopted: m.dlist_done_adopted,
		published: () => m.dlist_done_published({ number: String(done.number ?? '') })
	};
	return texts[done.step]?.() ?? '';
}

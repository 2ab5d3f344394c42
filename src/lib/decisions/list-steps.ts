/*
 * What a besluitenlijst asks of whom next, written once: "Mijn werk" lists it on the server
 * (src/lib/server/decisions/work.ts) and applies the list's live events with the same rule in the
 * browser (src/lib/realtime/work-live.svelte.ts), so a row never differs from what a reload shows.
 */

import { partyOrder } from '../agenda/meeting-view';

type ListStatus = 'concept' | 'ter_verificatie' | 'vastgesteld' | 'gepubliceerd';
type WordState = 'akkoord' | 'correcties' | 'opnieuw_beoordelen' | 'open';

/** What the list asks of a party: its first word, or a new one after a change reset it. */
export function partyStep(status: ListStatus, own: WordState): 'verify' | 'verifyAgain' | null {
	if (status !== 'ter_verificatie') return null;
	if (own === 'open') return 'verify';
	return own === 'opnieuw_beoordelen' ? 'verifyAgain' : null;
}

/**
 * The secretariaat's next step with a held meeting's list: send it, follow the answers, adopt it
 * (all four agreed, or the closing date passed), publish it; null once published.
 */
export function secretariatStep(
	status: ListStatus | null,
	agreed: number,
	closesAt: Date | null,
	now: Date
): 'send' | 'follow' | 'adopt' | 'publish' | null {
	if (status === null || status === 'concept') return 'send';
	if (status === 'vastgesteld') return 'publish';
	if (status === 'gepubliceerd') return null;
	const closed = closesAt !== null && closesAt <= now;
	return agreed === partyOrder.length || closed ? 'adopt' : 'follow';
}

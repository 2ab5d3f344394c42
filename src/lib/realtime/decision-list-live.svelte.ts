import { parsePayload, type ParsedEvent } from './event-payloads';
import type {
	ListEventType,
	LiveCorrection,
	LiveDecisionList,
	LiveVerification
} from './decision-payloads';
import { NewestEvents } from './list-live.svelte';
import type { RealtimeEvent } from './protocol';

/*
 * The besluitenlijst page's live state (HOUSE.md, "Live state, not reloads"). It holds the list
 * the page was loaded with and applies the list's events in place: each carries the list's state
 * and the four parties' word as they stand after the change, a correction its row, and a recorded
 * decision the decision (and, once the parties spoke, their word after it). What the page cannot
 * apply answers false, and the page reloads: a change of the meeting or of one of its items (their
 * title, their confidentiality: what the publish form offers), a type it does not know.
 */

/**
 * Events that leave the besluitenlijst as it is: an item's comments and attachments, and the
 * public side's word of a publication (the list's own published event carries what changed here).
 */
const withoutEffectHere = /^(comment|attachment|publication)\./;

type ListEvent = Extract<ParsedEvent, { type: ListEventType }>;

export function isListEvent(event: ParsedEvent): event is ListEvent {
	return event.type.startsWith('decision_list.');
}

/** The correction an event carries, if its step has one (proposed, answered). */
export function correctionOf(event: ListEvent): LiveCorrection | null {
	return 'correction' in event.payload ? event.payload.correction : null;
}

export class DecisionListLive {
	list = $state<LiveDecisionList>() as LiveDecisionList;
	#newest = new NewestEvents();

	constructor(initial: LiveDecisionList) {
		this.list = {
			...initial,
			verifications: [...initial.verifications],
			corrections: [...initial.corrections],
			decisions: [...initial.decisions]
		};
	}

	/** Applies one event; false when the page must reload instead. */
	apply(event: RealtimeEvent): boolean {
		// Another meeting's event changes nothing here.
		if (event.meetingId !== this.list.meetingId) return true;
		if (withoutEffectHere.test(event.type)) return true;
		const parsed = parsePayload(event);
		if (!parsed) return false;
		if (parsed.type === 'decision.recorded.v1') {
			const { decision, verifications } = parsed.payload;
			if (this.#newest.isNewest(`decision:${decision.id}`, event.id))
				this.list.decisions = [
					...this.list.decisions.filter((row) => row.id !== decision.id),
					decision
				].sort((a, b) => a.dealtOrder - b.dealtOrder);
			if (verifications) this.#words(verifications, event.id);
			// A word on the list without the word after the change: what it holds for is unknown.
			else if (this.list.verifications.some((word) => word.decidedAt !== null)) return false;
			return true;
		}
		if (!isListEvent(parsed)) return false;
		const { list, verifications } = parsed.payload;
		if (this.#newest.isNewest('list', event.id)) Object.assign(this.list, list);
		this.#words(verifications, event.id);
		const correction = correctionOf(parsed);
		if (correction && this.#newest.isNewest(`correction:${correction.id}`, event.id))
			this.list.corrections = [
				...this.list.corrections.filter((row) => row.id !== correction.id),
				correction
			].sort((a, b) => a.proposedAt.localeCompare(b.proposedAt));
		return true;
	}

	/** The four parties' word, replaced as a whole by the newest event that carries it. */
	#words(verifications: LiveVerification[], eventId: number) {
		if (this.#newest.isNewest('words', eventId)) this.list.verifications = verifications;
	}
}

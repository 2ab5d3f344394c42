import { splitWaiting } from '$lib/agenda/list-rules';
import { partyOrder, type Party } from '$lib/agenda/meeting-view';
import { parsePayload } from './event-payloads';
import { toTreatRule, waitingRule, type SecretariatItemRow } from './item-lists';
import { LiveItemList, NewestEvents } from './list-live.svelte';
import { meetingChangeOf, patchMeeting } from './meeting-change';
import type { RealtimeEvent } from './protocol';

/*
 * The secretariaat's overview, live. Its items (waiting, late or not; placed on a held meeting)
 * are item lists; its meetings in afstemming count the parties' akkoord, which each recorded word
 * or reset moves in place. A meeting renamed changes in place too; a meeting taking a step moves
 * between the sections, which the events do not carry enough for (its date, its agenda): reload.
 */

interface OverviewMeeting {
	id: string;
	title: string;
}

export class SecretariatLive<M extends OverviewMeeting> {
	waiting: LiveItemList<SecretariatItemRow>;
	toMarkTreated: LiveItemList<SecretariatItemRow>;
	inAlignment = $state<(M & { akkoordParties: Party[] })[]>([]);
	toMarkHeld = $state<M[]>([]);
	toOpen = $state<M[]>([]);
	sections = $derived.by(() => splitWaiting(this.waiting.rows));
	#newest = new NewestEvents();

	constructor(initial: {
		waiting: readonly SecretariatItemRow[];
		toMarkTreated: readonly SecretariatItemRow[];
		inAlignment: readonly (M & { akkoordParties: Party[] })[];
		toMarkHeld: readonly M[];
		toOpen: readonly M[];
	}) {
		this.waiting = new LiveItemList(initial.waiting, waitingRule);
		this.toMarkTreated = new LiveItemList(
			initial.toMarkTreated,
			toTreatRule(initial.toMarkTreated)
		);
		this.inAlignment = [...initial.inAlignment];
		this.toMarkHeld = [...initial.toMarkHeld];
		this.toOpen = [...initial.toOpen];
	}

	/** Applies one event; false when the page must reload its data instead. */
	apply(event: RealtimeEvent): boolean {
		if (event.subjectType === 'agenda_item') {
			// Both lists see every item event: an item may leave one as it enters the other.
			const waiting = this.waiting.apply(event);
			return this.toMarkTreated.apply(event) && waiting;
		}
		if (event.type === 'agenda.approval_recorded.v1' || event.type === 'agenda.approval_reset.v1')
			return this.#applyWord(event);
		const change = meetingChangeOf(event);
		if (change.kind === 'none') return true;
		if (change.kind !== 'renamed') return false;
		if (!this.#newest.isNewest(`meeting:${change.meetingId}`, event.id)) return true;
		this.inAlignment = this.inAlignment.map((row) => patchMeeting(row, change));
		this.toMarkHeld = this.toMarkHeld.map((row) => patchMeeting(row, change));
		this.toOpen = this.toOpen.map((row) => patchMeeting(row, change));
		return true;
	}

	/** A party's akkoord counts while it stands: recorded as akkoord, and not reset since. */
	#applyWord(event: RealtimeEvent): boolean {
		const parsed = parsePayload(event);
		if (!parsed || !event.meetingId) return false;
		if (parsed.type !== 'agenda.approval_recorded.v1' && parsed.type !== 'agenda.approval_reset.v1')
			return false;
		const party = parsed.payload.party;
		if (!this.#newest.isNewest(`word:${event.meetingId}:${party}`, event.id)) return true;
		const stands =
			parsed.type === 'agenda.approval_recorded.v1' && parsed.payload.decision === 'akkoord';
		this.inAlignment = this.inAlignment.map((row) =>
			row.id !== event.meetingId
				? row
				: {
						...row,
						akkoordParties: [
							...row.akkoordParties.filter((other) => other !== party),
							...(stands ? [party] : [])
						].sort((x, y) => partyOrder.indexOf(x) - partyOrder.indexOf(y))
					}
		);
		return true;
	}
}

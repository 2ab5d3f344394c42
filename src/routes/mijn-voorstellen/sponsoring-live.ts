import type { RealtimeEvent } from '$lib/realtime/protocol';

/**
 * Whether an event changes the co-sponsoring sections of Mijn voorstellen: a request to the
 * viewer's party or its answer, or any change to an item they show. Those few the page does not
 * apply itself: it loads its data again (the sections need the server's rows: who asked, when).
 * Every other event goes to the list of the organisation's own items, which applies it in place.
 */
export function concernsSponsoring(
	event: RealtimeEvent,
	party: string | null,
	shown: ReadonlySet<string>
): boolean {
	if (!party || event.subjectType !== 'agenda_item') return false;
	if (shown.has(event.subjectId)) return true;
	return event.type.startsWith('agenda_item.co_sponsor_') && event.payload.party === party;
}

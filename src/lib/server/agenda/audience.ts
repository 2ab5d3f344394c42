import type { Placeholder } from 'drizzle-orm';
import { visibleToPrincipal, type AudienceKeys, type Principal } from '../audience';
import { agendaItems } from '../db/schema';
import type { EventInput } from '../events';

/*
 * Who sees an agenda item and what is said about it. The rule itself is the item's generated
 * `audience` column (schema/agenda.ts: a concept is its organisation's until it is submitted, then
 * the table's); the gate (agenda_item.read), the lists, the item's events and so its socket rooms
 * and replay all read that column through this module, never the rule again.
 */

/** Items the principal may see, as a SQL condition for a list query (or a prepared one's). */
export const itemsVisibleTo = (principal: Principal | null | Placeholder) =>
	visibleToPrincipal(agendaItems.audience, principal);

/** Who may see an event about this item: whoever may see the item, as it is after the change. */
export function itemAudience(item: { audience: AudienceKeys }): Pick<EventInput, 'audience'> {
	return { audience: item.audience };
}

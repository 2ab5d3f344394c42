import { agendaRules } from './agenda-rules';
import { agreementRules } from './agreement-rules';
import { decisionListRules } from './decision-list-rules';
import { financeRules } from './finance-rules';
import { itemRules, lateSubmissionRule } from './item-rules';
import type { NotificationRule, SourceEvent } from './rule';

/**
 * Who gets what: the one table of notifications (the README shows it). Each row says which
 * committed events give rise to it, who it reaches (computed from the event and the database, in
 * the event's own transaction), what it says in Dutch and English and where the person acts.
 * The one who caused the event is never notified of it. The rows live per domain; their order
 * here is the order of the preferences page.
 */
export const notificationTable: readonly NotificationRule[] = [
	...agendaRules,
	...itemRules,
	...decisionListRules,
	lateSubmissionRule,
	// The agreements' reminders: 14 and 3 days before, the day after, a closing consultation.
	...agreementRules,
	// The money: changed figures to the receiving koepel, a disagreement to who recorded them.
	...financeRules
];

export const notificationKinds = notificationTable.map((rule) => rule.kind);
export const ruleOfKind = new Map(notificationTable.map((rule) => [rule.kind, rule]));
const rulesByEvent = new Map<string, NotificationRule[]>();
for (const rule of notificationTable) {
	for (const type of rule.events) rulesByEvent.set(type, [...(rulesByEvent.get(type) ?? []), rule]);
}

/** The rows an event gives rise to (cheap: most events have none). */
export function rulesFor(event: SourceEvent): NotificationRule[] {
	return (rulesByEvent.get(event.type) ?? []).filter((rule) => !rule.when || rule.when(event));
}

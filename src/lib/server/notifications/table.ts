import type { Executor } from '../db';
import type { NotificationLanguage, Party } from '../db/schema';
import { activePerson, peopleOfParty, peopleWithRole } from './recipients';
import { agreementRules } from './agreement-rules';

/**
 * Who gets what: the one table of notifications (the README shows it). Each row says which
 * committed events give rise to it, who it reaches (computed from the event and the database, in
 * the event's own transaction), what it says in Dutch and English and where the person acts.
 * The one who caused the event is never notified of it.
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

const allParties: Party[] = ['rijk', 'vng', 'ipo', 'uvw'];
const bestuurders = ['bestuurder'] as const;
const answering = ['medewerker', 'bestuurder'] as const;

const meetingLink = (event: SourceEvent) => `/vergaderingen/${event.meetingId ?? event.subjectId}`;
const itemLink = (event: SourceEvent) => `/agendapunten/${event.subjectId}`;
const listLink = (event: SourceEvent) => `/vergaderingen/${event.meetingId}/besluitenlijst`;
const party = (event: SourceEvent) => event.payload.party as Party;
const proposer = (db: Executor, event: SourceEvent) => activePerson(db, event.payload.proposedBy);

export const notificationTable: readonly NotificationRule[] = [
	{
		kind: 'agenda_awaits_approval',
		events: ['meeting.alignment_started.v1', 'agenda.reopened.v1'],
		who: 'de bestuurders van elke partij',
		recipients: (db) => peopleOfParty(db, allParties, bestuurders),
		link: meetingLink,
		text: {
			nl: (p) => ({
				subject: `Uw akkoord gevraagd: agenda van ${p.meeting}`,
				body: `De agenda van ${p.meeting} is in afstemming en wacht op het akkoord of bezwaar van uw partij.`
			}),
			en: (p) => ({
				subject: `Your approval is asked: agenda of ${p.meeting}`,
				body: `The agenda of ${p.meeting} is being agreed and waits for your party's approval or objection.`
			})
		}
	},
	{
		kind: 'approval_reminder',
		events: ['agenda.approval_reminder_due.v1'],
		who: 'de bestuurders van elke partij die 2 dagen voor de vergadering nog geen akkoord gaf',
		recipients: (db, event) =>
			peopleOfParty(db, (event.payload.parties as Party[]) ?? [], bestuurders),
		link: meetingLink,
		text: {
			nl: (p) => ({
				subject: `Nog 2 dagen: uw akkoord op de agenda van ${p.meeting}`,
				body: `${p.meeting} begint ${p.startsAt}. De agenda wacht nog op het akkoord of bezwaar van uw partij.`
			}),
			en: (p) => ({
				subject: `2 days left: your approval of the agenda of ${p.meeting}`,
				body: `${p.meeting} starts ${p.startsAtEn}. The agenda still waits for your party's approval or objection.`
			})
		}
	},
	{
		kind: 'approval_reset',
		events: ['agenda.approval_reset.v1'],
		who: 'de bestuurders van de partij waarvan het akkoord verviel',
		recipients: (db, event) => peopleOfParty(db, party(event), bestuurders),
		link: meetingLink,
		text: {
			nl: (p) => ({
				subject: `Opnieuw beoordelen: agenda van ${p.meeting}`,
				body: `De agenda van ${p.meeting} is gewijzigd, daardoor geldt het akkoord van uw partij niet meer. Bekijk wat er veranderde en geef opnieuw uw oordeel.`
			}),
			en: (p) => ({
				subject: `Please judge again: agenda of ${p.meeting}`,
				body: `The agenda of ${p.meeting} changed, so your party's approval no longer holds. See what changed and give your judgement again.`
			})
		}
	},
	{
		kind: 'co_sponsor_requested',
		events: ['agenda_item.co_sponsor_invited.v1'],
		who: 'de medewerkers en bestuurders van de gevraagde partij',
		recipients: (db, event) => peopleOfParty(db, party(event), answering),
		link: itemLink,
		text: {
			nl: (p) => ({
				subject: `Mede-indienen gevraagd: ${p.item}`,
				body: `${cap(p.proposerNl)} vraagt uw partij mede-indiener te worden van „${p.item}”. Kies mede-indienen of afzien.`
			}),
			en: (p) => ({
				subject: `Co-sponsoring asked: ${p.item}`,
				body: `${cap(p.proposerEn)} asks your party to co-sponsor "${p.item}". Choose to co-sponsor or to decline.`
			})
		}
	},
	{
		kind: 'co_sponsor_answered',
		events: ['agenda_item.co_sponsor_responded.v1'],
		who: 'wie het punt indiende',
		recipients: proposer,
		link: itemLink,
		text: {
			nl: (p) => ({
				subject:
					p.accepted === 'true'
						? `${cap(p.partyNl)} dient mede in: ${p.item}`
						: `${cap(p.partyNl)} ziet af van mede-indienen: ${p.item}`,
				body:
					p.accepted === 'true'
						? `${cap(p.partyNl)} is mede-indiener van „${p.item}”.`
						: `${cap(p.partyNl)} ziet af van mede-indienen van „${p.item}”. U kunt een andere partij vragen.`
			}),
			en: (p) => ({
				subject:
					p.accepted === 'true'
						? `${cap(p.partyEn)} co-sponsors: ${p.item}`
						: `${cap(p.partyEn)} declines to co-sponsor: ${p.item}`,
				body:
					p.accepted === 'true'
						? `${cap(p.partyEn)} now co-sponsors "${p.item}".`
						: `${cap(p.partyEn)} declines to co-sponsor "${p.item}". You may ask another party.`
			})
		}
	},
	itemRule('item_placed', 'agenda_item.placed.v1', {
		nl: (p) => ({
			subject: `Geagendeerd: ${p.item}`,
			body: `Uw agendapunt „${p.item}” staat op de agenda van ${p.meeting}.`
		}),
		en: (p) => ({
			subject: `On the agenda: ${p.item}`,
			body: `Your item "${p.item}" is on the agenda of ${p.meeting}.`
		})
	}),
	itemRule(
		'item_deferred',
		'agenda_item.deferred.v1',
		{
			nl: (p) => ({
				subject: `Aangehouden: ${p.item}`,
				body: `Uw agendapunt „${p.item}” is aangehouden: ${p.reason}. Bekijk of het naar een volgende vergadering kan.`
			}),
			en: (p) => ({
				subject: `Deferred: ${p.item}`,
				body: `Your item "${p.item}" was deferred: ${p.reason}. See whether it can go to a later meeting.`
			})
		},
		nowDeferred
	),
	itemRule('item_declined', 'agenda_item.declined.v1', {
		nl: (p) => ({
			subject: `Afgewezen: ${p.item}`,
			body: `Uw agendapunt „${p.item}” is afgewezen: ${p.reason}.`
		}),
		en: (p) => ({
			subject: `Declined: ${p.item}`,
			body: `Your item "${p.item}" was declined: ${p.reason}.`
		})
	}),
	itemRule('item_treated', 'agenda_item.treated.v1', {
		nl: (p) => ({
			subject: `Behandeld: ${p.item}`,
			body: `Uw agendapunt „${p.item}” is behandeld in ${p.meeting}.`
		}),
		en: (p) => ({
			subject: `Dealt with: ${p.item}`,
			body: `Your item "${p.item}" was dealt with in ${p.meeting}.`
		})
	}),
	{
		kind: 'decision_list_awaits_verification',
		events: ['decision_list.verification_started.v1'],
		who: 'de bestuurders van elke partij',
		recipients: (db) => peopleOfParty(db, allParties, bestuurders),
		link: listLink,
		text: {
			nl: (p) => ({
				subject: `Uw verificatie gevraagd: besluitenlijst van ${p.meeting}`,
				body: `De besluitenlijst van ${p.meeting} ligt ter verificatie. Geef akkoord of stel per besluit een correctie voor, uiterlijk ${p.closesAt}.`
			}),
			en: (p) => ({
				subject: `Your verification is asked: decisions of ${p.meeting}`,
				body: `The list of decisions of ${p.meeting} awaits verification. Agree or propose a correction per decision, by ${p.closesAt}.`
			})
		}
	},
	{
		kind: 'decision_list_reset',
		events: ['decision_list.verification_reset.v1'],
		who: 'de bestuurders van de partij waarvan het akkoord verviel',
		recipients: (db, event) => peopleOfParty(db, party(event), bestuurders),
		link: listLink,
		text: {
			nl: (p) => ({
				subject: `Opnieuw verifiëren: besluitenlijst van ${p.meeting}`,
				body: `De besluitenlijst van ${p.meeting} is gewijzigd, daardoor geldt het akkoord van uw partij niet meer. Bekijk wat er veranderde en geef opnieuw uw akkoord.`
			}),
			en: (p) => ({
				subject: `Please verify again: decisions of ${p.meeting}`,
				body: `The list of decisions of ${p.meeting} changed, so your party's agreement no longer holds. See what changed and agree again.`
			})
		}
	},
	{
		kind: 'decision_correction_proposed',
		events: ['decision_list.correction_proposed.v1'],
		who: 'het secretariaat',
		recipients: (db) => peopleWithRole(db, 'secretariaat'),
		link: listLink,
		text: {
			nl: (p) => ({
				subject: `Correctie voorgesteld: besluitenlijst van ${p.meeting}`,
				body: `${cap(p.partyNl)} stelt een correctie voor op de besluitenlijst van ${p.meeting}. Neem haar over of wijs haar af met een reden.`
			}),
			en: (p) => ({
				subject: `Correction proposed: decisions of ${p.meeting}`,
				body: `${cap(p.partyEn)} proposes a correction to the list of decisions of ${p.meeting}. Take it over or decline it with a reason.`
			})
		}
	},
	{
		kind: 'late_submission',
		events: ['agenda_item.submitted.v1'],
		who: 'het secretariaat',
		when: (event) => event.payload.late === true,
		recipients: (db) => peopleWithRole(db, 'secretariaat'),
		link: itemLink,
		text: {
			nl: (p) => ({
				subject: `Te laat ingediend, uw besluit gevraagd: ${p.item}`,
				body: `„${p.item}” is na de indientermijn van ${p.meeting} ingediend. Laat het toe of houd het aan.`
			}),
			en: (p) => ({
				subject: `Submitted late, your decision is asked: ${p.item}`,
				body: `"${p.item}" was submitted after the deadline of ${p.meeting}. Admit it or defer it.`
			})
		}
	},
	// The agreements' reminders: 14 and 3 days before, the day after, a closing consultation.
	...agreementRules
];

/** The proposer hears what became of their item. */
function itemRule(
	kind: string,
	type: string,
	text: NotificationRule['text'],
	when?: NotificationRule['when']
): NotificationRule {
	return {
		kind,
		events: [type],
		who: 'wie het punt indiende',
		when,
		recipients: proposer,
		link: itemLink,
		text
	};
}

/** A concept of a cancelled meeting also "moves" (back to unscheduled), but is not aangehouden. */
function nowDeferred(event: SourceEvent): boolean {
	return (event.payload.row as { status?: string } | undefined)?.status === 'aangehouden';
}

function cap(text: string | undefined): string {
	return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
}

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

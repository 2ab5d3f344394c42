import type { Executor } from '../db';
import { activePerson, peopleOfParty, peopleWithRole } from './recipients';
import { cap, party, type NotificationRule, type SourceEvent } from './rule';

/**
 * An agenda item's rows: the party asked to co-sponsor and the proposer's answer, what became of
 * the item, and a submission after the deadline for the secretariaat.
 */

const answering = ['medewerker', 'bestuurder'] as const;
const itemLink = (event: SourceEvent) => `/agendapunten/${event.subjectId}`;
const proposer = (db: Executor, event: SourceEvent) => activePerson(db, event.payload.proposedBy);

export const itemRules: NotificationRule[] = [
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
	})
];

export const lateSubmissionRule: NotificationRule = {
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
};

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

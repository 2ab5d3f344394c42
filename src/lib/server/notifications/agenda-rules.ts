import type { Party } from '../db/schema';
import { peopleOfParty } from './recipients';
import { allParties, bestuurders, party, type NotificationRule, type SourceEvent } from './rule';

/** The bestuurders' word on a meeting's agenda: asked, reminded, and asked again after a change. */

const meetingLink = (event: SourceEvent) => `/vergaderingen/${event.meetingId ?? event.subjectId}`;

export const agendaRules: NotificationRule[] = [
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
	}
];

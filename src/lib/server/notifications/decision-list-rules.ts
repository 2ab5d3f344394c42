import { peopleOfParty, peopleWithRole } from './recipients';
import {
	allParties,
	bestuurders,
	cap,
	party,
	type NotificationRule,
	type SourceEvent
} from './rule';

/** The besluitenlijst's verification: asked of each party, asked again, a correction proposed. */

const listLink = (event: SourceEvent) => `/vergaderingen/${event.meetingId}/besluitenlijst`;

export const decisionListRules: NotificationRule[] = [
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
	}
];

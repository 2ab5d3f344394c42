import {
	amongResponsibleParties,
	financeStaffOrSecretariat,
	inviteWithinOwnRank,
	ownComment,
	ownCommentOrSecretariat,
	ownOnly,
	ownOrganisation,
	ownOrganisationOrSecretariat,
	ownParty,
	ownPartyWithDelegation,
	receivingPartyOrFinanceStaff,
	someoneElse,
	statusByOwnerOrSecretariat,
	withinAudience,
	type Actor,
	type Verdict
} from './access-subjects';
import type { Role } from './db/schema';
import { roles } from './db/schema';

/**
 * The role × permission table: who holds which permission, and the rule on the subject that
 * decides further. docs/permissions.md shows it to people; the gate (src/lib/server/access.ts)
 * applies it.
 */

export type Rule = {
	/** Roles that hold the permission at all. */
	roles: readonly Role[];
	/** A write needs a read-write token when the actor comes through the API. */
	write: boolean;
	/** People shown in docs/permissions.md. */
	description: string;
	/** Further conditions on the subject: 'hidden' answers 404, 'forbidden' 403. */
	check?: (actor: Actor, subject: never) => Verdict;
};

const everyone = roles;
const participants = ['medewerker', 'bestuurder', 'secretariaat'] as const satisfies Role[];

export const permissionRules = {
	'organisation.read': {
		roles: everyone,
		write: false,
		description: 'De organisaties aan tafel bekijken'
	},
	'account.read': {
		roles: everyone,
		write: false,
		description: 'Het eigen account en de eigen sessies bekijken',
		check: ownOnly
	},
	'account.manage': {
		roles: everyone,
		write: true,
		description:
			'Het eigen wachtwoord, de eigen sessies, tweestapsverificatie en API-tokens beheren',
		check: ownOnly
	},
	'person.list': {
		roles: ['secretariaat', 'beheerder'],
		write: false,
		description: 'Personen en openstaande uitnodigingen bekijken'
	},
	'person.invite': {
		roles: ['secretariaat', 'beheerder'],
		write: true,
		description: 'Iemand uitnodigen (het secretariaat nodigt geen beheerders uit)',
		check: inviteWithinOwnRank
	},
	'person.change_role': {
		roles: ['beheerder'],
		write: true,
		description: 'De rol van een ander wijzigen',
		check: someoneElse
	},
	'person.disable': {
		roles: ['beheerder'],
		write: true,
		description: 'Een account van een ander blokkeren of weer toelaten',
		check: someoneElse
	},
	'audit.read': {
		roles: ['beheerder'],
		write: false,
		description: 'Het auditlogboek lezen'
	},
	'meeting.read': {
		roles: everyone,
		write: false,
		description: 'Vergaderingen en hun agenda bekijken'
	},
	'meeting.manage': {
		roles: ['secretariaat'],
		write: true,
		description: 'Vergaderingen plannen, wijzigen, openzetten, annuleren en als gehouden markeren'
	},
	'agenda_item.read': {
		roles: everyone,
		write: false,
		description:
			'Een agendapunt bekijken, met reacties en geschiedenis (een concept alleen binnen de eigen organisatie)',
		check: withinAudience
	},
	'agenda_item.draft': {
		roles: participants,
		write: true,
		description: 'Een agendapunt opstellen, voor een vergadering of voor de lijst nog te agenderen'
	},
	'agenda_item.propose': {
		roles: participants,
		write: true,
		description:
			'Een agendapunt van de eigen organisatie bewerken, indienen, intrekken en mede-indieners uitnodigen',
		check: ownOrganisation
	},
	'agenda_item.schedule': {
		roles: ['secretariaat'],
		write: true,
		description:
			'Agendapunten agenderen, ordenen, aanhouden, afwijzen, als behandeld markeren en late indiening toestaan'
	},
	'decision.record': {
		roles: ['secretariaat'],
		write: true,
		description:
			'De vergadermodus openen, besluiten en toezeggingen vastleggen en niet behandelde punten verplaatsen'
	},
	'decision_list.manage': {
		roles: ['secretariaat'],
		write: true,
		description:
			'De besluitenlijst ter verificatie sturen, correcties beantwoorden, de lijst vaststellen en publiceren'
	},
	'co_sponsor.respond': {
		roles: ['medewerker', 'bestuurder'],
		write: true,
		description: 'Namens de eigen partij een verzoek om mede-indiener te zijn aannemen of afslaan',
		check: ownParty
	},
	'agenda.approve': {
		roles: ['bestuurder'],
		write: true,
		description: 'Namens de eigen partij akkoord geven op een agenda of bezwaar maken',
		check: ownParty
	},
	'agenda.adopt': {
		roles: ['secretariaat'],
		write: true,
		description: 'Een agenda vaststellen of met een reden heropenen'
	},
	'comment.write': {
		roles: participants,
		write: true,
		description: 'Reageren op een agendapunt dat men kan zien (één niveau van antwoorden)'
	},
	'comment.edit': {
		roles: participants,
		write: true,
		description: 'De eigen reactie bewerken',
		check: ownComment
	},
	'comment.delete': {
		roles: participants,
		write: true,
		description:
			'De eigen reactie verwijderen (het secretariaat ook die van een ander); er blijft een spoor',
		check: ownCommentOrSecretariat
	},
	'agenda.approve_delegated': {
		roles: ['medewerker'],
		write: true,
		description:
			'Namens de eigen partij akkoord geven of bezwaar maken, met een machtiging van een bestuurder',
		check: ownPartyWithDelegation
	},
	'delegation.grant': {
		roles: ['bestuurder'],
		write: true,
		description:
			'Een medewerker van de eigen organisatie machtigen voor akkoord of bezwaar, en die machtiging intrekken',
		check: ownOrganisation
	},
	'delegation.read': {
		roles: ['medewerker', 'bestuurder'],
		write: false,
		description: 'De eigen machtigingen bekijken, gegeven of ontvangen'
	},
	'attachment.upload': {
		roles: participants,
		write: true,
		description:
			'Een bijlage toevoegen aan een agendapunt van de eigen organisatie (het secretariaat bij elk punt)',
		check: ownOrganisationOrSecretariat
	},
	'attachment.delete': {
		roles: participants,
		write: true,
		description:
			'Een bijlage verwijderen die de eigen organisatie toevoegde (het secretariaat elke); er blijft een spoor',
		check: ownOrganisationOrSecretariat
	},
	'calendar.feed': {
		roles: everyone,
		write: true,
		description: 'De eigen persoonlijke agendafeed aanmaken, vernieuwen en intrekken',
		check: ownOnly
	},
	'agreement.read': {
		roles: everyone,
		write: false,
		description: 'Afspraken bekijken, met actiehouders, voortgang, bekrachtiging en de keten',
		check: withinAudience
	},
	'agreement.manage': {
		roles: ['secretariaat'],
		write: true,
		description:
			'Afspraken maken, bewerken, actiehouders toevoegen en verwijderen, en afspraken doorverwijzen'
	},
	'agreement.set_status': {
		roles: ['medewerker', 'bestuurder', 'secretariaat'],
		write: true,
		description:
			'De status van een afspraak zetten (een actiehouder alleen in uitvoering of vertraagd)',
		check: statusByOwnerOrSecretariat
	},
	'agreement.progress': {
		roles: ['medewerker', 'bestuurder'],
		write: true,
		description:
			'Voortgang melden op een afspraak, voor het deel van de eigen partij als actiehouder',
		check: amongResponsibleParties
	},
	'agreement.ratify': {
		roles: ['medewerker', 'bestuurder'],
		write: true,
		description: 'De ledenraadpleging over een afspraak vastleggen, voor de eigen koepel',
		check: ownParty
	},
	'finance.read': {
		roles: everyone,
		write: false,
		description:
			'Financiële arrangementen, hun kasritme, grootboek, circulaires, totalen en taken bekijken',
		check: withinAudience
	},
	'finance.manage': {
		roles: ['medewerker', 'bestuurder', 'secretariaat'],
		write: true,
		description:
			'Financiële arrangementen maken en wijzigen, boekingen, circulaires en taken vastleggen (secretariaat, Financiën en BZK)',
		check: financeStaffOrSecretariat
	},
	'finance.mark': {
		roles: ['medewerker', 'bestuurder'],
		write: true,
		description:
			'Aangeven of de eigen koepel het eens is met de bedragen van een arrangement voor de eigen bestuurslaag',
		check: ownParty
	},
	'finance.comment': {
		roles: ['medewerker', 'bestuurder', 'secretariaat'],
		write: true,
		description:
			'Reageren op een financieel arrangement (de ontvangende koepel, het secretariaat, Financiën en BZK)',
		check: receivingPartyOrFinanceStaff
	},
	'finance.report_need': {
		roles: ['medewerker', 'bestuurder'],
		write: true,
		description:
			'De benodigde middelen voor een medebewindstaak melden, voor de eigen koepel als die de taak draagt',
		check: amongResponsibleParties
	}
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof permissionRules;
export const permissionNames = Object.keys(permissionRules) as Permission[];

/** The subject a permission's rule decides on; undefined where the role alone decides. */
export type SubjectOf<P extends Permission> = (typeof permissionRules)[P] extends {
	check: (actor: Actor, subject: infer S) => unknown;
}
	? S
	: undefined;

/** The role × permission table, as docs/permissions.md shows it (a test keeps them equal). */
export function permissionTable(): {
	permission: Permission;
	description: string;
	roles: Role[];
}[] {
	return permissionNames.map((permission) => ({
		permission,
		description: permissionRules[permission].description,
		roles: [...permissionRules[permission].roles]
	}));
}

import { canSee, type AudienceKeys } from './audience';
import type { Party, Role } from './db/schema';
import { roles } from './db/schema';

/**
 * The one authorization gate. Every verb calls requireAccess(actor, permission, subject) before it
 * reads or changes anything; routes, the API and socket handlers never decide access themselves.
 * What an actor may not see answers 404 (it does not exist for them); what they may see but not
 * change answers 403.
 */

/** Who is acting: a signed-in person, through a session or an API token. */
export interface Actor {
	personId: string;
	name: string;
	organisationId: string;
	/** The party the person's organisation speaks for; null for the secretariat. */
	party: Party | null;
	role: Role;
	via: 'session' | 'token';
	/** An API token may be read-only; a session may always write what the role allows. */
	scope: 'read' | 'write';
}

type Rule = {
	/** Roles that hold the permission at all. */
	roles: readonly Role[];
	/** A write needs a read-write token when the actor comes through the API. */
	write: boolean;
	/** People shown in docs/permissions.md. */
	description: string;
	/** Further conditions on the subject: 'hidden' answers 404, 'forbidden' 403. */
	check?: (actor: Actor, subject: never) => 'ok' | 'hidden' | 'forbidden';
};

const everyone = roles;

/** A subject that belongs to one person: their sessions, password, two-factor login, tokens. */
export interface OwnSubject {
	personId: string;
}
const ownOnly = (actor: Actor, subject: OwnSubject) =>
	subject.personId === actor.personId ? 'ok' : 'hidden';

export interface InviteSubject {
	role: Role;
}
export interface PersonSubject {
	personId: string;
}

/**
 * Something whose readers its audience names (src/lib/server/audience.ts): an agenda item carries
 * its own (a concept is its organisation's until it is submitted).
 */
export interface AudienceSubject {
	audience: AudienceKeys;
}
export interface OrganisationSubject {
	organisationId: string;
}
export interface PartySubject {
	party: Party;
}
export interface CommentSubject {
	authorId: string;
}
/** A party's approval recorded by a medewerker: allowed only with a live delegation. */
export interface DelegatedSubject {
	party: Party;
	delegated: boolean;
}
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
		check: (actor: Actor, subject: InviteSubject) =>
			subject.role === 'beheerder' && actor.role !== 'beheerder' ? 'forbidden' : 'ok'
	},
	'person.change_role': {
		roles: ['beheerder'],
		write: true,
		description: 'De rol van een ander wijzigen',
		check: (actor: Actor, subject: PersonSubject) =>
			subject.personId === actor.personId ? 'forbidden' : 'ok'
	},
	'person.disable': {
		roles: ['beheerder'],
		write: true,
		description: 'Een account van een ander blokkeren of weer toelaten',
		check: (actor: Actor, subject: PersonSubject) =>
			subject.personId === actor.personId ? 'forbidden' : 'ok'
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
		check: (actor: Actor, subject: AudienceSubject) =>
			canSee(actor, subject.audience) ? 'ok' : 'hidden'
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
		check: (actor: Actor, subject: OrganisationSubject) =>
			subject.organisationId === actor.organisationId ? 'ok' : 'forbidden'
	},
	'agenda_item.schedule': {
		roles: ['secretariaat'],
		write: true,
		description:
			'Agendapunten agenderen, ordenen, aanhouden, afwijzen, als behandeld markeren en late indiening toestaan'
	},
	'co_sponsor.respond': {
		roles: ['medewerker', 'bestuurder'],
		write: true,
		description: 'Namens de eigen partij een verzoek om mede-indiener te zijn aannemen of afslaan',
		check: (actor: Actor, subject: PartySubject) =>
			subject.party === actor.party ? 'ok' : 'forbidden'
	},
	'agenda.approve': {
		roles: ['bestuurder'],
		write: true,
		description: 'Namens de eigen partij akkoord geven op een agenda of bezwaar maken',
		check: (actor: Actor, subject: PartySubject) =>
			subject.party === actor.party ? 'ok' : 'forbidden'
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
		check: (actor: Actor, subject: CommentSubject) =>
			subject.authorId === actor.personId ? 'ok' : 'forbidden'
	},
	'comment.delete': {
		roles: participants,
		write: true,
		description:
			'De eigen reactie verwijderen (het secretariaat ook die van een ander); er blijft een spoor',
		check: (actor: Actor, subject: CommentSubject) =>
			subject.authorId === actor.personId || actor.role === 'secretariaat' ? 'ok' : 'forbidden'
	},
	'agenda.approve_delegated': {
		roles: ['medewerker'],
		write: true,
		description:
			'Namens de eigen partij akkoord geven of bezwaar maken, met een machtiging van een bestuurder',
		check: (actor: Actor, subject: DelegatedSubject) =>
			subject.party === actor.party && subject.delegated ? 'ok' : 'forbidden'
	},
	'delegation.grant': {
		roles: ['bestuurder'],
		write: true,
		description:
			'Een medewerker van de eigen organisatie machtigen voor akkoord of bezwaar, en die machtiging intrekken',
		check: (actor: Actor, subject: OrganisationSubject) =>
			subject.organisationId === actor.organisationId ? 'ok' : 'forbidden'
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
		check: (actor: Actor, subject: OrganisationSubject) =>
			subject.organisationId === actor.organisationId || actor.role === 'secretariaat'
				? 'ok'
				: 'forbidden'
	},
	'attachment.delete': {
		roles: participants,
		write: true,
		description:
			'Een bijlage verwijderen die de eigen organisatie toevoegde (het secretariaat elke); er blijft een spoor',
		check: (actor: Actor, subject: OrganisationSubject) =>
			subject.organisationId === actor.organisationId || actor.role === 'secretariaat'
				? 'ok'
				: 'forbidden'
	},
	'calendar.feed': {
		roles: everyone,
		write: true,
		description: 'De eigen persoonlijke agendafeed aanmaken, vernieuwen en intrekken',
		check: ownOnly
	}
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof permissionRules;
export const permissionNames = Object.keys(permissionRules) as Permission[];

type SubjectOf<P extends Permission> = (typeof permissionRules)[P] extends {
	check: (actor: Actor, subject: infer S) => unknown;
}
	? S
	: undefined;

export class AccessError extends Error {
	constructor(
		public readonly status: 403 | 404,
		message = status === 404 ? 'Niet gevonden.' : 'U mag dit niet doen.'
	) {
		super(message);
		this.name = 'AccessError';
	}
}

/** Answers without throwing: 'ok', 'hidden' (404) or 'forbidden' (403). */
export function decideAccess<P extends Permission>(
	actor: Actor | null,
	permission: P,
	...[subject]: SubjectOf<P> extends undefined ? [] : [SubjectOf<P>]
): 'ok' | 'hidden' | 'forbidden' {
	const rule: Rule = permissionRules[permission];
	if (!actor) return 'hidden';
	if (!rule.roles.includes(actor.role)) {
		// A permission that only concerns reading is invisible without it; a write is refused.
		return rule.write ? 'forbidden' : 'hidden';
	}
	if (rule.check) {
		const verdict = (rule.check as (a: Actor, s: unknown) => 'ok' | 'hidden' | 'forbidden')(
			actor,
			subject
		);
		if (verdict !== 'ok') return verdict;
	}
	if (rule.write && actor.scope !== 'write') return 'forbidden';
	return 'ok';
}

/** Throws AccessError (404 or 403) unless the actor holds the permission for this subject. */
export function requireAccess<P extends Permission>(
	actor: Actor | null,
	permission: P,
	...subject: SubjectOf<P> extends undefined ? [] : [SubjectOf<P>]
): asserts actor is Actor {
	const verdict = decideAccess(actor, permission, ...subject);
	if (verdict === 'hidden') throw new AccessError(404);
	if (verdict === 'forbidden') throw new AccessError(403);
}

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

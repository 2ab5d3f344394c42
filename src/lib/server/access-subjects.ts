import { canSee, type AudienceKeys } from './audience';
import type { Party, Role } from './db/schema';

/**
 * Who acts, and the subjects the gate decides on: each permission that looks past the role names
 * one of these subjects and one of the rules below (src/lib/server/permissions.ts).
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

/** 'hidden' answers 404 (it does not exist for the actor), 'forbidden' 403. */
export type Verdict = 'ok' | 'hidden' | 'forbidden';

/** A subject that belongs to one person: their sessions, password, two-factor login, tokens. */
export interface OwnSubject {
	personId: string;
}
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

/** Something some parties answer for: an agreement's responsible parties (actiehouders). */
export interface ResponsibleSubject {
	parties: readonly Party[];
}
/** A change of an agreement's status: `closing` is afgerond or vervallen. */
export interface StatusSubject extends ResponsibleSubject {
	closing: boolean;
}

/** Money: the secretariaat and the staff of Financiën and BZK (finance/staff.ts says who). */
export interface FinanceStaffSubject {
	financeStaff: boolean;
}
/** An arrangement's figures: the koepel of the receiving layer answers for them. */
export interface ReceivingSubject extends FinanceStaffSubject {
	party: Party;
}

/** What is someone's own does not exist for anyone else. */
export const ownOnly = (actor: Actor, subject: OwnSubject): Verdict =>
	subject.personId === actor.personId ? 'ok' : 'hidden';

/** The secretariat invites no beheerders: only a beheerder does. */
export const inviteWithinOwnRank = (actor: Actor, subject: InviteSubject): Verdict =>
	subject.role === 'beheerder' && actor.role !== 'beheerder' ? 'forbidden' : 'ok';

/** Nobody changes their own role or blocks themselves out. */
export const someoneElse = (actor: Actor, subject: PersonSubject): Verdict =>
	subject.personId === actor.personId ? 'forbidden' : 'ok';

export const withinAudience = (actor: Actor, subject: AudienceSubject): Verdict =>
	canSee(actor, subject.audience) ? 'ok' : 'hidden';

export const ownOrganisation = (actor: Actor, subject: OrganisationSubject): Verdict =>
	subject.organisationId === actor.organisationId ? 'ok' : 'forbidden';

/** The secretariat looks after every item's files; others only after their organisation's. */
export const ownOrganisationOrSecretariat = (
	actor: Actor,
	subject: OrganisationSubject
): Verdict =>
	subject.organisationId === actor.organisationId || actor.role === 'secretariaat'
		? 'ok'
		: 'forbidden';

export const ownParty = (actor: Actor, subject: PartySubject): Verdict =>
	subject.party === actor.party ? 'ok' : 'forbidden';

export const ownComment = (actor: Actor, subject: CommentSubject): Verdict =>
	subject.authorId === actor.personId ? 'ok' : 'forbidden';

/** The secretariat may remove anyone's comment (a trace remains); others only their own. */
export const ownCommentOrSecretariat = (actor: Actor, subject: CommentSubject): Verdict =>
	subject.authorId === actor.personId || actor.role === 'secretariaat' ? 'ok' : 'forbidden';

export const ownPartyWithDelegation = (actor: Actor, subject: DelegatedSubject): Verdict =>
	subject.party === actor.party && subject.delegated ? 'ok' : 'forbidden';

/** Only a responsible party reports on its part of an agreement. */
export const amongResponsibleParties = (actor: Actor, subject: ResponsibleSubject): Verdict =>
	actor.party !== null && subject.parties.includes(actor.party) ? 'ok' : 'forbidden';

/** The secretariat sets any status; a responsible party its own work's, never closing it. */
export const statusByOwnerOrSecretariat = (actor: Actor, subject: StatusSubject): Verdict =>
	actor.role === 'secretariaat' ||
	(!subject.closing && actor.party !== null && subject.parties.includes(actor.party))
		? 'ok'
		: 'forbidden';

/** The secretariaat, or staff of Financiën or BZK (whose figures they are). */
export const financeStaffOrSecretariat = (actor: Actor, subject: FinanceStaffSubject): Verdict =>
	actor.role === 'secretariaat' || subject.financeStaff ? 'ok' : 'forbidden';

/** The receiving koepel, and those who record the figures, discuss an arrangement. */
export const receivingPartyOrFinanceStaff = (actor: Actor, subject: ReceivingSubject): Verdict =>
	actor.party === subject.party ? 'ok' : financeStaffOrSecretariat(actor, subject);

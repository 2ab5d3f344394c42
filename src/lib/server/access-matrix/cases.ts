import { decideAccess, type Actor, type Permission } from '../access';
import type { Role } from '../db/schema';

/**
 * The shape of the access matrix's rows (index.ts gathers them per domain) and what the access
 * specs (access-matrix.spec.ts, access.spec.ts) build them from: the actor of a role, the subjects
 * that decide, and the gate under test. Test data: no verb imports it.
 */

export function actor(role: Role, overrides: Partial<Actor> = {}): Actor {
	return {
		personId: `person-${role}`,
		name: role,
		organisationId: 'org',
		party: role === 'secretariaat' || role === 'beheerder' ? null : 'vng',
		role,
		via: 'session',
		scope: 'write',
		...overrides
	};
}

export const own = (a: Actor) => ({ personId: a.personId });
export const other = { personId: 'someone-else' };

/** A subject of the gate, or 'own': the actor's own account or comment. */
type Subject = object | 'own';
export type Case = {
	permission: Permission;
	allowed: [Role, Subject?][];
	denied: [Role | null, Subject | undefined, 'hidden' | 'forbidden'][];
};
// Agenda items as the gate sees them: by their stored audience (schema/agenda.ts).
export const conceptOfOwn = { audience: ['organisation:org'] };
export const conceptOfOther = { audience: ['organisation:other-org'] };
export const submittedOfOther = { audience: ['table'] };
export const ownOrganisation = { organisationId: 'org' };
export const otherOrganisation = { organisationId: 'other-org' };
const ownComment = (a: Actor) => ({ authorId: a.personId });
export const commentOfOther = { authorId: 'someone-else' };

export const subjectFor = (a: Actor, subject: Subject | undefined) =>
	subject === 'own' ? { ...own(a), ...ownComment(a) } : subject;
export const decide = (a: Actor | null, permission: Permission, subject: unknown) =>
	(decideAccess as (a: Actor | null, p: Permission, s?: unknown) => string)(a, permission, subject);

import type { Actor, Verdict } from './access-subjects';
import { permissionRules, type Permission, type Rule, type SubjectOf } from './permissions';

/**
 * The one authorization gate. Every verb calls requireAccess(actor, permission, subject) before it
 * reads or changes anything; routes, the API and socket handlers never decide access themselves.
 * What an actor may not see answers 404 (it does not exist for them); what they may see but not
 * change answers 403. Who holds what is the table in ./permissions; the subjects and their rules
 * are in ./access-subjects. Both are re-exported here, so that a verb imports the gate alone.
 */

export type {
	Actor,
	AudienceSubject,
	CommentSubject,
	DelegatedSubject,
	InviteSubject,
	OrganisationSubject,
	OwnSubject,
	PartySubject,
	PersonSubject,
	ResponsibleSubject,
	StatusSubject,
	Verdict
} from './access-subjects';
export { permissionNames, permissionRules, permissionTable, type Permission } from './permissions';

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
): Verdict {
	const rule: Rule = permissionRules[permission];
	if (!actor) return 'hidden';
	if (!rule.roles.includes(actor.role)) {
		// A permission that only concerns reading is invisible without it; a write is refused.
		return rule.write ? 'forbidden' : 'hidden';
	}
	if (rule.check) {
		const verdict = (rule.check as (a: Actor, s: unknown) => Verdict)(actor, subject);
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

import { audiences } from '../audience';
import { disconnectSockets } from '../realtime/disconnect';
import { eq, sql } from 'drizzle-orm';
import { transaction } from '../db';
import { people } from '../db/schema';
import { appendEvents } from '../events';
import { requireAccess, type Actor } from '../access';
import { invalidatePersonSessions } from '../auth/session';
import { fieldErrors, InvalidInputError } from '../kernel/errors';
import { type RequestContext } from './context';
import { changeRoleSchema } from './schemas';

/**
 * What a beheerder does to another's account: change the role, block it or let it in again. The
 * list is in ./people-queries, joining through an invitation in ./invitations.
 */

export async function changeRole(actor: Actor, input: unknown, context: RequestContext) {
	requireAccess(actor, 'person.list');
	const parsed = changeRoleSchema.safeParse(input);
	if (!parsed.success) throw new InvalidInputError(fieldErrors(parsed.error.issues));
	const { personId, role } = parsed.data;
	await transaction(async (tx) => {
		const [person] = await tx.select().from(people).where(eq(people.id, personId));
		if (!person) throw new InvalidInputError({ personId: 'Deze persoon bestaat niet.' });
		requireAccess(actor, 'person.change_role', { personId });
		if (person.role === role) return;
		await tx
			.update(people)
			.set({ role, version: sql`${people.version} + 1`, updatedAt: new Date() })
			.where(eq(people.id, personId));
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			{
				type: 'auth.role_changed.v1',
				subjectType: 'person',
				subjectId: personId,
				audience: audiences.audit,
				payload: { from: person.role, to: role }
			}
		]);
	});
}

/** Disables an account (ending all its sessions at once) or enables it again. */
export async function setDisabled(
	actor: Actor,
	personId: string,
	disabled: boolean,
	context: RequestContext
) {
	requireAccess(actor, 'person.list');
	await transaction(async (tx) => {
		const [person] = await tx.select().from(people).where(eq(people.id, personId));
		if (!person) throw new InvalidInputError({ personId: 'Deze persoon bestaat niet.' });
		requireAccess(actor, 'person.disable', { personId });
		if ((person.disabledAt !== null) === disabled) return;
		await tx
			.update(people)
			.set({
				disabledAt: disabled ? new Date() : null,
				version: sql`${people.version} + 1`,
				updatedAt: new Date()
			})
			.where(eq(people.id, personId));
		const ended = disabled ? await invalidatePersonSessions(tx, personId) : [];
		// Sockets of API tokens too: the person behind them may no longer act.
		if (disabled) disconnectSockets({ personId });
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			{
				type: disabled ? 'auth.account_disabled.v1' : 'auth.account_enabled.v1',
				subjectType: 'person',
				subjectId: personId,
				audience: audiences.audit,
				payload: { sessionsEnded: ended.length }
			}
		]);
	});
}

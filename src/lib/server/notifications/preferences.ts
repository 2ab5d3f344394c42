import { eq, sql } from 'drizzle-orm';
import { transaction, useDb, type Executor } from '../db';
import { notificationPreferences, type NotificationLanguage } from '../db/schema';
import { appendEvents } from '../events';
import type { EventPayload } from '../../realtime/event-payloads';
import { requireAccess, type Actor } from '../access';
import type { RequestContext } from '../identity/context';
import { parseInput } from '../kernel/input';
import { StaleVersionError } from '../kernel/errors';
import { preferencesSchema } from './schemas';
import { notificationTable } from './table';

export interface PreferencesView {
	version: number;
	language: NotificationLanguage;
	digest: boolean;
	digestTime: string;
	kinds: Array<{ kind: string; who: string; mail: boolean }>;
}

const labels = {
	language: 'taal',
	mailKinds: 'e-mail per soort',
	digest: 'dagelijkse samenvatting',
	digestTime: 'tijd'
};

export async function languageOf(db: Executor, personId: string): Promise<NotificationLanguage> {
	const [row] = await db
		.select({ language: notificationPreferences.language })
		.from(notificationPreferences)
		.where(eq(notificationPreferences.personId, personId));
	return row?.language ?? 'nl';
}

/** The actor's own mail choices; without a row the defaults (every kind by mail, in Dutch). */
export async function getNotificationPreferences(actor: Actor): Promise<PreferencesView> {
	requireAccess(actor, 'account.read', { personId: actor?.personId ?? '' });
	const db = await useDb();
	const [row] = await db
		.select()
		.from(notificationPreferences)
		.where(eq(notificationPreferences.personId, actor.personId));
	const muted = row?.mutedKinds ?? [];
	const minute = row?.digestMinute ?? 480;
	return {
		version: row?.version ?? 1,
		language: row?.language ?? 'nl',
		digest: row?.digest ?? false,
		digestTime: `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`,
		kinds: notificationTable.map((rule) => ({
			kind: rule.kind,
			who: rule.who,
			mail: !muted.includes(rule.kind)
		}))
	};
}

/** Saves the actor's choices; a stale version (another device saved first) is a conflict. */
export async function updateNotificationPreferences(
	actor: Actor,
	input: unknown,
	context: RequestContext = {}
): Promise<PreferencesView> {
	requireAccess(actor, 'account.manage', { personId: actor?.personId ?? '' });
	const parsed = parseInput(preferencesSchema, input);
	const [hours, minutes] = parsed.digestTime.split(':').map(Number);
	const values = {
		language: parsed.language,
		mutedKinds: notificationTable
			.map((rule) => rule.kind)
			.filter((kind) => !parsed.mailKinds.includes(kind)),
		digest: parsed.digest,
		digestMinute: hours! * 60 + minutes!,
		updatedAt: new Date()
	};
	await transaction(async (tx) => {
		const [row] = await tx
			.select()
			.from(notificationPreferences)
			.where(eq(notificationPreferences.personId, actor.personId))
			.for('update');
		const current = row?.version ?? 1;
		if (current !== parsed.version) throw new StaleVersionError(current, [], labels);
		if (row) {
			await tx
				.update(notificationPreferences)
				.set({ ...values, version: sql`${notificationPreferences.version} + 1` })
				.where(eq(notificationPreferences.personId, actor.personId));
		} else {
			await tx
				.insert(notificationPreferences)
				.values({ personId: actor.personId, ...values, version: 2 });
		}
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			{
				type: 'notification.preferences_changed.v1',
				subjectType: 'person',
				subjectId: actor.personId,
				audience: { kind: 'person', personId: actor.personId },
				payload: {
					language: values.language,
					digest: values.digest,
					muted: values.mutedKinds
				} satisfies EventPayload<'notification.preferences_changed.v1'>
			}
		]);
	});
	return getNotificationPreferences(actor);
}

function pad(value: number): string {
	return String(value).padStart(2, '0');
}

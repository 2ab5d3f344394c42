import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AccessError } from '../../../src/lib/server/access';
import { inviteCoSponsor } from '../../../src/lib/server/agenda';
import { useDb } from '../../../src/lib/server/db';
import { events } from '../../../src/lib/server/db/schema';
import { ConflictError, InvalidInputError } from '../../../src/lib/server/kernel/errors';
import {
	getNotificationPreferences,
	listNotifications,
	markNotificationsRead,
	runDueJobs,
	updateNotificationPreferences
} from '../../../src/lib/server/notifications';
import { nextDigestAt } from '../../../src/lib/server/notifications/schedule';
import { desc, eq } from 'drizzle-orm';
import { useProcessDatabase } from '../process-env';
import { createTeam, rejection, submitted, type Team } from '../agenda/fixtures';
import { clearNotifications, mailsAfterWork } from './fixtures';
import { startSmtpSink, type SmtpSink } from './smtp-sink';

/** The person's list and their choices for mail: each verb allowed and denied. */
useProcessDatabase();

let team: Team;
let sink: SmtpSink;
beforeAll(async () => {
	sink = await startSmtpSink();
	team = await createTeam();
});
afterAll(async () => {
	await sink.close();
	delete process.env.SMTP_URL;
});
beforeEach(async () => clearNotifications(sink));

const readOnly = (actor: Team[keyof Team]) => ({
	...actor,
	via: 'token' as const,
	scope: 'read' as const
});

/** IPO is asked to co-sponsor: both IPO people get a notification. */
async function askIpo() {
	const item = await submitted(team.vngMedewerker, null);
	await inviteCoSponsor(team.vngMedewerker, item.id, { party: 'ipo' });
	return item;
}

describe('listNotifications', () => {
	it('allowed: one’s own list, newest first, with the unread count, in the chosen language', async () => {
		const first = await askIpo();
		const second = await askIpo();
		const list = await listNotifications(team.ipoMedewerker);
		expect(list.unread).toBe(2);
		expect(list.notifications.map((row) => row.link)).toEqual([
			`/agendapunten/${second.id}`,
			`/agendapunten/${first.id}`
		]);
		expect(list.notifications[0]).toMatchObject({
			kind: 'co_sponsor_requested',
			subject: expect.stringMatching(/^Mede-indienen gevraagd: /),
			readAt: null
		});
		const english = await listNotifications(team.ipoMedewerker, {}, 'en');
		expect(english.notifications[0]!.subject).toMatch(/^Co-sponsoring asked: /);
	});

	it('denied: nobody signed in (404); someone else’s list is never in one’s own', async () => {
		await askIpo();
		const anonymous = await rejection(listNotifications(null as never));
		expect((anonymous as AccessError).status).toBe(404);
		expect((await listNotifications(team.uvwMedewerker)).notifications).toEqual([]);
		const bad = await rejection(listNotifications(team.ipoMedewerker, { limit: 1000 }));
		expect(bad).toBeInstanceOf(InvalidInputError);
	});
});

describe('markNotificationsRead', () => {
	it('allowed: one, then all; the count drops and the person’s devices hear it', async () => {
		await askIpo();
		await askIpo();
		const [newest] = (await listNotifications(team.ipoBestuurder)).notifications;
		const one = await markNotificationsRead(team.ipoBestuurder, { ids: [newest!.id] });
		expect(one).toEqual({ marked: [newest!.id], unread: 1 });
		// Marked once: again changes nothing.
		expect(await markNotificationsRead(team.ipoBestuurder, { ids: [newest!.id] })).toEqual({
			marked: [],
			unread: 1
		});
		const all = await markNotificationsRead(team.ipoBestuurder, { all: true });
		expect(all.marked.length).toBe(1);
		expect(all.unread).toBe(0);
		// The other IPO person's list is their own.
		expect((await listNotifications(team.ipoMedewerker)).unread).toBe(2);
		const db = await useDb();
		const [told] = await db
			.select()
			.from(events)
			.where(eq(events.type, 'notification.read.v1'))
			.orderBy(desc(events.id))
			.limit(1);
		expect(told!.audience).toEqual([`person:${team.ipoBestuurder.personId}`]);
		expect(told!.payload).toMatchObject({ all: true, unread: 0 });
	});

	it('denied: a read-only token (403), another person’s notification (untouched), no choice (400)', async () => {
		await askIpo();
		const [theirs] = (await listNotifications(team.ipoMedewerker)).notifications;
		const token = await rejection(
			markNotificationsRead(readOnly(team.ipoMedewerker), { all: true })
		);
		expect((token as AccessError).status).toBe(403);
		expect(await markNotificationsRead(team.vngBestuurder, { ids: [theirs!.id] })).toEqual({
			marked: [],
			unread: 0
		});
		expect((await listNotifications(team.ipoMedewerker)).unread).toBe(1);
		const none = await rejection(markNotificationsRead(team.ipoMedewerker, {}));
		expect((none as InvalidInputError).fields.ids).toMatch(/Kies/);
	});
});

describe('notification preferences', () => {
	it('allowed: a kind without mail stays in the app; English mail; a daily digest instead of single mails', async () => {
		const initial = await getNotificationPreferences(team.ipoMedewerker);
		expect(initial).toMatchObject({
			version: 1,
			language: 'nl',
			digest: false,
			digestTime: '08:00'
		});
		expect(initial.kinds.every((kind) => kind.mail)).toBe(true);
		const allKinds = initial.kinds.map((kind) => kind.kind);
		const muted = await updateNotificationPreferences(team.ipoMedewerker, {
			version: 1,
			language: 'nl',
			mailKinds: allKinds.filter((kind) => kind !== 'co_sponsor_requested'),
			digest: false
		});
		expect(muted.kinds.find((kind) => kind.kind === 'co_sponsor_requested')!.mail).toBe(false);
		await updateNotificationPreferences(team.ipoBestuurder, {
			version: 1,
			language: 'en',
			mailKinds: allKinds,
			digest: false
		});
		await askIpo();
		const mails = await mailsAfterWork(team, sink);
		expect(mails.map((mail) => [mail.to, mail.subject])).toEqual([
			['ipoBestuurder', expect.stringMatching(/^Co-sponsoring asked: /)]
		]);
		expect((await listNotifications(team.ipoMedewerker)).unread).toBe(1);

		await clearNotifications(sink);
		await updateNotificationPreferences(team.ipoBestuurder, {
			version: 2,
			language: 'nl',
			mailKinds: allKinds,
			digest: true,
			digestTime: '07:30'
		});
		await askIpo();
		await askIpo();
		expect(await mailsAfterWork(team, sink)).toEqual([]);
		const at = nextDigestAt(new Date(), 7 * 60 + 30);
		const digests = await mailsAfterWork(team, sink, new Date(at.getTime() + 1_000));
		expect(digests.map((mail) => [mail.to, mail.subject])).toEqual([
			['ipoBestuurder', 'Uw 2 meldingen van vandaag']
		]);
		expect(digests[0]!.body.match(/Mede-indienen gevraagd/g)?.length).toBe(4);
		// The next digest holds only what came after this one.
		await runDueJobs({ now: new Date(at.getTime() + 2 * 86_400_000) });
		expect(sink.received.length).toBe(1);
	});

	it('denied: a read-only token (403), a stale version (conflict), a wrong time or kind (400)', async () => {
		const current = await getNotificationPreferences(team.uvwMedewerker);
		const input = { version: current.version, language: 'nl', mailKinds: [], digest: false };
		const token = await rejection(
			updateNotificationPreferences(readOnly(team.uvwMedewerker), input)
		);
		expect((token as AccessError).status).toBe(403);
		await updateNotificationPreferences(team.uvwMedewerker, input);
		const stale = await rejection(updateNotificationPreferences(team.uvwMedewerker, input));
		expect(stale).toBeInstanceOf(ConflictError);
		const time = await rejection(
			updateNotificationPreferences(team.uvwMedewerker, {
				...input,
				version: 2,
				digestTime: '25:00'
			})
		);
		expect((time as InvalidInputError).fields.digestTime).toMatch(/08:00/);
		const kind = await rejection(
			updateNotificationPreferences(team.uvwMedewerker, { ...input, version: 2, mailKinds: ['x'] })
		);
		expect(kind).toBeInstanceOf(InvalidInputError);
	});
});

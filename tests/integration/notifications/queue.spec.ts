import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { placeItem, recordApproval } from '../../../src/lib/server/agenda';
import { useDb } from '../../../src/lib/server/db';
import { events, jobs, meetings } from '../../../src/lib/server/db/schema';
import { startAgendaAlignment } from '../../../src/lib/server/meetings';
import { runDueJobs } from '../../../src/lib/server/notifications';
import { LEASE_MS } from '../../../src/lib/server/notifications/queue';
import { useProcessDatabase } from '../process-env';
import { createTeam, openMeetingFor, placedItem, submitted, type Team } from '../agenda/fixtures';
import { clearNotifications, mailsAfterWork, notified } from './fixtures';
import { startSmtpSink, type SmtpSink } from './smtp-sink';

/** The queue behind the mail and the reminders: once, with several workers; again when mail fails. */
useProcessDatabase();

let team: Team;
let sink: SmtpSink;
const day = 24 * 3_600_000;

beforeAll(async () => {
	sink = await startSmtpSink();
	team = await createTeam();
});
afterAll(async () => {
	await sink.close();
	delete process.env.SMTP_URL;
});
beforeEach(async () => clearNotifications(sink));

async function inAlignment(daysAhead = 10) {
	const meeting = await openMeetingFor(team, daysAhead + 20);
	await placedItem(team, team.vngMedewerker, meeting.id);
	// Bring the meeting to `daysAhead` days from now, before alignment plans its reminder.
	const db = await useDb();
	const startsAt = new Date(Date.now() + daysAhead * day);
	await db
		.update(meetings)
		.set({ startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) })
		.where(eq(meetings.id, meeting.id));
	await startAgendaAlignment(team.secretariaat, meeting.id);
	return { ...meeting, startsAt };
}

describe('exactly once', () => {
	it('two workers claiming at the same time send every mail once', async () => {
		const meeting = await openMeetingFor(team);
		for (let n = 0; n < 3; n++) await submitted(team.ipoMedewerker, meeting.id);
		const items = await Promise.all(
			[0, 1, 2, 3, 4].map(() => submitted(team.uvwMedewerker, meeting.id))
		);
		await clearNotifications(sink);
		for (const item of items) await placeItem(team.secretariaat, item.id, { minutes: 5 });
		const [a, b] = await Promise.all([runDueJobs({ limit: 2 }), runDueJobs({ limit: 2 })]);
		expect(a.done + b.done).toBe(5);
		expect(a.failed + b.failed).toBe(0);
		const mails = await mailsAfterWork(team, sink);
		expect(mails.length).toBe(5);
		expect(
			new Set(mails.map((mail) => mail.body.match(/agendapunten\/([0-9a-f-]+)/)?.[1])).size
		).toBe(5);
	});

	it('a mail server that is away: the mail waits, is retried with backoff, and goes once', async () => {
		const item = await submitted(team.vngMedewerker, null);
		await clearNotifications(sink);
		await sink.close();
		const { inviteCoSponsor } = await import('../../../src/lib/server/agenda');
		await inviteCoSponsor(team.vngMedewerker, item.id, { party: 'uvw' });
		const first = await runDueJobs();
		expect(first).toEqual({ done: 0, failed: 2 });
		const db = await useDb();
		const waiting = await db.select().from(jobs).where(eq(jobs.kind, 'mail'));
		expect(waiting.map((job) => [job.attempts, job.doneAt])).toEqual([
			[1, null],
			[1, null]
		]);
		expect(waiting[0]!.lastError).toBeTruthy();
		expect(waiting[0]!.dueAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
		// Not yet due: nothing is tried.
		expect(await runDueJobs()).toEqual({ done: 0, failed: 0 });
		sink = await startSmtpSink(sink.port);
		const later = new Date(Date.now() + 60_000);
		expect(await runDueJobs({ now: later })).toEqual({ done: 2, failed: 0 });
		const mails = await mailsAfterWork(team, sink, new Date(Date.now() + 3_600_000));
		expect(mails.map((mail) => mail.to).sort()).toEqual(['uvwBestuurder', 'uvwMedewerker']);
	});

	it('a claim whose process died runs out, and another worker sends the mail', async () => {
		const item = await submitted(team.vngMedewerker, null);
		await clearNotifications(sink);
		const { inviteCoSponsor } = await import('../../../src/lib/server/agenda');
		await inviteCoSponsor(team.vngMedewerker, item.id, { party: 'rijk' });
		const db = await useDb();
		// A worker claimed the job and died before sending (its lease still runs).
		await db.update(jobs).set({
			attempts: 1,
			lockedUntil: new Date(Date.now() + LEASE_MS)
		});
		expect(await runDueJobs()).toEqual({ done: 0, failed: 0 });
		expect(sink.received.length).toBe(0);
		// The Rijk's two medewerkers and its bestuurder, one mail each.
		expect(await runDueJobs({ now: new Date(Date.now() + LEASE_MS + 1_000) })).toEqual({
			done: 3,
			failed: 0
		});
		expect(sink.received.map((mail) => mail.subject)).toEqual(
			Array(3).fill(expect.stringMatching(/^Mede-indienen gevraagd/))
		);
	});
});

describe('the reminder 2 days before the meeting', () => {
	it('reaches only the parties still without akkoord, once, however many workers run', async () => {
		const meeting = await inAlignment(10);
		await recordApproval(team.vngBestuurder, meeting.id, { decision: 'akkoord' });
		await recordApproval(team.ipoBestuurder, meeting.id, { decision: 'bezwaar', reason: 'Te vol' });
		await clearNotifications(sink);
		const db = await useDb();
		// clearNotifications removed the open jobs: plan the reminder again as alignment did.
		await db.insert(jobs).values({
			kind: 'reminder',
			payload: { meetingId: meeting.id },
			dueAt: new Date(meeting.startsAt.getTime() - 2 * day),
			dedupeKey: `reminder:${meeting.id}`
		});
		// Not due yet: a week before the meeting nothing happens.
		await runDueJobs({ now: new Date(meeting.startsAt.getTime() - 7 * day) });
		expect(await notified(team, 'approval_reminder')).toEqual([]);
		const due = new Date(meeting.startsAt.getTime() - 2 * day + 60_000);
		await Promise.all([runDueJobs({ now: due }), runDueJobs({ now: due })]);
		expect(await notified(team, 'approval_reminder')).toEqual([
			'ipoBestuurder',
			'rijkBestuurder',
			'uvwBestuurder'
		]);
		const mails = (await mailsAfterWork(team, sink, due)).filter((mail) =>
			mail.subject.startsWith('Nog 2 dagen')
		);
		expect(mails.map((mail) => mail.to).sort()).toEqual([
			'ipoBestuurder',
			'rijkBestuurder',
			'uvwBestuurder'
		]);
		const logged = await db.select().from(events).where(eq(events.subjectId, meeting.id));
		expect(logged.filter((event) => event.type === 'agenda.approval_reminder_due.v1').length).toBe(
			1
		);
	});

	it('is planned once when the agenda goes in afstemming, and not at all when every party agreed', async () => {
		const meeting = await inAlignment(10);
		const db = await useDb();
		const planned = await db.select().from(jobs).where(eq(jobs.kind, 'reminder'));
		expect(planned.map((job) => [job.payload.meetingId, job.dueAt.getTime()])).toEqual([
			[meeting.id, meeting.startsAt.getTime() - 2 * day]
		]);
		for (const bestuurder of [
			team.vngBestuurder,
			team.ipoBestuurder,
			team.uvwBestuurder,
			team.rijkBestuurder
		]) {
			await recordApproval(bestuurder, meeting.id, { decision: 'akkoord' });
		}
		await runDueJobs({ now: new Date(meeting.startsAt.getTime() - 2 * day + 60_000) });
		expect(await notified(team, 'approval_reminder')).toEqual([]);
		const [done] = await db.select().from(jobs).where(eq(jobs.kind, 'reminder'));
		expect(done!.doneAt).not.toBeNull();
	});
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AccessError } from '../../../src/lib/server/access';
import { useDb } from '../../../src/lib/server/db';
import { jobs } from '../../../src/lib/server/db/schema';
import { setStatus, updateAgreement } from '../../../src/lib/server/agreements';
import { amsterdamToday } from '../../../src/lib/server/agreements/status';
import { runDueJobs } from '../../../src/lib/server/notifications';
import { reminderScanJob } from '../../../src/lib/server/notifications/agreement-jobs';
import { addDays, reminderAt } from '../../../src/lib/server/notifications/agreement-schedule';
import { enqueue } from '../../../src/lib/server/notifications/queue';
import { useProcessDatabase } from '../process-env';
import { clearNotifications, mailsAfterWork, notified } from '../notifications/fixtures';
import { startSmtpSink, type SmtpSink } from '../notifications/smtp-sink';
import { createTeam, freeAgreement, rejection, type Team } from './fixtures';
import { amsterdamClock, plannedReminders, reminderJobsOf } from './reminders-support';

/**
 * When the agreements' reminders go out (notifications/agreement-schedule.ts): 14 and 3 days
 * before the day an agreement is due and the day after, at 08:00 in Amsterdam, each once; what
 * a moved deadline, a delay, closing and reopening do; the rule for reminders of the past; the
 * daily scan. Time is the queue's `now`: the test runs the queue at the instants it names.
 */
useProcessDatabase();

let team: Team;
let sink: SmtpSink;
let seen = 0;

beforeAll(async () => {
	sink = await startSmtpSink();
	team = await createTeam();
});
afterAll(async () => {
	await sink.close();
	delete process.env.SMTP_URL;
});
beforeEach(async () => {
	await clearNotifications(sink);
	seen = 0;
});

/** Runs the queue at `now` (an instant); answers the mails that arrived since the last call. */
async function mailsAt(now: string | Date) {
	const all = await mailsAfterWork(team, sink, new Date(now));
	const fresh = all.slice(seen);
	seen = all.length;
	return fresh;
}
const sent = async (now: string | Date) =>
	(await mailsAt(now)).map((mail) => [mail.to, mail.subject]);

const status = (caught: unknown) => (caught instanceof AccessError ? caught.status : caught);

describe('the schedule', () => {
	it('14 and 3 days before the deadline and the day after, at 08:00 in Amsterdam, into summer time', async () => {
		const made = await freeAgreement(team, { deadline: '2030-04-10' });
		expect(await plannedReminders(made.id)).toEqual([
			expect.objectContaining({
				at: '2030-03-27 08:00',
				utc: '2030-03-27T07:00:00.000Z',
				reminder: 'days_14'
			}),
			expect.objectContaining({
				at: '2030-04-07 08:00',
				utc: '2030-04-07T06:00:00.000Z',
				reminder: 'days_3'
			}),
			expect.objectContaining({
				at: '2030-04-11 08:00',
				utc: '2030-04-11T06:00:00.000Z',
				reminder: 'overdue'
			})
		]);
	});

	it('out of summer time: the 3-day reminder falls on the Sunday the clocks go back, still at 08:00', async () => {
		const made = await freeAgreement(team, { deadline: '2030-10-30' });
		expect((await plannedReminders(made.id)).map((job) => [job.at, job.utc])).toEqual([
			['2030-10-16 08:00', '2030-10-16T06:00:00.000Z'],
			['2030-10-27 08:00', '2030-10-27T07:00:00.000Z'],
			['2030-10-31 08:00', '2030-10-31T07:00:00.000Z']
		]);
	});

	it('goes out at its hour and not before, once, to the contact person; then 3 days before; then verlopen', async () => {
		const made = await freeAgreement(team, { deadline: '2030-04-10' });
		// 07:59 in Amsterdam: not yet.
		expect(await sent('2030-03-27T06:59:00Z')).toEqual([]);
		expect(await notified(team, 'agreement_deadline_near', made.id)).toEqual([]);
		expect(await sent('2030-03-27T07:00:00Z')).toEqual([
			['vngMedewerker', `Nog 14 dagen: ${made.title}`]
		]);
		expect(await notified(team, 'agreement_deadline_near', made.id)).toEqual(['vngMedewerker']);
		// The queue run again, later that day: nothing more.
		expect(await sent('2030-03-27T15:00:00Z')).toEqual([]);
		expect(await sent('2030-04-07T06:00:00Z')).toEqual([
			['vngMedewerker', `Nog 3 dagen: ${made.title}`]
		]);
		// The deadline's own day has no reminder; the next morning it is verlopen.
		expect(await sent('2030-04-10T21:00:00Z')).toEqual([]);
		const overdue = await mailsAt('2030-04-11T06:00:00Z');
		expect(overdue.map((mail) => [mail.to, mail.subject])).toEqual([
			['vngMedewerker', `Verlopen: ${made.title}`]
		]);
		expect(overdue[0]!.body).toContain('liep af op 10 april 2030');
		expect(await notified(team, 'agreement_overdue', made.id)).toEqual(['vngMedewerker']);
		expect(await plannedReminders(made.id)).toEqual([]);
	});

	it('late (every process was down): the day after its own it still goes with the days left, later it is dropped', async () => {
		const made = await freeAgreement(team, { deadline: '2030-04-10' });
		// 8 April: the 14-day reminder (27 March) is long past and dropped, the 3-day one (7 April) goes.
		expect(await sent('2030-04-08T10:00:00Z')).toEqual([
			['vngMedewerker', `Nog 2 dagen: ${made.title}`]
		]);
		// 13 April: the reminder of the 11th is from before yesterday.
		expect(await sent('2030-04-13T10:00:00Z')).toEqual([]);
		const all = await reminderJobsOf(made.id);
		expect(all).toHaveLength(3);
		expect(all.every((job) => job.doneAt !== null)).toBe(true);
	});
});

describe('changes to what is due', () => {
	it('a moved deadline: the old day’s reminders lapse when their hour comes, the new day’s go out', async () => {
		const made = await freeAgreement(team, { deadline: '2030-04-10' });
		await updateAgreement(team.secretariaat, made.id, { deadline: '2030-05-20' });
		expect((await plannedReminders(made.id)).map((job) => job.at)).toEqual([
			'2030-03-27 08:00',
			'2030-04-07 08:00',
			'2030-04-11 08:00',
			'2030-05-06 08:00',
			'2030-05-17 08:00',
			'2030-05-21 08:00'
		]);
		expect(await sent('2030-03-27T07:05:00Z')).toEqual([]);
		expect((await plannedReminders(made.id)).map((job) => job.at)[0]).toBe('2030-04-07 08:00');
		expect(await sent('2030-04-11T06:05:00Z')).toEqual([]);
		expect(await sent('2030-05-06T06:05:00Z')).toEqual([
			['vngMedewerker', `Nog 14 dagen: ${made.title}`]
		]);
	});

	it('moved away and back after its reminder went: that reminder is not planned or sent again', async () => {
		const made = await freeAgreement(team, { deadline: '2030-04-10' });
		expect(await sent('2030-03-27T07:00:00Z')).toHaveLength(1);
		const first = (await reminderJobsOf(made.id)).find(
			(job) => (job.payload as { reminder: string }).reminder === 'days_14'
		)!;
		await updateAgreement(team.secretariaat, made.id, { deadline: '2030-05-20' });
		await updateAgreement(team.secretariaat, made.id, { deadline: '2030-04-10' });
		const keys = (await plannedReminders(made.id)).map((job) => job.key);
		expect(keys).not.toContain(first.dedupeKey);
		expect(keys).toContain(first.dedupeKey!.replace('days_14', 'days_3'));
		// Even a job for it written by hand finds in the event log that it went out.
		const db = await useDb();
		await db.insert(jobs).values({
			kind: 'agreement_reminder',
			payload: first.payload,
			dueAt: first.dueAt,
			dedupeKey: first.dedupeKey
		});
		expect(await sent('2030-03-27T09:00:00Z')).toEqual([]);
		expect(await notified(team, 'agreement_deadline_near', made.id)).toEqual(['vngMedewerker']);
	});

	it('vertraagd: due on its expected date, saying so; the deadline’s reminders lapse', async () => {
		const made = await freeAgreement(team, { deadline: '2030-04-10' });
		await setStatus(team.vngMedewerker, made.id, {
			status: 'vertraagd',
			expectedDate: '2030-06-30'
		});
		expect(await sent('2030-03-27T07:00:00Z')).toEqual([]);
		const mails = await mailsAt('2030-06-16T06:00:00Z');
		expect(mails.map((mail) => [mail.to, mail.subject])).toEqual([
			['vngMedewerker', `Nog 14 dagen: ${made.title}`]
		]);
		expect(mails[0]!.body).toContain('is vertraagd en wordt verwacht op 30 juni 2030');
	});

	it('afgerond or vervallen: no reminder at all; reopened, the ones still timely come back', async () => {
		const done = await freeAgreement(team, { deadline: '2030-04-10' });
		const lapsed = await freeAgreement(team, { deadline: '2030-04-10' });
		await setStatus(team.secretariaat, done.id, { status: 'afgerond' });
		await setStatus(team.secretariaat, lapsed.id, {
			status: 'vervallen',
			reason: 'Ingehaald door de Voorjaarsnota.'
		});
		for (const now of ['2030-03-27T07:00:00Z', '2030-04-07T06:00:00Z', '2030-04-11T06:00:00Z']) {
			expect(await sent(now)).toEqual([]);
		}
		for (const id of [done.id, lapsed.id]) {
			expect(await notified(team, 'agreement_deadline_near', id)).toEqual([]);
			expect((await reminderJobsOf(id)).every((job) => job.doneAt !== null)).toBe(true);
		}
		await setStatus(team.secretariaat, done.id, { status: 'open' });
		expect(await plannedReminders(done.id)).toHaveLength(3);
		// On the 11th only the day after is still timely.
		expect(await sent('2030-04-11T07:00:00Z')).toEqual([
			['vngMedewerker', `Verlopen: ${done.title}`]
		]);
	});

	it('denied: a refused change plans nothing and leaves the reminders as they were', async () => {
		const made = await freeAgreement(team, { deadline: '2030-04-10' });
		const before = await plannedReminders(made.id);
		expect(
			status(
				await rejection(updateAgreement(team.vngMedewerker, made.id, { deadline: '2030-05-20' }))
			)
		).toBe(403);
		expect(
			status(
				await rejection(
					setStatus(team.ipoMedewerker, made.id, {
						status: 'vertraagd',
						expectedDate: '2030-06-30'
					})
				)
			)
		).toBe(403);
		expect(
			status(await rejection(setStatus(team.vngMedewerker, made.id, { status: 'afgerond' })))
		).toBe(403);
		expect(await plannedReminders(made.id)).toEqual(before);
		expect(await sent('2030-03-27T07:00:00Z')).toEqual([
			['vngMedewerker', `Nog 14 dagen: ${made.title}`]
		]);
	});
});

describe('reminders of the past', () => {
	it('one whose day is before yesterday is not planned; one of today or yesterday is due at once', async () => {
		const today = amsterdamToday(new Date());
		const in14 = await freeAgreement(team, { deadline: addDays(today, 14) });
		const in10 = await freeAgreement(team, { deadline: addDays(today, 10) });
		const twoAgo = await freeAgreement(team, { deadline: addDays(today, -2) });
		const threeAgo = await freeAgreement(team, { deadline: addDays(today, -3) });
		const days = async (id: string) =>
			(await plannedReminders(id)).map((job) => [job.reminder, job.at]);
		expect(await days(in14.id)).toEqual([
			['days_14', `${today} 08:00`],
			['days_3', `${addDays(today, 11)} 08:00`],
			['overdue', `${addDays(today, 15)} 08:00`]
		]);
		expect((await days(in10.id)).map(([reminder]) => reminder)).toEqual(['days_3', 'overdue']);
		expect(await days(twoAgo.id)).toEqual([['overdue', `${addDays(today, -1)} 08:00`]]);
		expect(await days(threeAgo.id)).toEqual([]);
		// A minute on: the mail a reminder writes is due when it is written.
		const mails = await mailsAt(new Date(Date.now() + 60_000));
		const about = (id: string) => mails.filter((mail) => mail.body.includes(`/afspraken/${id}`));
		expect(about(twoAgo.id).map((mail) => mail.subject)).toEqual([`Verlopen: ${twoAgo.title}`]);
		expect(about(threeAgo.id)).toEqual([]);
	});
});

describe('the daily scan', () => {
	it('plans what no verb planned, sends it once, leaves closed ones alone and plans its next round at 07:00', async () => {
		const today = amsterdamToday(new Date());
		const unplanned = await freeAgreement(team, { deadline: addDays(today, 3) });
		const closed = await freeAgreement(team, { deadline: addDays(today, 3) });
		await setStatus(team.secretariaat, closed.id, { status: 'afgerond' });
		// As if written without the verbs (before the reminders existed, or by a bulk import).
		const db = await useDb();
		await db.delete(jobs);
		const runAt = new Date(Math.max(Date.now(), reminderAt(today).getTime()) + 60_000);
		await enqueue(db, [reminderScanJob(runAt)]);
		// This test's own agreements: before 08:00 in Amsterdam the scan's first round (at 08:01) also
		// sends what the earlier tests planned for today.
		const ours = (mails: string[][]) =>
			mails.filter(([, subject = '']) =>
				[unplanned.title, closed.title].includes(subject.slice(subject.indexOf(': ') + 2))
			);
		expect(ours(await sent(runAt))).toEqual([['vngMedewerker', `Nog 3 dagen: ${unplanned.title}`]]);
		expect(await notified(team, 'agreement_deadline_near', closed.id)).toEqual([]);
		const next = async () => {
			const open = (await db.select().from(jobs)).filter(
				(job) => job.kind === 'agreement_reminder_scan' && job.doneAt === null
			);
			expect(open).toHaveLength(1);
			return open[0]!.dueAt;
		};
		const second = await next();
		expect(amsterdamClock(second)).toMatch(/ 07:00$/);
		expect(second.getTime()).toBeGreaterThan(runAt.getTime());
		expect(second.getTime() - runAt.getTime()).toBeLessThanOrEqual(25 * 3_600_000);
		// The next round finds the reminder sent: nothing again, and it plans the one after.
		expect(ours(await sent(new Date(second.getTime() + 60_000)))).toEqual([]);
		expect((await next()).getTime()).toBeGreaterThan(second.getTime());
	});
});

describe('exactly once', () => {
	it('two workers racing for the due reminders: each goes once', async () => {
		const made = await Promise.all(
			[team.vngMedewerker, team.ipoMedewerker, team.uvwMedewerker].map((owner) =>
				freeAgreement(team, { deadline: '2030-04-10' }, [owner])
			)
		);
		const now = new Date('2030-03-27T07:00:00Z');
		const [a, b] = await Promise.all([
			runDueJobs({ now, limit: 1 }),
			runDueJobs({ now, limit: 1 })
		]);
		expect(a.failed + b.failed).toBe(0);
		const mails = await sent(now);
		expect(mails.sort()).toEqual(
			[
				['ipoMedewerker', `Nog 14 dagen: ${made[1]!.title}`],
				['uvwMedewerker', `Nog 14 dagen: ${made[2]!.title}`],
				['vngMedewerker', `Nog 14 dagen: ${made[0]!.title}`]
			].sort()
		);
	});
});

/**
 * The proof issue 14 asks for: every agreement reminder goes out exactly once with two real app
 * processes (`node server.js`) on one PostgreSQL (a database of this file's own) and a real SMTP
 * server, counted at that server; also when a process is stopped in the middle of the work and
 * started again, and when reminders fell due while no process ran. PostgreSQL only: several
 * processes cannot share the embedded engine (vite.config.ts runs this file when DATABASE_URL is
 * set, as the PostgreSQL pass of CI does). Needs the production build.
 */
import { and, inArray, isNull, lte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/lib/server/access';
import { resetConfig } from '../../../src/lib/server/config';
import { closeDatabase, useDb } from '../../../src/lib/server/db';
import { jobs, people } from '../../../src/lib/server/db/schema';
import { recordRatification } from '../../../src/lib/server/agreements';
import { amsterdamToday } from '../../../src/lib/server/agreements/status';
import { addDays, reminderAt } from '../../../src/lib/server/notifications/agreement-schedule';
import {
	createDatabase,
	startApp,
	startProxy,
	type AppProcess,
	type Proxy
} from '../../support/app-processes';
import { startSmtpSink, type SmtpSink } from '../notifications/smtp-sink';
import { createTeam, freeAgreement, type Team } from './fixtures';

let database: Awaited<ReturnType<typeof createDatabase>>;
let team: Team;
let sink: SmtpSink;
/** Between the processes and the SMTP server: each mail takes a while, so work is in hand. */
let slowMail: Proxy;
const apps: AppProcess[] = [];
const previousUrl = process.env.DATABASE_URL;
/** The team's members by e-mail address. */
const names = new Map<string, string>();

async function app() {
	const started = await startApp({
		databaseUrl: database.url,
		env: { SMTP_URL: `smtp://127.0.0.1:${slowMail.port}` }
	});
	apps.push(started);
	return started;
}

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 60_000) {
	const end = Date.now() + ms;
	while (!(await check())) {
		if (Date.now() > end) throw new Error(`not in time: ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

/** Every mail that arrived, as "who|title it is about". */
function arrived(): string[] {
	return sink.received.map((mail) => {
		const title = mail.subject.slice(mail.subject.indexOf(': ') + 2);
		return `${mail.to.map((email) => names.get(email) ?? email).join(',')}|${title}`;
	});
}
const countOf = (key: string) => arrived().filter((mail) => mail === key).length;

/** The day whose 08:00 reminders are due by now: today once it is past 08:00, else yesterday. */
function dueDay(): string {
	const today = amsterdamToday(new Date());
	return Date.now() >= reminderAt(today).getTime() ? today : addDays(today, -1);
}

/**
 * Agreements with seven reminders due at once, written through the verbs by this process (which
 * runs no worker): 14 days ahead to two parties, 3 days ahead, verlopen, and two consultations
 * closing (VNG's, not a responsible party: its medewerker and bestuurder; IPO's: its contact).
 */
async function dueBatch(label: string): Promise<string[]> {
	const day = dueDay();
	const deadline = (days: number) => ({ deadline: addDays(day, days) });
	const title = (what: string) => ({ title: `${what} ${label}` });
	const soon = await freeAgreement(team, { ...deadline(14), ...title('Veertien dagen') }, [
		team.vngMedewerker,
		team.ipoMedewerker
	]);
	const near = await freeAgreement(team, { ...deadline(3), ...title('Drie dagen') }, [
		team.bzkMedewerker
	]);
	const late = await freeAgreement(team, { ...deadline(-1), ...title('Verlopen') }, [
		team.uvwMedewerker
	]);
	const consulted = await freeAgreement(team, { ...deadline(30), ...title('Leden') }, [
		team.finMedewerker,
		team.ipoMedewerker
	]);
	const consult = (actor: Actor, koepel: string) =>
		recordRatification(actor, consulted.id, { koepel, state: 'lopend', closesOn: day });
	await consult(team.vngBestuurder, 'vng');
	await consult(team.ipoMedewerker, 'ipo');
	return [
		`vngMedewerker|${soon.title}`,
		`ipoMedewerker|${soon.title}`,
		`bzkMedewerker|${near.title}`,
		`uvwMedewerker|${late.title}`,
		`vngMedewerker|${consulted.title}`,
		`vngBestuurder|${consulted.title}`,
		`ipoMedewerker|${consulted.title}`
	];
}

/**
 * A later reminder that must come after the batch, then an empty queue: every job that was due
 * is done (a mail is marked sent only after the SMTP server accepted it). Only then are the counts
 * final; no fixed sleep.
 */
async function markerThenDrained(label: string): Promise<string> {
	const marker = await freeAgreement(
		team,
		{ deadline: addDays(dueDay(), 3), title: `Markering ${label}` },
		[team.rijkBestuurder]
	);
	const key = `rijkBestuurder|${marker.title}`;
	await until(() => countOf(key) > 0, `the marker ${label}`);
	const db = await useDb();
	await until(async () => {
		const open = await db
			.select({ id: jobs.id })
			.from(jobs)
			.where(
				and(
					isNull(jobs.doneAt),
					lte(jobs.dueAt, new Date()),
					inArray(jobs.kind, ['mail', 'digest', 'agreement_reminder'])
				)
			);
		return open.length === 0;
	}, `the queue drained after marker ${label}`);
	return key;
}

/** Each of these arrived exactly once, and nothing else arrived. */
function expectEachOnce(expected: string[]) {
	const counts = new Map<string, number>();
	for (const mail of arrived()) counts.set(mail, (counts.get(mail) ?? 0) + 1);
	expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(expected.map((key) => [key, 1])));
}

beforeAll(async () => {
	sink = await startSmtpSink();
	slowMail = await startProxy({ host: '127.0.0.1', port: sink.port }, { latencyMs: 60 });
	database = await createDatabase('reminders');
	// The first process migrates the new database; this test process then works in it too.
	await app();
	process.env.DATABASE_URL = database.url;
	resetConfig();
	team = await createTeam();
	const db = await useDb();
	const ids = Object.values(team).map((actor) => actor.personId);
	for (const row of await db.select().from(people).where(inArray(people.id, ids))) {
		names.set(
			row.email,
			Object.keys(team).find((name) => team[name as keyof Team].personId === row.id)!
		);
	}
	await apps.pop()!.stop();
}, 120_000);

afterAll(async () => {
	for (const started of apps) await started.kill();
	await closeDatabase();
	process.env.DATABASE_URL = previousUrl;
	resetConfig();
	await database.drop();
	await slowMail.close();
	await sink.close();
	delete process.env.SMTP_URL;
}, 60_000);

describe('agreement reminders with two app processes on one PostgreSQL', () => {
	const expected: string[] = [];

	it('each reminder once, counted at the SMTP server', async () => {
		await Promise.all([app(), app()]);
		const batch = await dueBatch('1');
		await until(() => batch.every((key) => countOf(key) > 0), 'the first batch');
		expected.push(...batch, await markerThenDrained('1'));
		expectEachOnce(expected);
	}, 120_000);

	it('the process at work stopped mid-way, two others taking over: still each once', async () => {
		// One process alone, so that the work is surely in its hands when it stops.
		await apps.pop()!.stop();
		const batch = await dueBatch('2');
		await until(() => batch.some((key) => countOf(key) > 0), 'the first mail of the second batch');
		// SIGTERM: it finishes the mail in hand and hands the rest of its claim back.
		await apps.shift()!.stop();
		const beforeStop = batch.filter((key) => countOf(key) > 0).length;
		expect(beforeStop).toBeLessThan(batch.length);
		await Promise.all([app(), app()]);
		await until(() => batch.every((key) => countOf(key) > 0), 'the rest of the second batch');
		expected.push(...batch, await markerThenDrained('2'));
		expectEachOnce(expected);
	}, 120_000);

	it('reminders due while no process ran go out once when they come back; starting again sends nothing twice', async () => {
		for (const started of apps.splice(0)) await started.stop();
		const batch = await dueBatch('3');
		await app();
		await until(() => batch.every((key) => countOf(key) > 0), 'the third batch');
		await app();
		expected.push(...batch, await markerThenDrained('3'));
		expectEachOnce(expected);
	}, 120_000);
});

import { eq, inArray } from 'drizzle-orm';
import { useDb } from '../../../src/lib/server/db';
import { jobs, notifications, people } from '../../../src/lib/server/db/schema';
import { runDueJobs } from '../../../src/lib/server/notifications';
import type { Team } from '../agenda/fixtures';
import type { SmtpSink } from './smtp-sink';

/** The team's members by name, for saying who was (and was not) notified. */
export function whoIs(team: Team): Map<string, string> {
	return new Map(Object.entries(team).map(([name, actor]) => [actor.personId, name]));
}

/** Who holds a notification of this kind about this subject, by their name in the team. */
export async function notified(team: Team, kind: string, subjectId?: string): Promise<string[]> {
	const db = await useDb();
	const rows = await db
		.select({ personId: notifications.personId, subjectId: notifications.subjectId })
		.from(notifications)
		.where(eq(notifications.kind, kind));
	const names = whoIs(team);
	return rows
		.filter((row) => !subjectId || row.subjectId === subjectId)
		.map((row) => names.get(row.personId) ?? row.personId)
		.sort();
}

/** Works off the queue, then the mails that arrived, by the team member they went to. */
export async function mailsAfterWork(team: Team, sink: SmtpSink, now?: Date) {
	await runDueJobs(now ? { now } : {});
	const db = await useDb();
	const ids = Object.values(team).map((actor) => actor.personId);
	const rows = await db
		.select({ id: people.id, email: people.email })
		.from(people)
		.where(inArray(people.id, ids));
	const names = whoIs(team);
	const byEmail = new Map(rows.map((row) => [row.email, names.get(row.id)!]));
	return sink.received.map((mail) => ({
		to: mail.to.map((email) => byEmail.get(email) ?? email).join(','),
		subject: mail.subject,
		body: mail.body
	}));
}

/** A clean slate between tests: no notifications, no open jobs, no mail received. */
export async function clearNotifications(sink: SmtpSink) {
	await runDueJobs();
	const db = await useDb();
	await db.delete(notifications);
	await db.delete(jobs);
	sink.received.length = 0;
}

import { eq, inArray } from 'drizzle-orm';
import { withDatabase, type Database } from '../db';
import { agreements, decisions, meetings, organisations, people } from '../db/schema';
import type { Actor } from '../access';
import { DEMO_EMAIL_DOMAIN } from '../db/seed-data';
import { createAgreement } from './agreements';
import { demoBofvNote } from './demo-file';
import {
	DEMO_FIRST_DECISION,
	LEGACY_DEMO_AGREEMENT,
	demoActors,
	demoAgreementId,
	demoAgreements,
	demoBofv,
	demoClock,
	type DemoActor
} from './demo-data';
import { demoStory, type DemoStep } from './demo-story';
import { setStatus } from './lifecycle';
import { linkOnward } from './links';
import { reportProgress } from './progress';
import { recordRatification } from './ratification';

export { DEMO_BOFV, demoAgreementId } from './demo-data';

/*
 * The demo's agreements, played through the verbs as the people of the demo would have done it:
 * the secretariaat makes them, the responsible parties report and set where their work stands,
 * the koepels record their members' word, the secretariaat hands on and closes (demo-data.ts tells
 * the story). So every change is an event: the history, the live state and the audit trail are
 * real, and the reminders are planned by the verbs as for any agreement (those still ahead only).
 *
 * Times: setStatus and recordRatification take the instant they act at, so a closure, a delay and
 * a ratification carry their day in the story. The event log, the creation and the progress reports
 * are dated by the database when the seed runs (the verbs and the log take no time of their own):
 * the history lists them in the story's order, at the moment of the first start.
 *
 * Each verb runs its own transaction, after the seed's own has committed (seed.ts). The first
 * agreement's fixed id marks the demo as done: a second run adds nothing (should a run stop half
 * way, the next leaves the rest out too; the demo's database is then best made afresh).
 */

/** Adds the demo agreements; returns whether it did (false on a second run, or without the list). */
export async function seedDemoAgreements(db: Database, now = Date.now()): Promise<boolean> {
	const [existing] = await db
		.select({ id: agreements.id })
		.from(agreements)
		.where(inArray(agreements.id, [demoAgreementId(1), LEGACY_DEMO_AGREEMENT]));
	// Also a database seeded before the demo went through the verbs: it keeps its agreements.
	if (existing) return false;
	const [decision] = await db
		.select({ id: decisions.id })
		.from(decisions)
		.where(eq(decisions.id, DEMO_FIRST_DECISION));
	// The demo besluitenlijst was left out (accounts removed): leave its agreements out too.
	if (!decision) return false;
	const actors = await demoActorsOf(db);
	if (!actors) return false;
	const orgs = await db
		.select({ id: organisations.id, slug: organisations.slug })
		.from(organisations);
	const org = new Map(orgs.map((row) => [row.slug, row.id]));

	const clock = demoClock(now);
	const bofv = demoBofv(clock);
	await db.insert(meetings).values(bofv.meeting).onConflictDoNothing();
	await withDatabase(db, async () => {
		for (const agreement of demoAgreements(clock, bofv.voorjaarsnota.label)) {
			const owners = agreement.owners.map(([party, slug, contact]) => ({
				party,
				organisationId: slug ? org.get(slug)! : null,
				contactPersonId: actors.get(contact)!.personId
			}));
			await createAgreement(
				actors.get('secretariaat')!,
				{ ...agreement.input, owners },
				{},
				{ id: demoAgreementId(agreement.n) }
			);
		}
		for (const step of demoStory(clock, bofv.voorjaarsnota))
			await play(step, actors.get(step.by)!, clock.at(step.days), bofv.voorjaarsnota.label);
	});
	return true;
}

/** One step of the story through its verb, by its person, at its instant where the verb takes one. */
async function play(step: DemoStep, actor: Actor, at: Date, voorjaarsnota: string) {
	const id = demoAgreementId(step.n);
	switch (step.verb) {
		case 'progress': {
			const files = step.file ? [await demoBofvNote(voorjaarsnota, at)] : [];
			await reportProgress(actor, id, { text: step.text, percent: step.percent }, {}, files);
			return;
		}
		case 'status':
			await setStatus(
				actor,
				id,
				{ status: step.status, expectedDate: step.expectedDate, reason: step.reason },
				{},
				at
			);
			return;
		case 'ratify':
			await recordRatification(
				actor,
				id,
				{ koepel: step.koepel, state: step.state, ...step.fields },
				{},
				at
			);
			return;
		case 'link':
			await linkOnward(
				actor,
				id,
				'to' in step
					? { toAgreementId: demoAgreementId(step.to) }
					: { destination: step.destination }
			);
	}
}

/** The demo people who act, as the verbs take them; null when one of them is missing. */
export async function demoActorsOf(db: Database): Promise<Map<DemoActor, Actor> | null> {
	const rows = await db
		.select({
			id: people.id,
			email: people.email,
			name: people.name,
			role: people.role,
			organisationId: people.organisationId,
			party: organisations.party
		})
		.from(people)
		.innerJoin(organisations, eq(organisations.id, people.organisationId))
		.where(
			inArray(
				people.email,
				demoActors.map((name) => `${name}@${DEMO_EMAIL_DOMAIN}`)
			)
		);
	if (rows.length < demoActors.length) return null;
	return new Map(
		rows.map((row) => [
			row.email.split('@')[0] as DemoActor,
			{
				personId: row.id,
				name: row.name,
				organisationId: row.organisationId,
				party: row.party,
				role: row.role,
				via: 'session',
				scope: 'write'
			}
		])
	);
}

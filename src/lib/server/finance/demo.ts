import { eq, inArray } from 'drizzle-orm';
import { withDatabase, type Database } from '../db';
import { agreements, budgetMoments, financialArrangements } from '../db/schema';
import type { Actor } from '../access';
import { demoAgreementId } from '../agreements/demo-data';
import { demoActorsOf } from '../agreements/demo';
import { createArrangement, setArrangementStatus } from './arrangements';
import { createCircular, recordCircularAmounts } from './circulars';
import {
	demoArrangementId,
	demoArrangements,
	demoCirculars,
	demoComments,
	demoFinanceActors,
	demoMarks,
	demoTaskId,
	demoTasks,
	type DemoEntry
} from './demo-data';
import { recordEntry } from './ledger';
import { commentOnArrangement, markFigures } from './marks';
import { momentKey } from './moments';
import { createTask, reportNeed } from './tasks';

export { demoArrangementId, demoTaskId } from './demo-data';

/*
 * The demo's financial arrangements, played through the verbs as the demo's people would have:
 * the Financiën medewerker records each schedule as it became known (the first entry at its budget
 * moment's day, the later ones in order, as the ledger requires), enters the 2025 circulars and
 * what they processed, and moves the statuses on; VNG and IPO mark the figures and comment; VNG
 * reports what jeugdzorg needs. So the history, the "as known at" views, the live state and the
 * audit trail are real.
 *
 * Each verb runs its own transaction, after the seed's own has committed (seed.ts), once the demo
 * agreements are in (an arrangement links to one when it is there). The first arrangement's fixed
 * id marks the demo as done: a second run adds nothing. An entry whose moment is still ahead (a
 * clock before it) is left out, since the ledger takes nothing known in the future.
 */

const cents = (euros: number) => euros * 100;
const amountsOf = (entry: DemoEntry) =>
	Object.entries(entry.euros).map(([year, euros]) => ({
		year: Number(year),
		amountCents: cents(euros)
	}));

/** Adds the demo arrangements; returns whether it did (false on a second run, or without people). */
export async function seedDemoFinance(db: Database, now = Date.now()): Promise<boolean> {
	const [existing] = await db
		.select({ id: financialArrangements.id })
		.from(financialArrangements)
		.where(eq(financialArrangements.id, demoArrangementId(1)));
	if (existing) return false;
	const actors = await demoActorsOf(db);
	if (!actors) return false;
	const moments = new Map(
		(await db.select().from(budgetMoments)).map((row) => [
			momentKey(row.kind, row.year),
			{ id: row.id, day: row.publishedOn }
		])
	);
	const present = new Set(
		(
			await db
				.select({ id: agreements.id })
				.from(agreements)
				.where(
					inArray(
						agreements.id,
						[1, 2, 4, 6].map((n) => demoAgreementId(n))
					)
				)
		).map((row) => row.id)
	);
	const agreementOf = (n: number | undefined) =>
		n !== undefined && present.has(demoAgreementId(n)) ? demoAgreementId(n) : null;
	// Known on the moment's day (10:00 UTC: midday in Amsterdam); null while that day is ahead.
	const knownAt = (entry: DemoEntry) => {
		const at = new Date(`${moments.get(entry.moment)!.day}T10:00:00Z`);
		return at.getTime() <= now ? at.toISOString() : null;
	};
	const staff = actors.get(demoFinanceActors.staff)!;

	await withDatabase(db, async () => {
		for (const arrangement of demoArrangements) {
			const [first, ...later] = arrangement.entries.filter((entry) => knownAt(entry));
			if (!first) continue;
			await createArrangement(
				staff,
				{
					title: arrangement.title,
					description: arrangement.description,
					instrument: arrangement.instrument,
					layer: arrangement.layer,
					nature: arrangement.nature,
					budgetMomentId: moments.get(first.moment)!.id,
					sourceDocument: arrangement.sourceDocument,
					expectedCircular: arrangement.expectedCircular ?? null,
					agreementId: agreementOf(arrangement.agreement),
					replacesId: arrangement.replaces ? demoArrangementId(arrangement.replaces) : null,
					schedule: amountsOf(first),
					reason: first.reason,
					knownAt: knownAt(first)
				},
				{},
				{ id: demoArrangementId(arrangement.n) }
			);
			for (const entry of later)
				await recordEntry(staff, demoArrangementId(arrangement.n), {
					reason: entry.reason,
					budgetMomentId: moments.get(entry.moment)!.id,
					amounts: amountsOf(entry),
					knownAt: knownAt(entry)
				});
		}
		const made = new Set(
			(
				await db
					.select({ id: financialArrangements.id })
					.from(financialArrangements)
					.where(
						inArray(
							financialArrangements.id,
							demoArrangements.map((a) => demoArrangementId(a.n))
						)
					)
			).map((row) => row.id)
		);
		const exists = (n: number) => made.has(demoArrangementId(n));

		const circularIds = new Map<string, string>();
		for (const circular of demoCirculars) {
			const created = await createCircular(staff, {
				kind: circular.kind,
				year: circular.year,
				publishedOn: circular.publishedOn
			});
			circularIds.set(circular.kind, created.id);
			const amounts = circular.processed
				.filter((line) => exists(line.n))
				.map((line) => ({
					arrangementId: demoArrangementId(line.n),
					year: line.year,
					amountCents: cents(line.euros)
				}));
			if (amounts.length) await recordCircularAmounts(staff, created.id, { amounts });
		}

		for (const arrangement of demoArrangements.filter((a) => exists(a.n)))
			for (const step of arrangement.statuses)
				await setArrangementStatus(staff, demoArrangementId(arrangement.n), {
					status: step.status,
					processedCircularId: step.circular ? circularIds.get(step.circular) : null
				});

		for (const mark of demoMarks.filter((m) => exists(m.n)))
			await markAsNow(db, actors.get(mark.by)!, demoArrangementId(mark.n), mark);
		for (const comment of demoComments.filter((c) => exists(c.n)))
			await commentOnArrangement(actors.get(comment.by)!, demoArrangementId(comment.n), {
				body: comment.body
			});

		for (const task of demoTasks) {
			await createTask(
				staff,
				{
					name: task.name,
					law: task.law,
					layers: task.layers,
					description: task.description,
					feasibilityStatus: task.feasibilityStatus,
					feasibilityOutcome: task.feasibilityOutcome,
					arrangementIds: task.arrangements.filter(exists).map(demoArrangementId),
					agreementIds: task.agreements.map(agreementOf).filter((id): id is string => !!id)
				},
				{},
				{ id: demoTaskId(task.n) }
			);
			for (const need of task.needs)
				await reportNeed(actors.get(demoFinanceActors.need)!, demoTaskId(task.n), {
					party: 'vng',
					year: need.year,
					amountCents: cents(need.euros),
					source: need.source
				});
		}
	});
	return true;
}

/** A koepel's mark on the schedule version the arrangement has now (after all its entries). */
async function markAsNow(
	db: Database,
	actor: Actor,
	id: string,
	mark: { verdict: 'eens' | 'oneens'; note?: string }
) {
	const [row] = await db
		.select({ scheduleVersion: financialArrangements.scheduleVersion })
		.from(financialArrangements)
		.where(eq(financialArrangements.id, id));
	await markFigures(actor, id, {
		verdict: mark.verdict,
		note: mark.note,
		scheduleVersion: row!.scheduleVersion
	});
}

import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withDatabase } from '../../../src/lib/server/db';
import { migrateDatabase } from '../../../src/lib/server/db/migrate';
import { agreements, agreementStatuses, events } from '../../../src/lib/server/db/schema';
import { seedDatabase } from '../../../src/lib/server/db/seed';
import { agreementChain, getAgreement } from '../../../src/lib/server/agreements';
import { agreementHistory } from '../../../src/lib/server/agreements/history';
import type { AgreementHistoryEntry } from '../../../src/lib/realtime/agreement-history';
import { audienceOf } from '../../../src/lib/server/agreements/audience';
import { demoActorsOf, demoAgreementId as cid } from '../../../src/lib/server/agreements/demo';
import { demoActors } from '../../../src/lib/server/agreements/demo-data';
import { registerRows } from '../../../src/lib/server/agreements/queries';
import { enginesUnderTest, freshDatabase, MIGRATIONS, type TestDatabase } from '../databases';

const reader = { personId: 'demo-reader', organisationId: 'demo-org', party: 'ipo' as const };

describe.each(enginesUnderTest())('the demo agreements on %s', (engine) => {
	let test: TestDatabase;

	beforeEach(async () => {
		test = await freshDatabase(engine);
		await migrateDatabase(test.handle, MIGRATIONS);
	});
	afterEach(async () => {
		await test.drop();
	});

	it('has every status, one overdue, a chain to the Voorjaarsnota, a fallback in force, VNG consulting and IPO rejecting', async () => {
		const { db } = test.handle;
		await seedDatabase(db, { demo: true });
		const ids = [1, 2, 3, 4, 5, 6, 7].map(cid);
		const rows = await registerRows(db, ids);
		expect(rows).toHaveLength(7);
		expect(new Set(rows.map((row) => row.status))).toEqual(new Set(agreementStatuses));
		const byId = new Map(rows.map((row) => [row.id, row]));
		expect(rows.filter((row) => row.overdue).map((row) => row.id)).toEqual([cid(2)]);
		expect(byId.get(cid(1))!.ratification).toBe('bekrachtigd');
		expect(byId.get(cid(5))).toMatchObject({
			status: 'vertraagd',
			fallbackInForce: true,
			ratification: 'lopend',
			overdue: false
		});
		expect(byId.get(cid(6))!.ratification).toBe('afgewezen');
		expect(byId.get(cid(6))!.owners.map((o) => o.party)).toContain('ipo');

		// Overhedenoverleg → BOFv → Voorjaarsnota, followed from the BOFv's agreement both ways.
		const chain = await agreementChain(db, reader, cid(5));
		expect(chain.map((node) => [node.id, node.depth, node.meetingKind])).toEqual([
			[cid(4), -1, 'overhedenoverleg'],
			[cid(5), 0, 'bofv']
		]);
		expect(chain[1]!.links).toEqual([
			expect.objectContaining({
				kind: 'begrotingsmoment',
				label: expect.stringMatching(/^Voorjaarsnota 20\d\d$/)
			})
		]);

		// Openbaar from the published list: the public's too; the vertrouwelijk item's stays at the table.
		const stored = await db.select().from(agreements);
		const publicOnes = [];
		for (const row of stored)
			if ((await audienceOf(db, row)).includes('public')) publicOnes.push(row.id);
		expect(publicOnes.sort()).toEqual([cid(1), cid(2), cid(3), cid(6)].sort());
	});

	it('tells each agreement’s story in its history: made by the secretariaat, then reported, ratified, handed on and closed by the people of the demo', async () => {
		const { db } = test.handle;
		await seedDatabase(db, { demo: true });
		const actors = (await demoActorsOf(db))!;
		const secretariaat = actors.get('secretariaat')!;
		const story = await withDatabase(db, async () => {
			const lines = new Map<number, AgreementHistoryEntry[]>();
			for (const n of [1, 2, 3, 4, 5, 6, 7])
				lines.set(n, (await agreementHistory(secretariaat, cid(n))).reverse());
			return lines;
		});
		const told = (n: number) =>
			story.get(n)!.map((line) => {
				const what =
					line.to ?? line.ratification?.state ?? line.link?.label ?? line.link?.toAgreementId;
				return [line.kind, line.actorName, what ?? line.progress?.percent ?? null];
			});
		for (const [n, lines] of story) {
			expect(lines[0], `agreement ${n}`).toMatchObject({
				kind: 'created',
				actorName: secretariaat.name
			});
		}
		// In demoActors' order: the secretariaat, then BZK, Financiën, VNG (2), IPO (2) and the UvW.
		const [sec, bzk, fin, vngM, vngB, ipoM, ipoB, uvw] = demoActors.map(
			(who) => actors.get(who)!.name
		);
		expect(told(1)).toEqual([
			['created', sec, null],
			['progress_reported', bzk, 50],
			['ratification_recorded', vngB, 'goedgekeurd'],
			['ratification_recorded', ipoM, 'niet_nodig'],
			['progress_reported', bzk, 100],
			['status_changed', sec, 'afgerond']
		]);
		// The overdue one: set in uitvoering by its responsible party, and reported on.
		expect(told(2)).toEqual([
			['created', sec, null],
			['status_changed', fin, 'in_uitvoering'],
			['progress_reported', fin, 40]
		]);
		expect(told(3)).toEqual([['created', sec, null]]);
		// The chain: the Overhedenoverleg's agreement handed on to the BOFv's, that one to the Voorjaarsnota.
		expect(told(4)).toEqual([
			['created', sec, null],
			['linked', sec, cid(5)],
			['status_changed', sec, 'afgerond']
		]);
		expect(told(5)).toEqual([
			['created', sec, null],
			['ratification_recorded', vngM, 'lopend'],
			['progress_reported', vngM, 60],
			['linked', sec, expect.stringMatching(/^Voorjaarsnota 20\d\d$/)],
			['status_changed', fin, 'vertraagd']
		]);
		expect(told(6)).toEqual([
			['created', sec, null],
			['ratification_recorded', vngB, 'goedgekeurd'],
			['ratification_recorded', ipoB, 'afgewezen'],
			['ratification_recorded', uvw, 'niet_nodig'],
			['progress_reported', ipoM, null]
		]);
		expect(told(7)).toEqual([
			['created', sec, null],
			['status_changed', sec, 'vervallen']
		]);
		// Where the verbs take a time, the story's days: closed, delayed and decided in the past.
		const [closed] = await db
			.select({ closedAt: agreements.closedAt })
			.from(agreements)
			.where(eq(agreements.id, cid(1)));
		expect(closed!.closedAt!.getTime()).toBeLessThan(Date.now() - 20 * 86_400_000);

		// VNG's report on the BOFv's agreement carries a PDF, listed with the report and in its line.
		const detail = await withDatabase(db, () => getAgreement(secretariaat, cid(5)));
		const report = detail.progressReports.find((r) => r.attachments.length > 0)!;
		expect(report.attachments).toEqual([
			expect.objectContaining({
				filename: 'Concept-notitie verdeling opschalingskorting.pdf',
				mediaType: 'application/pdf'
			})
		]);
		expect(report.attachments[0]!.size).toBeGreaterThan(500);
		expect(
			story.get(5)!.find((line) => line.kind === 'progress_reported')!.progress!.files
		).toEqual(['Concept-notitie verdeling opschalingskorting.pdf']);
	});

	it('adds nothing on a second run', async () => {
		const { db } = test.handle;
		await seedDatabase(db, { demo: true });
		await seedDatabase(db, { demo: true });
		expect(await db.select().from(agreements)).toHaveLength(7);
		const logged = await db.select().from(events).where(eq(events.subjectType, 'agreement'));
		expect(logged.filter((event) => event.type === 'agreement.created.v1')).toHaveLength(7);
	});

	it('adds none without demo mode', async () => {
		const { db } = test.handle;
		await seedDatabase(db, { demo: false });
		expect(await db.select().from(agreements)).toHaveLength(0);
	});
});

/**
 * The data of the finance load test (bench/finance.ts): 2,000 financial arrangements over every
 * layer and instrument, each with a ledger of 5 entries of 10 years each (100,000 lines), their
 * known-at moments spread over the past five years, and 20 fund circulars that processed the
 * amounts of most arrangements. Written in bulk (multi-row inserts through the schema's tables, not
 * the verbs, which would take minutes); the shapes are those the verbs write: each line carries its
 * entry's arrangement and known-at, the arrangement its schedule version.
 */
import { createSession } from '../src/lib/server/auth/session';
import { composeToken, hashSecret, randomSecret } from '../src/lib/server/auth/tokens';
import { openDatabase } from '../src/lib/server/db/database';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { seedDatabase } from '../src/lib/server/db/seed';
import * as schema from '../src/lib/server/db/schema';
import { API_TOKEN_PREFIX } from '../src/lib/server/identity/account';

const { apiTokens, circularAmounts, circulars, financeEntries, financeEntryLines } = schema;
const { financialArrangements, organisations, people } = schema;
const ARRANGEMENTS = 2_000;
const ENTRIES = 5;
const YEARS = Array.from({ length: 10 }, (_, i) => 2021 + i);
const CIRCULARS = 20;
const DAY = 86_400_000;
const HISTORY_DAYS = 5 * 365;

function chunks<T>(rows: T[], size = 1000): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
	return out;
}

/** A small deterministic generator, so every run measures the same data. */
function random(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state * 1_664_525 + 1_013_904_223) >>> 0;
		return state / 2 ** 32;
	};
}

/** Whole euros between 1 and `max` million, as cents: integers all the way. */
const millions = (next: () => number, max: number) =>
	(1 + Math.floor(next() * max * 1000)) * 100_000;

export async function seedFinanceLoad(databaseUrl: string) {
	const handle = await openDatabase({ engine: 'postgres', url: databaseUrl, maxConnections: 4 });
	try {
		await migrateDatabase(handle, './drizzle');
		await seedDatabase(handle.db);
		const db = handle.db;
		const now = Date.now();
		const next = random(15);
		const orgs = await db.select().from(organisations);
		const org = (slug: string) => orgs.find((o) => o.slug === slug)!;
		const [fin, reader] = await db
			.insert(people)
			.values([
				{
					email: `medewerker.fin.${now}@bench.example`,
					name: 'medewerker fin',
					organisationId: org('fin').id,
					role: 'medewerker' as const
				},
				{
					email: `medewerker.vng.${now}@bench.example`,
					name: 'medewerker vng',
					organisationId: org('vng').id,
					role: 'medewerker' as const
				}
			])
			.returning();

		// 20 circulars: mei, september and december of the years before now, newest first.
		const thisYear = new Date(now).getUTCFullYear();
		const kinds = ['december', 'september', 'mei'] as const;
		const months = { mei: '06-01', september: '09-16', december: '12-10' } as const;
		const circularValues = Array.from({ length: CIRCULARS }, (_, i) => {
			const kind = kinds[i % 3]!;
			const year = thisYear - 1 - Math.floor(i / 3);
			return { kind, year, publishedOn: `${year}-${months[kind]}`, createdBy: fin!.id };
		});
		const circularRows = await db.insert(circulars).values(circularValues).returning();

		// 2,000 arrangements in every layer and instrument, with 5 entries of 10 years each.
		const layers = schema.financeLayers;
		const instruments = schema.financeInstruments;
		const plans = Array.from({ length: ARRANGEMENTS }, (_, i) => {
			const firstKnown = now - (30 + Math.floor(next() * (HISTORY_DAYS - 60))) * DAY;
			const step = (now - DAY - firstKnown) / ENTRIES;
			const known = Array.from(
				{ length: ENTRIES },
				(_, e) => new Date(Math.floor(firstKnown + e * step + next() * step * 0.5))
			);
			const status: schema.ArrangementStatus =
				i % 4 === 3 ? 'verwerkt' : i % 2 ? 'toegezegd' : 'voorgesteld';
			return {
				known,
				values: {
					title: `Arrangement ${i + 1}: middelen voor medebewindstaken`,
					description: 'Middelen voor de uitvoering van taken in medebewind.',
					instrument: instruments[i % instruments.length]!,
					layer: layers[i % layers.length]!,
					nature: i % 3 ? ('structureel' as const) : ('incidenteel' as const),
					status,
					processedCircularId: status === 'verwerkt' ? circularRows[i % CIRCULARS]!.id : null,
					expectedCircularKind: i % 5 === 0 ? circularRows[i % CIRCULARS]!.kind : null,
					expectedCircularYear: i % 5 === 0 ? circularRows[i % CIRCULARS]!.year : null,
					confidentiality: i % 3 === 0 ? ('openbaar' as const) : ('vertrouwelijk' as const),
					scheduleVersion: ENTRIES,
					version: 1 + ENTRIES,
					createdBy: fin!.id,
					createdAt: known[0]!,
					updatedAt: known[ENTRIES - 1]!
				}
			};
		});
		const arrangementIds: string[] = [];
		for (const batch of chunks(plans, 500)) {
			const rows = await db
				.insert(financialArrangements)
				.values(batch.map((plan) => plan.values))
				.returning({ id: financialArrangements.id });
			arrangementIds.push(...rows.map((row) => row.id));
		}
		const entries: (typeof financeEntries.$inferInsert)[] = [];
		const lines: (typeof financeEntryLines.$inferInsert)[] = [];
		const schedules: Map<number, number>[] = [];
		plans.forEach((plan, i) => {
			const arrangementId = arrangementIds[i]!;
			const schedule = new Map<number, number>();
			plan.known.forEach((knownAt, e) => {
				const id = crypto.randomUUID();
				entries.push({
					id,
					arrangementId,
					sequence: e + 1,
					reason: e === 0 ? 'eerste kasritme' : `bijgesteld (${e})`,
					knownAt,
					recordedAt: knownAt,
					recordedBy: fin!.id
				});
				for (const year of YEARS) {
					// The first entry sets the year; each later one raises or lowers it (never by 0).
					const delta = e === 0 ? millions(next, 50) : (next() < 0.5 ? -1 : 1) * millions(next, 5);
					schedule.set(year, (schedule.get(year) ?? 0) + delta);
					lines.push({ entryId: id, arrangementId, year, deltaCents: delta, knownAt });
				}
			});
			schedules.push(schedule);
		});
		for (const batch of chunks(entries)) await db.insert(financeEntries).values(batch);
		for (const batch of chunks(lines, 2000)) await db.insert(financeEntryLines).values(batch);

		// Each circular processed the years around its own of every arrangement it names (about a
		// third of them), mostly as committed and now and then a little off.
		const amounts: (typeof circularAmounts.$inferInsert)[] = [];
		circularRows.forEach((circular, c) => {
			arrangementIds.forEach((arrangementId, i) => {
				if ((i + c) % 3 !== 0) return;
				for (const year of [circular.year, circular.year + 1]) {
					const committed = schedules[i]!.get(year);
					if (committed === undefined) continue;
					const off = next() < 0.1 ? 100_000 : 0;
					amounts.push({
						circularId: circular.id,
						arrangementId,
						year,
						amountCents: committed - off,
						enteredBy: fin!.id
					});
				}
			});
		});
		for (const batch of chunks(amounts, 2000)) await db.insert(circularAmounts).values(batch);
		await db.execute('vacuum analyze');

		// The VNG medewerker signed in (the page) and with a read token (the API).
		const { token: sessionToken } = await createSession(
			db,
			reader!.id,
			{ idleMs: 7_200_000, maxMs: 43_200_000 },
			{ twoFactorVerified: true }
		);
		const secret = randomSecret();
		const [token] = await db
			.insert(apiTokens)
			.values({
				personId: reader!.id,
				name: 'bench',
				secretHash: hashSecret(secret),
				prefix: 'bench',
				scope: 'read'
			})
			.returning();
		// What the totals must say: the sum of every line, now and as known at the past moment.
		const expected = (at: number | null) =>
			lines.reduce(
				(sum, line) =>
					at === null || (line.knownAt as Date).getTime() <= at
						? sum + (line.deltaCents as number)
						: sum,
				0
			);
		return {
			sessionToken,
			apiToken: composeToken(token!.id, secret, API_TOKEN_PREFIX),
			financeStaff: { id: fin!.id, name: fin!.name, organisationId: fin!.organisationId },
			arrangementIds,
			expectedTotal: expected,
			counts: {
				arrangements: arrangementIds.length,
				entries: entries.length,
				lines: lines.length,
				circulars: circularRows.length,
				circularAmounts: amounts.length
			}
		};
	} finally {
		await handle.close();
	}
}

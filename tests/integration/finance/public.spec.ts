import { beforeAll, describe, expect, it } from 'vitest';
import { commentOnArrangement, financeTotals, markFigures } from '../../../src/lib/server/finance';
import { load as listLoad } from '../../../src/routes/(public)/publicaties/financien/+page.server';
import { load as pageLoad } from '../../../src/routes/(public)/publicaties/financien/[id]/+page.server';
import { publishedDecisions, unpublishedDecisions } from '../agreements/fixtures';
import { pageEvent, thrownStatus } from '../agreements/page-fixtures';
import { useProcessDatabase } from '../process-env';
import { arrangementWith, createTeam, type Team } from './fixtures';

/*
 * The public finance pages (issue 15): an arrangement marked openbaar that comes from a published
 * decision is the public's, with its schedule, history and reconciliation; a vertrouwelijk one, or
 * one whose decision is not published, never shows: not in the list, a 404 on its page, not in the
 * public totals. Comments, the koepels' marks and who recorded an entry stay at the table.
 */

useProcessDatabase();

type ListData = {
	errors: Record<string, string> | null;
	page: { rows: { id: string; totalCents: number }[] } | null;
	totals: { total: { totalCents: number }; years: number[] } | null;
};
type PageData = {
	arrangement: { id: string; reference: string; totalCents: number };
	history: { reason: string; lines: { year: number; fromCents: number; toCents: number }[] }[];
	reconciliation: { year: number; committedCents: number }[];
	links: { kind: string; href: string }[];
};

const list = async (query = '') =>
	(await listLoad(pageEvent(`/publicaties/financien${query}`, null))) as unknown as ListData;
const detail = async (id: string) =>
	(await pageLoad(pageEvent(`/publicaties/financien/${id}`, null, { id }))) as unknown as PageData;
const listed = (data: ListData) => data.page?.rows.map((row) => row.id) ?? [];

let team: Team;
let published: Awaited<ReturnType<typeof publishedDecisions>>;
beforeAll(async () => {
	team = await createTeam();
	published = await publishedDecisions(team);
});

describe('public financial arrangements', () => {
	it('shows an openbaar one from a published decision; a vertrouwelijk one nowhere, not even in the totals', async () => {
		const decisionId = published.decisions[0]!.id;
		const before = (await financeTotals(null)).total.totalCents;
		const open = await arrangementWith(
			team.finMedewerker,
			{ 2025: 41_400_000_000, 2026: 130_000_000_012 },
			{ decisionId, confidentiality: 'openbaar' }
		);
		const secret = await arrangementWith(
			team.finMedewerker,
			{ 2025: 7_000_000_000 },
			{ decisionId, confidentiality: 'vertrouwelijk' }
		);

		const data = await list();
		expect(listed(data)).toContain(open.id);
		expect(listed(data)).not.toContain(secret.id);
		// Exactly the public one more, to the cent.
		expect(data.totals!.total.totalCents - before).toBe(171_400_000_012);
		expect(data.totals!.years).toEqual(expect.arrayContaining([2025, 2026]));

		expect(await thrownStatus(() => detail(secret.id))).toBe(404);
		const page = await detail(open.id);
		expect(page.arrangement).toMatchObject({
			reference: open.reference,
			totalCents: 171_400_000_012
		});
		expect(page.history[0]!.lines).toEqual([
			{ year: 2025, deltaCents: 41_400_000_000, fromCents: 0, toCents: 41_400_000_000 },
			{ year: 2026, deltaCents: 130_000_000_012, fromCents: 0, toCents: 130_000_000_012 }
		]);
		expect(page.reconciliation.map((year) => year.year)).toEqual([2025, 2026]);
		expect(page.links).toEqual(
			expect.arrayContaining([
				{
					kind: 'decision',
					title: expect.any(String),
					href: `/publicaties/${published.meeting.id}`
				}
			])
		);
	});

	it('keeps an openbaar one whose decision is not published away from the public', async () => {
		const held = await unpublishedDecisions(team);
		const pending = await arrangementWith(
			team.finMedewerker,
			{ 2027: 500 },
			{ decisionId: held.decisions[0]!.id, confidentiality: 'openbaar' }
		);
		expect(listed(await list())).not.toContain(pending.id);
		expect(await thrownStatus(() => detail(pending.id))).toBe(404);
	});

	it('never gives the public a comment, a mark’s note or who recorded an entry', async () => {
		const open = await arrangementWith(
			team.finMedewerker,
			{ 2025: 1_000 },
			{ decisionId: published.decisions[0]!.id, confidentiality: 'openbaar' }
		);
		await commentOnArrangement(team.vngMedewerker, open.id, { body: 'Interne twijfel over 2025' });
		await markFigures(team.vngBestuurder, open.id, {
			verdict: 'oneens',
			note: 'Geheime kanttekening VNG',
			scheduleVersion: 1
		});
		const text = JSON.stringify(await detail(open.id));
		expect(text).toContain(open.reference);
		for (const secret of [
			'Interne twijfel',
			'Geheime kanttekening',
			team.finMedewerker.personId,
			'recordedByName',
			'marks'
		])
			expect(text).not.toContain(secret);
	});

	it('filters by layer and answers a bad filter with a Dutch message, not a 500', async () => {
		const open = await arrangementWith(
			team.finMedewerker,
			{ 2025: 2_000 },
			{ decisionId: published.decisions[0]!.id, confidentiality: 'openbaar' }
		);
		expect(listed(await list('?laag=gemeenten'))).toContain(open.id);
		expect(listed(await list('?laag=provincies'))).not.toContain(open.id);
		const bad = await list('?laag=landen');
		expect(bad.page).toBeNull();
		expect(bad.errors?.laag).toMatch(/[a-z]/);
	});
});

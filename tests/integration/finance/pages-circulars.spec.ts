import { beforeAll, describe, expect, it } from 'vitest';
import {
	actions as listActions,
	load as listLoad
} from '../../../src/routes/financien/circulaires/+page.server';
import type { PageServerData as List } from '../../../src/routes/financien/circulaires/$types';
import {
	actions as circularActions,
	load as circularLoad
} from '../../../src/routes/financien/circulaires/[id]/+page.server';
import type { PageServerData as Circular } from '../../../src/routes/financien/circulaires/[id]/$types';
import { carry } from '../../../src/routes/financien/circulaires/[id]/import-file';
import { createCircular } from '../../../src/lib/server/finance';
import { failed, formPost } from '../form-post';
import { pageEvent, redirectOf, thrownStatus } from '../agreements/page-fixtures';
import { useProcessDatabase } from '../process-env';
import { arrangementWith, createTeam, type Team } from './fixtures';

/*
 * The circulars pages: who may add a circular, what one circular processed beside the committed
 * schedule, and its amounts entered by hand or imported: all or nothing, each error at its row or
 * line, in Dutch.
 */

useProcessDatabase();

let team: Team;
type Actor = Team[keyof Team];
/** A year no other test's circular takes (one circular per kind and year). */
const year = 2040 + Math.floor(Math.random() * 50);

beforeAll(async () => {
	team = await createTeam();
});

const view = async (actor: Actor, id: string) =>
	(await circularLoad(pageEvent(`/financien/circulaires/${id}`, actor, { id }))) as Circular;
const act = (
	name: keyof typeof circularActions,
	actor: Actor,
	id: string,
	fields: Record<string, string | File>
) =>
	circularActions[name]!(formPost(actor, `/financien/circulaires/${id}?/${name}`, fields, { id }));

const csv = (lines: string[]) =>
	new File([['kenmerk;jaar;bedrag', ...lines].join('\r\n')], 'meicirculaire.csv', {
		type: 'text/csv'
	});

describe('the list of circulars', () => {
	it('lets finance staff add one, and shows it with its number of amounts', async () => {
		const to = await redirectOf(() =>
			listActions.create!(
				formPost(team.finMedewerker, '/financien/circulaires?/create', {
					kind: 'september',
					year: String(year),
					publishedOn: `${year}-09-20`
				})
			)
		);
		expect(to).toMatch(/^\/financien\/circulaires\/[0-9a-f-]{36}\?toegevoegd$/);
		const list = (await listLoad(pageEvent('/financien/circulaires', team.vngMedewerker))) as List;
		const added = list.circulars.find((c) => c.kind === 'september' && c.year === year);
		expect(added).toMatchObject({ publishedOn: `${year}-09-20`, amounts: 0 });
		expect(list.mayCreate).toBe(false);
		expect(
			((await listLoad(pageEvent('/financien/circulaires', team.secretariaat))) as List).mayCreate
		).toBe(true);
	});

	it('refuses a koepel (403), and a second one of the same kind and year in Dutch', async () => {
		const fields = { kind: 'december', year: String(year), publishedOn: `${year}-12-10` };
		expect(
			await thrownStatus(() =>
				listActions.create!(formPost(team.vngMedewerker, '/financien/circulaires?/create', fields))
			)
		).toBe(403);
		await createCircular(team.bzkMedewerker, fields);
		const again = failed(
			await listActions.create!(
				formPost(team.bzkMedewerker, '/financien/circulaires?/create', fields)
			)
		);
		expect(again.status).toBe(409);
		expect(again.data.errors['']).toBe(`De decembercirculaire ${year} is er al.`);
		expect(await thrownStatus(() => listLoad(pageEvent('/financien/circulaires', null)))).toBe(303);
	});
});

describe('one circular', () => {
	it('records amounts by hand, all or nothing, with the message at its row', async () => {
		const circular = await createCircular(team.finMedewerker, {
			kind: 'mei',
			year,
			publishedOn: `${year}-05-30`
		});
		const row = await arrangementWith(team.finMedewerker, { 2026: 100_000_00 });
		const bad = failed(
			await act('amounts', team.finMedewerker, circular.id, {
				'reference-1': row.reference,
				'year-1': '2026',
				'amount-1': '99.000,00',
				'reference-3': 'FA-999999',
				'year-3': '2026',
				'amount-3': '1,00'
			})
		);
		expect(bad.status).toBe(400);
		expect(bad.data.errors).toEqual({
			'reference-3': 'Regel 3: Geen arrangement met kenmerk FA-999999.'
		});
		const amount = failed(
			await act('amounts', team.finMedewerker, circular.id, {
				'reference-2': row.reference,
				'year-2': '2026',
				'amount-2': '1,234.56'
			})
		);
		expect(Object.keys(amount.data.errors)).toEqual(['amount-2']);
		expect(amount.data.errors['amount-2']).toMatch(/^Regel 2: /);
		expect((await view(team.vngMedewerker, circular.id)).amounts).toEqual([]);

		const good = await act('amounts', team.finMedewerker, circular.id, {
			'reference-1': row.reference,
			'year-1': '2026',
			'amount-1': '99.000,01'
		});
		expect(good).toEqual({ form: 'amounts', recorded: 1 });
		expect((await view(team.vngMedewerker, circular.id)).amounts).toEqual([
			{
				arrangement: expect.objectContaining({ id: row.id, reference: row.reference }),
				years: [
					{
						year: 2026,
						processedCents: 99_000_01,
						committedCents: 100_000_00,
						differenceCents: -999_99
					}
				]
			}
		]);
		expect(
			await thrownStatus(() =>
				act('amounts', team.vngMedewerker, circular.id, {
					'reference-1': row.reference,
					'year-1': '2026',
					'amount-1': '1,00'
				})
			)
		).toBe(403);
	});

	it('previews an uploaded table, then imports exactly it; the expected arrangement leaves the flagged list', async () => {
		const circular = await createCircular(team.secretariaat, {
			kind: 'mei',
			year: year + 1,
			publishedOn: `${year + 1}-05-30`
		});
		const expected = await arrangementWith(
			team.finMedewerker,
			{ 2027: 5_000_000_00, 2028: 5_000_000_00 },
			{ expectedCircular: { kind: 'mei', year: year + 1 } }
		);
		const page = await view(team.finMedewerker, circular.id);
		expect(page.mayEnter).toBe(true);
		expect(page.missing.map((a) => a.id)).toEqual([expected.id]);

		const preview = (await act('preview', team.finMedewerker, circular.id, {
			file: csv([
				`${expected.reference};2027;5.000.000,00`,
				`${expected.reference};2028;4.500.000,00`
			])
		})) as Record<string, unknown> & { carried: ReturnType<typeof carry> | null };
		expect(preview).toMatchObject({
			form: 'preview',
			fileName: 'meicirculaire.csv',
			lineErrors: [],
			lines: [
				{
					line: 2,
					reference: expected.reference,
					title: expected.title,
					year: 2027,
					cents: 5_000_000_00,
					previousCents: null
				},
				{ line: 3, year: 2028, cents: 4_500_000_00, previousCents: null }
			]
		});
		expect((await view(team.finMedewerker, circular.id)).amounts).toEqual([]);

		// A changed byte is not what the preview showed.
		const tampered = failed(
			await act('import', team.finMedewerker, circular.id, {
				...preview.carried!,
				sha256: '0'.repeat(64)
			})
		);
		expect(tampered.data.errors.file).toMatch(/Kies het opnieuw/);

		const imported = await act('import', team.finMedewerker, circular.id, { ...preview.carried! });
		expect(imported).toEqual({ form: 'import', recorded: 2 });
		const after = await view(team.vngMedewerker, circular.id);
		expect(after.missing).toEqual([]);
		expect(after.amounts[0]!.years.map((line) => line.differenceCents)).toEqual([0, -500_000_00]);
	});

	it('imports nothing from a table with one bad line, and names that line', async () => {
		const circular = await createCircular(team.finMedewerker, {
			kind: 'september',
			year: year + 1,
			publishedOn: `${year + 1}-09-20`
		});
		const row = await arrangementWith(team.finMedewerker, { 2027: 1_00 });
		const file = csv([`${row.reference};2027;1,00`, `${row.reference};twintig;2,00`]);
		const preview = (await act('preview', team.finMedewerker, circular.id, { file })) as {
			lineErrors: { line: number; message: string }[];
			carried: unknown;
		};
		expect(preview.lineErrors).toHaveLength(1);
		expect(preview.lineErrors[0]!.line).toBe(3);
		expect(preview.carried).toBeNull();
		// Sent anyway (the bytes as the preview read them): refused whole, at its line.
		const bytes = new Uint8Array(await file.arrayBuffer());
		const refused = failed(
			await act('import', team.finMedewerker, circular.id, { ...carry('meicirculaire.csv', bytes) })
		);
		expect(refused.status).toBe(400);
		expect(Object.values(refused.data.errors)).toEqual([expect.stringMatching(/^Regel 3: /)]);
		expect((await view(team.finMedewerker, circular.id)).amounts).toEqual([]);
	});

	it('refuses a file over 5 MB with a Dutch message, and no file at all', async () => {
		const circular = await createCircular(team.finMedewerker, {
			kind: 'december',
			year: year + 1,
			publishedOn: `${year + 1}-12-10`
		});
		const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'groot.csv');
		const tooBig = failed(await act('preview', team.finMedewerker, circular.id, { file: big }));
		expect(tooBig.data.errors.file).toBe(
			'Dit bestand is groter dan 5 MB. Splits het in kleinere bestanden.'
		);
		const none = failed(await act('preview', team.finMedewerker, circular.id, {}));
		expect(none.data.errors.file).toBe('Kies een CSV- of Excelbestand (XLSX).');
	});
});

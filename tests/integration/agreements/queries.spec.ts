import { inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { canSee } from '../../../src/lib/server/audience';
import { useDb } from '../../../src/lib/server/db';
import { agreementRatifications, agreements } from '../../../src/lib/server/db/schema';
import {
	agreementChain,
	agreementRegister,
	createAgreement,
	linkOnward,
	partyDashboard,
	updateAgreement
} from '../../../src/lib/server/agreements';
import { agreementsVisibleTo, audienceOf } from '../../../src/lib/server/agreements/audience';
import { InvalidInputError } from '../../../src/lib/server/kernel/errors';
import { planned } from '../agenda/fixtures';
import { countQueries } from '../query-count';
import { useProcessDatabase } from '../process-env';
import {
	createTeam,
	forceAgreement,
	freeAgreement,
	ownerOf,
	publishedDecisions,
	rejection,
	type Team
} from './fixtures';

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

describe('the register', () => {
	it('filters by party, status, meeting, period, overdue, mine and my party, with the total', async () => {
		const meeting = await planned(team.secretariaat, {}, -5);
		const make = (title: string, deadline: string, owners = [team.vngMedewerker]) =>
			createAgreement(team.secretariaat, {
				meetingId: meeting.id,
				title,
				deadline,
				owners: owners.map((actor) => ownerOf(actor))
			});
		const jeugd = await make('Jeugdzorg: de middelen voor 2026', '2026-03-31');
		const udo = await make('UDO: de ervaringen delen', '2026-06-30', [team.ipoMedewerker]);
		const bfu = await make('BFU: het wetsvoorstel', '2026-09-30', [
			team.bzkMedewerker,
			team.vngBestuurder
		]);
		await forceAgreement(bfu.id, { status: 'in_uitvoering' });
		const now = new Date('2026-07-01T10:00:00Z');
		const ids = async (filter: Record<string, unknown>, actor = team.uvwMedewerker) =>
			(await agreementRegister(actor, { meetingId: meeting.id, ...filter }, now)).rows.map(
				(row) => row.id
			);

		expect(await ids({})).toEqual([jeugd.id, udo.id, bfu.id]);
		expect(await ids({ party: 'vng' })).toEqual([jeugd.id, bfu.id]);
		expect(await ids({ party: 'rijk', status: 'in_uitvoering' })).toEqual([bfu.id]);
		expect(await ids({ from: '2026-04-01', to: '2026-09-30' })).toEqual([udo.id, bfu.id]);
		expect(await ids({ overdue: 'true' })).toEqual([jeugd.id, udo.id]);
		expect(await ids({ mine: true }, team.ipoMedewerker)).toEqual([udo.id]);
		expect(await ids({ mine: true }, team.ipoBestuurder)).toEqual([]);
		expect(await ids({ myParty: true }, team.ipoBestuurder)).toEqual([udo.id]);
		expect(await ids({ myParty: true }, team.finMedewerker)).toEqual([bfu.id]);

		const page = await agreementRegister(
			team.uvwMedewerker,
			{ meetingId: meeting.id, pageSize: 2, page: 2 },
			now
		);
		expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
		expect(page.rows.map((row) => row.id)).toEqual([bfu.id]);
		const past = await agreementRegister(
			team.uvwMedewerker,
			{ meetingId: meeting.id, page: 9 },
			now
		);
		expect(past).toMatchObject({ total: 3, rows: [] });
	});

	it('sorts by deadline, status, title and meeting, either way', async () => {
		const early = await planned(team.secretariaat, {}, -40);
		const late = await planned(team.secretariaat, {}, -20);
		const mark = `sorteer${Date.now()}`;
		const a = await createAgreement(team.secretariaat, {
			meetingId: late.id,
			title: `Alfa ${mark}`,
			deadline: '2027-05-01',
			owners: [ownerOf(team.vngMedewerker)]
		});
		const b = await createAgreement(team.secretariaat, {
			meetingId: early.id,
			title: `Bravo ${mark}`,
			deadline: '2027-03-01',
			owners: [ownerOf(team.vngMedewerker)]
		});
		await forceAgreement(a.id, { status: 'in_uitvoering' });
		const order = async (sort: string, dir = 'asc') =>
			(await agreementRegister(team.vngMedewerker, { q: mark, sort, dir })).rows.map(
				(row) => row.id
			);
		expect(await order('deadline')).toEqual([b.id, a.id]);
		expect(await order('deadline', 'desc')).toEqual([a.id, b.id]);
		expect(await order('status')).toEqual([b.id, a.id]);
		expect(await order('title', 'desc')).toEqual([b.id, a.id]);
		expect(await order('meeting')).toEqual([b.id, a.id]);
	});

	it('searches in Dutch: stems, the text and the condition, ranked', async () => {
		const mark = `zoek${Date.now()}`;
		const inTitle = await freeAgreement(team, { title: `De verplichtingen ${mark}` });
		const inBody = await freeAgreement(team, {
			title: `Iets anders ${mark}`,
			body: 'Over de verplichting uit het Gemeentefonds.'
		});
		await freeAgreement(team, { title: `Niets hiervan ${mark}` });
		const found = await agreementRegister(team.ipoMedewerker, { q: `verplichting ${mark}` });
		expect(found.rows.map((row) => row.id)).toEqual([inTitle.id, inBody.id]);
		expect(found.total).toBe(2);
	});

	it('refuses a period that ends before it begins, and "my party" for whoever speaks for none', async () => {
		expect(
			await rejection(
				agreementRegister(team.vngMedewerker, { from: '2027-02-01', to: '2027-01-01' })
			)
		).toBeInstanceOf(InvalidInputError);
		const mine = await rejection(agreementRegister(team.secretariaat, { myParty: true }));
		expect((mine as InvalidInputError).fields.myParty).toBeDefined();
		const sort = await rejection(agreementRegister(team.vngMedewerker, { sort: 'owner' }));
		expect((sort as InvalidInputError).fields.sort).toBeDefined();
	});
});

describe('who may read: the SQL filter and the keys of the gate agree', () => {
	it('the public reads only openbaar agreements from a published decision', async () => {
		const published = await publishedDecisions(team);
		const open = await createAgreement(team.secretariaat, {
			decisionId: published.decisions[0]!.id,
			deadline: '2027-04-01',
			owners: [ownerOf(team.vngMedewerker)]
		});
		const hidden = await createAgreement(team.secretariaat, {
			decisionId: published.decisions[0]!.id,
			deadline: '2027-04-01',
			confidentiality: 'vertrouwelijk',
			owners: [ownerOf(team.vngMedewerker)]
		});
		const confidentialItem = await createAgreement(team.secretariaat, {
			decisionId: published.decisions[1]!.id,
			deadline: '2027-04-01',
			confidentiality: 'openbaar',
			owners: [ownerOf(team.ipoMedewerker)]
		});
		const free = await freeAgreement(team);
		await updateAgreement(team.secretariaat, free.id, { confidentiality: 'openbaar' });
		const ids = [open.id, hidden.id, confidentialItem.id, free.id];
		const db = await useDb();
		const rows = await db.select().from(agreements).where(inArray(agreements.id, ids));
		const publicIds = (
			await db.select({ id: agreements.id }).from(agreements).where(agreementsVisibleTo(null))
		).map((row) => row.id);
		expect(publicIds.filter((id) => ids.includes(id))).toEqual([open.id]);
		for (const row of rows) {
			const keys = await audienceOf(db, row);
			expect(canSee(null, keys), row.title).toBe(row.id === open.id);
			expect(canSee(team.uvwMedewerker, keys)).toBe(true);
		}
	});
});

describe('the party dashboard', () => {
	it('counts open, due within 30 days, overdue, done this year (Amsterdam) and awaiting ratification, in one query', async () => {
		const now = new Date('2027-06-15T10:00:00Z');
		const uvw = [team.uvwMedewerker];
		const make = async (
			deadline: string,
			changes: Partial<typeof agreements.$inferInsert> = {},
			owners = uvw
		) => {
			const made = await freeAgreement(team, { deadline }, owners);
			if (Object.keys(changes).length) await forceAgreement(made.id, changes);
			return made;
		};
		const dueSoon = await make('2027-06-20');
		await make('2027-06-10', { status: 'in_uitvoering' });
		await make('2027-05-01', { status: 'vertraagd', expectedDate: '2027-08-01' });
		await make('2027-03-01', { status: 'afgerond', closedAt: new Date('2027-03-01T12:00:00Z') });
		// 00:30 on New Year's Day in Amsterdam: this year there, last year in UTC.
		await make('2026-12-31', { status: 'afgerond', closedAt: new Date('2026-12-31T23:30:00Z') });
		await make('2026-12-31', { status: 'afgerond', closedAt: new Date('2026-12-31T22:30:00Z') });
		const lapsed = await make('2027-01-01', {
			status: 'vervallen',
			lapseReason: 'Vervangen.',
			closedAt: now
		});
		const vngOnly = await make('2027-09-01', {}, [team.vngMedewerker]);
		const db = await useDb();
		await db.insert(agreementRatifications).values(
			// A vervallen agreement's consultation no longer waits.
			[dueSoon, vngOnly, lapsed].map((a) => ({
				agreementId: a.id,
				koepel: 'uvw' as const,
				state: 'lopend' as const,
				closesOn: '2027-07-01',
				recordedBy: team.uvwMedewerker.personId
			}))
		);
		let counts;
		const queries = await countQueries(async () => {
			counts = await partyDashboard(team.uvwBestuurder, {}, now);
		});
		expect(counts).toEqual({
			party: 'uvw',
			open: 3,
			dueSoon: 1,
			overdue: 1,
			doneThisYear: 2,
			awaitingRatification: 2
		});
		// The counts in one query, after the probe of the event log (events/memo.ts) ...
		expect(queries).toBe(2);
		// ... which is all that asking again costs while nothing changed, for anyone at the table.
		let again;
		expect(
			await countQueries(async () => {
				again = await partyDashboard(team.secretariaat, { party: 'uvw' }, now);
			})
		).toBe(1);
		expect(again).toEqual(counts);
		expect(await rejection(partyDashboard(team.secretariaat))).toBeInstanceOf(InvalidInputError);
	});
});

describe('the chain, both ways', () => {
	it('follows it back and on from any agreement, destinations included, in one query however long', async () => {
		const chainOf = async (length: number) => {
			const made = [];
			for (let i = 0; i < length; i++)
				made.push(await freeAgreement(team, { title: `Schakel ${i}` }));
			for (let i = 1; i < length; i++)
				await linkOnward(team.secretariaat, made[i - 1]!.id, { toAgreementId: made[i]!.id });
			await linkOnward(team.secretariaat, made.at(-1)!.id, {
				destination: { kind: 'begrotingsmoment', label: 'Voorjaarsnota 2027' }
			});
			return made;
		};
		const short = await chainOf(2);
		const long = await chainOf(6);
		// A branch: another agreement also handed on to the third link.
		const side = await freeAgreement(team, { title: 'Zijtak' });
		await linkOnward(team.secretariaat, side.id, { toAgreementId: long[2]!.id });

		const db = await useDb();
		const nodes = await agreementChain(db, team.ipoMedewerker, long[2]!.id);
		const atDepth = (depth: number) =>
			nodes
				.filter((node) => node.depth === depth)
				.map((node) => node.title)
				.sort();
		expect(nodes.map((node) => node.depth)).toEqual([-2, -1, -1, 0, 1, 2, 3]);
		expect([-2, -1, 0, 1, 2, 3].map(atDepth)).toEqual([
			['Schakel 0'],
			['Schakel 1', 'Zijtak'],
			['Schakel 2'],
			['Schakel 3'],
			['Schakel 4'],
			['Schakel 5']
		]);
		expect(nodes.at(-1)!.links).toEqual([
			expect.objectContaining({
				kind: 'begrotingsmoment',
				label: 'Voorjaarsnota 2027',
				toAgreementId: null
			})
		]);
		expect((await agreementChain(db, team.ipoMedewerker, long[0]!.id)).length).toBe(6);

		const forShort = await countQueries(() => agreementChain(db, team.vngMedewerker, short[0]!.id));
		const forLong = await countQueries(() => agreementChain(db, team.vngMedewerker, long[0]!.id));
		expect(forShort).toBe(1);
		expect(forLong).toBe(1);
	});
});

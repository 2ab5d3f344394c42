import { beforeAll, describe, expect, it } from 'vitest';
import { recordRatification, reportProgress, setStatus } from '../../../src/lib/server/agreements';
import { agreementWork, type AgreementWork } from '../../../src/lib/server/work/agreements';
import { load as workLoad } from '../../../src/routes/mijn-werk/+page.server';
import { useProcessDatabase } from '../process-env';
import { createTeam, forceAgreement, freeAgreement, inDays, type Team } from './fixtures';
import { pageEvent } from './page-fixtures';

useProcessDatabase();

/*
 * The party's agreements on Mijn werk: its dashboard and what it owes (agreements due, progress to
 * report, a consultation of its members to record), for whoever speaks for a party and no one else.
 */

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

const ids = (rows: { id: string }[] | null) => rows?.map((row) => row.id) ?? null;

describe('agreements on Mijn werk', () => {
	it('the start page carries the party’s agreements; the secretariaat and a beheerder get none', async () => {
		const data = (await workLoad(pageEvent('/mijn-werk', team.vngMedewerker))) as {
			agreements: AgreementWork | null;
		};
		expect(data.agreements?.party).toBe('vng');
		for (const actor of [team.secretariaat, team.beheerder]) {
			const other = (await workLoad(pageEvent('/mijn-werk', actor))) as {
				agreements: AgreementWork | null;
			};
			expect(other.agreements).toBeNull();
		}
	});

	it('due: within 30 days or overdue, of the own party only, closed ones left out', async () => {
		const soon = await freeAgreement(team, { deadline: inDays(10) });
		const late = await freeAgreement(team, { deadline: inDays(45) });
		const overdue = await freeAgreement(team);
		await forceAgreement(overdue.id, { deadline: inDays(-2) });
		const ipo = await freeAgreement(team, { deadline: inDays(5) }, [team.ipoMedewerker]);
		const done = await freeAgreement(team, { deadline: inDays(3) });
		await setStatus(team.secretariaat, done.id, { status: 'afgerond' });
		const before = await agreementWork(team.vngBestuurder);
		const due = ids(before!.due)!;
		expect(due).toEqual(expect.arrayContaining([soon.id, overdue.id]));
		for (const absent of [late.id, ipo.id, done.id]) expect(due).not.toContain(absent);
		expect(due.indexOf(overdue.id)).toBeLessThan(due.indexOf(soon.id));
		expect(before!.dashboard).toMatchObject({ party: 'vng' });
		expect(before!.dashboard.overdue).toBeGreaterThanOrEqual(1);
		expect(before!.dashboard.doneThisYear).toBeGreaterThanOrEqual(1);
	});

	it('progress owed: 30 days without a report of the party; a report takes it off', async () => {
		const old = await freeAgreement(team);
		await forceAgreement(old.id, { createdAt: new Date(Date.now() - 40 * 86_400_000) });
		const fresh = await freeAgreement(team);
		expect(ids((await agreementWork(team.vngMedewerker))!.progressOwed)).toContain(old.id);
		expect(ids((await agreementWork(team.vngMedewerker))!.progressOwed)).not.toContain(fresh.id);
		await reportProgress(team.vngMedewerker, old.id, { text: 'Gestart met de uitwerking.' });
		expect(ids((await agreementWork(team.vngMedewerker))!.progressOwed)).not.toContain(old.id);
	});

	it('ratifications to record: the koepel’s own lopend consultations; the Rijk has none to record', async () => {
		const agreement = await freeAgreement(team);
		await recordRatification(team.vngMedewerker, agreement.id, {
			koepel: 'vng',
			state: 'lopend',
			closesOn: inDays(14)
		});
		const vng = await agreementWork(team.vngMedewerker);
		expect(vng!.ratifications?.find((row) => row.id === agreement.id)).toMatchObject({
			closesOn: inDays(14)
		});
		expect(vng!.dashboard.awaitingRatification).toBeGreaterThanOrEqual(1);
		expect(ids((await agreementWork(team.ipoMedewerker))!.ratifications)).not.toContain(
			agreement.id
		);
		expect((await agreementWork(team.rijkBestuurder))!.ratifications).toBeNull();
	});
});

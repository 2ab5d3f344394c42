import { isRedirect } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { load as homeLoad } from '../../../src/routes/+page.server';
import { load as signInLoad } from '../../../src/routes/inloggen/+page.server';
import { load as workLoad } from '../../../src/routes/mijn-werk/+page.server';
import { useProcessDatabase } from '../process-env';
import { createTeam, openMeetingFor, placedItem, type Team } from '../agenda/fixtures';
import { startAgendaAlignment } from '../../../src/lib/server/meetings';
import type { MyWork } from '../../../src/lib/server/work';

useProcessDatabase();

/*
 * The route of "Mijn werk" and the ways to it: after signing in, from the home page, and back to
 * the sign-in page for a visitor, with the way back to it.
 */

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

const session = { id: 's', personId: 'p', twoFactorVerified: true, totpEnabled: true };

function event(path: string, actor: Team[keyof Team] | null) {
	return {
		url: new URL(`http://localhost${path}`),
		locals: { actor, session: actor ? session : null },
		depends: () => {}
	} as never;
}

async function redirectOf(work: () => unknown) {
	try {
		await work();
	} catch (caught) {
		if (isRedirect(caught)) return { status: caught.status, location: caught.location };
		throw caught;
	}
	return null;
}

describe('/mijn-werk', () => {
	it('sends a visitor to sign in, with the way back', async () => {
		expect(await redirectOf(() => workLoad(event('/mijn-werk', null)))).toEqual({
			status: 303,
			location: '/inloggen?terug=%2Fmijn-werk'
		});
	});

	it('shows a bestuurder the agenda waiting for their akkoord', async () => {
		const meeting = await openMeetingFor(team);
		await placedItem(team, team.vngMedewerker, meeting.id);
		await startAgendaAlignment(team.secretariaat, meeting.id);
		const data = (await workLoad(event('/mijn-werk', team.ipoBestuurder))) as MyWork;
		const waiting = data.sections.find((row) => row.kind === 'akkoordWaiting')!;
		expect(waiting.tasks.map((task) => task.id)).toContain(meeting.id);
	});
});

describe('where a signed-in person lands', () => {
	it('on /mijn-werk from the sign-in page, unless a return path says otherwise', async () => {
		const signedIn = team.vngMedewerker;
		expect(await redirectOf(() => signInLoad(event('/inloggen', signedIn)))).toEqual({
			status: 303,
			location: '/mijn-werk'
		});
		expect(
			await redirectOf(() => signInLoad(event('/inloggen?terug=%2Fvergaderingen', signedIn)))
		).toEqual({ status: 303, location: '/vergaderingen' });
	});

	it('on /mijn-werk from the home page; a visitor gets the introduction', async () => {
		expect(await redirectOf(() => homeLoad(event('/', team.secretariaat)))).toEqual({
			status: 303,
			location: '/mijn-werk'
		});
		const visitor = (await homeLoad(event('/', null))) as { organisations: unknown[] };
		expect(visitor.organisations.length).toBeGreaterThan(0);
	});
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/lib/server/access';
import { markHeld } from '../../../src/lib/server/meetings';
import { load } from '../../../src/routes/vergaderingen/[id]/besluitenlijst/+page.server';
import { useProcessDatabase } from '../process-env';
import { createTeam, type Team } from '../agenda/fixtures';
import { adoptedMeeting, decideAll } from './fixtures';

useProcessDatabase();

/*
 * The besluitenlijst page offers "Afspraak maken" (issue 14) to whoever may make agreements, the
 * secretariaat, through the same gate as the verb; a party reading the list is not offered it.
 */

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

async function pageFor(actor: Actor, meetingId: string) {
	const event = {
		locals: { actor, session: { twoFactorVerified: true, totpEnabled: true } },
		url: new URL('http://localhost/'),
		params: { id: meetingId },
		depends: () => {}
	};
	return (await load(event as never)) as { may: { makeAgreements: boolean } };
}

describe('the besluitenlijst page and agreements', () => {
	it('offers the secretariaat to make an afspraak of a decision, and no party', async () => {
		const { meeting, items } = await adoptedMeeting(team);
		await decideAll(
			team,
			items.map((item) => item.id)
		);
		await markHeld(team.secretariaat, meeting.id);
		expect((await pageFor(team.secretariaat, meeting.id)).may.makeAgreements).toBe(true);
		for (const actor of [team.vngBestuurder, team.uvwMedewerker])
			expect((await pageFor(actor, meeting.id)).may.makeAgreements).toBe(false);
	});
});

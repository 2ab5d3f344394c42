import { beforeAll, describe, expect, it } from 'vitest';
import { AccessError } from '../../../src/lib/server/access';
import { InvalidInputError, StateError } from '../../../src/lib/server/kernel/errors';
import {
	getItem,
	inviteCoSponsor,
	respondCoSponsor,
	withdrawItem
} from '../../../src/lib/server/agenda';
import { useProcessDatabase } from '../process-env';
import { createTeam, openMeetingFor, rejection, submitted, type Team } from './fixtures';

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

describe('co-sponsoring', () => {
	it('allowed: the proposer invites IPO, an IPO person accepts; the item is carried by both', async () => {
		const meeting = await openMeetingFor(team);
		const item = await submitted(team.vngMedewerker, meeting.id);
		const invitation = await inviteCoSponsor(team.vngBestuurder, item.id, { party: 'ipo' });
		expect(invitation).toMatchObject({ party: 'ipo', status: 'uitgenodigd' });
		expect((await getItem(team.uvwMedewerker, item.id)).carriedBy).toEqual(['vng']);
		const answer = await respondCoSponsor(team.ipoMedewerker, item.id, { accept: true });
		expect(answer).toMatchObject({
			status: 'geaccepteerd',
			decidedBy: team.ipoMedewerker.personId
		});
		expect((await getItem(team.uvwMedewerker, item.id)).carriedBy).toEqual(['vng', 'ipo']);
	});

	it('a declined party may be asked again; an open invitation not twice', async () => {
		const item = await submitted(team.bzkMedewerker, null);
		await inviteCoSponsor(team.bzkMedewerker, item.id, { party: 'uvw' });
		const twice = await rejection(inviteCoSponsor(team.bzkMedewerker, item.id, { party: 'uvw' }));
		expect(twice).toBeInstanceOf(StateError);
		await respondCoSponsor(team.uvwBestuurder, item.id, { accept: false });
		const again = await inviteCoSponsor(team.bzkMedewerker, item.id, { party: 'uvw' });
		expect(again.status).toBe('uitgenodigd');
		expect((await getItem(team.bzkMedewerker, item.id)).carriedBy).toEqual(['rijk']);
	});

	it('denied: another organisation may not invite (403), nor the own party, nor on a withdrawn item', async () => {
		const item = await submitted(team.vngMedewerker, null);
		const other = await rejection(inviteCoSponsor(team.ipoMedewerker, item.id, { party: 'uvw' }));
		expect((other as AccessError).status).toBe(403);
		const own = await rejection(inviteCoSponsor(team.vngMedewerker, item.id, { party: 'vng' }));
		expect((own as InvalidInputError).fields.party).toMatch(/eigen partij/);
		const bad = await rejection(inviteCoSponsor(team.vngMedewerker, item.id, { party: 'nato' }));
		expect((bad as InvalidInputError).fields.party).toMatch(/Kies/);
		// A concept may ask (the request goes out at the submission: co-sponsor-concept.spec.ts);
		// an item no longer on the way to the table may not.
		await withdrawItem(team.vngMedewerker, item.id);
		const gone = await rejection(inviteCoSponsor(team.vngMedewerker, item.id, { party: 'ipo' }));
		expect((gone as Error).message).toBe(
			'Een agendapunt met de status "ingetrokken" kunt u niet laten meedragen.'
		);
	});

	it('denied: a party that was not asked, the secretariaat and the beheerder may not answer (403)', async () => {
		const item = await submitted(team.vngMedewerker, null);
		await inviteCoSponsor(team.vngMedewerker, item.id, { party: 'ipo' });
		for (const actor of [
			team.uvwMedewerker,
			team.secretariaat,
			team.beheerder,
			team.rijkBestuurder
		]) {
			const caught = await rejection(respondCoSponsor(actor, item.id, { accept: true }));
			expect((caught as AccessError).status).toBe(403);
		}
		const bad = await rejection(respondCoSponsor(team.ipoMedewerker, item.id, { accept: 'ja' }));
		expect((bad as InvalidInputError).fields.accept).toMatch(/aannemen/);
		await respondCoSponsor(team.ipoMedewerker, item.id, { accept: true });
		const twice = await rejection(respondCoSponsor(team.ipoBestuurder, item.id, { accept: false }));
		expect(twice).toBeInstanceOf(StateError);
	});
});

import { beforeAll, describe, expect, it } from 'vitest';
import { useProcessDatabase } from '../process-env';
import { createTeam, submitted, type Team } from '../agenda/fixtures';
import { meetingInput } from '../meetings/fixtures';
import { contract, describeErrors, validatorFor } from './contract';

/*
 * The contract's other half (contract.spec.ts calls every operation with a valid request): the
 * check itself can fail, problem documents answer as the document says, and what is private says so.
 */

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

describe('the contract itself', () => {
	it('refuses an answer with a field the document does not name, without one it names, or with a time that is no ISO string', async () => {
		const item = await submitted(team.vngMedewerker, null);
		const { body } = await contract('getItem', team.vngMedewerker, { id: item.id });
		const validate = validatorFor('getItem', '200', 'application/json');
		expect(validate(body)).toBe(true);
		expect(validate({ ...body, search: "'jeugdzorg':1" })).toBe(false);
		expect(describeErrors(validate)).toEqual(['/ must NOT have additional properties: search']);
		const { title: _title, ...untitled } = body;
		expect(validate(untitled)).toBe(false);
		expect(validate({ ...body, createdAt: 'gisteren' })).toBe(false);
	});

	it('checks problem documents too: each against the Problem schema of its documented status', async () => {
		await contract('me', null, { status: 401 });
		await contract('getItem', team.vngMedewerker, { id: crypto.randomUUID(), status: 404 });
		await contract('draftItem', team.vngMedewerker, { body: { title: 'x' }, status: 400 });
		await contract('planMeeting', team.vngMedewerker, { body: meetingInput(), status: 403 });
		const item = await submitted(team.vngMedewerker, null);
		await contract('updateItem', team.vngMedewerker, {
			id: item.id,
			body: { title: 'Zonder versie' },
			status: 428
		});
		await contract('updateItem', team.vngMedewerker, {
			id: item.id,
			body: { title: 'Een oude versie' },
			ifMatch: item.version + 5,
			status: 412
		});
		await contract('submitItem', team.vngMedewerker, {
			id: item.id,
			ifMatch: item.version,
			status: 409
		});
	});
});

describe('what a signed-in answer may not do', () => {
	it('/api/v1/me is private and never stored', async () => {
		const answer = await contract('me', team.vngMedewerker);
		expect(answer.headers.get('cache-control')).toBe('private, no-store');
	});
});

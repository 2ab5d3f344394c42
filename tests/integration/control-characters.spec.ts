import { beforeAll, describe, expect, it } from 'vitest';
import { draftItem, getItem, myProposals } from '../../src/lib/server/agenda';
import { InvalidInputError } from '../../src/lib/server/kernel/errors';
import { listApiTokens } from '../../src/lib/server/identity/account';
import { listMeetings, planMeeting } from '../../src/lib/server/meetings';
import { actions as newItemActions } from '../../src/routes/agendapunten/nieuw/+page.server';
import { actions as loginActions } from '../../src/routes/inloggen/+page.server';
import { actions as accountActions } from '../../src/routes/mijn-account/+page.server';
import { actions as newMeetingActions } from '../../src/routes/vergaderingen/nieuw/+page.server';
import type { Actor } from '../../src/lib/server/access';
import { as, call } from './api/harness';
import { createTeam, itemInput, openMeetingFor, rejection, type Team } from './agenda/fixtures';
import { meetingInput } from './meetings/fixtures';
import { toAmsterdamLocal } from '../../src/routes/vergaderingen/meeting-form.server';
import { failed, formPost } from './form-post';
import { useProcessDatabase } from './process-env';

useProcessDatabase();

/**
 * A NUL (U+0000) in any free text was a 500: PostgreSQL refuses the byte. The platform refuses
 * every character that is not text (src/lib/server/kernel/text.ts) at the edge, with a Dutch
 * message at the field, and changes nothing.
 */
let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

const NUL = '\u0000';

describe('the verbs’ schemas', () => {
	it('refuse a NUL in an item’s title and a meeting’s place, naming the field', async () => {
		const item = await rejection(
			draftItem(team.vngMedewerker, itemInput({ title: `Jeugd${NUL}zorg` }))
		);
		expect((item as InvalidInputError).fields.title).toMatch(
			/^De titel bevat een onzichtbaar stuurteken \(U\+0000\)/
		);
		const meeting = await rejection(
			planMeeting(team.secretariaat, meetingInput({ location: `Den Haag${NUL}` }))
		);
		expect((meeting as InvalidInputError).fields.location).toMatch(/^De plaats bevat/);
		const surrogate = await rejection(
			draftItem(team.vngMedewerker, itemInput({ summary: 'Half \ud83d teken' }))
		);
		expect((surrogate as InvalidInputError).fields.summary).toMatch(/half teken \(U\+D83D\)/);
	});
});

async function mine(actor: Actor) {
	return (await myProposals(actor)).map((item) => item.id);
}

describe('the API', () => {
	it('refuses a NUL anywhere in a JSON body with 400 naming its path, also in a field no schema reads', async () => {
		const before = await mine(team.vngMedewerker);
		for (const [body, field] of [
			[itemInput({ title: `Jeugd${NUL}zorg` }), 'title'],
			[itemInput({ unknownField: `x${NUL}` }), 'unknownField'],
			[itemInput({ nested: { list: ['ok', `x${NUL}`] } }), 'nested.list.1'],
			[{ ...itemInput(), [`ti${NUL}tle`]: 'x' }, 'ti\\u0000tle']
		] as const) {
			const answer = await as(team.vngMedewerker).post('/api/v1/items', { body });
			expect(answer.status, field).toBe(400);
			expect(answer.headers.get('content-type')).toBe('application/problem+json');
			expect(answer.body.errors, field).toEqual([
				{ field, message: expect.stringMatching(/onzichtbaar stuurteken \(U\+0000\)/) }
			]);
		}
		expect(await mine(team.vngMedewerker)).toEqual(before);
	});

	it('refuses a lone surrogate sent as a JSON escape, and leaves the item as it was', async () => {
		const item = await draftItem(team.vngMedewerker, itemInput());
		const answer = await as(team.vngMedewerker).patch(`/api/v1/items/${item.id}`, {
			raw: '{"summary":"Half \\ud800 teken"}',
			ifMatch: item.version
		});
		expect(answer.status).toBe(400);
		expect(answer.body.errors![0]).toMatchObject({ field: 'summary' });
		expect(answer.body.errors![0]!.message).toMatch(/^Het veld "summary" bevat een half teken/);
		const after = await getItem(team.vngMedewerker, item.id);
		expect(after).toMatchObject({ version: item.version, summary: item.summary });
	});

	it('refuses a NUL in a query string (name or value) with 400', async () => {
		for (const [path, field] of [
			['/api/v1/search?q=%00', 'q'],
			['/api/v1/search?q=jeugd%01zorg', 'q'],
			['/api/v1/meetings?kind=bofv%00', 'kind'],
			['/api/v1/items?li%00st=mine', 'li\\u0000st']
		]) {
			const answer = await call('GET', path!, { actor: team.ipoMedewerker });
			expect(answer.status, path).toBe(400);
			expect(answer.body.errors, path).toEqual([
				{ field, message: expect.stringMatching(/stuurteken/) }
			]);
		}
	});
});

describe('forms', () => {
	it('plan a meeting: 400 with the message at the title, no meeting planned', async () => {
		const before = (await listMeetings(team.secretariaat)).length;
		const startsAt = new Date(Date.now() + 40 * 86_400_000);
		const result = failed(
			await newMeetingActions.default!(
				formPost(team.secretariaat, '/vergaderingen/nieuw', {
					kind: 'bofv',
					title: `BOFv${NUL} najaar`,
					startsAt: toAmsterdamLocal(startsAt),
					endsAt: toAmsterdamLocal(new Date(startsAt.getTime() + 7_200_000))
				})
			)
		);
		expect(result.status).toBe(400);
		expect(result.data.errors.title).toMatch(/^De titel bevat een onzichtbaar stuurteken/);
		expect((await listMeetings(team.secretariaat)).length).toBe(before);
	});

	it('new agenda item: 400 with the message at the summary, nothing saved', async () => {
		const meeting = await openMeetingFor(team);
		const before = await mine(team.ipoMedewerker);
		const result = failed(
			await newItemActions.save!(
				formPost(team.ipoMedewerker, '/agendapunten/nieuw?/save', {
					...itemInput({ summary: `Eerste regel\r\nTweede${NUL}regel` }),
					meetingId: meeting.id
				})
			)
		);
		expect(result.status).toBe(400);
		expect(result.data.errors.summary).toMatch(/^De samenvatting bevat/);
		expect(await mine(team.ipoMedewerker)).toEqual(before);
	});

	it('new API token: 400 with the message at the name, no token made', async () => {
		const before = (await listApiTokens(team.uvwMedewerker)).length;
		const result = failed(
			await accountActions.createToken!(
				formPost(team.uvwMedewerker, '/mijn-account?/createToken', {
					name: `Koppeling${NUL}`,
					scope: 'read',
					expiresInDays: '30'
				})
			)
		);
		expect(result.status).toBe(400);
		expect(result.data.errors.name).toMatch(/^De naam van het token bevat/);
		expect((await listApiTokens(team.uvwMedewerker)).length).toBe(before);
	});

	it('sign in: 400 with the message at the e-mail address', async () => {
		const result = failed(
			await loginActions.default!(
				formPost(null, '/inloggen', { email: `a${NUL}@vng.nl`, password: 'geheim' })
			)
		);
		expect(result.status).toBe(400);
		expect(result.data.errors.email).toMatch(/^Het e-mailadres bevat/);
	});
});

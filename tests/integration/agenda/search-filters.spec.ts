import type { RequestEvent } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	draftItem,
	inviteCoSponsor,
	respondCoSponsor,
	searchAgenda
} from '../../../src/lib/server/agenda';
import { load as searchPage } from '../../../src/routes/zoeken/+page.server';
import { InvalidInputError } from '../../../src/lib/server/kernel/errors';
import { useProcessDatabase } from '../process-env';
import { as } from '../api/harness';
import { createTeam, itemInput, openMeetingFor, submitted, type Team } from './fixtures';

useProcessDatabase();

/**
 * A search with filters but no text (what people do most: "everything of IPO"). Without a text
 * there is no rank to order by; the database refused the constant that stood in for it.
 */
let team: Team;
let later: { id: string };
let sooner: { id: string };
let unscheduled: { id: string };
let vngConcept: { id: string };
let ipoConcept: { id: string };
let coSponsored: { id: string };

beforeAll(async () => {
	team = await createTeam();
	const near = await openMeetingFor(team, 20);
	const middle = await openMeetingFor(team, 40);
	const far = await openMeetingFor(team, 60);
	// Submitted in an order that differs from the meetings' order, so the date ordering shows.
	later = await submitted(team.ipoMedewerker, far.id, { title: 'Regio Deal Twente' });
	sooner = await submitted(team.ipoMedewerker, near.id, { title: 'Provinciefonds 2027' });
	unscheduled = await submitted(team.ipoMedewerker, null, { title: 'Nog te agenderen' });
	ipoConcept = await draftItem(team.ipoMedewerker, itemInput({ title: 'Concept van IPO' }));
	vngConcept = await draftItem(team.vngMedewerker, itemInput({ title: 'Concept van VNG' }));
	coSponsored = await submitted(team.vngMedewerker, middle.id, { title: 'Samen met IPO' });
	await inviteCoSponsor(team.vngMedewerker, coSponsored.id, { party: 'ipo' });
	await respondCoSponsor(team.ipoMedewerker, coSponsored.id, { accept: true });
});

const ids = (found: { items: { id: string }[] }) => found.items.map((item) => item.id);
/** Only the items this file made, in the order found (the demo seed adds items of its own). */
const ours = (found: { items: { id: string }[] }) => {
	const made = new Set([later.id, sooner.id, unscheduled.id, coSponsored.id, ipoConcept.id]);
	return ids(found).filter((id) => made.has(id));
};
const byDate = () => [later.id, coSponsored.id, sooner.id, unscheduled.id];

type Found = { items: { id: string; meetingStartsAt: Date | string | null }[] };
/** Every row in date order: newest meeting first, rows without a meeting last. */
function expectDateOrder(found: Found) {
	const times = found.items.map((item) =>
		item.meetingStartsAt === null ? -Infinity : new Date(item.meetingStartsAt).getTime()
	);
	expect(times).toEqual(times.toSorted((a, b) => b - a));
}

describe('searchAgenda without a text', () => {
	it('filters by party, newest meeting first, items not on a meeting after them', async () => {
		const found = await searchAgenda(team.uvwMedewerker, { party: 'ipo' });
		expect(ours(found)).toEqual(byDate());
		expectDateOrder(found);
		// Item filters apply to items only: no meetings are listed for a party.
		expect(found.meetings).toEqual([]);
	});

	it('answers an empty search and an empty text with everything one may see, by date', async () => {
		for (const input of [{}, { q: '' }, { q: '   ' }, undefined]) {
			const found = await searchAgenda(team.uvwMedewerker, input);
			expect(ours(found)).toEqual(byDate());
			expectDateOrder(found);
			expect(ids(found)).not.toContain(vngConcept.id);
		}
	});

	it('never returns another organisation’s concept, also when the filter names its party', async () => {
		const forVng = await searchAgenda(team.vngMedewerker, { party: 'ipo' });
		expect(ids(forVng)).not.toContain(ipoConcept.id);
		for (const actor of [team.vngMedewerker, team.ipoBestuurder, team.secretariaat]) {
			const concepts = await searchAgenda(actor, { status: 'concept' });
			const others = concepts.items.filter(
				(item) => item.proposingOrganisationId !== actor.organisationId
			);
			expect(others).toEqual([]);
		}
		const forIpo = await searchAgenda(team.ipoBestuurder, { status: 'concept' });
		expect(ids(forIpo)).toContain(ipoConcept.id);
		expect(ids(forIpo)).not.toContain(vngConcept.id);
	});
});

describe('GET /api/v1/search without q', () => {
	it('answers 200 for a party filter, a bare search and an empty q', async () => {
		for (const path of ['/api/v1/search?party=ipo', '/api/v1/search', '/api/v1/search?q=']) {
			const answer = await as(team.uvwMedewerker).get(path);
			expect(answer.status, path).toBe(200);
			const found = answer.body as unknown as Found;
			expect(ours(found), path).toEqual(byDate());
			expectDateOrder(found);
		}
	});
});

describe('/zoeken?partij=ipo', () => {
	it('shows the party’s items by date, without a text', async () => {
		const url = new URL('http://localhost/zoeken?partij=ipo');
		const event = {
			url,
			// The live layer's reload key (the page re-runs on app:live).
			depends: () => undefined,
			locals: {
				actor: team.vngMedewerker,
				session: { id: 'test', twoFactorVerified: true, totpEnabled: false }
			}
		} as unknown as RequestEvent;
		const data = (await searchPage(event as never)) as {
			errors: unknown;
			results: { items: { id: string }[] };
		};
		expect(data.errors).toBeNull();
		expect(ours(data.results)).toEqual(byDate());
	});
});

describe('filters the database cannot take', () => {
	it('answer the year 0000 and a NUL with a message at the field', async () => {
		for (const [input, field] of [
			[{ from: '0000-01-01' }, 'from'],
			[{ to: '0000-12-31' }, 'to'],
			[{ from: '0001-01-01' }, 'from'],
			[{ q: 'jeugd\u0000zorg' }, 'q']
		] as const) {
			const caught = await searchAgenda(team.vngMedewerker, input).then(
				() => null,
				(error: unknown) => error
			);
			expect((caught as InvalidInputError).fields[field], field).toBeTruthy();
		}
		const answer = await as(team.vngMedewerker).get('/api/v1/search?from=0000-01-01');
		expect(answer.status).toBe(400);
		const wide = await searchAgenda(team.vngMedewerker, { from: '1000-01-01', to: '9999-12-31' });
		expect(ours(wide)).toEqual(byDate().slice(0, 3));
	});

	it('show the message on /zoeken, not an error page', async () => {
		const event = {
			url: new URL('http://localhost/zoeken?van=0000-01-01&q=a%00b'),
			depends: () => undefined,
			locals: {
				actor: team.vngMedewerker,
				session: { id: 'test', twoFactorVerified: true, totpEnabled: false }
			}
		} as unknown as RequestEvent;
		const data = (await searchPage(event as never)) as { errors: Record<string, string> };
		expect(data.errors.van).toMatch(/jjjj-mm-dd/);
	});
});

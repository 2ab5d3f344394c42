import { beforeAll, describe, expect, it } from 'vitest';
import { AccessError } from '../../../src/lib/server/access';
import { getAgreement, linkOnward, unlinkOnward } from '../../../src/lib/server/agreements';
import { InvalidInputError, StaleVersionError } from '../../../src/lib/server/kernel/errors';
import { agreementActions } from '../../../src/routes/afspraken/[id]/actions.server';
import { as } from '../api/harness';
import { failed, formPost } from '../form-post';
import { useProcessDatabase } from '../process-env';
import { createTeam, eventsOf, freeAgreement, rejection, type Team } from './fixtures';
import { thrownStatus } from './page-fixtures';

/*
 * Taking back an onward link (links.ts unlinkOnward): the secretariaat only, against the version it
 * saw, a link of this agreement only; the chain then reads without it both ways, and the event says
 * which link went, for the agreement's audience.
 */

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

const status = (caught: unknown) => (caught instanceof AccessError ? caught.status : caught);

/** A first agreement handed on to a second one and to the BOFv. */
async function handedOn() {
	const first = await freeAgreement(team);
	const second = await freeAgreement(team, {}, [team.bzkMedewerker]);
	const onward = await linkOnward(team.secretariaat, first.id, { toAgreementId: second.id });
	const bofv = await linkOnward(team.secretariaat, first.id, {
		destination: { kind: 'bofv', label: 'BOFv van november' }
	});
	return { first, second, onward: onward.link, bofv: bofv.link, version: bofv.agreement.version };
}

describe('unlinkOnward', () => {
	it('allowed: the secretariaat takes back a link; the chain reads without it both ways; the event names the link, for the agreement’s audience', async () => {
		const { first, second, onward, bofv, version } = await handedOn();
		const row = await unlinkOnward(
			team.secretariaat,
			first.id,
			{ linkId: onward.id, reason: 'Per abuis doorverwezen.', expectedVersion: version },
			{ requestId: 'unlink-1' }
		);
		expect(row.version).toBe(version + 1);
		const chain = (await getAgreement(team.secretariaat, first.id)).chain;
		expect(chain.map((node) => node.id)).toEqual([first.id]);
		expect(chain[0]!.links.map((link) => link.id)).toEqual([bofv.id]);
		const later = (await getAgreement(team.secretariaat, second.id)).chain;
		expect(later.map((node) => node.id)).toEqual([second.id]);
		const events = await eventsOf(first.id);
		const linked = events.find((event) => event.type === 'agreement.linked.v1')!;
		const unlinked = events.at(-1)!;
		expect(unlinked).toMatchObject({
			type: 'agreement.unlinked.v1',
			audience: linked.audience,
			payload: {
				link: { id: onward.id, toAgreementId: second.id },
				reason: 'Per abuis doorverwezen.',
				row: { id: first.id, version: version + 1 }
			}
		});
		// A destination too, without a version (the page always sends one; a script may not).
		await unlinkOnward(team.secretariaat, first.id, { linkId: bofv.id });
		expect((await getAgreement(team.secretariaat, first.id)).chain[0]!.links).toEqual([]);
	});

	it('denied: a party medewerker (403), a link of another agreement (refused, nothing changed), a stale version (conflict naming the links)', async () => {
		const { first, second, onward, version } = await handedOn();
		const other = await linkOnward(team.secretariaat, second.id, {
			destination: { kind: 'begrotingsmoment', label: 'Voorjaarsnota 2027' }
		});
		expect(
			status(await rejection(unlinkOnward(team.vngMedewerker, first.id, { linkId: onward.id })))
		).toBe(403);
		const foreign = await rejection(
			unlinkOnward(team.secretariaat, first.id, { linkId: other.link.id })
		);
		expect(foreign).toBeInstanceOf(InvalidInputError);
		expect((foreign as InvalidInputError).fields.linkId).toMatch(/hoort niet bij deze afspraak/);
		// The link that leads here from the first is the first's to take back, not the second's.
		expect(
			await rejection(unlinkOnward(team.secretariaat, second.id, { linkId: onward.id }))
		).toBeInstanceOf(InvalidInputError);
		const stale = await rejection(
			unlinkOnward(team.secretariaat, first.id, {
				linkId: onward.id,
				expectedVersion: version - 1
			})
		);
		expect(stale).toBeInstanceOf(StaleVersionError);
		expect((stale as StaleVersionError).changedFields).toEqual(['links']);
		const after = await getAgreement(team.secretariaat, first.id);
		expect(after.version).toBe(version);
		expect(after.chain.map((node) => node.id)).toEqual([first.id, second.id]);
		expect((await getAgreement(team.secretariaat, second.id)).chain[1]!.links).toHaveLength(1);
		expect((await eventsOf(first.id)).some((e) => e.type === 'agreement.unlinked.v1')).toBe(false);
	});
});

describe('the page’s unlink form', () => {
	const act = (actor: Team[keyof Team], id: string, fields: Record<string, string>) =>
		agreementActions.unlink(formPost(actor, `/afspraken/${id}?/unlink`, fields, { id }));

	it('allowed: the secretariaat takes it back with the version it saw', async () => {
		const { first, onward, version } = await handedOn();
		const done = await act(team.secretariaat, first.id, {
			linkId: onward.id,
			reason: '',
			expectedVersion: String(version)
		});
		expect(done).toMatchObject({ form: 'unlink', done: true });
		expect((await getAgreement(team.secretariaat, first.id)).chain).toHaveLength(1);
	});

	it('denied: a party may not (403); a stale page gets the conflict; another link its message', async () => {
		const { first, onward, version } = await handedOn();
		const fields = { linkId: onward.id, reason: '', expectedVersion: String(version) };
		expect(await thrownStatus(() => act(team.vngMedewerker, first.id, fields))).toBe(403);
		const stale = failed(
			await act(team.secretariaat, first.id, { ...fields, expectedVersion: '1' })
		);
		expect(stale.status).toBe(409);
		expect(stale.data).toMatchObject({ form: 'unlink', conflict: { changed: ['links'] } });
		const wrong = failed(
			await act(team.secretariaat, first.id, {
				...fields,
				linkId: '00000000-0000-4000-8000-000000000000'
			})
		);
		expect(wrong.status).toBe(400);
		expect(wrong.data.errors.linkId).toMatch(/hoort niet bij deze afspraak/);
		expect((await getAgreement(team.secretariaat, first.id)).chain).toHaveLength(2);
	});
});

describe('POST /api/v1/agreements/{id}/links/remove', () => {
	it('allowed: with If-Match, answering the row with its new version as ETag', async () => {
		const { first, onward, version } = await handedOn();
		const removed = await as(team.secretariaat).post(
			`/api/v1/agreements/${first.id}/links/remove`,
			{
				body: { linkId: onward.id },
				ifMatch: version
			}
		);
		expect(removed.status).toBe(200);
		expect(removed.headers.get('etag')).toBe(`"${version + 1}"`);
		expect(removed.body).toMatchObject({ id: first.id, version: version + 1 });
	});

	it('denied: 428 without If-Match, 412 when stale, 403 for a medewerker, 400 for another link, 404 for an unknown agreement', async () => {
		const { first, onward, version } = await handedOn();
		const path = `/api/v1/agreements/${first.id}/links/remove`;
		const body = { linkId: onward.id };
		expect((await as(team.secretariaat).post(path, { body })).status).toBe(428);
		const stale = await as(team.secretariaat).post(path, { body, ifMatch: version - 1 });
		expect(stale.status).toBe(412);
		expect(stale.body.changedFields).toEqual(['links']);
		expect((await as(team.vngMedewerker).post(path, { body, ifMatch: version })).status).toBe(403);
		const other = await as(team.secretariaat).post(path, {
			body: { linkId: '00000000-0000-4000-8000-000000000000' },
			ifMatch: version
		});
		expect(other.status).toBe(400);
		const unknown = await as(team.secretariaat).post(
			'/api/v1/agreements/00000000-0000-4000-8000-000000000000/links/remove',
			{ body, ifMatch: 1 }
		);
		expect(unknown.status).toBe(404);
		expect((await getAgreement(team.secretariaat, first.id)).version).toBe(version);
	});
});

import { beforeAll, describe, expect, it } from 'vitest';
import { useProcessDatabase } from '../process-env';
import {
	createTeam,
	forceMeetingStatus,
	itemInput,
	openMeetingFor,
	placedItem,
	submitted,
	type Team
} from '../agenda/fixtures';
import { as } from './harness';

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

const day = 86_400_000;

async function draft(actor = team.vngMedewerker, overrides: Record<string, unknown> = {}) {
	const answer = await as(actor).post('/api/v1/items', { body: itemInput(overrides) });
	expect(answer.status).toBe(201);
	return answer.body as { id: string; version: number };
}

describe('POST /api/v1/items and GET /api/v1/items/{id}', () => {
	it('allowed: a medewerker drafts a concept (201, ETag) that her organisation reads', async () => {
		const meeting = await openMeetingFor(team);
		const answer = await as(team.vngMedewerker).post('/api/v1/items', {
			body: itemInput({ meetingId: meeting.id })
		});
		expect(answer.status).toBe(201);
		expect(answer.headers.get('etag')).toBe('"1"');
		expect(answer.body).toMatchObject({ status: 'concept', proposingParty: 'vng', version: 1 });
		const read = await as(team.vngBestuurder).get(`/api/v1/items/${answer.body.id}`);
		expect(read.status).toBe(200);
		expect(read.headers.get('etag')).toBe('"1"');
		expect(read.body).toMatchObject({ carriedBy: ['vng'], coSponsors: [] });
		const unchanged = await as(team.vngBestuurder).get(`/api/v1/items/${answer.body.id}`, {
			headers: { 'if-none-match': '"1"' }
		});
		expect(unchanged.status).toBe(304);
		const changed = await as(team.vngBestuurder).get(`/api/v1/items/${answer.body.id}`, {
			headers: { 'if-none-match': '"0"' }
		});
		expect(changed.status).toBe(200);
	});

	it('denied: a beheerder may not draft (403); another party does not see the concept (404)', async () => {
		const refused = await as(team.beheerder).post('/api/v1/items', { body: itemInput() });
		expect(refused.status).toBe(403);
		const concept = await draft();
		for (const other of [team.ipoMedewerker, team.secretariaat, team.rijkBestuurder]) {
			expect((await as(other).get(`/api/v1/items/${concept.id}`)).status).toBe(404);
			expect((await as(other).get(`/api/v1/items/${concept.id}/comments`)).status).toBe(404);
			expect((await as(other).get(`/api/v1/items/${concept.id}/revisions`)).status).toBe(404);
		}
	});

	it('bad input: 400 naming each field, cross-field rules included', async () => {
		const answer = await as(team.vngMedewerker).post('/api/v1/items', {
			body: { title: 'ab', purpose: 'besluitvorming', meetingId: 'niet-een-id' }
		});
		expect(answer.status).toBe(400);
		expect(answer.body.errors!.map((error) => error.field).sort()).toEqual(['meetingId', 'title']);
		const rule = await as(team.vngMedewerker).post('/api/v1/items', {
			body: itemInput({ purpose: 'besluitvorming' })
		});
		expect(rule.status).toBe(400);
		expect(rule.body.errors).toEqual([
			{ field: 'proposedDecision', message: expect.stringMatching(/voorgestelde besluit/) }
		]);
	});
});

describe('PATCH /api/v1/items/{id}', () => {
	it('allowed with the current If-Match: a new version, a revision, a new ETag', async () => {
		const item = await draft();
		const answer = await as(team.vngMedewerker).patch(`/api/v1/items/${item.id}`, {
			body: { title: 'Jeugdzorg: de tekorten in 2026' },
			ifMatch: 1
		});
		expect(answer.status).toBe(200);
		expect(answer.headers.get('etag')).toBe('"2"');
		const revisions = await as(team.vngMedewerker).get(`/api/v1/items/${item.id}/revisions`);
		expect(revisions.list.map((row) => row.version)).toEqual([1, 2]);
		const diff = await as(team.vngMedewerker).get(
			`/api/v1/items/${item.id}/revisions/diff?from=1&to=2`
		);
		expect(diff.status).toBe(200);
		expect(diff.body.fields).toEqual([expect.objectContaining({ field: 'title', label: 'titel' })]);
	});

	it('428 without If-Match, 412 when stale naming the fields, 403 for another organisation, 400 per field', async () => {
		const item = await draft();
		const path = `/api/v1/items/${item.id}`;
		expect((await as(team.vngMedewerker).patch(path, { body: { title: 'Nieuw' } })).status).toBe(
			428
		);
		await as(team.vngMedewerker).patch(path, { body: { summary: 'Andere tekst.' }, ifMatch: 1 });
		const stale = await as(team.vngMedewerker).patch(path, {
			body: { title: 'Mijn oude versie' },
			ifMatch: 1
		});
		expect(stale.status).toBe(412);
		expect(stale.body).toMatchObject({ currentVersion: 2, changedFields: ['summary'] });
		expect(stale.body.detail).toMatch(/samenvatting/);
		const invalid = await as(team.vngMedewerker).patch(path, {
			body: { purpose: 'feest', confidentiality: 'geheim' },
			ifMatch: 2
		});
		expect(invalid.status).toBe(400);
		expect(invalid.body.errors!.map((error) => error.field).sort()).toEqual([
			'confidentiality',
			'purpose'
		]);
		// Submitted, so IPO sees it, but may not edit it.
		await as(team.vngMedewerker).post(`${path}/submit`, { ifMatch: 2 });
		const foreign = await as(team.ipoMedewerker).patch(path, {
			body: { title: 'Overgenomen' },
			ifMatch: 2
		});
		expect(foreign.status).toBe(403);
	});

	it('two parallel saves with the same If-Match: exactly one 200, the other 412', async () => {
		const item = await draft();
		const path = `/api/v1/items/${item.id}`;
		const answers = await Promise.all([
			as(team.vngMedewerker).patch(path, { body: { title: 'Versie van Anna' }, ifMatch: 1 }),
			as(team.vngBestuurder).patch(path, { body: { title: 'Versie van Bram' }, ifMatch: 1 })
		]);
		expect(answers.map((answer) => answer.status).sort()).toEqual([200, 412]);
		const loser = answers.find((answer) => answer.status === 412)!;
		expect(loser.body.changedFields).toEqual(['title']);
		const current = await as(team.vngMedewerker).get(path);
		expect(current.body.version).toBe(2);
	});
});

describe('item transitions', () => {
	it('submit and withdraw: the proposer may (with If-Match), another organisation may not', async () => {
		const meeting = await openMeetingFor(team);
		const item = await draft(team.vngMedewerker, { meetingId: meeting.id });
		const base = `/api/v1/items/${item.id}`;
		expect((await as(team.vngMedewerker).post(`${base}/submit`)).status).toBe(428);
		expect((await as(team.ipoMedewerker).post(`${base}/submit`, { ifMatch: 1 })).status).toBe(404);
		const submittedItem = await as(team.vngMedewerker).post(`${base}/submit`, { ifMatch: 1 });
		expect(submittedItem.status).toBe(200);
		expect(submittedItem.body.status).toBe('ingediend');
		expect((await as(team.vngMedewerker).post(`${base}/submit`, { ifMatch: 1 })).status).toBe(409);
		expect((await as(team.ipoMedewerker).post(`${base}/withdraw`, { ifMatch: 1 })).status).toBe(
			403
		);
		const withdrawn = await as(team.vngMedewerker).post(`${base}/withdraw`, { ifMatch: 1 });
		expect(withdrawn.body.status).toBe('ingetrokken');
	});

	it('approve-late: the secretariaat may after a late submission; a medewerker may not', async () => {
		const meeting = await openMeetingFor(team, 30, {
			proposalDeadline: new Date(Date.now() - day).toISOString()
		});
		const late = await submitted(team.ipoMedewerker, meeting.id);
		const base = `/api/v1/items/${late.id}`;
		expect(late.lateSubmission).toBe(true);
		expect((await as(team.ipoMedewerker).post(`${base}/approve-late`, { ifMatch: 1 })).status).toBe(
			403
		);
		const stale = await as(team.secretariaat).post(`${base}/approve-late`, { ifMatch: 7 });
		expect(stale.status).toBe(412);
		const approved = await as(team.secretariaat).post(`${base}/approve-late`, { ifMatch: 1 });
		expect(approved.status).toBe(200);
		expect(approved.body.lateSubmissionApproved).toBe(true);
	});

	it('place, defer, decline: the secretariaat may, a bestuurder may not; minutes and reasons are checked', async () => {
		const meeting = await openMeetingFor(team);
		const later = await openMeetingFor(team, 60);
		const item = await submitted(team.uvwMedewerker, meeting.id);
		const base = `/api/v1/items/${item.id}`;
		const place = { minutes: 25 };
		expect(
			(await as(team.uvwBestuurder).post(`${base}/place`, { body: place, ifMatch: 1 })).status
		).toBe(403);
		const noMinutes = await as(team.secretariaat).post(`${base}/place`, {
			body: { minutes: 0 },
			ifMatch: 1
		});
		expect(noMinutes.status).toBe(400);
		expect(noMinutes.body.errors![0]!.field).toBe('minutes');
		const placed = await as(team.secretariaat).post(`${base}/place`, { body: place, ifMatch: 1 });
		expect(placed.body).toMatchObject({ status: 'geagendeerd', position: 1, minutes: 25 });

		const defer = { reason: 'Eerst de meicirculaire afwachten.', toMeetingId: later.id };
		expect(
			(await as(team.vngBestuurder).post(`${base}/defer`, { body: defer, ifMatch: 1 })).status
		).toBe(403);
		const deferred = await as(team.secretariaat).post(`${base}/defer`, {
			body: defer,
			ifMatch: 1
		});
		expect(deferred.body).toMatchObject({ status: 'aangehouden', meetingId: later.id });

		const decline = { reason: 'Hoort aan de sectorale tafel.' };
		expect(
			(await as(team.vngBestuurder).post(`${base}/decline`, { body: decline, ifMatch: 1 })).status
		).toBe(403);
		const declined = await as(team.secretariaat).post(`${base}/decline`, {
			body: decline,
			ifMatch: 1
		});
		expect(declined.body).toMatchObject({ status: 'afgewezen', statusReason: decline.reason });
	});

	it('treat: the secretariaat may after the meeting was held, not before; others may not', async () => {
		const meeting = await openMeetingFor(team);
		const item = await placedItem(team, team.vngMedewerker, meeting.id);
		const base = `/api/v1/items/${item.id}`;
		expect((await as(team.secretariaat).post(`${base}/treat`, { ifMatch: 1 })).status).toBe(409);
		await forceMeetingStatus(meeting.id, 'gehouden');
		expect((await as(team.vngMedewerker).post(`${base}/treat`, { ifMatch: 1 })).status).toBe(403);
		const treated = await as(team.secretariaat).post(`${base}/treat`, { ifMatch: 1 });
		expect(treated.body.status).toBe('behandeld');
	});
});

describe('co-sponsors', () => {
	it('the proposer invites IPO; IPO answers; others may not', async () => {
		const item = await submitted(team.vngMedewerker, null);
		const base = `/api/v1/items/${item.id}/co-sponsors`;
		expect((await as(team.ipoMedewerker).post(base, { body: { party: 'uvw' } })).status).toBe(403);
		const invalid = await as(team.vngMedewerker).post(base, { body: { party: 'gemeente' } });
		expect(invalid.status).toBe(400);
		expect(invalid.body.errors![0]!.field).toBe('party');
		const invited = await as(team.vngMedewerker).post(base, { body: { party: 'ipo' } });
		expect(invited.status).toBe(201);
		expect(invited.body).toMatchObject({ party: 'ipo', status: 'uitgenodigd' });
		expect(
			(await as(team.uvwMedewerker).post(`${base}/respond`, { body: { accept: true } })).status
		).toBe(403);
		const answered = await as(team.ipoBestuurder).post(`${base}/respond`, {
			body: { accept: true }
		});
		expect(answered.status).toBe(200);
		expect(answered.body.status).toBe('geaccepteerd');
		const item2 = await as(team.uvwMedewerker).get(`/api/v1/items/${item.id}`);
		expect(item2.body.carriedBy).toEqual(['vng', 'ipo']);
	});
});

describe('comments', () => {
	it('list, add, reply, edit own, delete own; others may not edit or delete', async () => {
		const item = await submitted(team.vngMedewerker, null);
		const base = `/api/v1/items/${item.id}/comments`;
		const added = await as(team.ipoMedewerker).post(base, {
			body: { body: 'Provincies steunen dit.' }
		});
		expect(added.status).toBe(201);
		const reply = await as(team.vngMedewerker).post(base, {
			body: { body: 'Dank u.', parentId: added.body.id }
		});
		expect(reply.status).toBe(201);
		const empty = await as(team.vngMedewerker).post(base, { body: { body: '  ' } });
		expect(empty.status).toBe(400);
		expect(empty.body.errors![0]!.field).toBe('body');
		expect((await as(team.beheerder).post(base, { body: { body: 'Beheer' } })).status).toBe(403);

		const listed = await as(team.uvwMedewerker).get(base);
		expect(listed.status).toBe(200);
		expect(listed.list).toHaveLength(1);
		expect((listed.list[0]!.replies as unknown[]).length).toBe(1);

		const comment = `/api/v1/comments/${added.body.id}`;
		expect(
			(await as(team.vngMedewerker).patch(comment, { body: { body: 'Overschreven' } })).status
		).toBe(403);
		const edited = await as(team.ipoMedewerker).patch(comment, {
			body: { body: 'Provincies steunen dit van harte.' }
		});
		expect(edited.status).toBe(200);
		expect(edited.body.editedAt).toBeTruthy();
		expect((await as(team.vngMedewerker).delete(comment)).status).toBe(403);
		const deleted = await as(team.ipoMedewerker).delete(comment);
		expect(deleted.status).toBe(200);
		expect(deleted.body).toMatchObject({ body: '', deletedBy: team.ipoMedewerker.personId });
		expect((await as(team.ipoMedewerker).delete(comment)).status).toBe(409);
		expect((await as(team.ipoMedewerker).delete('/api/v1/comments/kapot')).status).toBe(404);
	});
});

describe('revisions', () => {
	it('a diff needs two versions (400 naming them); 404 for an item one may not see', async () => {
		const item = await draft();
		const base = `/api/v1/items/${item.id}/revisions`;
		const bad = await as(team.vngMedewerker).get(`${base}/diff?from=een&to=2`);
		expect(bad.status).toBe(400);
		expect(bad.body.errors![0]!.field).toBe('from');
		const unknown = await as(team.vngMedewerker).get(`${base}/diff?from=1&to=9`);
		expect(unknown.status).toBe(400);
		expect((await as(team.ipoMedewerker).get(`${base}/diff?from=1&to=1`)).status).toBe(404);
	});
});

describe('GET /api/v1/search', () => {
	it('finds what one may see, never another organisation’s concept; bad filters are 400', async () => {
		const word = `opschalingskorting${Date.now()}`;
		const shown = await submitted(team.vngMedewerker, null, { title: `Ingediend ${word}` });
		const concept = await draft(team.vngMedewerker, { title: `Concept ${word}` });
		const forIpo = await as(team.ipoMedewerker).get(`/api/v1/search?q=${word}`);
		expect(forIpo.status).toBe(200);
		const ids = (forIpo.body.items as { id: string }[]).map((row) => row.id);
		expect(ids).toContain(shown.id);
		expect(ids).not.toContain(concept.id);
		const forVng = await as(team.vngBestuurder).get(`/api/v1/search?q=${word}`);
		expect((forVng.body.items as { id: string }[]).map((row) => row.id)).toContain(concept.id);
		const bad = await as(team.ipoMedewerker).get('/api/v1/search?status=kwijt&from=gisteren');
		expect(bad.status).toBe(400);
		expect(bad.body.errors!.map((error) => error.field).sort()).toEqual(['from', 'status']);
	});
});

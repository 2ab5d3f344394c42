import { beforeAll, describe, expect, it } from 'vitest';
import { useProcessDatabase } from '../process-env';
import { createTeam, itemInput, submitted, type Team } from '../agenda/fixtures';
import { samples } from '../attachments/sample-files';
import { as, ORIGIN, tokenFor } from './harness';

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

function upload(bytes: Uint8Array, name: string) {
	const form = new FormData();
	form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name));
	return form;
}

describe('attachments through the API', () => {
	it('allowed: the proposer uploads (typed by content), participants list and download with the stored type, the uploader deletes', async () => {
		const item = await submitted(team.vngMedewerker, null);
		const base = `/api/v1/items/${item.id}/attachments`;
		const uploaded = await as(team.vngMedewerker).post(base, {
			form: upload(samples.pdf, 'Brief jeugdzorg.pdf'),
			headers: { origin: ORIGIN }
		});
		expect(uploaded.status).toBe(201);
		expect(uploaded.body).toMatchObject({
			filename: 'Brief jeugdzorg.pdf',
			mediaType: 'application/pdf',
			size: samples.pdf.length
		});
		const listed = await as(team.ipoMedewerker).get(base);
		expect(listed.status).toBe(200);
		expect(listed.list).toEqual([expect.objectContaining({ id: uploaded.body.id })]);
		expect(listed.list[0]).not.toHaveProperty('bytes');

		const download = await as(team.uvwBestuurder).get(`/api/v1/attachments/${uploaded.body.id}`);
		expect(download.status).toBe(200);
		expect(download.headers.get('content-type')).toBe('application/pdf');
		expect(download.headers.get('x-content-type-options')).toBe('nosniff');
		expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
		expect(Buffer.from(download.bytes).equals(Buffer.from(samples.pdf))).toBe(true);

		expect(
			(await as(team.ipoMedewerker).delete(`/api/v1/attachments/${uploaded.body.id}`)).status
		).toBe(403);
		const deleted = await as(team.vngMedewerker).delete(`/api/v1/attachments/${uploaded.body.id}`);
		expect(deleted.status).toBe(200);
		expect(
			(await as(team.vngMedewerker).get(`/api/v1/attachments/${uploaded.body.id}`)).status
		).toBe(404);
	});

	it('denied: another organisation may not upload (403); a concept’s attachments are 404 to other parties', async () => {
		const item = await submitted(team.vngMedewerker, null);
		const refused = await as(team.ipoMedewerker).post(`/api/v1/items/${item.id}/attachments`, {
			form: upload(samples.png, 'kaart.png'),
			headers: { origin: ORIGIN }
		});
		expect(refused.status).toBe(403);
		const concept = await as(team.vngMedewerker).post('/api/v1/items', { body: itemInput() });
		const token = await tokenFor(team.vngMedewerker, 'write');
		const hidden = await as({ token }).post(`/api/v1/items/${concept.body.id}/attachments`, {
			form: upload(samples.png, 'kaart.png')
		});
		expect(hidden.status).toBe(201);
		for (const other of [team.ipoMedewerker, team.secretariaat]) {
			expect((await as(other).get(`/api/v1/items/${concept.body.id}/attachments`)).status).toBe(
				404
			);
			expect((await as(other).get(`/api/v1/attachments/${hidden.body.id}`)).status).toBe(404);
		}
		const readOnly = await tokenFor(team.vngMedewerker, 'read');
		const readOnlyUpload = await as({ token: readOnly }).post(
			`/api/v1/items/${concept.body.id}/attachments`,
			{ form: upload(samples.png, 'kaart.png') }
		);
		expect(readOnlyUpload.status).toBe(403);
	});

	it('bad uploads: a lying name or another type is 400 on "file"; no file is 400; JSON is 415; a cookie upload without Origin is 403', async () => {
		const item = await submitted(team.vngMedewerker, null);
		const base = `/api/v1/items/${item.id}/attachments`;
		const client = as(team.vngMedewerker);
		const origin = { origin: ORIGIN };
		const lying = await client.post(base, {
			form: upload(samples.text, 'nota.pdf'),
			headers: origin
		});
		expect(lying.status).toBe(400);
		expect(lying.body.errors![0]!.field).toBe('file');
		const empty = await client.post(base, { form: new FormData(), headers: origin });
		expect(empty.status).toBe(400);
		expect(empty.body.errors![0]!.field).toBe('file');
		const json = await client.post(base, { body: { file: 'x' }, headers: origin });
		expect(json.status).toBe(415);
		const noOrigin = await client.post(base, { form: upload(samples.png, 'kaart.png') });
		expect(noOrigin.status).toBe(403);
		const broken = await client.post(base, {
			raw: '--abc\r\nkapot',
			headers: { ...origin, 'content-type': 'multipart/form-data; boundary=abc' }
		});
		expect(broken.status).toBe(400);
	});
});

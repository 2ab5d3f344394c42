import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessError } from '../../../src/lib/server/access';
import { getAgreement, reportProgress } from '../../../src/lib/server/agreements';
import { agreementHistory } from '../../../src/lib/server/agreements/history';
import {
	MAX_ATTACHMENT_BYTES,
	deleteAttachment,
	downloadAttachment
} from '../../../src/lib/server/attachments';
import { useDb } from '../../../src/lib/server/db';
import { agreementProgress, attachments, events } from '../../../src/lib/server/db/schema';
import { InvalidInputError, StateError } from '../../../src/lib/server/kernel/errors';
import { GET as download } from '../../../src/routes/bijlagen/[id]/+server';
import { agreementActions } from '../../../src/routes/afspraken/[id]/actions.server';
import { as, call, ORIGIN } from '../api/harness';
import { samples } from '../attachments/sample-files';
import { failed, formPost } from '../form-post';
import { useProcessDatabase } from '../process-env';
import {
	createTeam,
	eventsOf,
	forceAgreement,
	freeAgreement,
	rejection,
	type Team
} from './fixtures';
import { pageEvent, thrownStatus } from './page-fixtures';

/*
 * Files with a progress report (issue 14): the attachments' own checks and storage, uploaded with
 * the report by its responsible party, read by whoever reads the agreement, listed in the report's
 * projection (page, API, live event) and named in its history line. Refused uploads change nothing.
 */

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

const pdf = { filename: 'Tussenrapportage.pdf', bytes: samples.pdf };
const png = { filename: 'kaart.png', bytes: samples.png };
const text = { text: 'De verdeelsleutel is in concept klaar.', percent: 40 };

/** What a refused report could have left behind: its reports, their files and its events. */
async function traces(agreementId: string) {
	const db = await useDb();
	const reports = await db
		.select({ id: agreementProgress.id })
		.from(agreementProgress)
		.where(eq(agreementProgress.agreementId, agreementId));
	const files = reports.length
		? await db
				.select({ id: attachments.id })
				.from(attachments)
				.where(
					inArray(
						attachments.progressId,
						reports.map((r) => r.id)
					)
				)
		: [];
	return {
		reports: reports.length,
		files: files.length,
		events: (await eventsOf(agreementId)).length
	};
}

describe('reportProgress with files', () => {
	it('allowed: the responsible party’s medewerker reports with two files; the report, its event and its history line list them; another party downloads', async () => {
		const agreement = await freeAgreement(team);
		const { progress } = await reportProgress(team.vngMedewerker, agreement.id, text, {}, [
			png,
			pdf
		]);
		// By name, with the type found in the content and the signed-in download address.
		expect(progress.attachments.map((f) => [f.filename, f.mediaType, f.size])).toEqual([
			['kaart.png', 'image/png', samples.png.length],
			['Tussenrapportage.pdf', 'application/pdf', samples.pdf.length]
		]);
		const [first] = progress.attachments;
		expect(first!.href).toBe(`/bijlagen/${first!.id}`);
		expect(first!.apiHref).toBe(`/api/v1/attachments/${first!.id}`);

		const detail = await getAgreement(team.ipoMedewerker, agreement.id);
		expect(detail.progressReports[0]!.attachments).toEqual(progress.attachments);
		const [event] = (await eventsOf(agreement.id)).filter(
			(e) => e.type === 'agreement.progress_reported.v1'
		);
		expect((event!.payload as { progress: typeof progress }).progress.attachments).toEqual(
			progress.attachments
		);
		const [line] = await agreementHistory(team.uvwBestuurder, agreement.id);
		expect(line!.progress).toEqual({
			party: 'vng',
			percent: 40,
			files: ['kaart.png', 'Tussenrapportage.pdf']
		});

		const file = await downloadAttachment(team.ipoBestuurder, progress.attachments[1]!.id);
		expect(file).toMatchObject({ filename: 'Tussenrapportage.pdf', mediaType: 'application/pdf' });
		expect(Buffer.from(file.bytes).equals(Buffer.from(samples.pdf))).toBe(true);
	});

	it('denied: another party may not report, with or without files (403), and nothing is stored', async () => {
		const agreement = await freeAgreement(team);
		const before = await traces(agreement.id);
		const refused = await rejection(
			reportProgress(team.ipoMedewerker, agreement.id, text, {}, [pdf])
		);
		expect((refused as AccessError).status).toBe(403);
		// A wrong file from the wrong party hears first that it may not report.
		const both = await rejection(
			reportProgress(team.ipoMedewerker, agreement.id, text, {}, [
				{ filename: 'x.pdf', bytes: new TextEncoder().encode('geen pdf') }
			])
		);
		expect((both as AccessError).status).toBe(403);
		expect(await traces(agreement.id)).toEqual(before);
	});

	it('denied: too large, the wrong type, a lying name, too many files: a Dutch message at the file field, and nothing changes', async () => {
		const agreement = await freeAgreement(team);
		const before = await traces(agreement.id);
		const cases: [Parameters<typeof reportProgress>[4], RegExp][] = [
			[
				[{ filename: 'groot.pdf', bytes: new Uint8Array(MAX_ATTACHMENT_BYTES + 1) }],
				/groter dan 25 MB/
			],
			[
				[1, 2].map((n) => ({
					filename: `helft-${n}.pdf`,
					bytes: new Uint8Array(MAX_ATTACHMENT_BYTES / 2 + 1)
				})),
				/samen groter dan 25 MB/
			],
			[
				[{ filename: 'notitie.txt', bytes: new TextEncoder().encode('platte tekst') }],
				/niet toegestaan/
			],
			[
				[pdf, { filename: 'kaart.pdf', bytes: samples.png }],
				/^kaart\.pdf: De naam eindigt op \.pdf/
			],
			[Array.from({ length: 6 }, () => pdf), /hoogstens 5 bestanden/],
			[[{ filename: 'leeg.pdf', bytes: new Uint8Array(0) }], /leeg/]
		];
		for (const [files, message] of cases) {
			const refused = await rejection(
				reportProgress(team.vngMedewerker, agreement.id, text, {}, files)
			);
			expect(refused, String(message)).toBeInstanceOf(InvalidInputError);
			expect((refused as InvalidInputError).fields.file).toMatch(message);
		}
		expect(await traces(agreement.id)).toEqual(before);
	});

	it('denied: a closed agreement takes no report, with files or without', async () => {
		const agreement = await freeAgreement(team);
		await forceAgreement(agreement.id, { status: 'afgerond', closedAt: new Date() });
		const refused = await rejection(
			reportProgress(team.vngMedewerker, agreement.id, text, {}, [pdf])
		);
		expect(refused).toBeInstanceOf(StateError);
		expect((await traces(agreement.id)).files).toBe(0);
	});
});

/** A GET of the download route, as SvelteKit hands it over, signed in or a visitor. */
const downloadEvent = (id: string, actor: Team[keyof Team] | null) =>
	({
		...(pageEvent(`/bijlagen/${id}`, actor, { id }) as object),
		request: new Request(`http://localhost/bijlagen/${id}`)
	}) as never;

describe('the files of a report: download and removal', () => {
	it('the download route: a signed-in reader gets the file; a visitor goes to sign in; an unknown or malformed id is 404', async () => {
		const agreement = await freeAgreement(team);
		const { progress } = await reportProgress(team.vngBestuurder, agreement.id, text, {}, [pdf]);
		const id = progress.attachments[0]!.id;
		const got = await download(downloadEvent(id, team.uvwMedewerker));
		expect(got.status).toBe(200);
		expect(got.headers.get('content-type')).toBe('application/pdf');
		expect(got.headers.get('content-disposition')).toMatch(/^attachment;/);
		expect(await thrownStatus(() => download(downloadEvent(id, null)))).toBe(303);
		for (const unknown of [crypto.randomUUID(), 'geen-id'])
			expect(
				((await rejection(downloadAttachment(team.uvwMedewerker, unknown))) as AccessError).status
			).toBe(404);
		// Without a session the API answers 401; the public side never lists a report's file.
		expect((await call('GET', `/api/v1/attachments/${id}`)).status).toBe(401);
	});

	it('a report’s file stays as the report does: removing it is refused (409), it still downloads', async () => {
		const agreement = await freeAgreement(team);
		const { progress } = await reportProgress(team.vngMedewerker, agreement.id, text, {}, [png]);
		const id = progress.attachments[0]!.id;
		expect(await rejection(deleteAttachment(team.vngMedewerker, id))).toBeInstanceOf(StateError);
		expect((await as(team.secretariaat).delete(`/api/v1/attachments/${id}`)).status).toBe(409);
		expect((await downloadAttachment(team.rijkBestuurder, id)).filename).toBe('kaart.png');
	});

	it('the database holds every file to exactly one owner', async () => {
		const db = await useDb();
		const refused = await rejection(
			db.insert(attachments).values({
				filename: 'wees.pdf',
				mediaType: 'application/pdf',
				size: 1,
				sha256: '0'.repeat(64),
				uploadedBy: team.vngMedewerker.personId,
				uploadedByOrganisationId: team.vngMedewerker.organisationId
			})
		);
		expect(String((refused as Error).cause ?? refused)).toMatch(/attachment_one_owner/);
	});
});

describe('the page’s progress form and the API', () => {
	const act = (actor: Team[keyof Team], id: string, fields: Record<string, string | File[]>) =>
		agreementActions.progress(formPost(actor, `/afspraken/${id}?/progress`, fields, { id }));
	const fileOf = (upload: { filename: string; bytes: Uint8Array }) =>
		new File([upload.bytes as Uint8Array<ArrayBuffer>], upload.filename);

	it('allowed: the form sends its files with the report (an empty file field is no file); denied: a wrong type comes back at the file field', async () => {
		const agreement = await freeAgreement(team);
		const bad = failed(
			await act(team.vngMedewerker, agreement.id, {
				text: text.text,
				file: [fileOf({ filename: 'notitie.pdf', bytes: samples.png })]
			})
		);
		expect(bad.data.errors.file).toMatch(/De naam eindigt op \.pdf/);
		expect((await traces(agreement.id)).reports).toBe(0);
		expect(
			await act(team.vngMedewerker, agreement.id, { text: text.text, file: [fileOf(pdf)] })
		).toMatchObject({ done: true });
		expect(
			await act(team.vngMedewerker, agreement.id, {
				text: 'Zonder bijlage.',
				file: [new File([], '')]
			})
		).toMatchObject({ done: true });
		const reports = (await getAgreement(team.secretariaat, agreement.id)).progressReports;
		expect(reports.map((r) => r.attachments.map((f) => f.filename))).toEqual([
			[],
			['Tussenrapportage.pdf']
		]);
	});

	it('the API: multipart with files (201, the files in the answer); another party 403; a cookie upload without Origin 403; JSON still works', async () => {
		const agreement = await freeAgreement(team);
		const path = `/api/v1/agreements/${agreement.id}/progress`;
		const form = () => {
			const body = new FormData();
			body.set('text', text.text);
			body.set('percent', '40');
			body.append('file', fileOf(pdf));
			body.append('file', fileOf(png));
			return body;
		};
		const made = await as(team.vngMedewerker).post(path, {
			form: form(),
			headers: { origin: ORIGIN }
		});
		expect(made.status).toBe(201);
		const files = (made.body.progress as { attachments: { filename: string; apiHref: string }[] })
			.attachments;
		expect(files.map((f) => f.filename)).toEqual(['kaart.png', 'Tussenrapportage.pdf']);
		expect((await as(team.ipoMedewerker).get(files[1]!.apiHref)).status).toBe(200);
		expect(
			(await as(team.ipoMedewerker).post(path, { form: form(), headers: { origin: ORIGIN } }))
				.status
		).toBe(403);
		expect((await as(team.vngMedewerker).post(path, { form: form() })).status).toBe(403);
		const wrong = new FormData();
		wrong.set('text', text.text);
		wrong.append(
			'file',
			fileOf({ filename: 'notitie.txt', bytes: new TextEncoder().encode('tekst') })
		);
		const refused = await as(team.vngMedewerker).post(path, {
			form: wrong,
			headers: { origin: ORIGIN }
		});
		expect(refused.status).toBe(400);
		expect(refused.body.errors).toEqual([
			expect.objectContaining({ field: 'file', message: expect.stringMatching(/niet toegestaan/) })
		]);
		const json = await as(team.vngMedewerker).post(path, { body: { text: 'Alleen tekst.' } });
		expect(json.status).toBe(201);
		const db = await useDb();
		const logged = await db.select().from(events).where(eq(events.subjectId, agreement.id));
		expect(logged.filter((e) => e.type === 'agreement.progress_reported.v1')).toHaveLength(2);
	});
});

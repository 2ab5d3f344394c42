import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessError } from '../../../src/lib/server/access';
import { useDb } from '../../../src/lib/server/db';
import { attachmentContents, events } from '../../../src/lib/server/db/schema';
import { InvalidInputError, StateError } from '../../../src/lib/server/kernel/errors';
import { draftItem, withdrawItem } from '../../../src/lib/server/agenda';
import {
	MAX_ATTACHMENT_BYTES,
	attachmentsSection,
	contentDisposition,
	deleteAttachment,
	downloadAttachment,
	listAttachments,
	sanitiseFilename,
	uploadAttachment
} from '../../../src/lib/server/attachments';
import { useProcessDatabase } from '../process-env';
import {
	createTeam,
	forceMeetingStatus,
	itemInput,
	openMeetingFor,
	rejection,
	submitted,
	type Team
} from '../agenda/fixtures';
import { samples } from './sample-files';

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

const pdf = (filename = 'notitie.pdf') => ({ filename, bytes: samples.pdf });

describe('upload', () => {
	it('allowed: the proposer and the secretariaat attach every accepted type, typed by content', async () => {
		const item = await submitted(team.vngMedewerker, null);
		const cases: [keyof typeof samples, string, string][] = [
			['pdf', 'notitie.pdf', 'application/pdf'],
			[
				'docx',
				'brief.docx',
				'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
			],
			['xlsx', 'cijfers.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
			[
				'pptx',
				'dia.pptx',
				'application/vnd.openxmlformats-officedocument.presentationml.presentation'
			],
			['odt', 'tekst.odt', 'application/vnd.oasis.opendocument.text'],
			['ods', 'blad.ods', 'application/vnd.oasis.opendocument.spreadsheet'],
			['png', 'kaart.png', 'image/png'],
			['jpeg', 'foto.jpeg', 'image/jpeg']
		];
		for (const [kind, filename, mediaType] of cases) {
			const row = await uploadAttachment(team.vngMedewerker, item.id, {
				filename,
				bytes: samples[kind]
			});
			expect(row.mediaType).toBe(mediaType);
			expect(row.filename).toBe(filename);
			expect(row.size).toBe(samples[kind].length);
			expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
		}
		const bySecretariat = await uploadAttachment(team.secretariaat, item.id, pdf('verslag.pdf'));
		expect(bySecretariat.uploadedByOrganisationId).toBe(team.secretariaat.organisationId);
		const list = await listAttachments(team.ipoBestuurder, item.id);
		expect(list).toHaveLength(9);
		expect(list[0]).not.toHaveProperty('bytes');
		const db = await useDb();
		const logged = await db.select().from(events).where(eq(events.subjectId, bySecretariat.id));
		expect(logged.map((e) => [e.type, e.audience])).toEqual([
			['attachment.uploaded.v1', ['table']]
		]);
	});

	it('denied: another party (403), a concept of another party (404), a beheerder (403)', async () => {
		const item = await submitted(team.vngMedewerker, null);
		const other = await rejection(uploadAttachment(team.ipoMedewerker, item.id, pdf()));
		expect((other as AccessError).status).toBe(403);
		const admin = await rejection(uploadAttachment(team.beheerder, item.id, pdf()));
		expect((admin as AccessError).status).toBe(403);
		const concept = await draftItem(team.vngMedewerker, itemInput());
		const hidden = await rejection(uploadAttachment(team.ipoMedewerker, concept.id, pdf()));
		expect((hidden as AccessError).status).toBe(404);
		const missing = await rejection(uploadAttachment(team.vngMedewerker, 'geen-id', pdf()));
		expect((missing as AccessError).status).toBe(404);
		// The concept's own organisation may attach, and its event stays with that organisation.
		const own = await uploadAttachment(team.vngBestuurder, concept.id, pdf());
		const db = await useDb();
		const [event] = await db.select().from(events).where(eq(events.subjectId, own.id));
		expect(event!.audience).toEqual([`organisation:${team.vngBestuurder.organisationId}`]);
	});

	it('denied: content that is not an accepted type, whatever its name says', async () => {
		const item = await submitted(team.vngMedewerker, null);
		const text = await rejection(
			uploadAttachment(team.vngMedewerker, item.id, { filename: 'nota.pdf', bytes: samples.text })
		);
		expect((text as InvalidInputError).fields.file).toMatch(/niet toegestaan/);
		const zip = await rejection(
			uploadAttachment(team.vngMedewerker, item.id, {
				filename: 'stukken.docx',
				bytes: samples.zip
			})
		);
		expect((zip as InvalidInputError).fields.file).toMatch(/niet toegestaan/);
		// A real PNG renamed to .pdf: the name lies about the content.
		const renamed = await rejection(
			uploadAttachment(team.vngMedewerker, item.id, { filename: 'kaart.pdf', bytes: samples.png })
		);
		expect((renamed as InvalidInputError).fields.file).toMatch(/\.pdf.*PNG/);
		const empty = await rejection(
			uploadAttachment(team.vngMedewerker, item.id, {
				filename: 'leeg.pdf',
				bytes: new Uint8Array()
			})
		);
		expect((empty as InvalidInputError).fields.file).toMatch(/leeg/);
		const noFile = await rejection(
			uploadAttachment(team.vngMedewerker, item.id, { filename: 'x.pdf' } as never)
		);
		expect(noFile).toBeInstanceOf(InvalidInputError);
		expect(await listAttachments(team.vngMedewerker, item.id)).toEqual([]);
	});

	// 25 MB into the embedded engine (WebAssembly) takes seconds alone, more beside other files.
	it(
		'size: exactly 25 MB is accepted, one byte more is refused with a message',
		{
			timeout: 120_000
		},
		async () => {
			const item = await submitted(team.vngMedewerker, null);
			const big = new Uint8Array(MAX_ATTACHMENT_BYTES);
			big.set(samples.pdf);
			const row = await uploadAttachment(team.vngMedewerker, item.id, {
				filename: 'groot.pdf',
				bytes: big
			});
			expect(row.size).toBe(MAX_ATTACHMENT_BYTES);
			const tooBig = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
			tooBig.set(samples.pdf);
			const refused = await rejection(
				uploadAttachment(team.vngMedewerker, item.id, { filename: 'te-groot.pdf', bytes: tooBig })
			);
			expect((refused as InvalidInputError).fields.file).toMatch(/25 MB/);
		}
	);

	it('names: folders and control characters go, a missing extension is added', async () => {
		expect(sanitiseFilename('../../etc/passwd')).toBe('passwd');
		expect(sanitiseFilename('C:\\stukken\\nota "def".pdf')).toBe('nota def.pdf');
		expect(sanitiseFilename('a\u0000b\u202e.pdf')).toBe('ab.pdf');
		expect(sanitiseFilename('   ')).toBe('bijlage');
		expect(sanitiseFilename(`${'x'.repeat(300)}.pdf`)).toHaveLength(200);
		const item = await submitted(team.vngMedewerker, null);
		const row = await uploadAttachment(team.vngMedewerker, item.id, {
			filename: 'scan',
			bytes: samples.jpeg
		});
		expect(row.filename).toBe('scan.jpg');
		expect(contentDisposition('Notitie jeugdzorg €3 mld.pdf')).toBe(
			`attachment; filename="Notitie jeugdzorg 3 mld.pdf"; filename*=UTF-8''Notitie%20jeugdzorg%20%E2%82%AC3%20mld.pdf`
		);
	});

	it('denied: a withdrawn item and an adopted agenda take no attachments', async () => {
		const withdrawn = await submitted(team.vngMedewerker, null);
		await withdrawItem(team.vngMedewerker, withdrawn.id);
		expect(
			await rejection(uploadAttachment(team.vngMedewerker, withdrawn.id, pdf()))
		).toBeInstanceOf(StateError);
		const meeting = await openMeetingFor(team);
		const item = await submitted(team.vngMedewerker, meeting.id);
		const kept = await uploadAttachment(team.vngMedewerker, item.id, pdf());
		await forceMeetingStatus(meeting.id, 'agenda_vastgesteld');
		const frozen = await rejection(uploadAttachment(team.secretariaat, item.id, pdf()));
		expect((frozen as StateError).message).toMatch(/vastgesteld/);
		expect(await rejection(deleteAttachment(team.vngMedewerker, kept.id))).toBeInstanceOf(
			StateError
		);
	});
});

describe('list and download', () => {
	it('allowed: whoever sees the item downloads the exact bytes', async () => {
		const item = await submitted(team.vngMedewerker, null);
		const row = await uploadAttachment(team.vngMedewerker, item.id, pdf('Notitie €.pdf'));
		const file = await downloadAttachment(team.uvwBestuurder, row.id);
		expect(file.filename).toBe('Notitie €.pdf');
		expect(file.mediaType).toBe('application/pdf');
		expect(Buffer.from(file.bytes).equals(Buffer.from(samples.pdf))).toBe(true);
		const section = await attachmentsSection(team.ipoMedewerker, item);
		expect(section.mayUpload).toBe(false);
		expect(section.attachments.map((a) => [a.filename, a.mayDelete])).toEqual([
			['Notitie €.pdf', false]
		]);
		const own = await attachmentsSection(team.vngBestuurder, item);
		expect(own.mayUpload).toBe(true);
		expect(own.attachments[0]!.mayDelete).toBe(true);
	});

	it('denied: a concept of another party is invisible in the list and the download (404)', async () => {
		const concept = await draftItem(team.vngMedewerker, itemInput());
		const row = await uploadAttachment(team.vngMedewerker, concept.id, pdf());
		for (const outsider of [team.ipoMedewerker, team.secretariaat, team.rijkBestuurder]) {
			const list = await rejection(listAttachments(outsider, concept.id));
			expect((list as AccessError).status).toBe(404);
			const download = await rejection(downloadAttachment(outsider, row.id));
			expect((download as AccessError).status).toBe(404);
			const section = await rejection(attachmentsSection(outsider, concept));
			expect((section as AccessError).status).toBe(404);
		}
		const unknown = await rejection(downloadAttachment(team.vngMedewerker, crypto.randomUUID()));
		expect((unknown as AccessError).status).toBe(404);
		expect((await downloadAttachment(team.vngBestuurder, row.id)).size).toBe(samples.pdf.length);
	});
});

describe('delete', () => {
	it("allowed: the uploader's organisation and the secretariaat; the log keeps a trace", async () => {
		const item = await submitted(team.vngMedewerker, null);
		const first = await uploadAttachment(team.vngMedewerker, item.id, pdf('een.pdf'));
		const second = await uploadAttachment(team.vngMedewerker, item.id, pdf('twee.pdf'));
		await deleteAttachment(team.vngBestuurder, first.id);
		await deleteAttachment(team.secretariaat, second.id);
		expect(await listAttachments(team.vngMedewerker, item.id)).toEqual([]);
		const db = await useDb();
		const bytes = await db
			.select()
			.from(attachmentContents)
			.where(eq(attachmentContents.attachmentId, first.id));
		expect(bytes).toEqual([]);
		const trace = await db
			.select()
			.from(events)
			.where(eq(events.subjectId, first.id))
			.orderBy(asc(events.id));
		expect(trace.map((e) => e.type)).toEqual(['attachment.uploaded.v1', 'attachment.deleted.v1']);
		expect(trace[1]!.payload).toMatchObject({ filename: 'een.pdf', itemId: item.id });
		expect(trace[1]!.actorPersonId).toBe(team.vngBestuurder.personId);
	});

	it('denied: another party (403), a concept of another party (404), a beheerder (403)', async () => {
		const item = await submitted(team.vngMedewerker, null);
		const row = await uploadAttachment(team.secretariaat, item.id, pdf());
		// The proposer did not upload this one: only the secretariat's organisation may remove it.
		const proposer = await rejection(deleteAttachment(team.vngMedewerker, row.id));
		expect((proposer as AccessError).status).toBe(403);
		const other = await rejection(deleteAttachment(team.ipoMedewerker, row.id));
		expect((other as AccessError).status).toBe(403);
		const admin = await rejection(deleteAttachment(team.beheerder, row.id));
		expect((admin as AccessError).status).toBe(403);
		const concept = await draftItem(team.vngMedewerker, itemInput());
		const hiddenRow = await uploadAttachment(team.vngMedewerker, concept.id, pdf());
		const hidden = await rejection(deleteAttachment(team.ipoMedewerker, hiddenRow.id));
		expect((hidden as AccessError).status).toBe(404);
		expect(await listAttachments(team.vngMedewerker, item.id)).toHaveLength(1);
	});
});

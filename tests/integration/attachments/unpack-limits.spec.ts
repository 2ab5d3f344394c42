import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDb } from '../../../src/lib/server/db';
import { attachmentContents, events } from '../../../src/lib/server/db/schema';
import { InvalidInputError } from '../../../src/lib/server/kernel/errors';
import { listAttachments, uploadAttachment } from '../../../src/lib/server/attachments';
import { useProcessDatabase } from '../process-env';
import { createTeam, rejection, submitted, type Team } from '../agenda/fixtures';
import { samples } from './sample-files';
import { deflatedZip, docxEntries } from './zip-writer';

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

const MB = 1024 * 1024;

async function storedContents(): Promise<number> {
	const db = await useDb();
	const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(attachmentContents);
	return row!.n;
}

/** Uploads as the proposer and expects a refusal at the file field that changed nothing. */
async function refused(filename: string, bytes: Uint8Array): Promise<string> {
	const item = await submitted(team.vngMedewerker, null);
	const before = await storedContents();
	const caught = await rejection(
		uploadAttachment(team.vngMedewerker, item.id, { filename, bytes })
	);
	expect(caught).toBeInstanceOf(InvalidInputError);
	expect(await listAttachments(team.vngMedewerker, item.id)).toEqual([]);
	expect(await storedContents()).toBe(before);
	const db = await useDb();
	const logged = await db
		.select()
		.from(events)
		.where(
			and(eq(events.type, 'attachment.uploaded.v1'), sql`${events.payload}->>'itemId' = ${item.id}`)
		);
	expect(logged).toEqual([]);
	return (caught as InvalidInputError).fields.file!;
}

describe('ZIP containers (DOCX, XLSX, PPTX, ODT, ODS): what they unpack to', () => {
	it('allowed: a deflated DOCX, as Word writes it, with a part of a few megabytes', async () => {
		const item = await submitted(team.vngMedewerker, null);
		// Rows that differ, as real text and figures do: they compress some 5 to 10 times.
		const rows = Array.from(
			{ length: 120_000 },
			(_, i) => `<w:p><w:r><w:t>Regel ${i}: € ${(i * 7919) % 100_000},-</w:t></w:r></w:p>`
		);
		const bytes = await deflatedZip([
			...docxEntries,
			{ name: 'word/body.xml', text: rows.join('') }
		]);
		const row = await uploadAttachment(team.vngMedewerker, item.id, {
			filename: 'brief.docx',
			bytes
		});
		expect(row.mediaType).toBe(
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
		);
	});

	it('denied: a DOCX whose extra entry inflates to 200 MB (a zip bomb of ~200 KB)', async () => {
		const bytes = await deflatedZip([
			...docxEntries,
			{ name: 'word/media/x.bin', zeros: 200 * MB }
		]);
		expect(bytes.length).toBeLessThan(MB);
		expect(await refused('brief.docx', bytes)).toMatch(
			/pakt bij het openen uit tot meer dan 100 MB/
		);
	});

	it('denied: the same bomb with a directory that says the entry is 1 KB', async () => {
		const bytes = await deflatedZip([
			...docxEntries,
			{ name: 'word/media/x.bin', zeros: 200 * MB, declaredSize: 1024 }
		]);
		expect(await refused('brief.docx', bytes)).toMatch(/beschadigd/);
	});

	it('denied: 20 MB of zeros stays under 100 MB but inflates over 200 times its size', async () => {
		const bytes = await deflatedZip([...docxEntries, { name: 'xl/x.bin', zeros: 20 * MB }]);
		expect(await refused('brief.docx', bytes)).toMatch(/ongewoon sterk ingepakt.*200 keer/);
	});

	it('denied: more than 10.000 entries', async () => {
		const many = Array.from({ length: 10_001 - docxEntries.length }, (_, i) => ({
			name: `word/p${i}.xml`,
			text: '<p/>'
		}));
		const bytes = await deflatedZip([...docxEntries, ...many]);
		expect(await refused('brief.docx', bytes)).toMatch(/meer dan 10\.000 onderdelen/);
	});

	it('denied: a container whose directory is cut off', async () => {
		expect(await refused('brief.docx', samples.docx.subarray(0, samples.docx.length - 30))).toMatch(
			/beschadigd/
		);
	});
});

describe('images that are also HTML (polyglots)', () => {
	const withMarkup = (image: Uint8Array, markup: string) =>
		Buffer.concat([image, Buffer.from(markup, 'latin1')]);

	it('denied: a PNG or JPEG that carries an HTML page or a script', async () => {
		for (const [name, bytes] of [
			['kaart.png', withMarkup(samples.png, '<HTML><body>hallo</body></HTML>')],
			['foto.jpg', withMarkup(samples.jpeg, '<script>alert(document.cookie)</script>')],
			['foto.jpeg', withMarkup(samples.jpeg, '<iframe src="//example.org">')]
		] as const) {
			expect(await refused(name, bytes)).toMatch(/HTML of script/);
		}
	});

	it('allowed: a tag-like name without a tag after it is not markup', async () => {
		const item = await submitted(team.vngMedewerker, null);
		const row = await uploadAttachment(team.vngMedewerker, item.id, {
			filename: 'kaart.png',
			bytes: withMarkup(samples.png, '<htmlx <scripts')
		});
		expect(row.mediaType).toBe('image/png');
	});
});

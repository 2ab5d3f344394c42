import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessError } from '../../../src/lib/server/access';
import { listAttachments } from '../../../src/lib/server/attachments';
import { InvalidInputError } from '../../../src/lib/server/kernel/errors';
import { getPublication, listPublications } from '../../../src/lib/server/publications';
import { comparePublications } from '../../../src/lib/server/publications/compare';
import { publicAttachmentDownload } from '../../../src/lib/server/publications/download';
import { publicationYears } from '../../../src/lib/server/publications/years';
import { samples } from '../attachments/sample-files';
import { createTeam, rejection, type Team } from '../agenda/fixtures';
import { useProcessDatabase } from '../process-env';
import { adoptedListWith, correctFirst, publishedListWith } from './fixtures';

/* The public side's queries (server/publications): published versions only, 404 for the rest. */

useProcessDatabase();

const tag = randomUUID().slice(0, 8);
let team: Team;
let published: Awaited<ReturnType<typeof publishedListWith>>;
let adopted: Awaited<ReturnType<typeof adoptedListWith>>;

beforeAll(async () => {
	team = await createTeam();
	published = await publishedListWith(team, [
		{ word: `opschalingskorting${tag}`, by: team.vngMedewerker },
		{ word: `geheim${tag}`, by: team.ipoMedewerker, confidential: true }
	]);
	await correctFirst(team, published, `ravijnjaar${tag}`);
	adopted = await adoptedListWith(team, [{ word: `vastgesteld${tag}`, by: team.uvwMedewerker }], {
		kind: 'bofv'
	});
}, 120_000);

const status = async (work: Promise<unknown>) => ((await rejection(work)) as AccessError).status;

describe('listPublications', () => {
	it('allowed: the published meetings with their newest version; filters and Dutch search', async () => {
		const all = await listPublications();
		expect(all.map((p) => p.meetingId)).toEqual([published.meeting.id]);
		expect(all[0]).toMatchObject({ version: 2, kind: 'overhedenoverleg' });
		expect(await listPublications({ kind: 'overhedenoverleg' })).toHaveLength(1);
		expect(await listPublications({ kind: 'bofv' })).toEqual([]);
		const year = Number(
			new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(
				// The meeting as it is now: it was held today, not at the start it was planned for.
				new Date(all[0]!.startsAt)
			)
		);
		expect(await listPublications({ year })).toHaveLength(1);
		expect(await listPublications({ year: year - 5 })).toEqual([]);
		expect(await publicationYears()).toEqual([year]);
		// Words of the newest version are found (a correction's words too).
		expect(await listPublications({ q: `ravijnjaar${tag}` })).toHaveLength(1);
	});

	it('denied: what is vertrouwelijk or only vastgesteld is never found; bad filters name their field', async () => {
		expect(await listPublications({ q: `geheim${tag}` })).toEqual([]);
		expect(await listPublications({ q: `vastgesteld${tag}` })).toEqual([]);
		const kind = await rejection(listPublications({ kind: 'geheim_overleg' }));
		expect((kind as InvalidInputError).fields.kind).toMatch(/soort overleg/);
		const year = await rejection(listPublications({ year: 'vorig jaar' }));
		expect((year as InvalidInputError).fields.year).toMatch(/jaartal/);
		const long = await rejection(listPublications({ q: 'x'.repeat(201) }));
		expect((long as InvalidInputError).fields.q).toMatch(/te lang/);
	});
});

describe('getPublication', () => {
	it('allowed: the newest version, or any by number, with every version listed', async () => {
		const newest = await getPublication(published.meeting.id);
		expect(newest.version).toMatchObject({ number: 2, reasonCode: 'c_c77c86e0' });
		expect(newest.versions.map((v) => v.number)).toEqual([2, 1]);
		expect(newest.list.decisions[0]!.dicta[0]).toContain(`ravijnjaar${tag}`);
		const first = await getPublication(published.meeting.id, 1);
		expect(first.list.decisions[0]!.dicta[0]).toContain(`opschalingskorting${tag}`);
		expect(first.list.confidentialItems).toBe(1);
	});

	it('denied: a meeting only vastgesteld, an unknown meeting or version, a bad id: 404', async () => {
		expect(await status(getPublication(adopted.meeting.id))).toBe(404);
		expect(await status(getPublication(randomUUID()))).toBe(404);
		expect(await status(getPublication('geen-id'))).toBe(404);
		expect(await status(getPublication(published.meeting.id, 3))).toBe(404);
	});
});

describe('comparePublications', () => {
	it('allowed: what changed between two versions, line by line, per item', async () => {
		const comparison = await comparePublications(published.meeting.id, { from: '1', to: '2' });
		expect(comparison.from.number).toBe(1);
		expect(comparison.sections).toHaveLength(1);
		const [section] = comparison.sections;
		expect(section).toMatchObject({ key: published.items[0]!.id, status: 'changed' });
		expect(section!.lines).toEqual(
			expect.arrayContaining([
				{ op: 'removed', text: expect.stringContaining(`opschalingskorting${tag}`) },
				{ op: 'added', text: expect.stringContaining(`ravijnjaar${tag} (gecorrigeerd)`) },
				{ op: 'same', text: 'Besluit:' }
			])
		);
	});

	it('denied: the same version twice or no number is 400 at its field; an unknown version 404', async () => {
		const same = await rejection(comparePublications(published.meeting.id, { from: 1, to: 1 }));
		expect((same as InvalidInputError).fields.to).toMatch(/twee verschillende/);
		const missing = await rejection(comparePublications(published.meeting.id, { from: 'een' }));
		expect(Object.keys((missing as InvalidInputError).fields).sort()).toEqual(['from', 'to']);
		expect(await status(comparePublications(published.meeting.id, { from: 1, to: 7 }))).toBe(404);
		expect(await status(comparePublications(adopted.meeting.id, { from: 1, to: 2 }))).toBe(404);
	});
});

describe('publicAttachmentDownload', () => {
	it('allowed: a file the newest version lists, with its bytes', async () => {
		const [file] = await listAttachments(team.secretariaat, published.items[0]!.id);
		const download = await publicAttachmentDownload(published.meeting.id, file!.id);
		expect(download.filename).toBe(file!.filename);
		expect(download.bytes).toEqual(new Uint8Array(samples.pdf));
	});

	it('denied: a vertrouwelijk item’s file, an unpublished meeting’s, one under another meeting: 404', async () => {
		const [secret] = await listAttachments(team.secretariaat, published.items[1]!.id);
		const [unpublished] = await listAttachments(team.secretariaat, adopted.items[0]!.id);
		const [open] = await listAttachments(team.secretariaat, published.items[0]!.id);
		expect(await status(publicAttachmentDownload(published.meeting.id, secret!.id))).toBe(404);
		expect(await status(publicAttachmentDownload(adopted.meeting.id, unpublished!.id))).toBe(404);
		expect(await status(publicAttachmentDownload(adopted.meeting.id, open!.id))).toBe(404);
		expect(await status(publicAttachmentDownload(published.meeting.id, 'geen-id'))).toBe(404);
	});
});

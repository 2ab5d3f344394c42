import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/lib/server/access';
import { createAgreement, reportProgress, setStatus } from '../../../src/lib/server/agreements';
import { useDb } from '../../../src/lib/server/db';
import { decisions, people } from '../../../src/lib/server/db/schema';
import { PUBLIC_NAMESPACE } from '../../../src/lib/realtime/public-protocol';
import { parsePublicAgreementEvent } from '../../../src/lib/realtime/public-agreement-live.svelte';
import { createTeam, type Team } from '../agenda/fixtures';
import { useProcessDatabase } from '../process-env';
import { publishedListWith } from '../publications/fixtures';
import { client, eventually, startRealtime, type Listener } from './harness';

/*
 * The public agreements, live (issue 14): an anonymous socket hears a public agreement's events in
 * their public projection (no person, no file), and nothing of a vertrouwelijk one: its events come
 * first, the public one's after, so when the public one's arrive the others were passed over.
 */

useProcessDatabase();

const tag = randomUUID().slice(0, 8);
const CONTACT = `contactpersoon${tag}`;
const AUTHOR = `schrijver${tag}`;
const SECRET = `geheimeafspraak${tag}`;

let team: Team;
let server: Awaited<ReturnType<typeof startRealtime>>;
let anonymous: Listener;
let decisionId: string;

async function rename(actor: Actor, name: string) {
	const db = await useDb();
	const [person] = await db
		.update(people)
		.set({ name })
		.where(eq(people.id, actor.personId))
		.returning();
	return person!.email;
}

const agreementFor = (word: string, extra: Record<string, unknown> = {}) =>
	createAgreement(team.secretariaat, {
		title: `Afspraak over ${word}`,
		body: `Wat is afgesproken over ${word}.`,
		deadline: '2027-03-31',
		decisionId,
		owners: [{ party: 'vng', contactPersonId: team.vngMedewerker.personId }],
		...extra
	});

beforeAll(async () => {
	team = await createTeam();
	server = await startRealtime();
	const published = await publishedListWith(team, [
		{ word: `besluit${tag}`, by: team.vngMedewerker }
	]);
	const db = await useDb();
	const [decision] = await db
		.select()
		.from(decisions)
		.where(eq(decisions.meetingId, published.meeting.id));
	decisionId = decision!.id;
	anonymous = client(`${server.url}${PUBLIC_NAMESPACE}`, {});
	await anonymous.welcome;
}, 120_000);
afterAll(async () => {
	anonymous.close();
	await server.stop();
});

describe('the public socket hears the public agreements, projected for the public', () => {
	it('allowed: a public agreement’s status and progress, with no person; denied: a vertrouwelijk one’s', async () => {
		const contactEmail = await rename(team.vngMedewerker, CONTACT);
		const authorEmail = await rename(team.vngBestuurder, AUTHOR);
		// The vertrouwelijk agreement's events first, then the public one's.
		const secret = await agreementFor(SECRET, { confidentiality: 'vertrouwelijk' });
		await reportProgress(team.vngBestuurder, secret.id, { text: `Over ${SECRET}.`, percent: 10 });
		await setStatus(team.secretariaat, secret.id, { status: 'in_uitvoering' });
		const open = await agreementFor(`openbaar${tag}`, { confidentiality: 'openbaar' });
		await setStatus(team.secretariaat, open.id, {
			status: 'in_uitvoering',
			reason: `Interne notitie ${tag}`
		});
		await reportProgress(team.vngBestuurder, open.id, {
			text: `De eerste tranche ${tag} is uitgekeerd.`,
			percent: 40
		});
		await eventually(() =>
			anonymous.events.some((event) => event.type === 'agreement.progress_reported.v1')
		);

		const agreementEvents = anonymous.events.filter((event) => event.subjectType === 'agreement');
		expect(agreementEvents.map((event) => [event.type, event.subjectId])).toEqual([
			['agreement.status_changed.v1', open.id],
			['agreement.progress_reported.v1', open.id]
		]);
		const [status, progress] = agreementEvents;
		for (const event of agreementEvents)
			expect(event).toMatchObject({ actorPersonId: null, actorOrganisationId: null });
		expect(Object.keys(status!.payload).sort()).toEqual(['from', 'lapseReason', 'row', 'to']);
		expect(Object.keys(progress!.payload).sort()).toEqual(['progress', 'row']);
		expect(Object.keys(progress!.payload.row as object).sort()).toEqual(
			[
				'deadline',
				'dueDate',
				'expectedDate',
				'fallbackDate',
				'fallbackInForce',
				'id',
				'meetingId',
				'meetingStartsAt',
				'meetingTitle',
				'overdue',
				'owners',
				'progress',
				'ratification',
				'status',
				'title',
				'version'
			].sort()
		);
		expect(Object.keys(progress!.payload.progress as object).sort()).toEqual(
			['createdAt', 'id', 'party', 'percent', 'text'].sort()
		);
		const parsed = parsePublicAgreementEvent(progress!);
		if (!parsed || parsed === 'other' || parsed.type !== 'agreement.progress_reported.v1')
			throw new Error('not a public progress event');
		expect(parsed.payload.row).toMatchObject({
			status: 'in_uitvoering',
			owners: [{ party: 'vng', organisationName: null }],
			progress: { percent: 40 }
		});
		expect(parsed.payload.progress.text).toBe(`De eerste tranche ${tag} is uitgekeerd.`);
		// The status change's note is the table's (only a lapse's reason is public).
		expect(status!.payload).toMatchObject({ from: 'open', to: 'in_uitvoering', lapseReason: null });

		const text = JSON.stringify(anonymous.events);
		for (const marker of [
			CONTACT,
			AUTHOR,
			contactEmail,
			authorEmail,
			SECRET,
			`Interne notitie ${tag}`,
			team.vngMedewerker.personId,
			team.vngBestuurder.personId,
			secret.id
		])
			expect(text).not.toContain(marker);
	}, 120_000);
});

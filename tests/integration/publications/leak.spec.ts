import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDb } from '../../../src/lib/server/db';
import { events } from '../../../src/lib/server/db/schema';
import { visibleToPrincipal } from '../../../src/lib/server/audience';
import { listAttachments } from '../../../src/lib/server/attachments';
import { recordDecision } from '../../../src/lib/server/decisions';
import {
	authenticateHandshake,
	HandshakeRefused
} from '../../../src/lib/server/realtime/handshake';
import type { ReplayAck } from '../../../src/lib/realtime/protocol';
import { PUBLIC_NAMESPACE } from '../../../src/lib/realtime/public-protocol';
import { createTeam, type Team } from '../agenda/fixtures';
import { useProcessDatabase } from '../process-env';
import { adoptedListWith, decisionFor, publishedListWith } from './fixtures';
import { publicRoutes, type Visit } from './route-calls';
import { client, emitWithAck, eventually, startRealtime, type Listener } from '../realtime/harness';

/*
 * The public side must never show what is vertrouwelijk or not (yet) published (issue 13). One
 * meeting is published with an openbaar item and a vertrouwelijk one; after publication its
 * openbare decision is changed, not republished. A second meeting's list is
 * only vastgesteld. Each of them carries its own marker in every field the public side could show;
 * then every public route is called (pages, the API, the searches, the downloads, every format
 * another helper adds under (public)), and only the published marker may appear. It must appear,
 * or the test would pass on a side that shows nothing at all. The public socket too: an anonymous
 * one listens from the start, and asks for a replay of everything at the end.
 */

useProcessDatabase();

const tag = randomUUID().slice(0, 8);
const PUBLISHED = `openbaarmerk${tag}`;
const SECRET = `geheimmerk${tag}`;
const LATER = `nietgepubliceerdmerk${tag}`;
const ADOPTED = `vastgesteldmerk${tag}`;
const hidden = [SECRET, LATER, ADOPTED];

let team: Team;
let published: Awaited<ReturnType<typeof publishedListWith>>;
let adopted: Awaited<ReturnType<typeof adoptedListWith>>;
const attachmentIds: string[] = [];
let realtime: Awaited<ReturnType<typeof startRealtime>>;
let visitor: Listener;

beforeAll(async () => {
	team = await createTeam();
	realtime = await startRealtime();
	visitor = client(`${realtime.url}${PUBLIC_NAMESPACE}`, {});
	await visitor.welcome;
	published = await publishedListWith(
		team,
		[
			{ word: PUBLISHED, by: team.vngMedewerker },
			{ word: SECRET, by: team.ipoMedewerker, confidential: true }
		],
		{ title: `Overhedenoverleg ${PUBLISHED}` }
	);
	// After publication: the openbare decision changes, and is not republished (yet).
	const [open] = published.items;
	await recordDecision(team.secretariaat, open!.id, { ...decisionFor(LATER), version: 1 });
	adopted = await adoptedListWith(team, [{ word: ADOPTED, by: team.uvwMedewerker }], {
		title: `Overhedenoverleg ${ADOPTED}`
	});
	for (const item of [...published.items, ...adopted.items])
		for (const file of await listAttachments(team.secretariaat, item.id))
			attachmentIds.push(file.id);
}, 120_000);
afterAll(async () => {
	visitor.close();
	await realtime.stop();
});

function paramSets(names: string[]): Record<string, string>[] {
	const meetings = [published.meeting.id, adopted.meeting.id, randomUUID(), 'geen-uuid'];
	let sets: Record<string, string>[] = [{}];
	for (const name of names) {
		const values = name === 'id' ? meetings : [...attachmentIds, randomUUID()];
		sets = sets.flatMap((set) => values.map((value) => ({ ...set, [name]: value })));
	}
	return sets;
}

const searches = [
	'',
	`?q=${SECRET}`,
	`?q=${LATER}`,
	`?q=${ADOPTED}`,
	`?q=${PUBLISHED}`,
	'?q=jeugdzorg',
	'?versie=1',
	'?versie=2',
	'?version=1',
	'?version=2',
	'?van=1&naar=2',
	'?soort=overhedenoverleg',
	'?kind=overhedenoverleg'
];

describe('the leak test: nothing vertrouwelijk or unpublished reaches the public', () => {
	it('finds the public routes it must try', () => {
		const paths = publicRoutes.map((route) => `${route.kind} ${route.path}`);
		expect(paths).toEqual(
			expect.arrayContaining([
				'page /',
				'page /publicaties',
				'page /publicaties/[id]',
				'server /publicaties/[id]/bijlagen/[bijlage]',
				'server /api/v1/public/publications',
				'server /api/v1/public/publications/[id]'
			])
		);
	});

	it('every public route, with every id and search: the published marker only', async () => {
		const visits: Visit[] = [];
		for (const route of publicRoutes)
			for (const params of paramSets(route.params))
				for (const search of route.params.includes('bijlage') ? [''] : searches)
					visits.push(await route.call(params, search));

		// A search page shows the visitor's own words back in its search box: that is no leak.
		const withoutEcho = (visit: Visit) => {
			const asked = new URL(visit.url).searchParams.get('q');
			return asked ? visit.text.replaceAll(`"q":${JSON.stringify(asked)}`, '') : visit.text;
		};
		const leaks = visits.flatMap((visit) =>
			hidden
				.filter((marker) => withoutEcho(visit).includes(marker))
				.map((marker) => `${marker} in ${visit.url}`)
		);
		expect(leaks).toEqual([]);
		// None of it is a server error, and the published material is really there.
		expect(visits.filter((visit) => visit.status >= 500).map((visit) => visit.url)).toEqual([]);
		const shown = visits.filter((visit) => visit.status === 200 && visit.text.includes(PUBLISHED));
		expect(shown.map((visit) => new URL(visit.url).pathname)).toEqual(
			expect.arrayContaining([
				'/',
				'/publicaties',
				`/publicaties/${published.meeting.id}`,
				'/api/v1/public/publications',
				`/api/v1/public/publications/${published.meeting.id}`,
				`/api/v1/public/publications/${published.meeting.id}/ori`,
				`/publicaties/${published.meeting.id}/besluitenlijst.xlsx`,
				`/publicaties/${published.meeting.id}/besluitenlijst.csv`
			])
		);
		// The published file downloads; the confidential one, the later one and the other meeting's do not.
		const downloads = visits.filter(
			(visit) => visit.url.includes('/bijlagen/') && visit.status === 200
		);
		expect(new Set(downloads.map((visit) => new URL(visit.url).pathname)).size).toBe(1);
		expect(downloads[0]!.url).toContain(`/publicaties/${published.meeting.id}/`);
	}, 300_000);

	it('the public search finds the published marker and none of the others', async () => {
		const list = publicRoutes.find((route) => route.path === '/api/v1/public/publications')!;
		const found = await list.call({}, `?q=${PUBLISHED}`);
		expect(JSON.parse(found.text.slice(found.text.indexOf('\n') + 1)).publications).toHaveLength(1);
		for (const marker of hidden) {
			const answer = await list.call({}, `?q=${marker}`);
			expect(JSON.parse(answer.text.slice(answer.text.indexOf('\n') + 1)).publications).toEqual([]);
		}
	});

	it('the socket: the anonymous one hears and replays the published only; the signed-in one refuses it', async () => {
		// Live and replayed, what the public namespace sent: the published marker, and no other.
		await eventually(() => visitor.events.length > 0);
		const replay = await emitWithAck<ReplayAck>(visitor, 'replay', { since: 0 });
		if (!replay.ok) throw new Error(`replay refused: ${replay.error.message}`);
		for (const sent of [JSON.stringify(visitor.events), JSON.stringify(replay.events)]) {
			expect(sent).toContain(PUBLISHED);
			for (const marker of hidden) expect(sent).not.toContain(marker);
		}
		// No cookie and no token: the signed-in namespace's handshake is refused.
		await expect(
			authenticateHandshake({
				headers: { origin: 'http://localhost:4305', host: 'localhost:4305' },
				auth: {}
			})
		).rejects.toBeInstanceOf(HandshakeRefused);
		// What a public room (or the replay of one) could ever carry: the events whose audience is public.
		const db = await useDb();
		const rows = await db.select().from(events).where(visibleToPrincipal(events.audience, null));
		expect(rows.length).toBeGreaterThan(0);
		const text = JSON.stringify(rows);
		for (const marker of hidden) expect(text).not.toContain(marker);
	});
});

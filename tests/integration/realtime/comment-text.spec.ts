import { and, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addComment, deleteComment, editComment } from '../../../src/lib/server/agenda';
import { useDb } from '../../../src/lib/server/db';
import { events } from '../../../src/lib/server/db/schema';
import { lastEventId } from '../../../src/lib/server/realtime/rooms';
import type { RealtimeEvent, ReplayAck } from '../../../src/lib/realtime/protocol';
import { useProcessDatabase } from '../process-env';
import { createTeam, openMeetingFor, submitted, type Team } from '../agenda/fixtures';
import { emitWithAck, eventually, signedInClient, startRealtime, type Listener } from './harness';

/*
 * A comment's text never enters the event log (a deleted comment keeps a trace without it, and the
 * log is kept for good); the real-time layer adds it on the way out, as the comment is then.
 */
useProcessDatabase();

let team: Team;
let server: Awaited<ReturnType<typeof startRealtime>>;
const open: Listener[] = [];

beforeAll(async () => {
	team = await createTeam();
	server = await startRealtime();
});

afterAll(async () => {
	for (const listener of open) listener.close();
	await server.stop();
});

const secret = () => `reactietekst-${crypto.randomUUID()}`;
const commentOf = (event: RealtimeEvent) => event.payload.comment as { id: string; body: string };

describe('a comment’s text on the way out', () => {
	it('is not in the log, reaches a follower live, and a replay after deletion hands out no text', async () => {
		const meeting = await openMeetingFor(team);
		const item = await submitted(team.ipoMedewerker, meeting.id);
		const since = await lastEventId(await useDb());
		const reader = await signedInClient(server.url, team.vngMedewerker);
		open.push(reader);

		const first = secret();
		const comment = await addComment(team.ipoMedewerker, item.id, { body: first });
		await eventually(() => reader.events.some((event) => event.type === 'comment.added.v1'));
		const live = reader.events.find((event) => event.type === 'comment.added.v1')!;
		expect(commentOf(live)).toMatchObject({ id: comment.id, body: first });

		const second = secret();
		await editComment(team.ipoMedewerker, comment.id, { body: second });
		await eventually(() => reader.events.some((event) => event.type === 'comment.edited.v1'));
		expect(commentOf(reader.events.find((e) => e.type === 'comment.edited.v1')!).body).toBe(second);

		// The log itself holds neither text.
		const db = await useDb();
		const logged = await db
			.select({ payload: events.payload })
			.from(events)
			.where(and(gt(events.id, since), eq(events.subjectId, comment.id)));
		expect(logged).toHaveLength(2);
		expect(JSON.stringify(logged)).not.toContain(first);
		expect(JSON.stringify(logged)).not.toContain(second);

		// Before deletion a replay carries the text as it is now, also on the older event.
		const before = await emitWithAck<ReplayAck>(reader, 'replay', { since });
		if (!before.ok) throw new Error(before.error.message);
		const replayed = before.events.filter((event) => event.subjectId === comment.id);
		expect(replayed.map((event) => commentOf(event).body)).toEqual([second, second]);

		await deleteComment(team.ipoMedewerker, comment.id);
		await eventually(() => reader.events.some((event) => event.type === 'comment.deleted.v1'));
		const after = await emitWithAck<ReplayAck>(reader, 'replay', { since });
		if (!after.ok) throw new Error(after.error.message);
		const gone = after.events.filter((event) => event.subjectId === comment.id);
		expect(gone.map((event) => event.type)).toEqual([
			'comment.added.v1',
			'comment.edited.v1',
			'comment.deleted.v1'
		]);
		expect(JSON.stringify(after.events)).not.toContain(first);
		expect(JSON.stringify(after.events)).not.toContain(second);
		for (const event of gone) {
			expect((event.payload.comment as { deletedAt: string | null }).deletedAt).not.toBeNull();
		}
	});
});

import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { beforeCommit, transaction, useDb, type Transaction } from '../../src/lib/server/db';
import { agendaItems, events } from '../../src/lib/server/db/schema';
import { rows } from '../../src/lib/server/db/migrate';
import { appendEvents } from '../../src/lib/server/events';
import { updateItem } from '../../src/lib/server/agenda';
import { useProcessDatabase } from './process-env';
import { createTeam, openMeetingFor, placedItem, type Team } from './agenda/fixtures';

/**
 * Concurrent writers on PostgreSQL (the embedded engine has one connection: its transactions run
 * one after another anyway, so this file is in vite.config.ts's serverOnly list). Events must
 * commit in id order (a replay "after n" then misses nothing), and writers must not wait for each
 * other for more than the insert of their events and their commit.
 */
useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

function gate() {
	let open!: () => void;
	const opened = new Promise<void>((resolve) => (open = resolve));
	return { open, opened };
}

/** A test event with the given marker as its subject. */
function marked(marker: string) {
	return {
		type: 'test.ordered.v1',
		subjectType: 'test',
		subjectId: marker,
		audience: { kind: 'table' }
	} as const;
}

/** What a replay reader gets: the test events after `after`, in id order. */
async function replayAfter(after: number) {
	const db = await useDb();
	return db
		.select({ id: events.id, subjectId: events.subjectId })
		.from(events)
		.where(and(gt(events.id, after), eq(events.type, 'test.ordered.v1')))
		.orderBy(asc(events.id));
}

async function newestId() {
	const db = await useDb();
	const [row] = await db
		.select({ id: sql<number>`coalesce(max(${events.id}), 0)::int` })
		.from(events);
	return row!.id;
}

/**
 * Whether `work` finishes, or instead some connection of this database comes to wait for the
 * event-order lock (an advisory lock): whichever is seen first. Each is an outcome that must
 * happen, so nothing here waits for something not to happen.
 */
async function finishesOrWaits(work: Promise<unknown>): Promise<'finished' | 'waits'> {
	let finished = false;
	const settled = work.then(
		() => (finished = true),
		() => (finished = true)
	);
	const db = await useDb();
	for (;;) {
		if (finished) return 'finished';
		const waiting = await db.execute(sql`
			select 1 from pg_stat_activity
			where datname = current_database() and wait_event_type = 'Lock' and wait_event = 'advisory'`);
		if (finished) return 'finished';
		if (rows(waiting).length > 0) return 'waits';
		await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 10))]);
	}
}

describe('the event order under concurrent writers', () => {
	it('a transaction that appended early holds back no later one; ids follow the commits, so a replay has no gap filled later', async () => {
		const before = await newestId();
		const appended = gate();
		const release = gate();
		const early = transaction(async (tx) => {
			await appendEvents(tx, { actor: null }, [marked('early')]);
			appended.open();
			await release.opened;
		});
		try {
			await Promise.race([appended.opened, early]);
			const late = transaction((tx) => appendEvents(tx, { actor: null }, [marked('late')]));
			expect(await finishesOrWaits(late)).toBe('finished');
			await late;
			// A reader asking now sees the later append, committed; the earlier is still open.
			const seen = await replayAfter(before);
			expect(seen.map((row) => row.subjectId)).toEqual(['late']);
			release.open();
			await early;
			const all = await replayAfter(before);
			// The id order is the commit order, so the early append, committed last, comes last
			// and everything at or below the highest id the reader had seen is what it saw.
			expect(all.map((row) => row.subjectId)).toEqual(['late', 'early']);
			const highestSeen = seen.at(-1)!.id;
			expect(all.filter((row) => row.id <= highestSeen)).toEqual(seen);
		} finally {
			release.open();
			await early.catch(() => {});
		}
	});

	it('the last step does wait: an insert of events waits for the commit of the one before it', async () => {
		const before = await newestId();
		const inserted = gate();
		const commit = gate();
		// A step after the wrapper's own: the events of `first` are inserted, its COMMIT not yet sent.
		const first = transaction(async (tx: Transaction) => {
			await appendEvents(tx, { actor: null }, [marked('first')]);
			beforeCommit(tx, async () => {
				inserted.open();
				await commit.opened;
			});
		});
		try {
			await Promise.race([inserted.opened, first]);
			const second = transaction((tx) => appendEvents(tx, { actor: null }, [marked('second')]));
			expect(await finishesOrWaits(second)).toBe('waits');
			// Had it not waited, a reader could have seen `second` while `first`, with the lower id,
			// was still to commit: a replay after `second` would have skipped it for good.
			expect((await replayAfter(before)).map((row) => row.subjectId)).toEqual([]);
			commit.open();
			await Promise.all([first, second]);
			expect((await replayAfter(before)).map((row) => row.subjectId)).toEqual(['first', 'second']);
		} finally {
			commit.open();
			await first.catch(() => {});
		}
	});

	it('a writer on one meeting completes whole verbs while a transaction on another meeting that has appended stays open', async () => {
		const [one, other] = [await openMeetingFor(team), await openMeetingFor(team)];
		const held = await placedItem(team, team.vngMedewerker, one.id);
		const item = await placedItem(team, team.ipoMedewerker, other.id);
		const appended = gate();
		const release = gate();
		// Like a verb (or a long import) on the first meeting that has appended and writes on.
		const long = transaction(async (tx) => {
			await tx
				.update(agendaItems)
				.set({ title: 'Lange schrijver' })
				.where(eq(agendaItems.id, held.id));
			await appendEvents(tx, { actor: null }, [marked(`long-${held.id}`)]);
			appended.open();
			await release.opened;
		});
		try {
			await Promise.race([appended.opened, long]);
			let version = item.version;
			for (const title of ['Eerste wijziging', 'Tweede wijziging', 'Derde wijziging']) {
				const saved = updateItem(team.ipoMedewerker, item.id, { expectedVersion: version, title });
				expect(await finishesOrWaits(saved)).toBe('finished');
				version = (await saved).version;
			}
			expect(version).toBe(item.version + 3);
		} finally {
			release.open();
			await long.catch(() => {});
		}
	});
});

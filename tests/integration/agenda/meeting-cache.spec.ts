import { beforeAll, describe, expect, it } from 'vitest';
import {
	deferItem,
	draftItem,
	getMeetingWithAgenda,
	updateItem
} from '../../../src/lib/server/agenda';
import { readMeetingAgenda } from '../../../src/lib/server/agenda/queries';
import { meetingAgendaFor, meetingAgendaStats } from '../../../src/lib/server/agenda/meeting-cache';
import { publishElsewhere } from '../../../src/lib/server/events/bus';
import {
	createTeam,
	itemInput,
	openMeetingFor,
	placedItem,
	rejection,
	type Team
} from './fixtures';

/*
 * The meeting's agenda read once per audience and version (agenda/meeting-cache.ts): the same
 * answer as a fresh read for every reader, a concept never handed to another organisation, and
 * every change (here, or in another process) read anew.
 */
let team: Team;
let meetingId: string;
const marker = `concept-${Date.now()}`;

beforeAll(async () => {
	team = await createTeam();
	meetingId = (await openMeetingFor(team)).id;
	await placedItem(team, team.ipoMedewerker, meetingId);
	await draftItem(team.vngMedewerker, itemInput({ meetingId, title: `Concept ${marker}` }));
});

const titles = (answer: Awaited<ReturnType<typeof meetingAgendaFor>>) =>
	[...answer.agenda, ...answer.otherItems].map((item) => item.title).sort();

/** Misses and hits since `before`, around one read. */
async function counted(read: () => Promise<unknown>) {
	const before = await meetingAgendaStats();
	await read();
	const after = await meetingAgendaStats();
	return { hits: after.hits - before.hits, misses: after.misses - before.misses };
}

describe('the meeting agenda, once per audience and version', () => {
	it('answers every reader exactly as a fresh read would, from memory for the second of a class', async () => {
		for (const actor of [team.vngMedewerker, team.ipoMedewerker, team.secretariaat]) {
			expect(titles(await meetingAgendaFor(actor, meetingId))).toEqual(
				titles(await getMeetingWithAgenda(actor, meetingId))
			);
		}
		// Another person of the same organisation: the same class, no read.
		expect(await counted(() => meetingAgendaFor(team.vngBestuurder, meetingId))).toEqual({
			hits: 1,
			misses: 0
		});
	});

	it('never hands an organisation’s concept to another organisation', async () => {
		const own = await meetingAgendaFor(team.vngBestuurder, meetingId);
		expect(JSON.stringify(own)).toContain(marker);
		for (const actor of [team.ipoMedewerker, team.bzkMedewerker, team.secretariaat]) {
			expect(JSON.stringify(await meetingAgendaFor(actor, meetingId))).not.toContain(marker);
		}
	});

	it('reads anew after a change made here', async () => {
		const [item] = (await meetingAgendaFor(team.ipoMedewerker, meetingId)).agenda;
		await updateItem(team.ipoMedewerker, item!.id, {
			title: 'Nieuwe titel na de wijziging',
			expectedVersion: item!.version
		});
		const again = await meetingAgendaFor(team.bzkMedewerker, meetingId);
		expect(again.agenda.map((row) => row.title)).toContain('Nieuwe titel na de wijziging');
	});

	it('drops the item from the old meeting when it moves to another', async () => {
		const moved = await placedItem(team, team.uvwMedewerker, meetingId);
		expect(titles(await meetingAgendaFor(team.ipoMedewerker, meetingId))).toContain(moved.title);
		const later = await openMeetingFor(team, 60);
		await deferItem(team.secretariaat, moved.id, {
			reason: 'Schuift door naar de volgende vergadering.',
			toMeetingId: later.id
		});
		const after = await meetingAgendaFor(team.ipoMedewerker, meetingId);
		expect([...after.agenda, ...after.otherItems].map((row) => row.id)).not.toContain(moved.id);
	});

	it('reads anew after another process’s event about the meeting, or after Redis was away', async () => {
		await meetingAgendaFor(team.ipoMedewerker, meetingId);
		expect((await counted(() => meetingAgendaFor(team.ipoMedewerker, meetingId))).misses).toBe(0);
		const elsewhere = {
			meetingId,
			subjectType: 'agenda',
			subjectId: meetingId,
			payload: {}
		};
		publishElsewhere([elsewhere]);
		expect((await counted(() => meetingAgendaFor(team.ipoMedewerker, meetingId))).misses).toBe(1);
		// Another meeting's event leaves this answer be.
		const other = crypto.randomUUID();
		publishElsewhere([{ ...elsewhere, meetingId: other, subjectId: other }]);
		expect((await counted(() => meetingAgendaFor(team.ipoMedewerker, meetingId))).misses).toBe(0);
		publishElsewhere(null);
		expect((await counted(() => meetingAgendaFor(team.ipoMedewerker, meetingId))).misses).toBe(1);
	});

	it('does not keep a read that an event overtook: the next reader reads again', async () => {
		publishElsewhere(null);
		let began!: () => void;
		let release!: () => void;
		const underWay = new Promise<void>((resolve) => (began = resolve));
		const held = new Promise<void>((resolve) => (release = resolve));
		const first = meetingAgendaFor(team.ipoMedewerker, meetingId, async (id, keys) => {
			began();
			await held;
			return readMeetingAgenda(id, keys);
		});
		await underWay;
		// While the read is under way, something happens to an item (not named as this meeting's:
		// it may be one the read will find).
		publishElsewhere([
			{ meetingId: null, subjectType: 'agenda_item', subjectId: crypto.randomUUID(), payload: {} }
		]);
		release();
		await first;
		expect((await counted(() => meetingAgendaFor(team.ipoMedewerker, meetingId))).misses).toBe(1);
		// And a read that nothing overtook is kept.
		expect((await counted(() => meetingAgendaFor(team.ipoMedewerker, meetingId))).misses).toBe(0);
	});

	it('refuses an unknown meeting with 404 and keeps no refusal', async () => {
		const unknown = crypto.randomUUID();
		expect(
			((await rejection(meetingAgendaFor(team.ipoMedewerker, unknown))) as { status: number })
				.status
		).toBe(404);
		const again = await counted(() =>
			meetingAgendaFor(team.ipoMedewerker, unknown).catch(() => undefined)
		);
		expect(again).toEqual({ hits: 0, misses: 1 });
	});
});

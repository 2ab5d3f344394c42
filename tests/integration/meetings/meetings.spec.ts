import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessError } from '../../../src/lib/server/access';
import { useDb } from '../../../src/lib/server/db';
import { events, meetingStatuses, type MeetingStatus } from '../../../src/lib/server/db/schema';
import {
	InvalidInputError,
	StaleVersionError,
	StateError
} from '../../../src/lib/server/kernel/errors';
import {
	cancelMeeting,
	getMeeting,
	listMeetings,
	markHeld,
	openForProposals,
	planMeeting,
	startAgendaAlignment,
	updateMeeting
} from '../../../src/lib/server/meetings';
import { useProcessDatabase } from '../process-env';
import {
	createTeam,
	forceMeetingStatus,
	meetingInput,
	planned,
	rejection,
	type Team
} from './fixtures';

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

async function eventTypes(meetingId: string) {
	const db = await useDb();
	const rows = await db
		.select({ type: events.type })
		.from(events)
		.where(and(eq(events.subjectType, 'meeting'), eq(events.subjectId, meetingId)))
		.orderBy(asc(events.id));
	return rows.map((row) => row.type);
}

describe('planMeeting', () => {
	it('allowed: the secretariaat plans a meeting; it starts as gepland and is logged', async () => {
		const meeting = await planned(team.secretariaat);
		expect(meeting).toMatchObject({ status: 'gepland', version: 1, kind: 'overhedenoverleg' });
		expect(await eventTypes(meeting.id)).toEqual(['meeting.planned.v1']);
	});

	it('denied: a medewerker, a bestuurder and a beheerder may not plan (403)', async () => {
		for (const actor of [team.vngMedewerker, team.rijkBestuurder, team.beheerder]) {
			const caught = await rejection(planMeeting(actor, meetingInput()));
			expect(caught).toBeInstanceOf(AccessError);
			expect((caught as AccessError).status).toBe(403);
		}
	});

	it('bad input gets Dutch messages per field, never a crash', async () => {
		const cases: [unknown, string][] = [
			[null, 'kind'],
			[{ ...meetingInput(), title: '' }, 'title'],
			[{ ...meetingInput(), startsAt: 'morgen' }, 'startsAt'],
			[{ ...meetingInput(), kind: 'borrel' }, 'kind'],
			[{ ...meetingInput(), onlineUrl: 'javascript:alert(1)' }, 'onlineUrl'],
			[
				{
					...meetingInput(),
					endsAt: meetingInput().startsAt,
					startsAt: meetingInput({}, 31).startsAt
				},
				'endsAt'
			],
			[{ ...meetingInput(), kind: 'sectorale_tafel' }, 'topic'],
			[{ ...meetingInput(), proposalDeadline: meetingInput({}, 40).startsAt }, 'proposalDeadline'],
			[
				{ ...meetingInput(), preparatoryMeetingId: '00000000-0000-4000-8000-000000000000' },
				'preparatoryMeetingId'
			]
		];
		for (const [input, field] of cases) {
			const caught = await rejection(planMeeting(team.secretariaat, input));
			expect(caught, field).toBeInstanceOf(InvalidInputError);
			expect((caught as InvalidInputError).fields[field], field).toMatch(/[a-z]/);
		}
	});

	it('links an Overhedenoverleg to the voorportaal it follows, which must come first', async () => {
		const voorportaal = await planned(team.secretariaat, { kind: 'ambtelijk_voorportaal' }, 20);
		const main = await planned(team.secretariaat, { preparatoryMeetingId: voorportaal.id }, 30);
		expect((await getMeeting(team.vngMedewerker, main.id)).preparatory?.id).toBe(voorportaal.id);
		const early = await rejection(
			planned(team.secretariaat, { preparatoryMeetingId: voorportaal.id }, 10)
		);
		expect((early as InvalidInputError).fields.preparatoryMeetingId).toContain('vóór');
	});
});

describe('updateMeeting', () => {
	it('allowed: the secretariaat changes details with the current version', async () => {
		const meeting = await planned(team.secretariaat);
		const saved = await updateMeeting(team.secretariaat, meeting.id, {
			expectedVersion: 1,
			location: 'Utrecht',
			chair: 'Minister-president'
		});
		expect(saved).toMatchObject({ location: 'Utrecht', version: 2 });
	});

	it('a stale version is refused and the message names what changed since', async () => {
		const meeting = await planned(team.secretariaat);
		await updateMeeting(team.secretariaat, meeting.id, { expectedVersion: 1, location: 'Zwolle' });
		const caught = await rejection(
			updateMeeting(team.secretariaat, meeting.id, { expectedVersion: 1, title: 'Anders' })
		);
		expect(caught).toBeInstanceOf(StaleVersionError);
		expect((caught as StaleVersionError).changedFields).toEqual(['location']);
		expect((caught as Error).message).toContain('plaats');
	});

	it('denied: a medewerker may not change a meeting; a missing meeting is 404', async () => {
		const meeting = await planned(team.secretariaat);
		const caught = await rejection(
			updateMeeting(team.vngMedewerker, meeting.id, { expectedVersion: 1, title: 'Anders' })
		);
		expect((caught as AccessError).status).toBe(403);
		const missing = await rejection(
			updateMeeting(team.secretariaat, 'geen-id', { expectedVersion: 1, title: 'Anders' })
		);
		expect((missing as AccessError).status).toBe(404);
	});

	it('checks the rules across fields against the stored meeting', async () => {
		const meeting = await planned(team.secretariaat);
		const caught = await rejection(
			updateMeeting(team.secretariaat, meeting.id, {
				expectedVersion: 1,
				endsAt: new Date(meeting.startsAt.getTime() - 1000).toISOString()
			})
		);
		expect((caught as InvalidInputError).fields.endsAt).toBe(
			'De vergadering moet eindigen na het begin.'
		);
		const noVersion = await rejection(
			updateMeeting(team.secretariaat, meeting.id, { title: 'X y z' })
		);
		expect((noVersion as InvalidInputError).fields.expectedVersion).toMatch(/versie/);
	});
});

/** Every meeting step from every status: allowed exactly from the statuses listed. */
const steps: {
	name: string;
	from: MeetingStatus[];
	to: MeetingStatus;
	run: (actor: Team[keyof Team], id: string) => Promise<unknown>;
}[] = [
	{
		name: 'openForProposals',
		from: ['gepland'],
		to: 'open_voor_voorstellen',
		run: (a, id) => openForProposals(a, id)
	},
	{
		name: 'startAgendaAlignment',
		from: ['gepland', 'open_voor_voorstellen'],
		to: 'agenda_in_afstemming',
		run: (a, id) => startAgendaAlignment(a, id)
	},
	{
		name: 'markHeld',
		from: ['agenda_vastgesteld'],
		to: 'gehouden',
		run: (a, id) => markHeld(a, id)
	},
	{
		name: 'cancelMeeting',
		from: ['gepland', 'open_voor_voorstellen', 'agenda_in_afstemming', 'agenda_vastgesteld'],
		to: 'geannuleerd',
		run: (a, id) => cancelMeeting(a, id, { reason: 'Kabinet demissionair' })
	}
];

describe('meeting lifecycle: every step from every status', () => {
	for (const step of steps) {
		for (const status of meetingStatuses) {
			const allowed = step.from.includes(status);
			it(`${step.name} from ${status}: ${allowed ? `→ ${step.to}` : 'refused'}`, async () => {
				// In the past, so that markHeld is not refused for a meeting that has not begun.
				const meeting = await planned(team.secretariaat, {}, -1);
				await forceMeetingStatus(meeting.id, status);
				const result = await rejection(step.run(team.secretariaat, meeting.id));
				const after = await getMeeting(team.secretariaat, meeting.id);
				if (allowed) {
					expect(result).toBeNull();
					expect(after.status).toBe(step.to);
				} else {
					expect(result).toBeInstanceOf(StateError);
					expect((result as Error).message).toMatch(/status/);
					expect(after.status).toBe(status);
				}
			});
		}
		it(`${step.name} is refused (403) to everyone but the secretariaat`, async () => {
			const meeting = await planned(team.secretariaat, {}, -1);
			await forceMeetingStatus(meeting.id, step.from[0]!);
			for (const actor of [team.vngBestuurder, team.bzkMedewerker, team.beheerder]) {
				const caught = await rejection(step.run(actor, meeting.id));
				expect((caught as AccessError).status).toBe(403);
			}
			expect((await getMeeting(team.secretariaat, meeting.id)).status).toBe(step.from[0]);
		});
	}

	it('markHeld waits until the meeting began', async () => {
		const meeting = await planned(team.secretariaat, {}, 5);
		await forceMeetingStatus(meeting.id, 'agenda_vastgesteld');
		const caught = await rejection(markHeld(team.secretariaat, meeting.id));
		expect((caught as Error).message).toBe('De vergadering is nog niet begonnen.');
	});

	it('cancelling needs a reason, in Dutch', async () => {
		const meeting = await planned(team.secretariaat);
		const caught = await rejection(cancelMeeting(team.secretariaat, meeting.id, { reason: ' ' }));
		expect((caught as InvalidInputError).fields.reason).toMatch(/reden/);
		const saved = await cancelMeeting(team.secretariaat, meeting.id, { reason: 'Geen quorum' });
		expect(saved).toMatchObject({ status: 'geannuleerd', cancelReason: 'Geen quorum' });
		expect(await eventTypes(meeting.id)).toContain('meeting.cancelled.v1');
	});
});

describe('reading meetings', () => {
	it('allowed: everyone signed in lists and reads meetings; filters by kind, year and period', async () => {
		const bofv = await planned(team.secretariaat, { kind: 'bofv', title: 'BOFv najaar' }, 60);
		const past = await planned(team.secretariaat, { kind: 'bofv', title: 'BOFv vorig' }, -60);
		for (const actor of [team.vngMedewerker, team.beheerder, team.rijkBestuurder]) {
			const upcoming = await listMeetings(actor, { kind: 'bofv', when: 'upcoming' });
			expect(upcoming.map((m) => m.id)).toContain(bofv.id);
			expect(upcoming.map((m) => m.id)).not.toContain(past.id);
		}
		const previous = await listMeetings(team.vngMedewerker, { kind: 'bofv', when: 'past' });
		expect(previous.map((m) => m.id)).toContain(past.id);
		// Its year in Amsterdam, as the filter counts (near New Year the UTC year is another).
		const year = Number(
			new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(
				bofv.startsAt
			)
		);
		const inYear = await listMeetings(team.vngMedewerker, { year });
		expect(inYear.every((m) => m.startsAt.getUTCFullYear() >= year - 1)).toBe(true);
		expect(inYear.map((m) => m.id)).toContain(bofv.id);
	});

	it('denied: no actor, no meetings; bad filters are Dutch messages; unknown ids are 404', async () => {
		expect(await rejection(listMeetings(null as never))).toBeInstanceOf(AccessError);
		const caught = await rejection(listMeetings(team.vngMedewerker, { year: 'vorig jaar' }));
		expect((caught as InvalidInputError).fields.year).toMatch(/jaar/);
		const missing = await rejection(getMeeting(team.vngMedewerker, crypto.randomUUID()));
		expect((missing as AccessError).status).toBe(404);
	});
});

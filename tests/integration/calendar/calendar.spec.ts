import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessError } from '../../../src/lib/server/access';
import { useDb } from '../../../src/lib/server/db';
import { calendarFeeds, events, people } from '../../../src/lib/server/db/schema';
import { cancelMeeting } from '../../../src/lib/server/meetings';
import {
	calendarFeed,
	createFeed,
	feedStatus,
	meetingCalendar,
	revokeFeed
} from '../../../src/lib/server/calendar';
import { createPerson } from '../identity/fixtures';
import { useProcessDatabase } from '../process-env';
import {
	createTeam,
	openMeetingFor,
	placedItem,
	rejection,
	submitted,
	type Team
} from '../agenda/fixtures';

useProcessDatabase();

const origin = 'https://overleg.example';
let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

/** Unfolds RFC 5545 line folding, so a long line can be matched whole. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

describe('meetingCalendar', () => {
	it('allowed: one meeting with Amsterdam times, its agenda and a stable UID', async () => {
		const meeting = await openMeetingFor(team, 40, { title: 'Overhedenoverleg najaar' });
		await placedItem(team, team.vngMedewerker, meeting.id);
		await submitted(team.ipoMedewerker, meeting.id, { title: 'Alleen ingediend, niet geplaatst' });
		const { filename, body } = await meetingCalendar(team.uvwBestuurder, meeting.id, origin);
		const ics = unfold(body);
		expect(filename).toMatch(/^vergadering-\d{4}-\d{2}-\d{2}\.ics$/);
		expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
		expect(ics).toContain('SUMMARY:Overhedenoverleg najaar');
		expect(ics).toContain(`UID:${meeting.id}@overleg.example`);
		expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam');
		const wallClock = new Intl.DateTimeFormat('sv-SE', {
			timeZone: 'Europe/Amsterdam',
			dateStyle: 'short',
			timeStyle: 'medium'
		})
			.format(meeting.startsAt)
			.replace(/[-:]/g, '')
			.replace(' ', 'T');
		expect(ics).toContain(`DTSTART;TZID=Europe/Amsterdam:${wallClock}`);
		expect(ics).toContain('LOCATION:Den Haag\\, Ministerie van BZK');
		expect(ics).toContain('1. Jeugdzorg en de opschalingskorting op het Gemeentefonds');
		expect(ics).not.toContain('Alleen ingediend');
		expect(ics).toContain(`URL;VALUE=URI:${origin}/vergaderingen/${meeting.id}`);
		expect(ics).toContain('STATUS:CONFIRMED');
		expect(ics).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
	});

	it('a cancelled meeting is CANCELLED with its reason', async () => {
		const meeting = await openMeetingFor(team);
		await cancelMeeting(team.secretariaat, meeting.id, { reason: 'Kabinet demissionair' });
		const { body } = await meetingCalendar(team.vngMedewerker, meeting.id, origin);
		expect(body).toContain('STATUS:CANCELLED');
		expect(unfold(body)).toContain('Geannuleerd: Kabinet demissionair');
	});

	it('denied: nobody signed in, or an unknown meeting (404)', async () => {
		const anonymous = await rejection(meetingCalendar(null as never, crypto.randomUUID(), origin));
		expect((anonymous as AccessError).status).toBe(404);
		const unknown = await rejection(
			meetingCalendar(team.vngMedewerker, crypto.randomUUID(), origin)
		);
		expect((unknown as AccessError).status).toBe(404);
	});
});

describe('the private feed', () => {
	it('allowed: a person makes a feed; the URL lists the meetings; renewing stops the old URL', async () => {
		const person = (await createPerson('medewerker', 'ipo')).actor;
		expect(await feedStatus(person)).toBeNull();
		const meeting = await openMeetingFor(team, 50, { title: 'BOFv in het feed' });
		const first = await createFeed(person);
		expect(first.token).toMatch(/^[0-9a-f-]{36}\.[a-z0-9]+$/);
		const ics = await calendarFeed(first.token, origin);
		expect(ics).toContain('BEGIN:VCALENDAR');
		expect(ics).toContain(`UID:${meeting.id}@overleg.example`);
		expect(ics).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
		const db = await useDb();
		const [stored] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.id, first.id));
		expect(stored!.secretHash).not.toContain(first.token.split('.')[1]);
		expect(stored!.lastUsedAt).not.toBeNull();
		const second = await createFeed(person);
		expect((await feedStatus(person))?.id).toBe(second.id);
		const old = await rejection(calendarFeed(first.token, origin));
		expect((old as AccessError).status).toBe(404);
		expect(await calendarFeed(second.token, origin)).toContain('BEGIN:VCALENDAR');
		const logged = await db
			.select()
			.from(events)
			.where(eq(events.subjectId, first.id))
			.orderBy(asc(events.id));
		expect(logged.map((e) => [e.type, e.audience])).toEqual([
			['calendar_feed.created.v1', [`person:${person.personId}`]],
			['calendar_feed.revoked.v1', [`person:${person.personId}`]]
		]);
	});

	it('denied: a revoked token, a wrong secret, a malformed token, a blocked person (404)', async () => {
		const person = (await createPerson('bestuurder', 'uvw')).actor;
		const feed = await createFeed(person);
		const wrong = feed.token.replace(/\.[a-z0-9]+$/, '.abcdefghijklmnop');
		expect(((await rejection(calendarFeed(wrong, origin))) as AccessError).status).toBe(404);
		expect(((await rejection(calendarFeed('onzin', origin))) as AccessError).status).toBe(404);
		const db = await useDb();
		await db.update(people).set({ disabledAt: new Date() }).where(eq(people.id, person.personId));
		expect(((await rejection(calendarFeed(feed.token, origin))) as AccessError).status).toBe(404);
		await db.update(people).set({ disabledAt: null }).where(eq(people.id, person.personId));
		expect(await calendarFeed(feed.token, origin)).toContain('BEGIN:VCALENDAR');
		expect(await revokeFeed(person)).toBe(true);
		expect(((await rejection(calendarFeed(feed.token, origin))) as AccessError).status).toBe(404);
		expect(await feedStatus(person)).toBeNull();
		expect(await revokeFeed(person)).toBe(false);
	});

	it('denied: a read-only API token may not make a feed; a feed is always the own one', async () => {
		const readOnly = { ...team.vngMedewerker, via: 'token' as const, scope: 'read' as const };
		const refused = await rejection(createFeed(readOnly));
		expect((refused as AccessError).status).toBe(403);
	});
});

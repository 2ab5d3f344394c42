import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/lib/server/access';
import { createAgreement, setStatus, updateAgreement } from '../../../src/lib/server/agreements';
import { createFeed, revokeFeed } from '../../../src/lib/server/calendar';
import { deadlinesCalendar } from '../../../src/lib/server/calendar/deadlines';
import { GET as deadlineRoute } from '../../../src/routes/afspraken.ics/[token]/+server';
import { planned } from '../agenda/fixtures';
import { createTeam, ownerOf, type Team } from '../agreements/fixtures';
import { useProcessDatabase } from '../process-env';

/*
 * The iCalendar feed of one's own party's deadlines (issue 14), called as SvelteKit calls it with
 * the token of the person's calendar feed: all-day events on the day each agreement is due, the
 * same calendar day whatever the server's time zone and across the changes of summer time (the
 * last Sundays of March and October 2026), only the party's agreements, read at request time;
 * a 404 for no token, a wrong one and a revoked one.
 */

useProcessDatabase();

const origin = 'https://overleg.example';
const tag = randomUUID().slice(0, 8);
let team: Team;
let vngToken: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
	team = await createTeam();
	const meeting = await planned(team.secretariaat, { title: `Overhedenoverleg ${tag}` }, -300);
	const make = async (key: string, deadline: string, owners: Actor[]) => {
		const row = await createAgreement(team.secretariaat, {
			meetingId: meeting.id,
			title: `${key} ${tag}`,
			deadline,
			owners: owners.map((actor) => ownerOf(actor))
		});
		ids[key] = row.id;
		return row;
	};
	// Summer time starts on 29 March 2026 and ends on 25 October 2026.
	await make('Jeugdzorg', '2026-03-29', [team.vngMedewerker]);
	await make('Opschalingskorting', '2026-10-25', [team.vngMedewerker, team.ipoMedewerker]);
	await make('Provinciefonds', '2026-10-26', [team.ipoMedewerker]);
	await make('BFU', '2027-01-31', [team.vngBestuurder]);
	await setStatus(team.vngMedewerker, ids.BFU!, {
		status: 'vertraagd',
		expectedDate: '2027-06-30'
	});
	await make('Ingebrekestelling', '2027-02-15', [team.vngMedewerker]);
	await setStatus(team.secretariaat, ids.Ingebrekestelling!, {
		status: 'vervallen',
		reason: 'Ingetrokken na de Voorjaarsnota.'
	});
	vngToken = (await createFeed(team.vngMedewerker)).token;
}, 120_000);

const zone = process.env.TZ;
afterEach(() => {
	if (zone === undefined) delete process.env.TZ;
	else process.env.TZ = zone;
});

/** Unfolds RFC 5545 line folding, so a long line can be matched whole. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

/** The VEVENT blocks by their summary. */
function eventsOf(ics: string): Map<string, string> {
	const blocks = unfold(ics).split('BEGIN:VEVENT').slice(1);
	return new Map(blocks.map((block) => [/SUMMARY:(.*)\r\n/.exec(block)![1]!, block]));
}

async function fetchFeed(token: string) {
	const url = new URL(`/afspraken.ics/${token}`, origin);
	const event = { url, params: { token }, request: new Request(url) };
	return deadlineRoute(event as unknown as Parameters<typeof deadlineRoute>[0]);
}

describe('the deadlines feed', () => {
	it('allowed: the party’s agreements as all-day events on the day they are due', async () => {
		const response = await fetchFeed(vngToken);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(response.headers.get('referrer-policy')).toBe('no-referrer');
		const ics = await response.text();
		expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
		expect(unfold(ics)).toContain('X-WR-CALNAME:Termijnen van afspraken (VNG)');
		const events = eventsOf(ics);
		// VNG's four (one of them with IPO), and not IPO's own.
		expect([...events.keys()].sort()).toEqual(
			[
				`Termijn: BFU ${tag}`,
				`Termijn: Ingebrekestelling ${tag}`,
				`Termijn: Jeugdzorg ${tag}`,
				`Termijn: Opschalingskorting ${tag}`
			].sort()
		);
		const jeugdzorg = events.get(`Termijn: Jeugdzorg ${tag}`)!;
		expect(jeugdzorg).toContain('DTSTART;VALUE=DATE:20260329\r\n');
		expect(jeugdzorg).toContain('DTEND;VALUE=DATE:20260330\r\n');
		expect(jeugdzorg).toContain(`UID:afspraak-${ids.Jeugdzorg}@overleg.example`);
		expect(jeugdzorg).toContain(`URL;VALUE=URI:${origin}/afspraken/${ids.Jeugdzorg}`);
		expect(jeugdzorg).toContain('STATUS:CONFIRMED');
		expect(jeugdzorg).toContain('TRANSP:TRANSPARENT');
		expect(jeugdzorg).toContain('Status: open\\, verlopen');
		const later = events.get(`Termijn: Opschalingskorting ${tag}`)!;
		expect(later).toContain('DTSTART;VALUE=DATE:20261025\r\n');
		expect(later).toContain('DTEND;VALUE=DATE:20261026\r\n');
		expect(later).toContain('Actiehouders: VNG\\; IPO');
		// Vertraagd: due on its expected date, the deadline named beside it.
		const delayed = events.get(`Termijn: BFU ${tag}`)!;
		expect(delayed).toContain('DTSTART;VALUE=DATE:20270630\r\n');
		expect(delayed).toContain('Termijn: 31-01-2027');
		expect(delayed).toContain('Verwacht: 30-06-2027');
		expect(events.get(`Termijn: Ingebrekestelling ${tag}`)).toContain('STATUS:CANCELLED');
	});

	it('the same calendar days whatever the server’s time zone', async () => {
		for (const tz of ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/Amsterdam']) {
			process.env.TZ = tz;
			const events = eventsOf(await deadlinesCalendar(team.vngMedewerker, origin));
			expect(events.get(`Termijn: Jeugdzorg ${tag}`), tz).toContain('DTSTART;VALUE=DATE:20260329');
			expect(events.get(`Termijn: Jeugdzorg ${tag}`), tz).toContain('DTEND;VALUE=DATE:20260330');
			expect(events.get(`Termijn: Opschalingskorting ${tag}`), tz).toContain(
				'DTSTART;VALUE=DATE:20261025'
			);
		}
	});

	it('verlopen once the day has ended in Amsterdam, on the night summer time starts', async () => {
		const at = (instant: string) =>
			deadlinesCalendar(team.vngMedewerker, origin, new Date(instant)).then((ics) =>
				eventsOf(ics).get(`Termijn: Jeugdzorg ${tag}`)
			);
		// 23:59 on 29 March in Amsterdam (CEST, +2) is 21:59 UTC; one minute later the day has ended.
		expect(await at('2026-03-29T21:59:00Z')).toContain('Status: open\\nTermijn');
		expect(await at('2026-03-29T22:00:00Z')).toContain('Status: open\\, verlopen');
	});

	it('follows a changed deadline at the next request', async () => {
		const before = eventsOf(await (await fetchFeed(vngToken)).text());
		expect(before.get(`Termijn: Opschalingskorting ${tag}`)).toContain('SEQUENCE:0');
		await updateAgreement(team.secretariaat, ids.Opschalingskorting!, { deadline: '2027-03-28' });
		const after = eventsOf(await (await fetchFeed(vngToken)).text());
		const moved = after.get(`Termijn: Opschalingskorting ${tag}`)!;
		expect(moved).toContain('DTSTART;VALUE=DATE:20270328\r\n');
		expect(moved).toContain('DTEND;VALUE=DATE:20270329\r\n');
		expect(moved).toContain('SEQUENCE:1');
		// IPO's feed has it too, now that it is IPO's as well; its own Provinciefonds beside it.
		const ipo = eventsOf(
			await (await fetchFeed((await createFeed(team.ipoBestuurder)).token)).text()
		);
		expect([...ipo.keys()].sort()).toEqual(
			[`Termijn: Opschalingskorting ${tag}`, `Termijn: Provinciefonds ${tag}`].sort()
		);
	});

	it('a person without a party has an empty feed', async () => {
		const ics = await deadlinesCalendar(team.secretariaat, origin);
		expect(ics).toContain('BEGIN:VCALENDAR');
		expect(ics).not.toContain('BEGIN:VEVENT');
	});

	it('denied: no token, a wrong one and a revoked one are the same 404', async () => {
		const wrong = `${vngToken.slice(0, -4)}${vngToken.endsWith('aaaa') ? 'bbbb' : 'aaaa'}`;
		for (const token of ['', 'geen-token', wrong, `${randomUUID()}.${vngToken.split('.')[1]}`]) {
			const response = await fetchFeed(token);
			expect(response.status, token).toBe(404);
			expect(await response.text()).toBe('Niet gevonden.');
		}
		const own = await createFeed(team.uvwMedewerker);
		expect((await fetchFeed(own.token)).status).toBe(200);
		await revokeFeed(team.uvwMedewerker);
		const revoked = await fetchFeed(own.token);
		expect(revoked.status).toBe(404);
		expect(revoked.headers.get('cache-control')).toBe('no-store');
	});
});

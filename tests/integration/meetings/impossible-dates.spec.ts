import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDb } from '../../../src/lib/server/db';
import { meetings } from '../../../src/lib/server/db/schema';
import { grantDelegation } from '../../../src/lib/server/delegation';
import { InvalidInputError } from '../../../src/lib/server/kernel/errors';
import {
	getMeeting,
	listMeetings,
	planMeeting,
	updateMeeting
} from '../../../src/lib/server/meetings';
import {
	meetingValues,
	toAmsterdamLocal
} from '../../../src/routes/vergaderingen/meeting-form.server';
import { actions as editActions } from '../../../src/routes/vergaderingen/[id]/bewerken/+page.server';
import { actions as newActions } from '../../../src/routes/vergaderingen/nieuw/+page.server';
import { as } from '../api/harness';
import { failed, formPost } from '../form-post';
import { createPerson } from '../identity/fixtures';
import { useProcessDatabase } from '../process-env';
import { createTeam, meetingInput, planned, rejection, type Team } from './fixtures';

useProcessDatabase();

/**
 * The meeting form rolled impossible dates over (30 February became 2 March, 0000-00-00 became
 * 1899) and took 1900. Now a time must exist, lie between 2000 and ten years ahead, and a new
 * meeting cannot start more than a year ago: form, API and verb agree.
 */
let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

const DAY = 86_400_000;
const local = (daysAhead: number) => toAmsterdamLocal(new Date(Date.now() + daysAhead * DAY));

function planForm(startsAt: string, endsAt = startsAt) {
	return formPost(team.secretariaat, '/vergaderingen/nieuw', {
		kind: 'bofv',
		title: 'BOFv najaar',
		startsAt,
		endsAt
	});
}

describe('the plan form', () => {
	it('refuses a time that does not exist, at the field, and plans nothing', async () => {
		const before = (await listMeetings(team.secretariaat)).length;
		for (const startsAt of ['2027-02-30T10:00', '0000-00-00T00:00', '2027-06-31T10:00']) {
			const result = failed(await newActions.default!(planForm(startsAt, '2027-03-01T12:00')));
			expect(result.status, startsAt).toBe(400);
			expect(result.data.errors.startsAt, startsAt).toBe('Vul een geldig begintijdstip in.');
		}
		expect((await listMeetings(team.secretariaat)).length).toBe(before);
	});

	it('refuses 1900, the year 3000 and a new meeting of two years ago', async () => {
		const old = failed(await newActions.default!(planForm('1900-01-01T10:00', '1900-01-01T12:00')));
		expect(old.status).toBe(400);
		expect(old.data.errors.startsAt).toMatch(/vanaf 2000/);
		expect(old.data.errors.endsAt).toMatch(/vanaf 2000/);
		const far = failed(await newActions.default!(planForm('3000-01-01T10:00', '3000-01-01T12:00')));
		expect(far.data.errors.startsAt).toMatch(/niet verder dan 10 jaar vooruit/);
		const past = failed(await newActions.default!(planForm(local(-730), local(-729))));
		expect(past.data.errors.startsAt).toBe(
			'Een nieuwe vergadering kan niet meer dan een jaar geleden beginnen.'
		);
	});
});

describe('planMeeting and the API', () => {
	it('plan a meeting of two months ago (one to record), not one of two years ago', async () => {
		const recent = await planned(team.secretariaat, {}, -60);
		expect(recent.startsAt.getTime()).toBeLessThan(Date.now());
		const caught = await rejection(planMeeting(team.secretariaat, meetingInput({}, -730)));
		expect((caught as InvalidInputError).fields.startsAt).toMatch(/meer dan een jaar geleden/);
	});

	it('answer 400 for 1900 and for eleven years ahead, and for a proposal deadline in 1990', async () => {
		const api = as(team.secretariaat);
		for (const [overrides, field] of [
			[{ startsAt: '1900-01-01T10:00:00+01:00', endsAt: '1900-01-01T12:00:00+01:00' }, 'startsAt'],
			[meetingInput({}, 11 * 366), 'startsAt'],
			[{ proposalDeadline: '1990-01-01T10:00:00Z' }, 'proposalDeadline'],
			[{ startsAt: '2027-02-30T10:00:00+01:00' }, 'startsAt']
		] as const) {
			const answer = await api.post('/api/v1/meetings', { body: meetingInput(overrides) });
			expect(answer.status, field).toBe(400);
			expect(
				answer.body.errors!.map((error) => error.field),
				field
			).toContain(field);
		}
	});
});

describe('changing an existing meeting', () => {
	it('keeps its date, however long ago, but does not move it to 1900 or 2999', async () => {
		const meeting = await planned(team.secretariaat);
		const twoYearsAgo = new Date(Date.now() - 730 * DAY);
		const db = await useDb();
		await db
			.update(meetings)
			.set({
				startsAt: twoYearsAgo,
				endsAt: new Date(twoYearsAgo.getTime() + 2 * 3_600_000),
				proposalDeadline: null
			})
			.where(eq(meetings.id, meeting.id));
		const stored = await getMeeting(team.secretariaat, meeting.id);
		// The edit form sends every field, the old start included: the title still changes.
		const values = { ...meetingValues(stored), title: 'Overhedenoverleg (verslag)' };
		// A saved form redirects: SvelteKit's redirect() is thrown.
		const redirected = await rejection(
			Promise.resolve(
				editActions.default!(
					formPost(
						team.secretariaat,
						`/vergaderingen/${meeting.id}/bewerken`,
						{ ...values, expectedVersion: String(stored.version) },
						{ id: meeting.id }
					)
				)
			)
		);
		expect(redirected).toMatchObject({ status: 303 });
		expect((await getMeeting(team.secretariaat, meeting.id)).title).toBe(
			'Overhedenoverleg (verslag)'
		);
		const moved = await rejection(
			updateMeeting(team.secretariaat, meeting.id, {
				startsAt: '2999-01-01T10:00:00Z',
				expectedVersion: stored.version + 1
			})
		);
		expect((moved as InvalidInputError).fields.startsAt).toMatch(/niet verder dan 10 jaar/);
	});
});

describe('a delegation’s end date', () => {
	it('must exist: 30 February is refused, not rolled over into March', async () => {
		const medewerker = (await createPerson('medewerker', 'vng')).actor;
		const bestuurder = (await createPerson('bestuurder', 'vng')).actor;
		const caught = await rejection(
			grantDelegation(bestuurder, { delegateId: medewerker.personId, validUntil: '2027-02-30' })
		);
		expect((caught as InvalidInputError).fields.validUntil).toMatch(/bestaande datum/);
	});
});

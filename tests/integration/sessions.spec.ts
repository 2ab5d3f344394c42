import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../src/lib/server/db/migrate';
import { organisations, people, sessions } from '../../src/lib/server/db/schema';
import { seedDatabase } from '../../src/lib/server/db/seed';
import {
	createSession,
	invalidatePersonSessions,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { enginesUnderTest, freshDatabase, MIGRATIONS, type TestDatabase } from './databases';

const policy = { idleMs: 120 * 60_000, maxMs: 12 * 3_600_000 };
const minutes = (n: number) => n * 60_000;

describe.each(enginesUnderTest())('sessions on %s', (engine) => {
	let test: TestDatabase;
	let personId: string;

	beforeAll(async () => {
		test = await freshDatabase(engine);
		await migrateDatabase(test.handle, MIGRATIONS);
		await seedDatabase(test.handle.db);
		const [vng] = await test.handle.db
			.select()
			.from(organisations)
			.where(eq(organisations.slug, 'vng'));
		const [person] = await test.handle.db
			.insert(people)
			.values({
				email: 'sessie@test.example',
				name: 'Sessie Test',
				organisationId: vng!.id,
				role: 'medewerker',
				passwordHash: 'x'
			})
			.returning();
		personId = person!.id;
	});
	afterAll(async () => {
		await test.drop();
	});

	it('stores only a hash of the secret, and the token finds the session and its actor', async () => {
		const start = new Date('2026-11-23T09:00:00Z');
		const { token, session } = await createSession(test.handle.db, personId, policy, {
			twoFactorVerified: true,
			now: start
		});
		const [stored] = await test.handle.db
			.select()
			.from(sessions)
			.where(eq(sessions.id, session.id));
		const secret = token.split('.')[1]!;
		expect(stored!.secretHash).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(stored)).not.toContain(secret);
		const valid = await validateSessionToken(
			test.handle.db,
			token,
			policy,
			new Date(start.getTime() + minutes(1))
		);
		expect(valid?.actor).toMatchObject({
			personId,
			role: 'medewerker',
			party: 'vng',
			via: 'session',
			scope: 'write'
		});
	});

	it('refuses a token whose secret was altered, or that is malformed', async () => {
		const { token } = await createSession(test.handle.db, personId, policy, {
			twoFactorVerified: true
		});
		const [id, secret] = token.split('.');
		const altered = `${id}.${secret!.slice(0, -1)}${secret!.endsWith('a') ? 'b' : 'a'}`;
		expect(await validateSessionToken(test.handle.db, altered, policy)).toBeNull();
		expect(await validateSessionToken(test.handle.db, 'nonsense', policy)).toBeNull();
		expect(await validateSessionToken(test.handle.db, `${id}.`, policy)).toBeNull();
	});

	it('ends after the idle time without activity', async () => {
		const start = new Date('2026-11-23T09:00:00Z');
		const { token } = await createSession(test.handle.db, personId, policy, {
			twoFactorVerified: true,
			now: start
		});
		expect(
			await validateSessionToken(
				test.handle.db,
				token,
				policy,
				new Date(start.getTime() + minutes(119))
			)
		).not.toBeNull();
		// 119 minutes in, the end moved forward to 119 + 120: still valid at 200 minutes.
		expect(
			await validateSessionToken(
				test.handle.db,
				token,
				policy,
				new Date(start.getTime() + minutes(200))
			)
		).not.toBeNull();
		// Then nothing for more than the idle time: gone.
		expect(
			await validateSessionToken(
				test.handle.db,
				token,
				policy,
				new Date(start.getTime() + minutes(200 + 121))
			)
		).toBeNull();
	});

	it('refreshes only in the second half of the idle time, and says so', async () => {
		const start = new Date('2026-11-23T09:00:00Z');
		const { token } = await createSession(test.handle.db, personId, policy, {
			twoFactorVerified: true,
			now: start
		});
		const early = await validateSessionToken(
			test.handle.db,
			token,
			policy,
			new Date(start.getTime() + minutes(10))
		);
		expect(early?.refreshed).toBe(false);
		const late = await validateSessionToken(
			test.handle.db,
			token,
			policy,
			new Date(start.getTime() + minutes(70))
		);
		expect(late?.refreshed).toBe(true);
		expect(late?.session.expiresAt.toISOString()).toBe(
			new Date(start.getTime() + minutes(190)).toISOString()
		);
	});

	it('ends at the absolute limit however active the person is', async () => {
		const start = new Date('2026-11-23T06:00:00Z');
		const { token } = await createSession(test.handle.db, personId, policy, {
			twoFactorVerified: true,
			now: start
		});
		for (let minute = 50; minute < 12 * 60; minute += 50) {
			expect(
				await validateSessionToken(
					test.handle.db,
					token,
					policy,
					new Date(start.getTime() + minutes(minute))
				)
			).not.toBeNull();
		}
		expect(
			await validateSessionToken(
				test.handle.db,
				token,
				policy,
				new Date(start.getTime() + minutes(12 * 60))
			)
		).toBeNull();
	});

	it('a disabled person loses every session at once', async () => {
		const { token } = await createSession(test.handle.db, personId, policy, {
			twoFactorVerified: true
		});
		await test.handle.db
			.update(people)
			.set({ disabledAt: new Date() })
			.where(eq(people.id, personId));
		expect(await validateSessionToken(test.handle.db, token, policy)).toBeNull();
		await test.handle.db.update(people).set({ disabledAt: null }).where(eq(people.id, personId));
	});

	it('ends all other sessions of a person on request', async () => {
		const keep = await createSession(test.handle.db, personId, policy, { twoFactorVerified: true });
		const other = await createSession(test.handle.db, personId, policy, {
			twoFactorVerified: true
		});
		const ended = await invalidatePersonSessions(test.handle.db, personId, keep.session.id);
		expect(ended).toContain(other.session.id);
		expect(await validateSessionToken(test.handle.db, keep.token, policy)).not.toBeNull();
		expect(await validateSessionToken(test.handle.db, other.token, policy)).toBeNull();
	});
});

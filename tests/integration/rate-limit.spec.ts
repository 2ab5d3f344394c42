import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryStore, RateLimiter, RedisStore } from '../../src/lib/server/auth/rate-limit';

/** This machine's Redis (CI provides it); unreachable, these tests fail rather than skip. */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const limit = { name: `test:${randomBytes(4).toString('hex')}`, max: 3, windowMs: 60_000 };

describe.each([
	['memory', () => new MemoryStore()],
	['redis', () => new RedisStore(new Redis(REDIS_URL, { maxRetriesPerRequest: 1 }))]
] as const)('rate limiting in %s', (_name, makeStore) => {
	const store = makeStore();
	afterAll(async () => {
		if (store instanceof RedisStore) await (store as unknown as { redis: Redis }).redis.quit();
	});

	it('allows up to the limit, then refuses with a time to wait', async () => {
		const limiter = new RateLimiter(store);
		const verdicts = [];
		for (let i = 0; i < 4; i++) verdicts.push(await limiter.consume(limit, 'Iemand@Example.nl'));
		expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, false]);
		expect(verdicts[3]!.retryAfterSeconds).toBeGreaterThan(0);
		expect(verdicts[3]!.retryAfterSeconds).toBeLessThanOrEqual(60);
		// Case does not matter: the same account.
		expect((await limiter.consume(limit, 'iemand@example.nl')).allowed).toBe(false);
		// Another subject has its own count.
		expect((await limiter.consume(limit, 'ander@example.nl')).allowed).toBe(true);
	});

	it('starts again after a reset (a successful login)', async () => {
		const limiter = new RateLimiter(store);
		for (let i = 0; i < 5; i++) await limiter.consume(limit, 'reset@example.nl');
		await limiter.reset(limit, 'reset@example.nl');
		expect((await limiter.consume(limit, 'reset@example.nl')).allowed).toBe(true);
	});

	it('opens again when the window has passed', async () => {
		const limiter = new RateLimiter(store);
		const short = { ...limit, name: `${limit.name}:short`, windowMs: 300 };
		for (let i = 0; i < 4; i++) await limiter.consume(short, 'wacht@example.nl');
		expect((await limiter.consume(short, 'wacht@example.nl')).allowed).toBe(false);
		await new Promise((resolve) => setTimeout(resolve, 400));
		expect((await limiter.consume(short, 'wacht@example.nl')).allowed).toBe(true);
	});
});

describe('rate limiting shared through Redis', () => {
	it('counts attempts from two processes together', async () => {
		const a = new Redis(REDIS_URL);
		const b = new Redis(REDIS_URL);
		try {
			const first = new RateLimiter(new RedisStore(a));
			const second = new RateLimiter(new RedisStore(b));
			const shared = { ...limit, name: `${limit.name}:shared` };
			await first.consume(shared, 'gedeeld@example.nl');
			await second.consume(shared, 'gedeeld@example.nl');
			await first.consume(shared, 'gedeeld@example.nl');
			expect((await second.consume(shared, 'gedeeld@example.nl')).allowed).toBe(false);
		} finally {
			await a.quit();
			await b.quit();
		}
	});

	it('falls back to counting in memory when Redis is unreachable, instead of failing every login', async () => {
		const unreachable = new Redis('redis://127.0.0.1:6399', {
			maxRetriesPerRequest: 0,
			enableOfflineQueue: false,
			lazyConnect: true,
			retryStrategy: () => null
		});
		const limiter = new RateLimiter(new RedisStore(unreachable));
		const verdicts = [];
		for (let i = 0; i < 4; i++)
			verdicts.push((await limiter.consume(limit, 'offline@example.nl')).allowed);
		expect(verdicts).toEqual([true, true, true, false]);
		unreachable.disconnect();
	});
});

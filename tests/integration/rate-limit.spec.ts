import { randomBytes } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
	MemoryStore,
	RateLimiter,
	rateLimiter,
	RedisStore,
	redisKey,
	setRateLimiter,
	type RateLimitStore
} from '../../src/lib/server/auth/rate-limit';
import { resetConfig } from '../../src/lib/server/config';
import { runShutdownHooks } from '../../src/lib/server/lifecycle';
import { logger } from '../../src/lib/server/logger';
import { startProxy } from '../support/app-processes';

/**
 * Redis is required wherever it is provided: under CI (which runs it on this machine) and whenever
 * REDIS_URL or TEST_REDIS_URL is set. There an unreachable Redis fails these tests. It must: the
 * Redis store counts in memory while Redis is away, so without the checks on `backend` and on
 * the keys in Redis every verdict below would hold just the same with Redis down.
 * Elsewhere (a laptop without Redis) the Redis tests are not registered, so no run reports a skip.
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisProvided = Boolean(
	process.env.CI || process.env.TEST_REDIS_URL || process.env.REDIS_URL
);
const limit = { name: `test:${randomBytes(4).toString('hex')}`, max: 3, windowMs: 60_000 };
const bucket = (name: string, subject: string) => `${name}:${subject.toLowerCase()}`;

const connections: Redis[] = [];
/** A connection as the app makes one (src/lib/server/auth/rate-limit.ts), closed after the file. */
function connect(url = REDIS_URL, options: RedisOptions = {}) {
	const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 1_000, ...options });
	// A connection that is cut on purpose reports errors; the store's own handling is under test.
	redis.on('error', () => undefined);
	connections.push(redis);
	return redis;
}
afterAll(() => {
	for (const redis of connections) redis.disconnect();
});

type Variant = [name: 'memory' | 'redis', makeStore: () => RateLimitStore];
const variants: Variant[] = [
	['memory', () => new MemoryStore()],
	...(redisProvided ? [['redis', () => new RedisStore(connect())] satisfies Variant] : [])
];

if (redisProvided) {
	beforeAll(async () => {
		await connect()
			.ping()
			.catch((error: unknown) => {
				throw new Error(
					`Redis at ${REDIS_URL} does not answer (${String(error)}). CI provides it, as do ` +
						'REDIS_URL and TEST_REDIS_URL when set: start it, or point them at one.'
				);
			});
	});
}

describe.each(variants)('rate limiting in %s', (name, makeStore) => {
	const store = makeStore();
	/** Every hit of the test was counted where the variant says: not in a quiet fallback. */
	const expectCountedIn = () => {
		expect(store.backend).toBe(name);
		if (store instanceof RedisStore) expect(store.fallbackHits).toBe(0);
	};

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
		expectCountedIn();
	});

	it('starts again after a reset (a successful login)', async () => {
		const limiter = new RateLimiter(store);
		for (let i = 0; i < 5; i++) await limiter.consume(limit, 'reset@example.nl');
		await limiter.reset(limit, 'reset@example.nl');
		expect((await limiter.consume(limit, 'reset@example.nl')).allowed).toBe(true);
		expectCountedIn();
	});

	it('opens again when the window has passed', async () => {
		const limiter = new RateLimiter(store);
		const short = { ...limit, name: `${limit.name}:short`, windowMs: 300 };
		for (let i = 0; i < 4; i++) await limiter.consume(short, 'wacht@example.nl');
		expect((await limiter.consume(short, 'wacht@example.nl')).allowed).toBe(false);
		// The window itself is what is tested here: time has to pass.
		await new Promise((resolve) => setTimeout(resolve, 400));
		expect((await limiter.consume(short, 'wacht@example.nl')).allowed).toBe(true);
		expectCountedIn();
	});
});

if (redisProvided) {
	describe('rate limiting shared through Redis', () => {
		afterEach(() => {
			vi.restoreAllMocks();
		});

		it('counts in Redis itself: the key holds the count and ends with the window', async () => {
			const store = new RedisStore(connect());
			const limiter = new RateLimiter(store);
			const own = { ...limit, name: `${limit.name}:key` };
			for (let i = 0; i < 3; i++) await limiter.consume(own, 'Sleutel@example.nl');
			const observer = connect();
			const key = redisKey(bucket(own.name, 'Sleutel@example.nl'));
			expect(await observer.get(key)).toBe('3');
			const ttl = await observer.pttl(key);
			expect(ttl).toBeGreaterThan(0);
			expect(ttl).toBeLessThanOrEqual(own.windowMs);
			expect(limiter.backend).toBe('redis');
			await limiter.reset(own, 'sleutel@example.nl');
			expect(await observer.exists(key)).toBe(0);
		});

		it('the app’s own limiter, made from REDIS_URL, counts even its first hit in Redis', async () => {
			// A connection that is still being made must not send a process's first logins to memory.
			const previous = process.env.REDIS_URL;
			process.env.REDIS_URL = REDIS_URL;
			resetConfig();
			setRateLimiter(undefined);
			try {
				const limiter = rateLimiter();
				const first = { ...limit, name: `${limit.name}:first` };
				await limiter.consume(first, 'eerste@example.nl');
				expect(limiter.backend).toBe('redis');
				expect(await connect().get(redisKey(bucket(first.name, 'eerste@example.nl')))).toBe('1');
			} finally {
				await runShutdownHooks();
				setRateLimiter(undefined);
				if (previous === undefined) delete process.env.REDIS_URL;
				else process.env.REDIS_URL = previous;
				resetConfig();
			}
		});

		it('counts attempts from two processes together', async () => {
			const first = new RateLimiter(new RedisStore(connect()));
			const second = new RateLimiter(new RedisStore(connect()));
			const shared = { ...limit, name: `${limit.name}:shared` };
			await first.consume(shared, 'gedeeld@example.nl');
			await second.consume(shared, 'gedeeld@example.nl');
			await first.consume(shared, 'gedeeld@example.nl');
			expect((await second.consume(shared, 'gedeeld@example.nl')).allowed).toBe(false);
			expect([first.backend, second.backend]).toEqual(['redis', 'redis']);
		});

		it('Redis unreachable: counts in memory rather than failing every login, says so, and logs it once', async () => {
			const errors = vi.spyOn(logger, 'error');
			const store = new RedisStore(
				connect('redis://127.0.0.1:6399', { maxRetriesPerRequest: 0, retryStrategy: () => null })
			);
			const limiter = new RateLimiter(store);
			const verdicts = [];
			for (let i = 0; i < 4; i++)
				verdicts.push((await limiter.consume(limit, 'offline@example.nl')).allowed);
			expect(verdicts).toEqual([true, true, true, false]);
			expect(limiter.backend).toBe('memory');
			expect(store.fallbackHits).toBe(4);
			expect(errors.mock.calls.map(([, message]) => message)).toEqual([
				expect.stringMatching(/Redis unreachable; each process now counts in its own memory/)
			]);
		});

		it('Redis goes away and comes back: the count moves to memory and back to Redis, logged each way', async () => {
			const target = new URL(REDIS_URL);
			const proxy = await startProxy({ host: target.hostname, port: Number(target.port || 6379) });
			try {
				const errors = vi.spyOn(logger, 'error');
				const warnings = vi.spyOn(logger, 'warn');
				const store = new RedisStore(connect(`redis://127.0.0.1:${proxy.port}`));
				const limiter = new RateLimiter(store);
				const away = { ...limit, name: `${limit.name}:away` };
				await limiter.consume(away, 'weg@example.nl');
				expect(limiter.backend).toBe('redis');

				await proxy.cut();
				await limiter.consume(away, 'weg@example.nl');
				expect(limiter.backend).toBe('memory');
				expect(errors).toHaveBeenCalledTimes(1);

				await proxy.restore();
				// The client reconnects on its own schedule: try until a hit is counted in Redis again.
				const until = Date.now() + 15_000;
				do await limiter.consume(away, 'weg@example.nl');
				while (limiter.backend !== 'redis' && Date.now() < until);
				expect(limiter.backend).toBe('redis');
				expect(warnings.mock.calls.map(([, message]) => message)).toContain(
					'rate limit: Redis is back, counts are shared again'
				);
				// The hit before the cut and the one that brought it back are in Redis; the gap's are not.
				const observer = connect();
				expect(await observer.get(redisKey(bucket(away.name, 'weg@example.nl')))).toBe('2');
			} finally {
				await proxy.close();
			}
		});
	});
}

import { Redis } from 'ioredis';
import { config } from '../config';
import { onShutdown } from '../lifecycle';
import { logger } from '../logger';

/**
 * Fixed-window rate limits. In memory for one process; shared through Redis when REDIS_URL is set,
 * so that several processes count together.
 *
 * If Redis is unreachable the limiter counts in this process's memory until Redis answers again:
 * letting everything through would open the door to password guessing during an outage, and
 * refusing everything would lock everyone out. The price is that, meanwhile, each of N processes
 * counts on its own (at most N times the limit). That state is never quiet: the store reports it
 * (`backend`, `fallbackHits`), it is logged as an error when it begins and as a warning when it
 * ends, so an operator and a test can both tell a shared count from a per-process one.
 */
export interface Limit {
	/** Name of the bucket, e.g. `login:ip`. */
	name: string;
	max: number;
	windowMs: number;
}

export interface Verdict {
	allowed: boolean;
	remaining: number;
	retryAfterSeconds: number;
}

/** Where a store counts: in this process alone, or shared by every process through Redis. */
export type Backend = 'memory' | 'redis';

export interface RateLimitStore {
	/** Where the last hit was counted (a Redis store that could not reach Redis says 'memory'). */
	readonly backend: Backend;
	hit(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
	reset(key: string): Promise<void>;
}

export class MemoryStore implements RateLimitStore {
	readonly backend = 'memory';
	private readonly windows = new Map<string, { count: number; resetAt: number }>();

	async hit(key: string, windowMs: number) {
		const now = Date.now();
		let window = this.windows.get(key);
		if (!window || window.resetAt <= now) {
			window = { count: 0, resetAt: now + windowMs };
			this.windows.set(key, window);
			if (this.windows.size > 50_000) this.sweep(now);
		}
		window.count += 1;
		return { count: window.count, resetInMs: window.resetAt - now };
	}

	async reset(key: string) {
		this.windows.delete(key);
	}

	private sweep(now: number) {
		for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
	}
}

/** The Redis key of a bucket; exported for the tests that look into Redis. */
export const redisKey = (key: string) => `${config().REDIS_PREFIX}:ratelimit:${key}`;

export class RedisStore implements RateLimitStore {
	backend: Backend = 'redis';
	/** Hits counted in memory because Redis did not answer, over the store's life. */
	fallbackHits = 0;

	constructor(
		private readonly redis: Redis,
		private readonly fallback = new MemoryStore()
	) {}

	async hit(key: string, windowMs: number) {
		try {
			const result = await this.redis
				.multi()
				.incr(redisKey(key))
				.pexpire(redisKey(key), windowMs, 'NX')
				.pttl(redisKey(key))
				.exec();
			// exec() answers null when the transaction was discarded: that is no count either.
			if (!result) throw new Error('Redis discarded the rate-limit transaction');
			for (const [error] of result) if (error) throw error;
			const count = Number(result[0]![1]);
			const ttl = Number(result[2]![1]);
			this.counted('redis');
			return { count, resetInMs: ttl > 0 ? ttl : windowMs };
		} catch (error) {
			this.counted('memory', error);
			this.fallbackHits++;
			return this.fallback.hit(key, windowMs);
		}
	}

	async reset(key: string) {
		await this.fallback.reset(key);
		try {
			await this.redis.del(redisKey(key));
		} catch (error) {
			// The shared count then runs out with its window; the person may meet it once more.
			logger.warn({ err: error, key }, 'rate limit: Redis unreachable, could not reset a count');
		}
	}

	/** Logs a change of backend once, not every hit: an outage would flood the log otherwise. */
	private counted(backend: Backend, error?: unknown) {
		if (backend === this.backend) return;
		this.backend = backend;
		if (backend === 'memory') {
			logger.error(
				{ err: error },
				'rate limit: Redis unreachable; each process now counts in its own memory until Redis is back'
			);
		} else {
			logger.warn(
				{ fallbackHits: this.fallbackHits },
				'rate limit: Redis is back, counts are shared again'
			);
		}
	}
}

export class RateLimiter {
	constructor(private readonly store: RateLimitStore) {}

	/** Where this limiter counts right now (see RedisStore for a Redis that went away). */
	get backend(): Backend {
		return this.store.backend;
	}

	async consume(limit: Limit, subject: string): Promise<Verdict> {
		const { count, resetInMs } = await this.store.hit(
			`${limit.name}:${subject.toLowerCase()}`,
			limit.windowMs
		);
		return {
			allowed: count <= limit.max,
			remaining: Math.max(0, limit.max - count),
			retryAfterSeconds: Math.ceil(resetInMs / 1000)
		};
	}

	async reset(limit: Limit, subject: string): Promise<void> {
		await this.store.reset(`${limit.name}:${subject.toLowerCase()}`);
	}
}

const MINUTE = 60_000;

/**
 * The limits in force. Per IP generous enough for a shared office address (RATE_LIMIT_PER_IP);
 * per account strict.
 */
export const limits = {
	get loginPerIp(): Limit {
		return { name: 'login:ip', max: config().RATE_LIMIT_PER_IP, windowMs: 15 * MINUTE };
	},
	loginPerAccount: { name: 'login:account', max: 6, windowMs: 15 * MINUTE },
	secondFactorPerSession: { name: '2fa:person', max: 6, windowMs: 15 * MINUTE },
	get secondFactorPerIp(): Limit {
		return { name: '2fa:ip', max: config().RATE_LIMIT_PER_IP, windowMs: 15 * MINUTE };
	},
	invitePerActor: { name: 'invite:actor', max: 30, windowMs: 60 * MINUTE },
	get invitationPerIp(): Limit {
		return { name: 'invitation:ip', max: config().RATE_LIMIT_PER_IP, windowMs: 15 * MINUTE };
	}
} satisfies Record<string, Limit>;

const key = Symbol.for('overhedenoverleg.rate-limiter');
type Holder = typeof globalThis & { [key]?: RateLimiter };

export function rateLimiter(): RateLimiter {
	const holder = globalThis as Holder;
	if (!holder[key]) {
		const url = config().REDIS_URL;
		if (url) {
			// The offline queue stays on, so that the first logins of a process wait for the connection
			// instead of being counted in memory; the command timeout bounds that wait during an outage.
			const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 1_000 });
			redis.on('error', (error) =>
				logger.warn({ err: error }, 'rate limit: Redis connection error')
			);
			onShutdown('rate-limit-redis', async () => void (await redis.quit().catch(() => undefined)));
			holder[key] = new RateLimiter(new RedisStore(redis));
		} else {
			holder[key] = new RateLimiter(new MemoryStore());
		}
	}
	return holder[key];
}

/** For tests: a limiter with a store of their choosing. */
export function setRateLimiter(limiter: RateLimiter | undefined): void {
	(globalThis as Holder)[key] = limiter;
}

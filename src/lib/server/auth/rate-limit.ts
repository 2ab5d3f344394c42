import { Redis } from 'ioredis';
import { config } from '../config';
import { onShutdown } from '../lifecycle';
import { logger } from '../logger';

/**
 * Fixed-window rate limits. In memory for one process; shared through Redis when REDIS_URL is set,
 * so that several processes count together. If Redis is unreachable the limiter falls back to
 * counting in memory rather than letting everything through or locking everyone out.
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

export interface RateLimitStore {
	hit(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
	reset(key: string): Promise<void>;
}

export class MemoryStore implements RateLimitStore {
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

export class RedisStore implements RateLimitStore {
	constructor(
		private readonly redis: Redis,
		private readonly fallback = new MemoryStore()
	) {}

	async hit(key: string, windowMs: number) {
		try {
			const result = await this.redis
				.multi()
				.incr(`ratelimit:${key}`)
				.pexpire(`ratelimit:${key}`, windowMs, 'NX')
				.pttl(`ratelimit:${key}`)
				.exec();
			const count = Number(result?.[0]?.[1] ?? 1);
			const ttl = Number(result?.[2]?.[1] ?? windowMs);
			return { count, resetInMs: ttl > 0 ? ttl : windowMs };
		} catch (error) {
			logger.warn({ err: error }, 'rate limit: Redis unreachable, counting in memory');
			return this.fallback.hit(key, windowMs);
		}
	}

	async reset(key: string) {
		await this.redis.del(`ratelimit:${key}`).catch(() => 0);
		await this.fallback.reset(key);
	}
}

export class RateLimiter {
	constructor(private readonly store: RateLimitStore) {}

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
			const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
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

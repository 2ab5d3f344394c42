import type { Redis } from 'ioredis';
import { logger } from '../logger';

export type RedisLinks = ReturnType<typeof redisLinks>;

/**
 * This process's connections to Redis: the one it makes, and those the adapter duplicates from it
 * (a subscriber for pub/sub, a reader for the stream). Each reconnects on its own schedule. A gap
 * begins when any of them drops after all were up, and ends when all are up again; only then may
 * clients replay, or an event published between one connection's return and the subscriber's
 * would be lost to them. Messages between processes (events, presence) travel by pub/sub, which
 * keeps nothing for a subscriber that is away: whoever depends on them catches up when a gap ends.
 */
export function redisLinks() {
	const connections: Redis[] = [];
	let everReady = false;
	let gapSince: number | null = null;
	let newest: () => number = () => 0;
	const backListeners: Array<(since: number) => void> = [];

	function allReady() {
		return connections.length > 0 && connections.every((c) => c.status === 'ready');
	}

	function track(connection: Redis) {
		connections.push(connection);
		connection.on('error', (error) =>
			logger.warn({ err: error }, 'realtime: Redis connection error')
		);
		connection.on('close', () => {
			if (everReady && gapSince === null) gapSince = newest();
		});
		connection.on('ready', () => {
			if (!allReady()) return;
			everReady = true;
			if (gapSince !== null) {
				const since = gapSince;
				gapSince = null;
				for (const listener of backListeners) listener(since);
			}
		});
		// The adapter makes its own connections with duplicate(): follow those too.
		const duplicate = connection.duplicate.bind(connection);
		connection.duplicate = (...args: Parameters<Redis['duplicate']>) => {
			const copy = duplicate(...args);
			track(copy);
			return copy;
		};
	}

	return {
		track,
		/** Every connection is up: the other processes can be reached (as far as Redis goes). */
		up: () => everReady && gapSince === null && allReady(),
		/** Where a gap begins: the newest event this process had delivered when it began. */
		measureGapsFrom(highest: () => number) {
			newest = highest;
		},
		/** Called when a gap ends, with where it began. */
		onBack(listener: (since: number) => void) {
			backListeners.push(listener);
		}
	};
}

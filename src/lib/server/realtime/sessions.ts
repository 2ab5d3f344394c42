import { eq } from 'drizzle-orm';
import { useDb } from '../db';
import { sessions } from '../db/schema';
import { logger } from '../logger';
import { setDisconnector, type DisconnectTarget } from './disconnect';
import type { IO } from './io';
import { rooms } from './rooms';

const SESSION_SWEEP_MS = 30_000;

/**
 * Sockets end with what signed them in: at once when a session is ended, an account disabled or
 * a token revoked (on every process: the adapter carries the disconnect), and within half a
 * minute of a session that simply expired (the sweep). Returns the function that stops both.
 */
export function endSocketsWithTheirSessions(io: IO): () => void {
	setDisconnector((target) => disconnect(io, target));
	const sweep = setInterval(() => void sweepEndedSessions(io), SESSION_SWEEP_MS);
	sweep.unref();
	return () => {
		clearInterval(sweep);
		setDisconnector(undefined);
	};
}

function disconnect(io: IO, target: DisconnectTarget) {
	const targets = [
		...(target.sessionIds ?? []).map(rooms.session),
		...(target.personId ? [rooms.person(target.personId)] : []),
		...(target.tokenId ? [rooms.token(target.tokenId)] : [])
	];
	if (targets.length > 0) io.in(targets).disconnectSockets(true);
}

/** Sessions expire without anyone ending them: look again when the known expiry has passed. */
async function sweepEndedSessions(io: IO) {
	const now = Date.now();
	const due = [...io.of('/').sockets.values()].filter(
		(socket) => socket.data.identity?.recheckAt !== null && socket.data.identity.recheckAt! <= now
	);
	if (due.length === 0) return;
	try {
		const db = await useDb();
		for (const socket of due) {
			const sessionId = socket.data.identity.sessionId!;
			const [row] = await db
				.select({ expiresAt: sessions.expiresAt, absolute: sessions.absoluteExpiresAt })
				.from(sessions)
				.where(eq(sessions.id, sessionId));
			const until = row ? Math.min(row.expiresAt.getTime(), row.absolute.getTime()) : 0;
			if (until <= now) socket.disconnect(true);
			else socket.data.identity.recheckAt = until;
		}
	} catch (error) {
		logger.warn({ err: error }, 'realtime: could not check sessions');
	}
}

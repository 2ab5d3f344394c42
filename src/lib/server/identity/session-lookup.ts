import { useDb } from '../db';
import { validateSessionToken, type ValidSession } from '../auth/session';
import { sessionPolicy } from './context';

/** The session behind a cookie token (refreshed when due), or null. */
export async function resolveSession(token: string): Promise<ValidSession | null> {
	return validateSessionToken(await useDb(), token, sessionPolicy());
}

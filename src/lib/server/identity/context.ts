import { config } from '../config';
import type { SessionPolicy } from '../auth/session';

/** What a verb knows about the request it serves, for the log and the rate limits. */
export interface RequestContext {
	requestId?: string | null;
	ipAddress?: string | null;
	userAgent?: string | null;
}

export function sessionPolicy(): SessionPolicy {
	const cfg = config();
	return { idleMs: cfg.SESSION_IDLE_MINUTES * 60_000, maxMs: cfg.SESSION_MAX_HOURS * 3_600_000 };
}

/** Roles that must use two-factor login. */
export const TWO_FACTOR_REQUIRED = new Set(['secretariaat', 'beheerder']);

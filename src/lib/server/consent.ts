import { createHash } from 'node:crypto';
import type { Transaction } from './db';
import type { Party } from './db/schema';
import { appendEvents, type EventInput } from './events';
import type { Actor } from './access';

/*
 * A party's word on something the four parties agree to as a whole (the agenda of a meeting, its
 * besluitenlijst): it holds for exactly what was there when it was given. Each such word keeps
 * the fingerprint of what it was given on; a verb that may change the thing compares the standing
 * akkoorden with the fingerprint of what is there now and resets those that no longer match, with
 * an event, so that the party looks again and is shown what changed (from the snapshot it kept).
 * The agenda (agenda/fingerprint.ts) and the besluitenlijst (decisions/list.ts) share this.
 */

/** The fingerprint of a canonical value (arrays in a fixed order; no timestamps). */
export function fingerprint(canonical: unknown): string {
	return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

export interface StandingConsent {
	id: string;
	party: Party;
	fingerprint: string;
}

/**
 * Resets every standing akkoord whose fingerprint is not `current`: `reset` marks them, `event`
 * says so per party. Answers the parties whose akkoord was reset.
 */
export async function resetStaleConsents<C extends StandingConsent>(
	tx: Transaction,
	actor: Actor,
	options: {
		standing: C[];
		current: string;
		reset: (stale: C[], at: Date) => Promise<void>;
		event: (consent: C, at: Date) => EventInput;
	}
): Promise<Party[]> {
	const stale = options.standing.filter((consent) => consent.fingerprint !== options.current);
	if (stale.length === 0) return [];
	const at = new Date();
	await options.reset(stale, at);
	await appendEvents(
		tx,
		{ actor },
		stale.map((consent) => options.event(consent, at))
	);
	return stale.map((consent) => consent.party);
}

import type { Logger } from 'pino';
import type { Actor } from '$lib/server/access';
import type { Role } from '$lib/server/db/schema';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** Set for unexpected errors: quote it to the service desk. */
			errorId?: string;
		}
		interface Locals {
			requestId: string;
			log: Logger;
			/** Set by handleError when the database was out of reach: the answer becomes 503. */
			databaseUnavailable?: boolean;
			/** The signed-in person (session past its second step, or API token); null otherwise. */
			actor: Actor | null;
			/** The cookie session, also while it waits for the second step. */
			session: {
				id: string;
				personId: string;
				role: Role;
				twoFactorVerified: boolean;
				totpEnabled: boolean;
				/** Read with the session, so that the header needs no query of its own. */
				organisationName: string;
				expiresAt: Date;
			} | null;
		}
		// interface PageData {}
		interface PageState {
			/** The title of a concept just discarded, for Mijn voorstellen to confirm (ItemEndForms). */
			discarded?: string;
		}
		// interface Platform {}
	}
}

export {};

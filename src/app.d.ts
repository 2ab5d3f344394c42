import type { Logger } from 'pino';

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
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};

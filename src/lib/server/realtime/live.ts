import { useDb } from '../db';
import { lastEventId } from './rooms';

/** The newest event id: where a freshly loaded page starts listening. */
export async function newestEventId(): Promise<number> {
	return lastEventId(await useDb());
}

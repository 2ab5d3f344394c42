import type { Actor } from '../access';
import { diffRevisions, getItem } from '../agenda';
import { contentFields, itemFieldLabels } from '../agenda/store';
import { useDb } from '../db';
import { getMeeting } from '../meetings';
import { StaleVersionError } from '../kernel/errors';
import { meetingChangesSince } from '../meetings/queries';
import { meetingFieldLabels } from '../meetings/schemas';

/*
 * If-Match for the transitions whose verbs take no expected version (placing, deferring, the
 * meeting's status steps). The check runs just before the verb, outside its transaction: it
 * refuses a client that acts on a version it has not seen, which is what If-Match promises. A
 * content edit racing in between is harmless for these steps, which do not touch the content;
 * edits themselves (PATCH, submit, withdraw) pass the version into the verb, atomically.
 */

/** The item as the actor may see it (404 otherwise), or 412 naming the fields changed since. */
export async function requireItemVersion(actor: Actor, itemId: string, version: number) {
	const item = await getItem(actor, itemId);
	if (item.version === version) return item;
	let changed: string[] = [...contentFields];
	if (version < item.version) {
		const diff = await diffRevisions(actor, itemId, version, item.version).catch(() => null);
		if (diff) changed = diff.fields.map((field) => field.field);
	}
	throw new StaleVersionError(item.version, changed, itemFieldLabels);
}

/** The meeting, or 412 naming the fields changed since the version the client had. */
export async function requireMeetingVersion(actor: Actor, meetingId: string, version: number) {
	const meeting = await getMeeting(actor, meetingId);
	if (meeting.version === version) return meeting;
	const changed = await meetingChangesSince(await useDb(), meeting.id, version);
	throw new StaleVersionError(meeting.version, changed, meetingFieldLabels);
}

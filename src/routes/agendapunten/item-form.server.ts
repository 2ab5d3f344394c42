import { fail, type Cookies } from '@sveltejs/kit';
import { formFailure, text } from '$lib/form-results.server';
import type { Actor } from '$lib/server/access';
import { itemProblems } from '$lib/server/agenda/schemas';
import { InvalidInputError, StaleVersionError } from '$lib/server/kernel/errors';
import { listMeetings } from '$lib/server/meetings';
import { meetingStateRefusal } from '$lib/server/agenda/transitions';
import { agendaClosedRefusal } from '$lib/server/meetings/transitions';

/** The item form's fields, as the form sends them. */
export const itemFormFields = [
	'title',
	'summary',
	'purpose',
	'proposedDecision',
	'financialConsequences',
	'financialExplanation',
	'contactPerson',
	'confidentiality',
	'meetingId'
] as const;

/**
 * The item form's values, and the verb's input. When the form carries the values it started from
 * (`original:<field>`), only the fields the person changed go to the verb: a save against a newer
 * version then keeps what the other person changed in the fields this person left alone.
 */
export function readItemForm(form: FormData) {
	// Browsers send line breaks as CRLF; the item keeps plain LF, so diffs and comparisons agree.
	const read = (name: string) => text(form, name).replace(/\r\n?/g, '\n');
	const values = Object.fromEntries(itemFormFields.map((field) => [field, read(field)])) as Record<
		(typeof itemFormFields)[number],
		string
	>;
	const original: Record<string, string> = {};
	const input: Record<string, unknown> = {};
	for (const field of itemFormFields) {
		if (!form.has(field)) continue;
		const before = form.get(`original:${field}`);
		if (typeof before === 'string') {
			original[field] = before.replace(/\r\n?/g, '\n');
			if (original[field] === values[field]) continue;
		}
		// The verb knows "no meeting" as null; the select sends '' for the list nog te agenderen.
		input[field] = field === 'meetingId' ? values.meetingId || null : values[field];
	}
	return { values, input, original };
}

/**
 * Coming meetings an item can be submitted to (the submit verb's own rule), soonest first, each
 * with its proposal deadline and whether a submission now would be late. `keep` is the meeting a
 * concept is already for: it stays a choice while its agenda is open, also before it takes
 * proposals, so that saving the concept does not move it without the person asking.
 */
export async function openMeetings(actor: Actor, keep: string | null = null, now = new Date()) {
	const rows = await listMeetings(actor, { when: 'upcoming' });
	return rows
		.map((meeting) => ({ meeting, accepts: meetingStateRefusal('submit', meeting, now) === null }))
		.filter(
			({ meeting, accepts }) =>
				accepts || (meeting.id === keep && agendaClosedRefusal(meeting) === null)
		)
		.map(({ meeting, accepts }) => ({
			id: meeting.id,
			title: meeting.title,
			startsAt: meeting.startsAt,
			status: meeting.status,
			proposalDeadline: meeting.proposalDeadline,
			accepts,
			late: accepts && meeting.proposalDeadline !== null && meeting.proposalDeadline < now
		}));
}

/**
 * A failed save. A stale one tells the page which fields changed since the person's version and
 * what the current version is, so that "apply my changes again" can send it along.
 */
export function saveFailure(
	caught: unknown,
	values: Record<string, string>,
	original: Record<string, string> = {}
) {
	if (caught instanceof StaleVersionError)
		return fail(409, {
			form: 'item' as const,
			errors: {} as Record<string, string>,
			values,
			original,
			conflict: { changed: caught.changedFields, currentVersion: caught.currentVersion }
		});
	const failure = formFailure('item', withRulesAcrossFields(caught, values), values);
	return fail(failure.status, { ...failure.data, original });
}

/**
 * The verb stops at the first kind of problem: bad fields first, the rules across fields after.
 * The form shows them all at once, so the person does not fix one thing only to hear the next.
 */
function withRulesAcrossFields(caught: unknown, values: Record<string, string>): unknown {
	if (!(caught instanceof InvalidInputError) || !values.purpose) return caught;
	const rules = itemProblems({
		purpose: values.purpose,
		proposedDecision: values.proposedDecision?.trim() || null,
		financialConsequences: values.financialConsequences || 'geen',
		financialExplanation: values.financialExplanation?.trim() || null
	});
	return new InvalidInputError({ ...rules, ...caught.fields });
}

/**
 * A message for the item page after a redirect (the item was saved, but submitting it failed):
 * a short-lived cookie for that page only, read once.
 */
const FLASH = 'oho-item-notice';

export function setItemNotice(cookies: Cookies, path: string, message: string) {
	cookies.set(FLASH, encodeURIComponent(message.slice(0, 500)), {
		path,
		maxAge: 60,
		httpOnly: true,
		sameSite: 'lax'
	});
}

export function takeItemNotice(cookies: Cookies, path: string): string | null {
	const value = cookies.get(FLASH);
	if (!value) return null;
	cookies.delete(FLASH, { path });
	try {
		return decodeURIComponent(value);
	} catch {
		return null;
	}
}

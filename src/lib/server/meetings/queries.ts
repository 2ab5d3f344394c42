import { and, asc, desc, eq, gte, is, lt, or, sql, type SQL } from 'drizzle-orm';
import { getTableColumns } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { preparedPerHandle, useDb, type Executor } from '../db';
import { meetings, type Meeting, type MeetingStatus } from '../db/schema';
import { AccessError, requireAccess, type Actor } from '../access';
import { fieldErrors, InvalidInputError } from '../kernel/errors';
import { isUuid } from '../kernel/ids';
import { listMeetingsSchema } from './schemas';
import { startOfAmsterdamDay } from '../../time';

/** Every column but the search vector, which only the database reads. */
const { search: _search, ...columns } = getTableColumns(meetings);
export const meetingColumns = columns;
export type MeetingRow = Omit<Meeting, 'search'>;

const meetingById = preparedPerHandle((db) =>
	db
		.select(meetingColumns)
		.from(meetings)
		.where(eq(meetings.id, sql.placeholder('id')))
		.prepare('meeting_by_id')
);

/** The meeting or a 404: an id that is not even well-formed does not exist either. */
export async function findMeeting(
	db: Executor,
	meetingId: string,
	options: { lock?: boolean } = {}
): Promise<MeetingRow> {
	if (!isUuid(meetingId)) throw new AccessError(404);
	let row: MeetingRow | undefined;
	if (is(db, PgTransaction)) {
		// A transaction has a connection of its own; the prepared statement is the handle's.
		const query = db.select(meetingColumns).from(meetings).where(eq(meetings.id, meetingId));
		[row] = options.lock ? await query.for('update') : await query;
	} else {
		// A lock without a transaction would end with the statement: it holds nothing.
		[row] = await meetingById(db).execute({ id: meetingId });
	}
	if (!row) throw new AccessError(404);
	return row;
}

/** Statuses in which the agenda may still change. */
export const agendaOpen: readonly MeetingStatus[] = [
	'gepland',
	'open_voor_voorstellen',
	'agenda_in_afstemming'
];

export const meetingStatusLabels: Record<MeetingStatus, string> = {
	gepland: 'gepland',
	open_voor_voorstellen: 'open voor voorstellen',
	agenda_in_afstemming: 'agenda in afstemming',
	agenda_vastgesteld: 'agenda vastgesteld',
	gehouden: 'gehouden',
	geannuleerd: 'geannuleerd'
};

export async function getMeeting(actor: Actor, meetingId: string) {
	requireAccess(actor, 'meeting.read');
	const db = await useDb();
	const meeting = await findMeeting(db, meetingId);
	const preparatory = meeting.preparatoryMeetingId
		? await findMeeting(db, meeting.preparatoryMeetingId)
		: null;
	return { ...meeting, preparatory };
}

/** The meetings around one meeting: prepared, it is on the meeting page. */
const meetingsAround = preparedPerHandle((db) =>
	db
		.select({
			id: meetings.id,
			title: meetings.title,
			startsAt: meetings.startsAt,
			preparatoryMeetingId: meetings.preparatoryMeetingId
		})
		.from(meetings)
		.where(
			or(
				// Null when the meeting follows none: `id = null` is true for no row.
				eq(meetings.id, sql.placeholder('preparatoryMeetingId')),
				eq(meetings.preparatoryMeetingId, sql.placeholder('id'))
			)
		)
		.orderBy(asc(meetings.startsAt))
		.prepare('meetings_around')
);

/**
 * The meetings around one meeting, in one query: the one it follows (its preparatory meeting)
 * and the ones that follow it (that name it as their preparatory meeting).
 */
export async function relatedMeetings(
	actor: Actor,
	meeting: Pick<MeetingRow, 'id' | 'preparatoryMeetingId'>
) {
	requireAccess(actor, 'meeting.read');
	const rows = await meetingsAround(await useDb()).execute({
		id: meeting.id,
		preparatoryMeetingId: meeting.preparatoryMeetingId
	});
	return {
		preparatory: rows.find((row) => row.id === meeting.preparatoryMeetingId) ?? null,
		following: rows.filter((row) => row.preparatoryMeetingId === meeting.id)
	};
}

/** Coming meetings soonest first; past ones latest first. Filter by kind and calendar year. */
export async function listMeetings(actor: Actor, input: unknown = {}) {
	requireAccess(actor, 'meeting.read');
	const parsed = listMeetingsSchema.safeParse(input ?? {});
	if (!parsed.success) throw new InvalidInputError(fieldErrors(parsed.error.issues));
	const { kind, year, when } = parsed.data;
	const conditions: SQL[] = [];
	if (kind) conditions.push(eq(meetings.kind, kind));
	if (year) {
		conditions.push(gte(meetings.startsAt, startOfAmsterdamDay(`${year}-01-01`)));
		conditions.push(lt(meetings.startsAt, startOfAmsterdamDay(`${year + 1}-01-01`)));
	}
	const now = new Date();
	if (when === 'upcoming') conditions.push(gte(meetings.endsAt, now));
	if (when === 'past') conditions.push(lt(meetings.endsAt, now));
	const db = await useDb();
	return db
		.select(meetingColumns)
		.from(meetings)
		.where(conditions.length ? and(...conditions) : undefined)
		.orderBy(when === 'past' ? desc(meetings.startsAt) : asc(meetings.startsAt), asc(meetings.id))
		.limit(500);
}

/** Names of the fields changed after `version`, read from the meeting's events. */
export async function meetingChangesSince(
	db: Executor,
	meetingId: string,
	version: number
): Promise<string[]> {
	const result = await db.execute(
		sql`select payload->'changed' as changed from event
			where subject_type = 'meeting' and subject_id = ${meetingId}
			and (payload->>'version')::int > ${version}`
	);
	const list = Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? []);
	const names = new Set<string>();
	for (const row of list as { changed: unknown }[]) {
		if (Array.isArray(row.changed)) for (const name of row.changed) names.add(String(name));
	}
	return [...names];
}

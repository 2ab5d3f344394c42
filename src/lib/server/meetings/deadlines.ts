import { audiences } from '../audience';
import { and, eq, lte, sql } from 'drizzle-orm';
import { transaction } from '../db';
import { meetings } from '../db/schema';
import { appendEvents } from '../events';
import { meetingColumns } from './queries';

/**
 * When a meeting's proposal deadline passes, its agenda goes "in afstemming" by itself: the
 * parties can start agreeing without waiting for the secretariat to press a button. The platform
 * acts here, not a person, so the event has no actor. Returns the meetings it moved.
 */
export async function startAlignmentPastDeadline(now = new Date()): Promise<string[]> {
	return transaction(async (tx) => {
		const moved = await tx
			.update(meetings)
			.set({
				status: 'agenda_in_afstemming',
				version: sql`${meetings.version} + 1`,
				updatedAt: now
			})
			.where(and(eq(meetings.status, 'open_voor_voorstellen'), lte(meetings.proposalDeadline, now)))
			.returning(meetingColumns);
		if (moved.length) {
			await appendEvents(
				tx,
				{ actor: null },
				moved.map((meeting) => ({
					type: 'meeting.alignment_started.v1',
					subjectType: 'meeting',
					subjectId: meeting.id,
					meetingId: meeting.id,
					audience: audiences.meeting(meeting.id),
					payload: {
						title: meeting.title,
						version: meeting.version,
						from: 'open_voor_voorstellen',
						to: 'agenda_in_afstemming',
						changed: ['status'],
						reason: 'De indientermijn is verstreken.'
					}
				}))
			);
		}
		return moved.map((meeting) => meeting.id);
	});
}

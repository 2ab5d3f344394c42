import type { MeetingKind, Party, Purpose } from '../db/schema';
import { getPublication } from './index';

/**
 * One meeting's published list as the public API answers it (getPublication in the OpenAPI
 * document): the snapshot with its version facts and every version, attachments with their public
 * address. The snapshot keeps the enums as plain strings (they were the columns' values when it
 * was written); the route's projection checks them again on the way out.
 */
export async function publicationAnswer(meetingId: string, version?: number) {
	const { list, version: shown, versions } = await getPublication(meetingId, version);
	return {
		...list,
		meeting: { ...list.meeting, kind: list.meeting.kind as MeetingKind },
		agenda: list.agenda.map((item) => ({
			...item,
			purpose: item.purpose as Purpose,
			proposingParty: item.proposingParty as Party | null,
			attachments: item.attachments.map((file) => ({
				...file,
				href: `/publicaties/${list.meeting.id}/bijlagen/${file.id}`
			}))
		})),
		noResponseParties: list.noResponseParties as Party[],
		version: shown.number,
		publishedAt: shown.publishedAt,
		reason: shown.reason,
		note: shown.note,
		versions
	};
}

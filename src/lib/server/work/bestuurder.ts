import { toReview } from '../agenda';
import { listsForParty } from '../decisions/work';
import type { Actor } from '../access';
import { byUrgency, task, type WorkSection } from './types';

/*
 * A bestuurder's work: the agendas in afstemming that wait for their party's word, from the same
 * query as "Ter beoordeling" (which applies the approval states of agenda/meeting-view.ts). The
 * deadline of an akkoord is the meeting itself: the agenda must be adopted before it starts.
 */
export async function bestuurderWork(actor: Actor): Promise<WorkSection[]> {
	const [rows, lists] = await Promise.all([toReview(actor), listsForParty(actor)]);
	const meetingTask = (row: (typeof rows)[number]) =>
		task({
			id: row.meeting.id,
			title: row.meeting.title,
			action: row.state === 'opnieuw_beoordelen' ? 'judgeAgain' : 'judgeAgenda',
			href: `/vergaderingen/${row.meeting.id}`,
			dueAt: row.meeting.startsAt,
			dueKind: 'meeting',
			objected: row.state === 'bezwaar',
			changes: row.changes.map((change) => change.description)
		});
	return [
		{
			kind: 'akkoordWaiting',
			tasks: rows
				.filter((row) => row.state !== 'opnieuw_beoordelen')
				.map(meetingTask)
				.sort(byUrgency)
		},
		{
			kind: 'akkoordReset',
			tasks: rows
				.filter((row) => row.state === 'opnieuw_beoordelen')
				.map(meetingTask)
				.sort(byUrgency)
		},
		{
			kind: 'listsToVerify',
			tasks: lists
				.map((list) =>
					task({
						id: list.meetingId,
						title: list.title,
						action: list.step === 'verifyAgain' ? 'verifyListAgain' : 'verifyList',
						href: `/vergaderingen/${list.meetingId}/besluitenlijst`,
						dueAt: list.closesAt,
						dueKind: 'verificationCloses',
						akkoordCount: list.agreed
					})
				)
				.sort(byUrgency)
		}
	];
}

import { secretariatOverview } from '../agenda';
import { listsForSecretariat } from '../decisions/work';
import type { Actor } from '../access';
import { partyOrder } from '../../agenda/meeting-view';
import { byUrgency, task, type WorkSection, type WorkTask } from './types';

/*
 * The secretariaat's werkvoorraad, as /secretariaat reads it (secretariatOverview, not a copy),
 * turned into tasks: items by how long they have waited, meetings by their date.
 */

type Overview = Awaited<ReturnType<typeof secretariatOverview>>;
type OverviewItem = Overview['toSchedule'][number];
type OverviewMeeting = Overview['toOpen'][number];

const itemTask = (action: WorkTask['action']) => (item: OverviewItem) =>
	task({
		id: item.id,
		title: item.title,
		action,
		href: `/agendapunten/${item.id}`,
		dueAt: item.submittedAt,
		dueKind: item.submittedAt ? 'waitingSince' : null,
		organisationName: item.proposingOrganisationName
	});

const meetingTask = (action: WorkTask['action']) => (meeting: OverviewMeeting) =>
	task({
		id: meeting.id,
		title: meeting.title,
		action,
		href: `/vergaderingen/${meeting.id}`,
		dueAt: meeting.startsAt,
		dueKind: 'meeting'
	});

export async function secretariaatWork(actor: Actor): Promise<WorkSection[]> {
	const [overview, lists] = await Promise.all([secretariatOverview(actor), listsForSecretariat()]);
	const listAction = {
		send: 'sendList',
		follow: 'followList',
		adopt: 'adoptList',
		publish: 'publishList'
	} as const;
	const all = partyOrder.length;
	const sections: WorkSection[] = [
		{ kind: 'lateSubmissions', tasks: overview.lateSubmissions.map(itemTask('judgeLate')) },
		{
			kind: 'inAlignment',
			tasks: overview.inAlignment.map((meeting) => ({
				...meetingTask(meeting.akkoordCount >= all ? 'adopt' : 'followAlignment')(meeting),
				akkoordCount: meeting.akkoordCount,
				objectedBy: meeting.bezwaarParties
			}))
		},
		{ kind: 'toSchedule', tasks: overview.toSchedule.map(itemTask('schedule')) },
		{ kind: 'toMarkHeld', tasks: overview.toMarkHeld.map(meetingTask('markHeld')) },
		{ kind: 'toMarkTreated', tasks: overview.toMarkTreated.map(itemTask('markTreated')) },
		{
			kind: 'decisionLists',
			tasks: lists.map((list) =>
				task({
					id: list.meetingId,
					title: list.title,
					action: listAction[list.step as keyof typeof listAction] ?? 'followList',
					href: `/vergaderingen/${list.meetingId}/besluitenlijst`,
					dueAt: list.closesAt ?? list.startsAt,
					dueKind: list.closesAt ? 'verificationCloses' : 'meeting',
					akkoordCount: list.step === 'send' ? null : list.agreed
				})
			)
		},
		{ kind: 'toOpen', tasks: overview.toOpen.map(meetingTask('openMeeting')) }
	];
	for (const section of sections) section.tasks.sort(byUrgency);
	return sections;
}

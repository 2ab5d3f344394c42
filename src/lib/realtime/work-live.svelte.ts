import { partyOrder, type Party } from '$lib/agenda/meeting-view';
import { partyStep, secretariatStep } from '$lib/decisions/list-steps';
import type { MyWork, SectionKind, WorkSection, WorkTask } from '$lib/server/work/types';
import { parsePayload } from './event-payloads';
import { isListEvent } from './decision-list-live.svelte';
import { instant, NewestEvents } from './list-live.svelte';
import type { RealtimeEvent } from './protocol';

/*
 * "Mijn werk"'s live state for the besluitenlijsten (HOUSE.md, "Live state, not reloads"). Each
 * of the list's events carries its state and the four parties' word after the change, which is
 * all a row of the two list sections needs: a bestuurder's "to verify" (decisions/list-steps.ts's
 * partyStep) and the secretariaat's next step with each list (secretariatStep). So the row is
 * made anew from the event, enters or leaves by the same rule as on the server, and keeps its
 * place by the closing date. Every other event answers false: the page reloads its small lists,
 * as it did before for all of them.
 */

const secretariatAction = {
	send: 'sendList',
	follow: 'followList',
	adopt: 'adoptList',
	publish: 'publishList'
} as const;

/** A task with every fact the list sections do not use empty, as the server's task() makes it. */
function listTask(fields: Pick<WorkTask, 'id' | 'title' | 'action' | 'href'> & Partial<WorkTask>) {
	return {
		dueAt: null,
		dueKind: null,
		overdue: false,
		meetingTitle: null,
		parties: [],
		organisationName: null,
		akkoordCount: null,
		objected: false,
		objectedBy: [],
		changes: [],
		...fields
	} satisfies WorkTask;
}

/** The list sections' order: by the closing date (every row has one), ties as they were. */
const byDue = (a: WorkTask, b: WorkTask) => (a.dueAt?.getTime() ?? 0) - (b.dueAt?.getTime() ?? 0);

export class WorkLive {
	sections = $state<WorkSection[]>([]);
	readonly party: Party | null;
	#now: () => Date;
	#newest = new NewestEvents();

	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- the moment of an event, a value
	constructor(work: Pick<MyWork, 'sections' | 'party'>, now = () => new Date()) {
		this.sections = work.sections.map((section) => ({ ...section, tasks: [...section.tasks] }));
		this.party = work.party;
		this.#now = now;
	}

	/** Applies one event; false when the page must reload instead. */
	apply(event: RealtimeEvent): boolean {
		if (!event.type.startsWith('decision_list.')) return false;
		const parsed = parsePayload(event);
		if (!parsed || !isListEvent(parsed)) return false;
		const meetingId = event.subjectId;
		if (!this.#newest.isNewest(`list:${meetingId}`, event.id)) return true;
		const { title, list, verifications } = parsed.payload;
		const agreed = verifications.filter((word) => word.state === 'akkoord').length;
		const closesAt = list.verificationClosesAt ? instant(list.verificationClosesAt) : null;
		const href = `/vergaderingen/${meetingId}/besluitenlijst`;

		const own = verifications.find((word) => word.party === this.party);
		const verify = own ? partyStep(list.status, own.state) : null;
		this.#place(
			'listsToVerify',
			meetingId,
			verify &&
				listTask({
					id: meetingId,
					title,
					action: verify === 'verify' ? 'verifyList' : 'verifyListAgain',
					href,
					dueAt: closesAt,
					dueKind: 'verificationCloses',
					akkoordCount: agreed
				})
		);

		const next = secretariatStep(list.status, agreed, closesAt, this.#now());
		// Sent for verification, a list always has its closing date: the row's due moment.
		if (next && !closesAt) return false;
		this.#place(
			'decisionLists',
			meetingId,
			next &&
				listTask({
					id: meetingId,
					title,
					action: secretariatAction[next],
					href,
					dueAt: closesAt,
					dueKind: 'verificationCloses',
					akkoordCount: next === 'publish' ? partyOrder.length : agreed
				})
		);
		return true;
	}

	/** The meeting's row in the section (if the viewer has that section): put, replaced or gone. */
	#place(kind: SectionKind, meetingId: string, task: WorkTask | null) {
		const section = this.sections.find((candidate) => candidate.kind === kind);
		if (!section) return;
		const index = section.tasks.findIndex((row) => row.id === meetingId);
		if (!task) {
			if (index >= 0) section.tasks = section.tasks.filter((row) => row.id !== meetingId);
			return;
		}
		const tasks = [...section.tasks];
		if (index >= 0) tasks[index] = task;
		else tasks.push(task);
		section.tasks = tasks.sort(byDue);
	}
}

import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { useDb } from '../db';
import { decisionLists, meetings, parties, type Party } from '../db/schema';
import type { Actor } from '../access';
import { partyStep, secretariatStep } from '../../decisions/list-steps';
import { verificationStates } from './list-view';

/*
 * The besluitenlijsten as "Mijn werk" lists them: for a party, the lists that wait for its word
 * (its akkoord open, or reset by a change); for the secretariaat, each held meeting's next step
 * (send it, follow or adopt it, publish it). The steps are decisions/list-steps.ts's, which the
 * page applies the list's live events with too.
 */

export interface ListTask {
	meetingId: string;
	title: string;
	closesAt: Date | null;
	startsAt: Date;
	step: 'verify' | 'verifyAgain' | 'send' | 'follow' | 'adopt' | 'publish';
	agreed: number;
}

export async function listsForParty(actor: Actor): Promise<ListTask[]> {
	if (!actor.party) return [];
	const db = await useDb();
	const rows = await db
		.select({ list: decisionLists, title: meetings.title, startsAt: meetings.startsAt })
		.from(decisionLists)
		.innerJoin(meetings, eq(meetings.id, decisionLists.meetingId))
		.where(eq(decisionLists.status, 'ter_verificatie'))
		.orderBy(asc(decisionLists.verificationClosesAt));
	const tasks: ListTask[] = [];
	for (const row of rows) {
		const states = await verificationStates(db, row.list);
		const own = states.find((state) => state.party === actor.party)!.state;
		const step = partyStep(row.list.status, own);
		if (!step) continue;
		tasks.push({
			meetingId: row.list.meetingId,
			title: row.title,
			closesAt: row.list.verificationClosesAt,
			startsAt: row.startsAt,
			step,
			agreed: states.filter((state) => state.state === 'akkoord').length
		});
	}
	return tasks;
}

export async function listsForSecretariat(now = new Date()): Promise<ListTask[]> {
	const db = await useDb();
	const rows = await db
		.select({
			list: decisionLists,
			id: meetings.id,
			title: meetings.title,
			startsAt: meetings.startsAt
		})
		.from(meetings)
		.leftJoin(decisionLists, eq(decisionLists.meetingId, meetings.id))
		.where(
			and(
				eq(meetings.status, 'gehouden'),
				or(
					isNull(decisionLists.id),
					inArray(decisionLists.status, ['concept', 'ter_verificatie', 'vastgesteld'])
				)
			)
		)
		.orderBy(asc(meetings.startsAt));
	const tasks: ListTask[] = [];
	for (const row of rows) {
		const base = {
			meetingId: row.id,
			title: row.title,
			startsAt: row.startsAt,
			closesAt: row.list?.verificationClosesAt ?? null
		};
		const status = row.list?.status ?? null;
		// Only while it is ter verificatie does the count of akkoorden tell the step.
		const agreed =
			status === 'ter_verificatie'
				? (await verificationStates(db, row.list!)).filter((s) => s.state === 'akkoord').length
				: status === 'vastgesteld'
					? parties.length
					: 0;
		const step = secretariatStep(status, agreed, base.closesAt, now);
		if (step) tasks.push({ ...base, step, agreed });
	}
	return tasks;
}

export type { Party };

import { beforeAll, describe, expect, it } from 'vitest';
import {
	answerCorrection,
	getDecisionList,
	proposeCorrection,
	startVerification,
	verifyDecisionList
} from '../../../src/lib/server/decisions';
import { markHeld } from '../../../src/lib/server/meetings';
import { myWork } from '../../../src/lib/server/work';
import { useProcessDatabase } from '../process-env';
import { createTeam, type Team } from '../agenda/fixtures';
import { adoptedMeeting, decideAll } from '../decisions/fixtures';

/** The besluitenlijst on the start pages: the parties' verification, the secretariaat's next step. */
useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

const tasksOf = async (actor: Team[keyof Team], kind: string, meetingId: string) =>
	(await myWork(actor)).sections
		.find((section) => section.kind === kind)!
		.tasks.filter((task) => task.id === meetingId);

describe('Mijn werk and the besluitenlijst', () => {
	it('a held meeting asks the secretariaat to send its list; then each party to verify it, until it did; a reset asks again', async () => {
		const { meeting, items } = await adoptedMeeting(team);
		await decideAll(
			team,
			items.map((item) => item.id)
		);
		await markHeld(team.secretariaat, meeting.id);
		expect((await tasksOf(team.secretariaat, 'decisionLists', meeting.id))[0]).toMatchObject({
			action: 'sendList',
			href: `/vergaderingen/${meeting.id}/besluitenlijst`
		});
		expect(await tasksOf(team.vngBestuurder, 'listsToVerify', meeting.id)).toEqual([]);

		const closesOn = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
		await startVerification(team.secretariaat, meeting.id, { closesOn });
		expect((await tasksOf(team.vngBestuurder, 'listsToVerify', meeting.id))[0]).toMatchObject({
			action: 'verifyList',
			dueKind: 'verificationCloses'
		});
		await verifyDecisionList(team.vngBestuurder, meeting.id);
		expect(await tasksOf(team.vngBestuurder, 'listsToVerify', meeting.id)).toEqual([]);
		expect((await tasksOf(team.secretariaat, 'decisionLists', meeting.id))[0]).toMatchObject({
			action: 'followList',
			akkoordCount: 1
		});

		const list = await getDecisionList(team.secretariaat, meeting.id);
		const correction = await proposeCorrection(team.ipoBestuurder, meeting.id, {
			decisionId: list!.decisions[0]!.id,
			proposal: '1. anders.',
			reason: 'Zo besproken.'
		});
		await answerCorrection(team.secretariaat, correction.id, { accept: true });
		expect((await tasksOf(team.vngBestuurder, 'listsToVerify', meeting.id))[0]?.action).toBe(
			'verifyListAgain'
		);
	});
});

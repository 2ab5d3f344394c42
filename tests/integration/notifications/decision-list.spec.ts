import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	answerCorrection,
	getDecisionList,
	proposeCorrection,
	startVerification,
	verifyDecisionList
} from '../../../src/lib/server/decisions';
import { markHeld } from '../../../src/lib/server/meetings';
import { useProcessDatabase } from '../process-env';
import { createTeam, type Team } from '../agenda/fixtures';
import { adoptedMeeting, decideAll } from '../decisions/fixtures';
import { clearNotifications, mailsAfterWork, notified } from './fixtures';
import { startSmtpSink, type SmtpSink } from './smtp-sink';

/** The besluitenlijst's rows of the notification table: the right people, only they, once. */
useProcessDatabase();

let team: Team;
let sink: SmtpSink;
const bestuurders = ['ipoBestuurder', 'rijkBestuurder', 'uvwBestuurder', 'vngBestuurder'];

beforeAll(async () => {
	sink = await startSmtpSink();
	team = await createTeam();
});
afterAll(async () => {
	await sink.close();
	delete process.env.SMTP_URL;
});
beforeEach(async () => clearNotifications(sink));

async function mailsTo(subject: RegExp) {
	const mails = (await mailsAfterWork(team, sink)).filter((mail) => subject.test(mail.subject));
	return mails.map((mail) => mail.to).sort();
}

describe('the besluitenlijst in the notification table', () => {
	it('ter verificatie: every party’s bestuurders; a correction: the secretariaat; a reset: that party', async () => {
		const { meeting, items } = await adoptedMeeting(team);
		await decideAll(
			team,
			items.map((item) => item.id)
		);
		await markHeld(team.secretariaat, meeting.id);
		await clearNotifications(sink);
		const closesOn = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
		await startVerification(team.secretariaat, meeting.id, { closesOn });
		expect(await notified(team, 'decision_list_awaits_verification')).toEqual(bestuurders);
		expect(await mailsTo(/^Uw verificatie gevraagd: besluitenlijst van /)).toEqual(bestuurders);

		await verifyDecisionList(team.rijkBestuurder, meeting.id);
		await clearNotifications(sink);
		const list = await getDecisionList(team.secretariaat, meeting.id);
		const correction = await proposeCorrection(team.uvwBestuurder, meeting.id, {
			decisionId: list!.decisions[0]!.id,
			proposal: '1. anders te besluiten.',
			reason: 'Zo besproken.'
		});
		expect(await notified(team, 'decision_correction_proposed')).toEqual(['secretariaat']);
		expect(await mailsTo(/^Correctie voorgesteld: /)).toEqual(['secretariaat']);

		await clearNotifications(sink);
		await answerCorrection(team.secretariaat, correction.id, { accept: true });
		expect(await notified(team, 'decision_list_reset')).toEqual(['rijkBestuurder']);
		expect(await mailsTo(/^Opnieuw verifiëren: /)).toEqual(['rijkBestuurder']);
	});
});

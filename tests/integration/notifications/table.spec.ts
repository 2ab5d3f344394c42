import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	declineItem,
	draftItem,
	deferItem,
	inviteCoSponsor,
	markTreated,
	placeItem,
	recordApproval,
	respondCoSponsor
} from '../../../src/lib/server/agenda';
import { cancelMeeting, startAgendaAlignment } from '../../../src/lib/server/meetings';
import { useProcessDatabase } from '../process-env';
import {
	createTeam,
	forceMeetingStatus,
	itemInput,
	openMeetingFor,
	placedItem,
	submitted,
	type Team
} from '../agenda/fixtures';
import { clearNotifications, mailsAfterWork, notified } from './fixtures';
import { startSmtpSink, type SmtpSink } from './smtp-sink';

/**
 * Every row of the notification table (src/lib/server/notifications/table.ts): the right people,
 * and only they, get it in the app and by mail, once. The team has one person of each kind, so
 * "only they" is the whole list.
 */
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

/** A mail per person named, and no other mail. */
async function expectMailsTo(names: string[], subject: RegExp) {
	const mails = await mailsAfterWork(team, sink);
	expect(mails.map((mail) => mail.to).sort()).toEqual([...names].sort());
	for (const mail of mails) expect(mail.subject).toMatch(subject);
	// Running the queue again sends nothing more: each mail went once.
	expect((await mailsAfterWork(team, sink)).length).toBe(names.length);
	return mails;
}

describe('the notification table', () => {
	it('agenda in afstemming: every party’s bestuurders, each once, with one link to the meeting', async () => {
		const meeting = await openMeetingFor(team);
		await placedItem(team, team.vngMedewerker, meeting.id);
		await clearNotifications(sink);
		await startAgendaAlignment(team.secretariaat, meeting.id);
		expect(await notified(team, 'agenda_awaits_approval')).toEqual(bestuurders);
		const mails = await expectMailsTo(bestuurders, /^Uw akkoord gevraagd: agenda van /);
		const mail = mails[0]!.body;
		expect(mail).toContain('text/plain');
		expect(mail).toContain('text/html');
		const links = new Set(mail.match(/https?:\/\/[^\s"<]+/g));
		expect([...links]).toEqual([`http://localhost:3000/vergaderingen/${meeting.id}`]);
	});

	it('an akkoord reset by a change: that party’s bestuurders only', async () => {
		const meeting = await openMeetingFor(team);
		await placedItem(team, team.vngMedewerker, meeting.id);
		await startAgendaAlignment(team.secretariaat, meeting.id);
		await recordApproval(team.ipoBestuurder, meeting.id, { decision: 'akkoord' });
		const later = await submitted(team.bzkMedewerker, meeting.id);
		await clearNotifications(sink);
		await placeItem(team.secretariaat, later.id, { minutes: 15 });
		expect(await notified(team, 'approval_reset')).toEqual(['ipoBestuurder']);
		const mails = (await mailsAfterWork(team, sink)).filter((mail) =>
			mail.subject.startsWith('Opnieuw beoordelen')
		);
		expect(mails.map((mail) => mail.to)).toEqual(['ipoBestuurder']);
	});

	it('a co-sponsor request: the asked party’s medewerkers and bestuurders; its answer: the proposer', async () => {
		const item = await submitted(team.vngMedewerker, null);
		await clearNotifications(sink);
		await inviteCoSponsor(team.vngMedewerker, item.id, { party: 'ipo' });
		expect(await notified(team, 'co_sponsor_requested')).toEqual([
			'ipoBestuurder',
			'ipoMedewerker'
		]);
		await expectMailsTo(['ipoBestuurder', 'ipoMedewerker'], /^Mede-indienen gevraagd: /);
		await clearNotifications(sink);
		await respondCoSponsor(team.ipoBestuurder, item.id, { accept: false });
		expect(await notified(team, 'co_sponsor_answered')).toEqual(['vngMedewerker']);
		await expectMailsTo(['vngMedewerker'], /^IPO ziet af van mede-indienen: /);
	});

	it('their item placed, deferred, declined or dealt with: the proposer only', async () => {
		const meeting = await openMeetingFor(team);
		const first = await submitted(team.uvwMedewerker, meeting.id);
		await clearNotifications(sink);
		await placeItem(team.secretariaat, first.id, { minutes: 10 });
		expect(await notified(team, 'item_placed')).toEqual(['uvwMedewerker']);
		await expectMailsTo(['uvwMedewerker'], /^Geagendeerd: /);

		await clearNotifications(sink);
		await deferItem(team.secretariaat, first.id, { reason: 'Wacht op de Voorjaarsnota' });
		expect(await notified(team, 'item_deferred')).toEqual(['uvwMedewerker']);
		const [deferred] = await expectMailsTo(['uvwMedewerker'], /^Aangehouden: /);
		expect(deferred!.body).toContain('Wacht op de Voorjaarsnota');

		const second = await submitted(team.uvwMedewerker, meeting.id);
		await clearNotifications(sink);
		await declineItem(team.secretariaat, second.id, { reason: 'Hoort aan een sectorale tafel' });
		expect(await notified(team, 'item_declined')).toEqual(['uvwMedewerker']);
		await expectMailsTo(['uvwMedewerker'], /^Afgewezen: /);

		const third = await placedItem(team, team.uvwMedewerker, meeting.id);
		await forceMeetingStatus(meeting.id, 'gehouden');
		await clearNotifications(sink);
		await markTreated(team.secretariaat, third.id);
		expect(await notified(team, 'item_treated')).toEqual(['uvwMedewerker']);
		await expectMailsTo(['uvwMedewerker'], /^Behandeld: /);
	});

	it('a cancelled meeting: the proposers of its submitted items hear they are aangehouden, not those of concepts', async () => {
		const meeting = await openMeetingFor(team);
		const item = await submitted(team.ipoMedewerker, meeting.id);
		await draftItem(team.uvwMedewerker, itemInput({ meetingId: meeting.id }));
		await clearNotifications(sink);
		await cancelMeeting(team.secretariaat, meeting.id, { reason: 'Het kabinet is gevallen' });
		expect(await notified(team, 'item_deferred')).toEqual(['ipoMedewerker']);
		expect(await notified(team, 'item_deferred', item.id)).toEqual(['ipoMedewerker']);
		await expectMailsTo(['ipoMedewerker'], /^Aangehouden: /);
	});

	it('a late submission: the secretariaat only; one in time notifies nobody', async () => {
		const soon = await openMeetingFor(team, 5);
		const inTime = await openMeetingFor(team, 30);
		await clearNotifications(sink);
		await submitted(team.vngMedewerker, inTime.id);
		const late = await submitted(team.vngMedewerker, soon.id);
		expect(await notified(team, 'late_submission')).toEqual(['secretariaat']);
		expect(await notified(team, 'late_submission', late.id)).toEqual(['secretariaat']);
		await expectMailsTo(['secretariaat'], /^Te laat ingediend, uw besluit gevraagd: /);
	});
});

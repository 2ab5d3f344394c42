import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useDb } from '../../../src/lib/server/db';
import { people } from '../../../src/lib/server/db/schema';
import {
	addOwner,
	recordRatification,
	removeOwner,
	setStatus
} from '../../../src/lib/server/agreements';
import { amsterdamToday } from '../../../src/lib/server/agreements/status';
import {
	listNotifications,
	notificationKinds,
	updateNotificationPreferences
} from '../../../src/lib/server/notifications';
import { useProcessDatabase } from '../process-env';
import { createPerson } from '../identity/fixtures';
import { clearNotifications, mailsAfterWork, notified } from '../notifications/fixtures';
import { startSmtpSink, type SmtpSink } from '../notifications/smtp-sink';
import { createTeam, freeAgreement, ownerOf, type Team } from './fixtures';

/**
 * Who gets an agreement's reminders (notifications/agreement-rules.ts), what they say in Dutch
 * and English, and the person's mail choices. The team has one person of each kind, so "only
 * they" is the whole list.
 */
useProcessDatabase();

let team: Team;
let sink: SmtpSink;
let seen = 0;

beforeAll(async () => {
	sink = await startSmtpSink();
	team = await createTeam();
});
afterAll(async () => {
	await sink.close();
	delete process.env.SMTP_URL;
});
beforeEach(async () => {
	await clearNotifications(sink);
	seen = 0;
});

/** Runs the queue at `now`; the mails that arrived since the last call. */
async function mailsAt(now: string) {
	const all = await mailsAfterWork(team, sink, new Date(now));
	const fresh = all.slice(seen);
	seen = all.length;
	return fresh;
}
const sent = async (now: string) =>
	(await mailsAt(now)).map((mail) => [mail.to, mail.subject]).sort();

const today = () => amsterdamToday(new Date());

describe('the responsible parties’ contact persons', () => {
	it('each contact once, as the owners stand when it goes out: an added one yes, a removed or blocked one not', async () => {
		const made = await freeAgreement(team, { deadline: '2030-04-10' }, [
			team.vngMedewerker,
			team.ipoMedewerker
		]);
		// BZK as a ministry, and the Rijk again with the same contact: one reminder for that person.
		await addOwner(team.secretariaat, made.id, ownerOf(team.bzkMedewerker, true));
		await addOwner(team.secretariaat, made.id, ownerOf(team.bzkMedewerker));
		const withUvw = await addOwner(team.secretariaat, made.id, ownerOf(team.uvwMedewerker));
		const ipo = withUvw.owners.find((owner) => owner.party === 'ipo')!;
		await removeOwner(team.secretariaat, made.id, { ownerId: ipo.id });
		// A Financiën contact whose account is blocked after it was named.
		const blocked = (await createPerson('medewerker', 'fin')).actor;
		await addOwner(team.secretariaat, made.id, ownerOf(blocked, true));
		const db = await useDb();
		await db.update(people).set({ disabledAt: new Date() }).where(eq(people.id, blocked.personId));

		const expected = ['bzkMedewerker', 'uvwMedewerker', 'vngMedewerker'];
		expect(await sent('2030-03-27T07:00:00Z')).toEqual(
			expected.map((name) => [name, `Nog 14 dagen: ${made.title}`])
		);
		expect(await notified(team, 'agreement_deadline_near', made.id)).toEqual(expected);
		expect(await sent('2030-04-11T06:00:00Z')).toEqual(
			expected.map((name) => [name, `Verlopen: ${made.title}`])
		);
		expect(await notified(team, 'agreement_overdue', made.id)).toEqual(expected);
	});
});

describe('a closing ledenraadpleging', () => {
	it('the koepel’s contact when it is a responsible party; else its medewerkers and bestuurders; a decided one none', async () => {
		const made = await freeAgreement(team, { deadline: '2030-09-30' }, [
			team.bzkMedewerker,
			team.ipoMedewerker
		]);
		const consult = (actor: Team[keyof Team], koepel: string, closesOn: string) =>
			recordRatification(actor, made.id, { koepel, state: 'lopend', closesOn });
		await consult(team.vngBestuurder, 'vng', '2030-02-15');
		await consult(team.ipoBestuurder, 'ipo', '2030-02-20');
		await consult(team.uvwMedewerker, 'uvw', '2030-02-25');
		await recordRatification(team.uvwMedewerker, made.id, {
			koepel: 'uvw',
			state: 'goedgekeurd',
			decidedOn: today(),
			version: 1
		});

		const vng = await mailsAt('2030-02-15T07:00:00Z');
		expect(vng.map((mail) => [mail.to, mail.subject]).sort()).toEqual([
			['vngBestuurder', `Ledenraadpleging sluit: ${made.title}`],
			['vngMedewerker', `Ledenraadpleging sluit: ${made.title}`]
		]);
		expect(vng[0]!.body).toContain(
			`De ledenraadpleging van VNG over de afspraak „${made.title}” sluit op 15 februari 2030.`
		);
		// Who recorded the consultation hears too: nobody acted when the reminder went out.
		expect(await notified(team, 'agreement_ratification_closes', made.id)).toEqual([
			'vngBestuurder',
			'vngMedewerker'
		]);
		expect(await sent('2030-02-20T07:00:00Z')).toEqual([
			['ipoMedewerker', `Ledenraadpleging sluit: ${made.title}`]
		]);
		expect(await sent('2030-02-25T07:00:00Z')).toEqual([]);
	});

	it('a moved closing day: only the new one; a closed agreement: none', async () => {
		const moved = await freeAgreement(team, { deadline: '2030-09-30' }, [team.vngMedewerker]);
		const closed = await freeAgreement(team, { deadline: '2030-09-30' }, [team.vngMedewerker]);
		for (const made of [moved, closed]) {
			await recordRatification(team.vngMedewerker, made.id, {
				koepel: 'vng',
				state: 'lopend',
				closesOn: '2030-02-15'
			});
		}
		await recordRatification(team.vngMedewerker, moved.id, {
			koepel: 'vng',
			state: 'lopend',
			closesOn: '2030-03-01',
			version: 1
		});
		await setStatus(team.secretariaat, closed.id, { status: 'afgerond' });
		expect(await sent('2030-02-15T07:00:00Z')).toEqual([]);
		expect(await sent('2030-03-01T07:00:00Z')).toEqual([
			['vngMedewerker', `Ledenraadpleging sluit: ${moved.title}`]
		]);
		expect(await notified(team, 'agreement_ratification_closes', closed.id)).toEqual([]);
	});
});

describe('the texts and the person’s choices', () => {
	it('in Dutch in the app and the mail, with one link to the agreement', async () => {
		const made = await freeAgreement(team, { deadline: '2030-04-10' }, [team.ipoMedewerker]);
		const [mail] = await mailsAt('2030-04-07T06:00:00Z');
		expect(mail!.subject).toBe(`Nog 3 dagen: ${made.title}`);
		expect(mail!.body).toContain(
			`De termijn van de afspraak „${made.title}” loopt af op 10 april 2030. Meld de voortgang van uw partij, of zet de afspraak op vertraagd met de datum waarop u haar nu verwacht.`
		);
		expect([...new Set(mail!.body.match(/https?:\/\/[^\s"<]+/g))]).toEqual([
			`http://localhost:3000/afspraken/${made.id}`
		]);
		const { notifications } = await listNotifications(team.ipoMedewerker);
		expect(notifications[0]).toMatchObject({
			kind: 'agreement_deadline_near',
			subject: `Nog 3 dagen: ${made.title}`,
			link: `/afspraken/${made.id}`
		});
	});

	it('in English for who chose it: all three kinds', async () => {
		await updateNotificationPreferences(team.uvwMedewerker, {
			version: 1,
			language: 'en',
			mailKinds: notificationKinds,
			digest: false
		});
		const made = await freeAgreement(team, { deadline: '2030-04-10' }, [team.uvwMedewerker]);
		await recordRatification(team.uvwMedewerker, made.id, {
			koepel: 'uvw',
			state: 'lopend',
			closesOn: '2030-04-01'
		});
		const [near] = await mailsAt('2030-03-27T07:00:00Z');
		expect(near!.subject).toBe(`14 days left: ${made.title}`);
		expect(near!.body).toContain(
			`The deadline of the agreement "${made.title}" is 10 April 2030. Report your party's progress`
		);
		const [closing] = await mailsAt('2030-04-01T06:00:00Z');
		expect(closing!.subject).toBe(`Members' consultation closes: ${made.title}`);
		expect(closing!.body).toContain(
			`The consultation of the members of the Dutch Water Authorities on the agreement "${made.title}" closes on 1 April 2030.`
		);
		const [overdue] = await mailsAt('2030-04-11T06:00:00Z');
		expect(overdue!.subject).toBe(`Overdue: ${made.title}`);
		expect(overdue!.body).toContain(
			`The deadline of the agreement "${made.title}" was 10 April 2030; the register now shows it as overdue.`
		);
		// The app shows the same notifications in whichever language is asked for.
		const dutch = await listNotifications(team.uvwMedewerker, { lang: 'nl' });
		expect(dutch.notifications.map((row) => row.subject)).toEqual([
			`Verlopen: ${made.title}`,
			`Ledenraadpleging sluit: ${made.title}`,
			`Nog 14 dagen: ${made.title}`
		]);
		await updateNotificationPreferences(team.uvwMedewerker, {
			version: 2,
			language: 'nl',
			mailKinds: notificationKinds,
			digest: false
		});
	});

	it('a kind turned off stays in the app without mail; a digest gathers it', async () => {
		await updateNotificationPreferences(team.ipoBestuurder, {
			version: 1,
			language: 'nl',
			mailKinds: notificationKinds.filter((kind) => kind !== 'agreement_deadline_near'),
			digest: false
		});
		await updateNotificationPreferences(team.finMedewerker, {
			version: 1,
			language: 'nl',
			mailKinds: notificationKinds,
			digest: true,
			digestTime: '18:00'
		});
		const made = await freeAgreement(team, { deadline: '2030-04-10' }, [
			team.ipoBestuurder,
			team.finMedewerker
		]);
		const mails = await mailsAt('2030-03-27T07:00:00Z');
		expect(await notified(team, 'agreement_deadline_near', made.id)).toEqual([
			'finMedewerker',
			'ipoBestuurder'
		]);
		expect(mails.map((mail) => [mail.to, mail.subject])).toEqual([
			['finMedewerker', 'Uw melding van vandaag']
		]);
		expect(mails[0]!.body).toContain(`Nog 14 dagen: ${made.title}`);
		// Verlopen is still on for IPO's bestuurder.
		expect((await sent('2030-04-11T06:00:00Z')).filter(([to]) => to === 'ipoBestuurder')).toEqual([
			['ipoBestuurder', `Verlopen: ${made.title}`]
		]);
	});
});

import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { agreementOwners, type Party } from '../db/schema';
import { agreementReminderEvents } from './agreement-schedule';
import { activePeople, peopleOfParty } from './recipients';
import type { NotificationRule, Params, SourceEvent } from './rule';

/*
 * The agreements' reminders as rows of the notification table (table.ts spreads them in). Their
 * events come from the reminder jobs (agreement-jobs.ts) when a reminder's hour came; who gets
 * one is read then, so an owner added or removed since the planning counts.
 *
 * Decided here: the reminder of a closing ledenraadpleging goes to the contact person of that
 * koepel as a responsible party of the agreement, when it is one; otherwise (a koepel consults its
 * members on an agreement that others carry out) to the koepel's medewerkers and bestuurders, who
 * may record its outcome, as a request to co-sponsor reaches them.
 */

const agreementLink = (event: SourceEvent) => `/afspraken/${event.subjectId}`;

/** The contact persons of the agreement's responsible parties (of one party, if named). */
async function contactsOf(db: Executor, agreementId: string, party?: Party): Promise<string[]> {
	const rows = await db
		.select({ personId: agreementOwners.contactPersonId })
		.from(agreementOwners)
		.where(
			and(
				eq(agreementOwners.agreementId, agreementId),
				party ? eq(agreementOwners.party, party) : undefined
			)
		);
	return activePeople(
		db,
		rows.map((row) => row.personId)
	);
}

async function koepelContacts(db: Executor, event: SourceEvent): Promise<string[]> {
	const koepel = event.payload.party as Party;
	const contacts = await contactsOf(db, event.subjectId, koepel);
	return contacts.length > 0 ? contacts : peopleOfParty(db, koepel, ['medewerker', 'bestuurder']);
}

const isOverdue = (event: SourceEvent) => event.payload.reminder === 'overdue';
const delayed = (p: Params) => p.delayed === 'true';

export const agreementRules: NotificationRule[] = [
	{
		kind: 'agreement_deadline_near',
		events: [agreementReminderEvents.deadline],
		who: 'de contactpersoon van elke actiehouder, 14 en 3 dagen voor de termijn',
		when: (event) => !isOverdue(event),
		recipients: (db, event) => contactsOf(db, event.subjectId),
		link: agreementLink,
		text: {
			nl: (p) => ({
				subject: `Nog ${p.days} dagen: ${p.agreement}`,
				body: delayed(p)
					? `De afspraak „${p.agreement}” is vertraagd en wordt verwacht op ${p.dayNl}. Meld de voortgang van uw partij, of geef een nieuwe verwachte datum.`
					: `De termijn van de afspraak „${p.agreement}” loopt af op ${p.dayNl}. Meld de voortgang van uw partij, of zet de afspraak op vertraagd met de datum waarop u haar nu verwacht.`
			}),
			en: (p) => ({
				subject: `${p.days} days left: ${p.agreement}`,
				body: delayed(p)
					? `The agreement "${p.agreement}" is delayed and expected on ${p.dayEn}. Report your party's progress, or give a new expected date.`
					: `The deadline of the agreement "${p.agreement}" is ${p.dayEn}. Report your party's progress, or mark the agreement as delayed with the date you now expect it.`
			})
		}
	},
	{
		kind: 'agreement_overdue',
		events: [agreementReminderEvents.deadline],
		who: 'de contactpersoon van elke actiehouder, de dag nadat de termijn verstreek',
		when: isOverdue,
		recipients: (db, event) => contactsOf(db, event.subjectId),
		link: agreementLink,
		text: {
			nl: (p) => ({
				subject: `Verlopen: ${p.agreement}`,
				body: `${delayed(p) ? `De afspraak „${p.agreement}” werd verwacht op ${p.dayNl}` : `De termijn van de afspraak „${p.agreement}” liep af op ${p.dayNl}`}; in het register staat zij nu als verlopen. Meld de voortgang van uw partij, of zet haar op vertraagd met de datum waarop u haar nu verwacht.`
			}),
			en: (p) => ({
				subject: `Overdue: ${p.agreement}`,
				body: `${delayed(p) ? `The agreement "${p.agreement}" was expected on ${p.dayEn}` : `The deadline of the agreement "${p.agreement}" was ${p.dayEn}`}; the register now shows it as overdue. Report your party's progress, or mark it as delayed with the date you now expect it.`
			})
		}
	},
	{
		kind: 'agreement_ratification_closes',
		events: [agreementReminderEvents.ratification],
		who: 'de contactpersoon van de koepel bij de afspraak, anders de medewerkers en bestuurders van de koepel, op de dag dat de ledenraadpleging sluit',
		recipients: koepelContacts,
		link: agreementLink,
		text: {
			nl: (p) => ({
				subject: `Ledenraadpleging sluit: ${p.agreement}`,
				body: `De ledenraadpleging van ${p.partyNl} over de afspraak „${p.agreement}” sluit op ${p.dayNl}. Leg de uitkomst vast zodra de leden besloten: goedgekeurd of afgewezen, met de ledenbrief.`
			}),
			en: (p) => ({
				subject: `Members' consultation closes: ${p.agreement}`,
				body: `The consultation of the members of ${p.partyEn} on the agreement "${p.agreement}" closes on ${p.dayEn}. Record the outcome once the members have decided: approved or rejected, with the letter to the members.`
			})
		}
	}
];

const longNl = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', dateStyle: 'long' });
const longEn = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'long' });

/** What the texts above need from a reminder's event (params.ts adds the party's names). */
export function agreementParams(payload: Record<string, unknown>): Params {
	const params: Params = {};
	if (typeof payload.title === 'string') params.agreement = payload.title;
	const day = payload.dueDate ?? payload.closesOn;
	if (typeof day === 'string') {
		// A calendar day: formatted as the day it names, whatever the server's time zone.
		const noon = new Date(`${day}T12:00:00Z`);
		params.dayNl = longNl.format(noon);
		params.dayEn = longEn.format(noon);
	}
	if (typeof payload.daysLeft === 'number') params.days = String(payload.daysLeft);
	if (typeof payload.delayed === 'boolean') params.delayed = String(payload.delayed);
	return params;
}

/**
 * The agreements of the agreements load test (bench/agreements-data.ts writes them): their dates,
 * statuses, owners, ratifications and progress reports, drawn from a fixed seed, so every run has
 * the same mix. What the VNG medewerker's register and dashboard must answer is counted here by
 * the rule of status.ts in TypeScript, independently of the SQL the bench measures.
 */
import { randomUUID } from 'node:crypto';
import type * as schema from '../src/lib/server/db/schema';
import { TIME_ZONE } from '../src/lib/time';

type Party = schema.Party;
type AgreementStatus = schema.AgreementStatus;

export const DAY = 24 * 3_600_000;
const ministries = ['bzk', 'fin', 'ienw', 'vws', 'ocw', 'szw', 'jenv'] as const;
export const koepels = ['vng', 'ipo', 'uvw'] as const;
const topics = ['jeugdzorg', 'de opschalingskorting', 'de BFU', 'de Wmo', 'Regio Deals', 'de UDO'];

/** mulberry32: the same "random" mix every run. */
function generator(seed: number) {
	let a = seed;
	const next = () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
	/** One of the choices, by their weights (which add up to 1). */
	const weighted = <T>(choices: [T, number][]) => {
		let roll = next();
		for (const [choice, weight] of choices) if ((roll -= weight) < 0) return choice;
		return choices.at(-1)![0];
	};
	return { next, int, pick, weighted };
}

const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE });
export const dayOf = (ms: number) => isoDay.format(new Date(ms));
const addDays = (day: string, days: number) =>
	new Date(Date.parse(`${day}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** Past its deadline most are closed, some vertraagd (maybe past the new date too), some not. */
const lateStatuses: [AgreementStatus, number][] = [
	['afgerond', 0.5],
	['vervallen', 0.12],
	['vertraagd', 0.18],
	['in_uitvoering', 0.1],
	['open', 0.1]
];
const currentStatuses: [AgreementStatus, number][] = [
	['open', 0.4],
	['in_uitvoering', 0.45],
	['vertraagd', 0.07],
	['afgerond', 0.08]
];
const ratificationStates = [
	'niet_nodig',
	'lopend',
	'goedgekeurd',
	'goedgekeurd',
	'afgewezen'
] as const;

export interface MixInput {
	now: number;
	agreements: number;
	progress: number;
	/** The held meetings, with their decisions: the agreements spread evenly over them. */
	meetings: { id: string; startsAt: Date; decisionIds: string[] }[];
	organisationId: (slug: string) => string;
	/** The medewerkers of an organisation (by slug): contact persons and reporters. */
	staff: (slug: string) => string[];
	secretariaatId: string;
}

export function agreementMix(input: MixInput) {
	const random = generator(14);
	const { now } = input;
	const today = dayOf(now);
	const expected = { overdue: 0, overdueVng: 0, openVng: 0 };
	const agreements: (typeof schema.agreements.$inferInsert)[] = [];
	const owners: (typeof schema.agreementOwners.$inferInsert)[] = [];
	const ratifications: (typeof schema.agreementRatifications.$inferInsert)[] = [];
	const ownersOf = new Map<string, { party: Party; personId: string }[]>();
	for (let n = 0; n < input.agreements; n++) {
		const meeting = input.meetings[n % input.meetings.length]!;
		const made = meeting.startsAt.getTime();
		// Nine in ten from a decision, four in ten of those openbaar.
		const decisionId = random.next() < 0.9 ? random.pick(meeting.decisionIds) : null;
		const deadline = addDays(dayOf(made), random.int(30, 400));
		const status = random.weighted(deadline < today ? lateStatuses : currentStatuses);
		const expectedDate = status === 'vertraagd' ? addDays(deadline, random.int(20, 240)) : null;
		const closed = status === 'afgerond' || status === 'vervallen';
		const closedAt = closed
			? Math.max(made + DAY, Math.min(now - DAY, Date.parse(deadline) + random.int(-60, 30) * DAY))
			: null;
		const conditional = random.next() < 0.15;
		const id = randomUUID();
		agreements.push({
			id,
			meetingId: meeting.id,
			decisionId,
			title: `Afspraak ${n + 1}: ${random.pick(topics)} en de uitvoering`,
			body: 'Het Rijk en de koepels werken de uitvoering uit en melden de voortgang aan het Overhedenoverleg.',
			deadline,
			condition: conditional
				? 'Als er voor 1 april geen nieuw kabinet is, beslist de Voorjaarsnota.'
				: null,
			fallbackDate: conditional && random.next() < 0.5 ? addDays(deadline, -30) : null,
			status,
			expectedDate,
			lapseReason: status === 'vervallen' ? 'Ingehaald door de Voorjaarsnota.' : null,
			closedAt: closedAt === null ? null : new Date(closedAt),
			confidentiality: decisionId && random.next() < 0.4 ? 'openbaar' : 'vertrouwelijk',
			createdBy: input.secretariaatId,
			createdAt: new Date(made + DAY),
			updatedAt: new Date(made + DAY)
		});

		// The first owner: the Rijk (a ministry) four in ten, VNG three, IPO and UvW the rest; a second
		// half the time, a third now and then, never the same party twice.
		const owned = new Set<Party>([
			random.weighted<Party>([
				['rijk', 0.4],
				['vng', 0.3],
				['ipo', 0.15],
				['uvw', 0.15]
			])
		]);
		if (random.next() < 0.5) owned.add(random.pick(['rijk', ...koepels]));
		if (random.next() < 0.15) owned.add(random.pick(['rijk', ...koepels]));
		const contacts = [...owned].map((party) => {
			const slug = party === 'rijk' ? random.pick(ministries) : party;
			const personId = random.pick(input.staff(slug));
			const organisationId = party === 'rijk' ? input.organisationId(slug) : null;
			owners.push({ agreementId: id, party, organisationId, contactPersonId: personId });
			return { party, personId };
		});
		ownersOf.set(id, contacts);
		const overdue = !closed && today > (expectedDate ?? deadline);
		if (overdue) expected.overdue++;
		if (owned.has('vng') && overdue) expected.overdueVng++;
		if (owned.has('vng') && !closed) expected.openVng++;

		// Each koepel among the owners consults its members (or says it need not).
		for (const koepel of koepels.filter((k) => owned.has(k))) {
			const state = random.pick(ratificationStates);
			const decided = state === 'goedgekeurd' || state === 'afgewezen';
			ratifications.push({
				agreementId: id,
				koepel,
				state,
				closesOn: state === 'niet_nodig' ? null : addDays(dayOf(made), random.int(30, 120)),
				decidedOn: decided ? addDays(dayOf(made), 60) : null,
				recordedBy: input.staff(koepel)[0]!
			});
		}
	}

	// The progress reports: by one of the owners, between the meeting and its closing (or now).
	const progress: (typeof schema.agreementProgress.$inferInsert)[] = [];
	for (let i = 0; i < input.progress; i++) {
		const agreement = random.pick(agreements);
		const owner = random.pick(ownersOf.get(agreement.id!)!);
		// A day at least: the newest meeting was two days ago.
		const from = agreement.createdAt!.getTime();
		const span = Math.max(DAY, (agreement.closedAt?.getTime() ?? now) - from);
		const at = from + random.next() * span;
		progress.push({
			agreementId: agreement.id!,
			party: owner.party,
			text: 'Het wetsvoorstel is in consultatie; de koepels leveren hun reactie in.',
			percent: random.next() < 0.2 ? null : Math.round(((at - from) / span) * 100),
			createdBy: owner.personId,
			createdAt: new Date(at)
		});
	}
	return { agreements, owners, ratifications, progress, expected };
}

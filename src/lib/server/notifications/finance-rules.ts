import { eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { financialArrangements, type Party } from '../db/schema';
import { activePeople, peopleOfParty } from './recipients';
import { cap, type NotificationRule, type Params, type SourceEvent } from './rule';

/** The koepels as the texts name them (as params.ts names the parties). */
const koepelNames = {
	nl: { rijk: 'het Rijk', vng: 'VNG', ipo: 'IPO', uvw: 'de Unie van Waterschappen' },
	en: {
		rijk: 'the national government',
		vng: 'VNG',
		ipo: 'IPO',
		uvw: 'the Dutch Water Authorities'
	}
} as const;

/*
 * The money's notifications (table.ts spreads them in). When the figures of an arrangement change,
 * the receiving koepel is asked to look at them again: its mark held for the version before, as a
 * new revision resets an akkoord. When the koepel disagrees, whoever recorded the arrangement is
 * told, with the koepel's note.
 */

interface RowPayload {
	title?: string;
	reference?: string;
	receivingParty?: Party;
}

const row = (event: SourceEvent) => (event.payload.row ?? {}) as RowPayload;
const link = (event: SourceEvent) => `/financien/${event.subjectId}`;

async function creatorOf(db: Executor, event: SourceEvent): Promise<string[]> {
	const [found] = await db
		.select({ createdBy: financialArrangements.createdBy })
		.from(financialArrangements)
		.where(eq(financialArrangements.id, event.subjectId));
	return found ? activePeople(db, [found.createdBy]) : [];
}

export const financeRules: NotificationRule[] = [
	{
		kind: 'finance_figures_changed',
		events: ['finance.entry_recorded.v1'],
		who: 'de medewerkers en bestuurders van de ontvangende koepel, als de bedragen van een financieel arrangement wijzigen',
		recipients: (db, event) => {
			const party = row(event).receivingParty;
			return party ? peopleOfParty(db, party, ['medewerker', 'bestuurder']) : Promise.resolve([]);
		},
		link,
		text: {
			nl: (p) => ({
				subject: `Bedragen gewijzigd: ${p.arrangement}`,
				body: `Het kasritme van „${p.arrangement}” (${p.reference}) is gewijzigd: ${p.entryReason}. Geef aan of ${p.koepelNl} het eens is met de nieuwe bedragen.`
			}),
			en: (p) => ({
				subject: `Figures changed: ${p.arrangement}`,
				body: `The schedule of "${p.arrangement}" (${p.reference}) has changed: ${p.entryReason}. Say whether ${p.koepelEn} agrees with the new figures.`
			})
		}
	},
	{
		kind: 'finance_figures_disputed',
		events: ['finance.figures_marked.v1'],
		who: 'wie het financieel arrangement vastlegde, als de ontvangende koepel het oneens is met de bedragen',
		when: (event) => (event.payload.mark as { verdict?: string } | undefined)?.verdict === 'oneens',
		recipients: creatorOf,
		link,
		text: {
			nl: (p) => ({
				subject: `Oneens met de bedragen: ${p.arrangement}`,
				body: `${cap(p.koepelNl)} is het niet eens met de bedragen van „${p.arrangement}” (${p.reference})${p.note ? `: ${p.note}` : '.'}`
			}),
			en: (p) => ({
				subject: `Figures disputed: ${p.arrangement}`,
				body: `${cap(p.koepelEn)} does not agree with the figures of "${p.arrangement}" (${p.reference})${p.note ? `: ${p.note}` : '.'}`
			})
		}
	}
];

/** What the texts above need from an arrangement's event. */
export function financeParams(payload: Record<string, unknown>): Params {
	const params: Params = {};
	const r = (payload.row ?? {}) as RowPayload;
	if (r.title) params.arrangement = r.title;
	if (r.reference) params.reference = r.reference;
	if (r.receivingParty) {
		params.koepelNl = koepelNames.nl[r.receivingParty];
		params.koepelEn = koepelNames.en[r.receivingParty];
	}
	const entry = payload.entry as { reason?: string } | undefined;
	if (entry?.reason) params.entryReason = entry.reason;
	const mark = payload.mark as { note?: string | null } | undefined;
	if (mark?.note) params.note = mark.note;
	return params;
}

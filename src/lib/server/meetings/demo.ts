import { inArray } from 'drizzle-orm';
import type { Executor } from '../db';
import {
	agendaApprovals,
	agendaItemRevisions,
	agendaItems,
	coSponsors,
	meetings,
	organisations,
	people,
	type AgendaSnapshotItem,
	type Party
} from '../db/schema';
import { contentFields } from '../agenda/content-fields';
import { fingerprintOf } from '../agenda/fingerprint';
import { DEMO_EMAIL_DOMAIN } from '../db/seed-data';
import { DAY, demoItems as items, demoMeetings, id } from './demo-data';
import { SESSION_MEETING } from './demo-session';

/** Puts the demo meetings and agenda in place; returns how many meetings were added. */
export async function seedDemoAgenda(tx: Executor, now = Date.now()): Promise<number> {
	const emails = [...new Set(items.map((item) => `${item.by}@${DEMO_EMAIL_DOMAIN}`))];
	const persons = await tx
		.select({ id: people.id, email: people.email })
		.from(people)
		.where(
			inArray(people.email, [
				...emails,
				`bestuurder.vng@${DEMO_EMAIL_DOMAIN}`,
				`bestuurder.uvw@${DEMO_EMAIL_DOMAIN}`,
				`bestuurder.rijk@${DEMO_EMAIL_DOMAIN}`,
				`bestuurder.ipo@${DEMO_EMAIL_DOMAIN}`
			])
		);
	const person = new Map(persons.map((row) => [row.email.split('@')[0]!, row.id]));
	const orgs = await tx
		.select({ id: organisations.id, slug: organisations.slug, party: organisations.party })
		.from(organisations);
	const org = new Map(orgs.map((row) => [row.slug, row]));
	// Demo accounts removed or renamed: leave the agenda out rather than invent people.
	if (emails.some((email) => !person.has(email.split('@')[0]!))) return 0;

	const added = await tx
		.insert(meetings)
		.values(demoMeetings(now))
		.onConflictDoNothing()
		.returning({ id: meetings.id });
	const rows = items.map((item) => ({
		id: id(item.n),
		meetingId: item.meeting === null ? null : id(item.meeting),
		proposingOrganisationId: org.get(item.org)!.id,
		proposingParty: org.get(item.org)!.party,
		proposedBy: person.get(item.by)!,
		title: item.title,
		summary: item.summary,
		purpose: item.purpose,
		proposedDecision: item.proposedDecision ?? null,
		financialConsequences: item.money ? ('ja' as const) : ('geen' as const),
		financialExplanation: item.money ?? null,
		contactPerson: null,
		confidentiality: item.confidential ? ('vertrouwelijk' as const) : ('openbaar' as const),
		status: item.status,
		statusReason: item.reason ?? null,
		position: item.position ?? null,
		minutes: item.minutes ?? null,
		submittedAt: item.status === 'concept' ? null : new Date(now - 20 * DAY),
		lateSubmission: item.late ?? false
	}));
	const inserted = await tx
		.insert(agendaItems)
		.values(rows)
		.onConflictDoNothing()
		.returning({ id: agendaItems.id });
	const fresh = new Set(inserted.map((row) => row.id));
	const newRows = rows.filter((row) => fresh.has(row.id));
	if (newRows.length)
		await tx
			.insert(agendaItemRevisions)
			.values(
				newRows.map((row) => ({
					itemId: row.id,
					version: 1,
					snapshot: contentSnapshot(row),
					editedBy: row.proposedBy
				}))
			)
			.onConflictDoNothing();
	const sponsors = items.flatMap((item) =>
		(item.sponsors ?? []).map(([party, status]) => ({
			itemId: id(item.n),
			party,
			status,
			invitedBy: person.get(item.by)!,
			decidedBy: status === 'uitgenodigd' ? null : (person.get(`bestuurder.${party}`) ?? null),
			decidedAt: status === 'uitgenodigd' ? null : new Date(now - 10 * DAY)
		}))
	);
	await tx.insert(coSponsors).values(sponsors).onConflictDoNothing();

	const snapshotOf = (meeting: number): AgendaSnapshotItem[] =>
		items
			.filter((item) => item.meeting === meeting && item.position !== undefined)
			.sort((a, b) => a.position! - b.position!)
			.map((item) => ({
				id: id(item.n),
				title: item.title,
				purpose: item.purpose,
				position: item.position!,
				minutes: item.minutes!,
				version: 1
			}));
	const past = snapshotOf(2);
	const coming = snapshotOf(4);
	const session = snapshotOf(SESSION_MEETING);
	// The Rijk agreed before the Code item was added, so its akkoord was reset: it must look again.
	const before = coming.filter((item) => item.id !== id(23));
	const approval = (
		meeting: number,
		party: Party,
		snapshot: AgendaSnapshotItem[],
		extra: Partial<typeof agendaApprovals.$inferInsert> = {}
	) => ({
		meetingId: id(meeting),
		party,
		decision: 'akkoord' as const,
		decidedBy: person.get(`bestuurder.${party}`)!,
		decidedAt: new Date(now - 5 * DAY),
		agendaFingerprint: fingerprintOf(snapshot),
		agendaSnapshot: snapshot,
		...extra
	});
	await tx
		.insert(agendaApprovals)
		.values([
			...(['rijk', 'vng', 'ipo', 'uvw'] as const).map((party) =>
				approval(2, party, past, { decidedAt: new Date(now - 70 * DAY) })
			),
			approval(4, 'vng', coming, {
				itemPositions: { [id(21)]: 'VNG steunt de BFU, mits de overgang budgetneutraal is.' }
			}),
			approval(4, 'uvw', coming, {
				decision: 'bezwaar',
				reason: 'Het punt over klimaatadaptatie en de waterschapsbelasting hoort op deze agenda.'
			}),
			approval(4, 'rijk', before, { resetAt: new Date(now - 2 * DAY) }),
			// Every party agreed on exactly the agenda adopted, so all four read "akkoord".
			...(['rijk', 'vng', 'ipo', 'uvw'] as const).map((party) =>
				approval(SESSION_MEETING, party, session, {
					decidedAt: new Date(now - 3 * DAY),
					...(party === 'vng'
						? {
								itemPositions: {
									[id(41)]: 'VNG vraagt de compensatie uiterlijk in de meicirculaire te verwerken.'
								}
							}
						: {})
				})
			)
		])
		.onConflictDoNothing();
	return added.length;
}

/** The content fields of a revision (as agenda/store.ts writes them), without importing it. */
function contentSnapshot(row: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(contentFields.map((field) => [field, row[field] ?? null]));
}

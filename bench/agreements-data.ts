/**
 * The data of the agreements load test: 5,000 agreements made at 100 held meetings over the past
 * two and a half years (most from a decision, 40% openbaar, most lists published), owned by the
 * four parties (the Rijk through its ministries) with a contact person each, in every status with
 * a good share overdue, the koepels' ratifications, and 50,000 progress reports. Written in bulk
 * (multi-row inserts, not the verbs, which would take minutes); the shapes are those the verbs
 * write; the mix of the agreements is agreements-mix.ts's.
 */
import { randomBytes } from 'node:crypto';
import { createSession } from '../src/lib/server/auth/session';
import { composeToken, hashSecret, randomSecret } from '../src/lib/server/auth/tokens';
import { openDatabase } from '../src/lib/server/db/database';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { seedDatabase } from '../src/lib/server/db/seed';
import * as schema from '../src/lib/server/db/schema';
import { API_TOKEN_PREFIX } from '../src/lib/server/identity/account';
import { agreementMix, DAY, koepels } from './agreements-mix';

const { agendaItems, apiTokens, decisionListVersions, decisionLists, decisions, meetings } = schema;
const { agreementOwners, agreementProgress, agreementRatifications, agreements } = schema;
const { organisations, people } = schema;
const MEETINGS = 100;
const ITEMS_PER_MEETING = 10;
const AGREEMENTS = 5_000;
const PROGRESS = 50_000;
const ministries = ['bzk', 'fin', 'ienw', 'vws', 'ocw', 'szw', 'jenv'] as const;

function chunks<T>(rows: T[], size = 1000): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
	return out;
}

export async function seedAgreementsLoad(databaseUrl: string) {
	const handle = await openDatabase({ engine: 'postgres', url: databaseUrl, maxConnections: 4 });
	try {
		await migrateDatabase(handle, './drizzle');
		await seedDatabase(handle.db);
		const db = handle.db;
		const now = Date.now();
		const orgs = await db.select().from(organisations);
		const org = (slug: string) => orgs.find((o) => o.slug === slug)!;
		const tag = randomBytes(3).toString('hex');

		// A medewerker per ministry, three per koepel and a bestuurder each, and the secretariaat.
		const personValues = [
			...ministries.map((slug) => ({ slug, role: 'medewerker' as const, n: 1 })),
			...koepels.flatMap((slug) => [
				...[1, 2, 3].map((n) => ({ slug, role: 'medewerker' as const, n })),
				{ slug, role: 'bestuurder' as const, n: 1 }
			]),
			{ slug: 'secretariaat', role: 'secretariaat' as const, n: 1 }
		].map(({ slug, role, n }) => ({
			email: `${role}${n}.${slug}.${tag}@bench.example`,
			name: `${role} ${n} ${slug}`,
			organisationId: org(slug).id,
			role
		}));
		const personRows = await db.insert(people).values(personValues).returning();
		const staff = (slug: string) =>
			personRows.filter((p) => p.organisationId === org(slug).id && p.role === 'medewerker');
		const secretariaat = personRows.find((p) => p.role === 'secretariaat')!;
		const reader = staff('vng')[0]!;

		// 100 held meetings, one every nine days back from two days ago, each with ten decided items.
		const meetingRows = await db
			.insert(meetings)
			.values(
				Array.from({ length: MEETINGS }, (_, i) => {
					const startsAt = new Date(now - (2 + i * 9) * DAY);
					return {
						kind: (['overhedenoverleg', 'bofv', 'ambtelijk_voorportaal'] as const)[i % 3]!,
						title: `Overleg ${MEETINGS - i}: financiële verhoudingen en uitvoeringskracht`,
						startsAt,
						endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
						location: 'Den Haag',
						chair: 'Minister van BZK',
						status: 'gehouden' as const
					};
				})
			)
			.returning({ id: meetings.id, startsAt: meetings.startsAt });
		const itemRows = await db
			.insert(agendaItems)
			.values(
				meetingRows.flatMap((meeting, m) =>
					Array.from({ length: ITEMS_PER_MEETING }, (_, i) => {
						const party = (['rijk', ...koepels] as const)[(m + i) % 4]!;
						const organisation = org(party === 'rijk' ? 'bzk' : party);
						return {
							meetingId: meeting.id,
							proposingOrganisationId: organisation.id,
							proposingParty: party,
							proposedBy: staff(organisation.slug)[0]!.id,
							title: `Agendapunt ${i + 1}: medebewindstaken en de middelen ervoor`,
							summary: 'De balans tussen taken, middelen en uitvoeringskracht.',
							purpose: 'besluitvorming' as const,
							proposedDecision: 'Het Overhedenoverleg stemt in met het voorstel.',
							confidentiality: i % 5 === 4 ? ('vertrouwelijk' as const) : ('openbaar' as const),
							status: 'behandeld' as const,
							position: i + 1,
							minutes: 15,
							submittedAt: new Date(meeting.startsAt.getTime() - 30 * DAY)
						};
					})
				)
			)
			.returning({
				id: agendaItems.id,
				meetingId: agendaItems.meetingId,
				title: agendaItems.title
			});
		const decisionRows = await db
			.insert(decisions)
			.values(
				itemRows.map((item, i) => ({
					meetingId: item.meetingId!,
					itemId: item.id,
					agendaNumber: (i % ITEMS_PER_MEETING) + 1,
					itemTitle: item.title,
					outcome: 'aangenomen' as const,
					dicta: ['in te stemmen met het voorstel'],
					dealtOrder: (i % ITEMS_PER_MEETING) + 1,
					recordedBy: secretariaat.id
				}))
			)
			.returning({ id: decisions.id, meetingId: decisions.meetingId });

		// Four of five lists published (the openbare items' decisions in the snapshot), some corrected.
		const published = meetingRows.filter((_, m) => m % 5 !== 0);
		const listRows = await db
			.insert(decisionLists)
			.values(
				published.map((meeting, m) => ({
					meetingId: meeting.id,
					status: 'gepubliceerd' as const,
					adoptedAt: new Date(meeting.startsAt.getTime() + 14 * DAY),
					adoptedBy: secretariaat.id,
					publishedVersion: m % 4 === 0 ? 2 : 1
				}))
			)
			.returning();
		await db.insert(decisionListVersions).values(
			listRows.flatMap((list) => {
				const shown = decisionRows.filter((d, i) => d.meetingId === list.meetingId && i % 5 !== 4);
				return Array.from({ length: list.publishedVersion }, (_, v) => ({
					listId: list.id,
					meetingId: list.meetingId,
					number: v + 1,
					snapshot: { decisions: shown.map((d) => ({ id: d.id })) },
					reason: v > 0 ? 'correctie procedurele fout' : null,
					publishedBy: secretariaat.id
				}));
			})
		);

		// 5,000 agreements, 50 a meeting, and their owners, ratifications and progress reports.
		const mix = agreementMix({
			now,
			agreements: AGREEMENTS,
			progress: PROGRESS,
			meetings: meetingRows.map((meeting) => ({
				...meeting,
				decisionIds: decisionRows.filter((d) => d.meetingId === meeting.id).map((d) => d.id)
			})),
			organisationId: (slug) => org(slug).id,
			staff: (slug) => staff(slug).map((person) => person.id),
			secretariaatId: secretariaat.id
		});
		for (const batch of chunks(mix.agreements, 500)) await db.insert(agreements).values(batch);
		for (const batch of chunks(mix.owners)) await db.insert(agreementOwners).values(batch);
		for (const batch of chunks(mix.ratifications))
			await db.insert(agreementRatifications).values(batch);
		for (const batch of chunks(mix.progress)) await db.insert(agreementProgress).values(batch);
		// As autovacuum leaves a database that has lived: statistics, and a visibility map that lets
		// the owner lookups read the index alone.
		await db.execute('vacuum analyze');

		// The VNG medewerker signed in (the page) and with a read token (the API).
		const { token: sessionToken } = await createSession(
			db,
			reader.id,
			{ idleMs: 7_200_000, maxMs: 43_200_000 },
			{ twoFactorVerified: true }
		);
		const secret = randomSecret();
		const [token] = await db
			.insert(apiTokens)
			.values({
				personId: reader.id,
				name: 'bench',
				secretHash: hashSecret(secret),
				prefix: 'bench',
				// Write: the register-writes run reports progress with it while the register is read.
				scope: 'write'
			})
			.returning();
		return {
			sessionToken,
			apiToken: composeToken(token!.id, secret, API_TOKEN_PREFIX),
			expected: mix.expected,
			counts: {
				meetings: meetingRows.length,
				decisions: decisionRows.length,
				agreements: mix.agreements.length,
				owners: mix.owners.length,
				ratifications: mix.ratifications.length,
				progress: mix.progress.length
			}
		};
	} finally {
		await handle.close();
	}
}

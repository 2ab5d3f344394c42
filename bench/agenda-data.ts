/**
 * The data of the agenda load test: one meeting with 40 placed items, 400 comments and 60
 * attachments, amid 200 other meetings and 5,000 other items. Written in bulk (not through the
 * verbs, which would take minutes for 5,000 items); the shapes are those the verbs write.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createSession } from '../src/lib/server/auth/session';
import { composeToken, hashSecret, randomSecret } from '../src/lib/server/auth/tokens';
import { openDatabase, type Database } from '../src/lib/server/db/database';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { seedDatabase } from '../src/lib/server/db/seed';
import * as schema from '../src/lib/server/db/schema';
import { agendaSnapshot, fingerprintOf } from '../src/lib/server/agenda/fingerprint';
import { API_TOKEN_PREFIX } from '../src/lib/server/identity/account';

const {
	agendaApprovals,
	attachmentContents,
	attachments,
	agendaItemRevisions,
	agendaItems,
	apiTokens,
	comments,
	coSponsors,
	meetings,
	organisations,
	people
} = schema;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const parties = ['rijk', 'vng', 'ipo', 'uvw'] as const;
const purposes = ['besluitvorming', 'bespreking', 'informatie'] as const;
const otherStatuses = ['ingediend', 'geagendeerd', 'behandeld', 'aangehouden', 'concept'] as const;

const summary = (n: number) =>
	`De gemeenten, provincies en waterschappen vragen het Rijk om duidelijkheid over de ` +
	`financiering van taken in medebewind (punt ${n}).\n\n- uitvoeringskracht\n- middelen voor ` +
	`2026–2028\n- de bijzondere fondsuitkering\n\nZie het advies *Afrekenen met disbalans*.`;

function chunks<T>(rows: T[], size = 500): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
	return out;
}

export async function seedAgendaLoad(databaseUrl: string) {
	const handle = await openDatabase({ engine: 'postgres', url: databaseUrl, maxConnections: 4 });
	try {
		await migrateDatabase(handle, './drizzle');
		await seedDatabase(handle.db);
		const db = handle.db;
		const orgs = await db.select().from(organisations);
		const org = (slug: string) => orgs.find((o) => o.slug === slug)!;
		const partyOrg = { rijk: org('bzk'), vng: org('vng'), ipo: org('ipo'), uvw: org('uvw') };

		// One medewerker and one bestuurder per party, and the secretariat. No password: the bench
		// signs in by creating a session, as the sign-in verb would.
		const personRows = await db
			.insert(people)
			.values([
				...parties.flatMap((party) =>
					(['medewerker', 'bestuurder'] as const).map((role) => ({
						email: `${role}.${party}.${randomBytes(3).toString('hex')}@bench.example`,
						name: `${role} ${party}`,
						organisationId: partyOrg[party].id,
						role
					}))
				),
				{
					email: `secretariaat.${randomBytes(3).toString('hex')}@bench.example`,
					name: 'Secretariaat',
					organisationId: org('secretariaat').id,
					role: 'secretariaat' as const
				}
			])
			.returning();
		const person = (role: string, party: string) =>
			personRows.find((p) => p.role === role && p.name.endsWith(party))!;

		// 200 other meetings over the past and coming years, and the one under test.
		const now = Date.now();
		const meetingRows = await db
			.insert(meetings)
			.values(
				Array.from({ length: 200 }, (_, i) => {
					const startsAt = new Date(now + (i - 100) * 7 * DAY);
					return {
						kind: (['overhedenoverleg', 'ambtelijk_voorportaal', 'bofv'] as const)[i % 3]!,
						title: `Overleg ${i + 1}: financiële verhoudingen en uitvoeringskracht`,
						startsAt,
						endsAt: new Date(startsAt.getTime() + 2 * HOUR),
						location: 'Den Haag',
						chair: 'Minister van BZK',
						proposalDeadline: new Date(startsAt.getTime() - 14 * DAY),
						status: i < 100 ? ('gehouden' as const) : ('open_voor_voorstellen' as const)
					};
				})
			)
			.returning({ id: meetings.id });
		const startsAt = new Date(now + 21 * DAY);
		const [meeting] = await db
			.insert(meetings)
			.values({
				kind: 'overhedenoverleg',
				title: 'Overhedenoverleg najaar: jeugdzorg, Gemeentefonds en de BFU',
				startsAt,
				endsAt: new Date(startsAt.getTime() + 4 * HOUR),
				location: 'Den Haag, Ministerie van BZK',
				chair: 'Minister van BZK',
				proposalDeadline: new Date(now - DAY),
				status: 'agenda_in_afstemming'
			})
			.returning();

		const itemValues = (n: number, meetingId: string, status: (typeof otherStatuses)[number]) => {
			const party = parties[n % 4]!;
			const purpose = purposes[n % 3]!;
			return {
				meetingId,
				proposingOrganisationId: partyOrg[party].id,
				proposingParty: party,
				proposedBy: person('medewerker', party).id,
				title: `Agendapunt ${n}: uitvoerbaarheid en financiering van medebewindstaken`,
				summary: summary(n),
				purpose,
				proposedDecision:
					purpose === 'besluitvorming' ? 'Het Overhedenoverleg stemt in met het voorstel.' : null,
				financialConsequences: n % 5 === 0 ? ('ja' as const) : ('geen' as const),
				financialExplanation: n % 5 === 0 ? 'Circa € 30 miljoen per jaar voor gemeenten.' : null,
				contactPerson: 'Fatima El Amrani',
				status,
				submittedAt: status === 'concept' ? null : new Date(now - 30 * DAY)
			};
		};

		// The meeting under test: 40 placed items of 5 minutes, a co-sponsor on every other one.
		const items = await db
			.insert(agendaItems)
			.values(
				Array.from({ length: 40 }, (_, i) => ({
					...itemValues(i + 1, meeting!.id, 'geagendeerd'),
					position: i + 1,
					minutes: 5
				}))
			)
			.returning();
		await db.insert(agendaItemRevisions).values(
			items.map((item) => ({
				itemId: item.id,
				version: 1,
				snapshot: { title: item.title, summary: item.summary, purpose: item.purpose },
				editedBy: item.proposedBy
			}))
		);
		await db.insert(coSponsors).values(
			items
				.filter((_, i) => i % 2 === 0)
				.map((item, i) => ({
					itemId: item.id,
					party: parties[(parties.indexOf(item.proposingParty!) + 1 + (i % 3)) % 4]!,
					status: 'geaccepteerd' as const,
					invitedBy: item.proposedBy,
					decidedBy: person('medewerker', 'ipo').id,
					decidedAt: new Date()
				}))
		);
		// 400 comments: ten per item, three of them replies to the comment before.
		const comment = (item: (typeof items)[number], i: number, j: number) => ({
			itemId: item.id,
			authorId: person('medewerker', parties[(i + j) % 4]!).id,
			body: `Reactie ${j + 1} op punt ${i + 1}: wij kunnen ons vinden in de strekking, met een kanttekening over de uitvoeringslasten.`,
			createdAt: new Date(now - (400 - i * 10 - j) * 60_000)
		});
		const isReply = (j: number) => j % 3 === 1;
		const topLevel = await db
			.insert(comments)
			.values(
				items.flatMap((item, i) =>
					Array.from({ length: 10 }, (_, j) => j)
						.filter((j) => !isReply(j))
						.map((j) => comment(item, i, j))
				)
			)
			.returning({ id: comments.id, itemId: comments.itemId });
		const replies = items.flatMap((item, i) => {
			const parents = topLevel.filter((c) => c.itemId === item.id);
			return Array.from({ length: 10 }, (_, j) => j)
				.filter(isReply)
				.map((j, r) => ({ ...comment(item, i, j), parentId: parents[r]!.id }));
		});
		await db.insert(comments).values(replies);
		const commentCount = topLevel.length + replies.length;
		const attachmentCount = await seedAttachments(db, items);

		// Two parties agreed to the agenda as it stands; one objected.
		const snapshot = await agendaSnapshot(db, meeting!.id);
		await db.insert(agendaApprovals).values([
			...(['rijk', 'vng'] as const).map((party) => ({
				meetingId: meeting!.id,
				party,
				decision: 'akkoord' as const,
				decidedBy: person('bestuurder', party).id,
				agendaFingerprint: fingerprintOf(snapshot),
				agendaSnapshot: snapshot
			})),
			{
				meetingId: meeting!.id,
				party: 'uvw' as const,
				decision: 'bezwaar' as const,
				reason: 'Het punt over de waterschapsbelasting ontbreekt.',
				decidedBy: person('bestuurder', 'uvw').id,
				agendaFingerprint: fingerprintOf(snapshot),
				agendaSnapshot: snapshot
			}
		]);

		// 5,000 other items spread over the other meetings and the "nog te agenderen" list.
		let n = 1000;
		for (const batch of chunks(Array.from({ length: 5000 }, (_, i) => i))) {
			await db.insert(agendaItems).values(
				batch.map((i) => {
					const status = otherStatuses[i % otherStatuses.length]!;
					const meetingId = i % 10 === 0 ? null : meetingRows[i % meetingRows.length]!.id;
					return {
						...itemValues(n++, meetingId as string, status),
						position: status === 'geagendeerd' ? i : null,
						minutes: status === 'geagendeerd' ? 10 : null
					};
				})
			);
		}
		await db.execute('analyze');

		// Signed in as the VNG bestuurder: the page shows the approvals, the agenda and what is open.
		const reader = person('bestuurder', 'vng');
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
				scope: 'read'
			})
			.returning();
		return {
			meetingId: meeting!.id,
			firstItemTitle: items[0]!.title,
			sessionToken,
			apiToken: composeToken(token!.id, secret, API_TOKEN_PREFIX),
			counts: {
				meetings: meetingRows.length + 1,
				items: items.length + 5000,
				comments: commentCount,
				attachments: attachmentCount
			}
		};
	} finally {
		await handle.close();
	}
}

/** 60 attachments on the meeting's items (a small PDF each; the page lists them, never loads the bytes). */
async function seedAttachments(
	db: Database,
	items: { id: string; proposedBy: string; proposingOrganisationId: string }[]
): Promise<number> {
	const bytes = new TextEncoder().encode(
		'%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n' + 'x'.repeat(20_000) + '\n%%EOF\n'
	);
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	const rows = await db
		.insert(attachments)
		.values(
			Array.from({ length: 60 }, (_, i) => {
				const item = items[i % items.length]!;
				return {
					itemId: item.id,
					filename: `Notitie ${i + 1} bij het agendapunt.pdf`,
					mediaType: 'application/pdf',
					size: bytes.length,
					sha256,
					uploadedBy: item.proposedBy,
					uploadedByOrganisationId: item.proposingOrganisationId
				};
			})
		)
		.returning({ id: attachments.id });
	await db.insert(attachmentContents).values(rows.map((row) => ({ attachmentId: row.id, bytes })));
	return rows.length;
}

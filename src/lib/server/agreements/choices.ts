import { and, asc, desc, eq, exists, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { useDb } from '../db';
import { agreements, commitments, decisions, meetings, organisations, people } from '../db/schema';
import { requireAccess, type Actor } from '../access';
import { meetingDecisions } from '../decisions/queries';
import type { DecisionView } from '../decisions/store';
import { isUuid } from '../kernel/ids';
import type { LiveCommitment } from '../../realtime/decision-payloads';
import { agreementsVisibleTo } from './audience';

/*
 * What the agreements' pages offer to choose from: the responsible parties and their contact
 * persons (for the secretariaat's forms), the decision or toezegging an agreement is made from,
 * and the meetings the register can filter on. Reads only; the verbs check every choice again.
 */

export interface OwnerChoices {
	/** Organisations that speak for a party: the ministries for the Rijk, the koepels. */
	organisations: { id: string; party: NonNullable<Actor['party']>; shortName: string }[];
	/** People who may be a contact person: medewerkers and bestuurders of those organisations. */
	people: {
		id: string;
		name: string;
		party: NonNullable<Actor['party']>;
		organisationId: string;
		organisationName: string;
	}[];
}

export async function ownerChoices(actor: Actor): Promise<OwnerChoices> {
	requireAccess(actor, 'agreement.manage');
	const db = await useDb();
	const [orgs, persons] = await Promise.all([
		db
			.select({
				id: organisations.id,
				party: organisations.party,
				shortName: organisations.shortName
			})
			.from(organisations)
			.where(isNotNull(organisations.party))
			.orderBy(asc(organisations.party), asc(organisations.shortName)),
		db
			.select({
				id: people.id,
				name: people.name,
				party: organisations.party,
				organisationId: organisations.id,
				organisationName: organisations.shortName
			})
			.from(people)
			.innerJoin(organisations, eq(organisations.id, people.organisationId))
			.where(
				and(
					isNotNull(organisations.party),
					isNull(people.disabledAt),
					inArray(people.role, ['medewerker', 'bestuurder'])
				)
			)
			.orderBy(asc(organisations.party), asc(organisations.shortName), asc(people.name))
	]);
	return {
		organisations: orgs.map((row) => ({ ...row, party: row.party! })),
		people: persons.map((row) => ({ ...row, party: row.party! }))
	};
}

/** The decision (and toezegging) an agreement is to be made from, as the reader may see it. */
export interface AgreementSource {
	meetingId: string;
	meetingTitle: string;
	decision: DecisionView;
	commitment: LiveCommitment | null;
}

/**
 * The source for the secretariaat's "afspraak maken" page, or null when there is no such decision
 * or toezegging (or the reader may not see its item): the page says so at the field.
 */
export async function agreementSource(
	actor: Actor,
	asked: { decisionId?: string; commitmentId?: string }
): Promise<AgreementSource | null> {
	requireAccess(actor, 'agreement.manage');
	const db = await useDb();
	let decisionId = asked.decisionId;
	if (asked.commitmentId) {
		if (!isUuid(asked.commitmentId)) return null;
		const [row] = await db
			.select({ decisionId: commitments.decisionId })
			.from(commitments)
			.where(eq(commitments.id, asked.commitmentId));
		if (!row || (decisionId && decisionId !== row.decisionId)) return null;
		decisionId = row.decisionId;
	}
	if (!decisionId || !isUuid(decisionId)) return null;
	const [found] = await db
		.select({ meetingId: decisions.meetingId, meetingTitle: meetings.title })
		.from(decisions)
		.innerJoin(meetings, eq(meetings.id, decisions.meetingId))
		.where(eq(decisions.id, decisionId));
	if (!found) return null;
	const decision = (await meetingDecisions(actor, found.meetingId)).find(
		(row) => row.id === decisionId
	);
	if (!decision) return null;
	const commitment = asked.commitmentId
		? (decision.commitments.find((row) => row.id === asked.commitmentId) ?? null)
		: null;
	return { ...found, decision, commitment };
}

/** The meetings that have agreements the reader may see, newest first: the register's filter. */
export async function agreementMeetings(actor: Actor) {
	requireAccess(actor, 'agreement.read', { audience: ['table'] });
	const db = await useDb();
	// A test per meeting (an index probe), not a join with every agreement made distinct after.
	const hasAgreement = db
		.select({ one: sql`1` })
		.from(agreements)
		.where(and(eq(agreements.meetingId, meetings.id), agreementsVisibleTo(actor)));
	return db
		.select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
		.from(meetings)
		.where(exists(hasAgreement))
		.orderBy(desc(meetings.startsAt), asc(meetings.id))
		.limit(200);
}

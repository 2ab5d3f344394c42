import { eq } from 'drizzle-orm';
import { transaction, type Transaction } from '../db';
import { agreementOwners, agreements, commitments, decisions, meetings } from '../db/schema';
import { requireAccess, type Actor } from '../access';
import type { RequestContext } from '../identity/context';
import { InvalidInputError, StateError } from '../kernel/errors';
import { parseInput } from '../kernel/input';
import { leavesItemOpen } from '../../decisions/outcomes';
import type { LiveAgreementRow } from '../../realtime/agreement-payloads';
import { decisionPublished } from './audience';
import { checkOwner } from './owners';
import { registerRows } from './queries';
import {
	agreementFields,
	createAgreementSchema,
	updateAgreementSchema,
	type CreateAgreementInput
} from './schemas';
import {
	agreementColumns,
	findAgreement,
	recordEvent,
	requireCurrent,
	saveAgreement,
	type AgreementRow
} from './store';

/** What an agreement takes over from the decision or toezegging it comes from. */
interface Source {
	meetingId: string;
	decisionId: string | null;
	commitmentId: string | null;
	title: string | null;
	body: string | null;
	deadline: string | null;
}

const none = { title: null, body: null, deadline: null };

const clip = (text: string, max: number) =>
	text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

/** The decision (or the toezegging's decision) an agreement comes from, and what it carries over. */
async function sourceOf(tx: Transaction, fields: CreateAgreementInput): Promise<Source> {
	if (!fields.decisionId && !fields.commitmentId) {
		if (!fields.meetingId)
			throw new InvalidInputError({
				meetingId:
					'Kies de vergadering, het besluit of de toezegging waaruit de afspraak voortkomt.'
			});
		const [meeting] = await tx
			.select({ id: meetings.id })
			.from(meetings)
			.where(eq(meetings.id, fields.meetingId));
		if (!meeting) throw new InvalidInputError({ meetingId: 'Kies een vergadering uit de lijst.' });
		return { meetingId: meeting.id, decisionId: null, commitmentId: null, ...none };
	}
	let commitment: typeof commitments.$inferSelect | undefined;
	if (fields.commitmentId) {
		[commitment] = await tx
			.select()
			.from(commitments)
			.where(eq(commitments.id, fields.commitmentId));
		if (!commitment)
			throw new InvalidInputError({ commitmentId: 'Kies een toezegging uit de besluitenlijst.' });
		if (fields.decisionId && fields.decisionId !== commitment.decisionId)
			throw new InvalidInputError({ commitmentId: 'Deze toezegging hoort bij een ander besluit.' });
	}
	const decisionId = commitment?.decisionId ?? fields.decisionId!;
	const [decision] = await tx.select().from(decisions).where(eq(decisions.id, decisionId));
	if (!decision)
		throw new InvalidInputError({ decisionId: 'Kies een besluit uit de besluitenlijst.' });
	if (decision.carriedOverAt || leavesItemOpen(decision.outcome))
		throw new StateError('Dit punt is niet afgehandeld; er volgt (nog) geen afspraak uit.');
	if (fields.meetingId && fields.meetingId !== decision.meetingId)
		throw new InvalidInputError({ meetingId: 'Dit besluit hoort bij een andere vergadering.' });
	return {
		meetingId: decision.meetingId,
		decisionId: decision.id,
		commitmentId: commitment?.id ?? null,
		title: commitment ? clip(commitment.description, 200) : decision.itemTitle,
		body: commitment
			? `${commitment.holder}: ${commitment.description}`
			: decision.dicta.map((dictum, index) => `${index + 1}. ${dictum}`).join('\n'),
		deadline: commitment?.dueDate ?? null
	};
}

function refuseFallbackWithoutCondition(condition: string | null, fallbackDate: string | null) {
	if (fallbackDate && !condition)
		throw new InvalidInputError({
			condition: 'Beschrijf de voorwaarde of terugvaloptie die bij deze datum hoort.'
		});
}

/**
 * The secretariaat makes an agreement: from a decision or a toezegging of a besluitenlijst (its
 * text, its meeting and the toezegging's date carried over, unless given), or free for a meeting.
 * Vertrouwelijk unless it comes from a published openbaar decision, or is marked otherwise.
 * `options.id` gives it a fixed id instead of a new one: the demo data's, so that a second seed
 * finds it (never from a request).
 */
export async function createAgreement(
	actor: Actor,
	input: unknown,
	context: RequestContext = {},
	options: { id?: string } = {}
): Promise<LiveAgreementRow> {
	requireAccess(actor, 'agreement.manage');
	const fields = parseInput(createAgreementSchema, input);
	return transaction(async (tx) => {
		const source = await sourceOf(tx, fields);
		const title = fields.title ?? source.title;
		const deadline = fields.deadline ?? source.deadline;
		if (!title) throw new InvalidInputError({ title: 'Vul een titel in.' });
		if (!deadline)
			throw new InvalidInputError({ deadline: 'Vul de termijn in, bijvoorbeeld 2027-03-31.' });
		refuseFallbackWithoutCondition(fields.condition, fields.fallbackDate);
		const seen = new Set<string>();
		for (const [index, owner] of fields.owners.entries()) {
			const key = `${owner.party}:${owner.organisationId ?? ''}`;
			if (seen.has(key))
				throw new InvalidInputError({ [`owners.${index}`]: 'Deze actiehouder staat er al.' });
			seen.add(key);
			await checkOwner(tx, owner, `owners.${index}.`);
		}
		const confidentiality =
			fields.confidentiality ??
			((await decisionPublished(tx, source.decisionId)) ? 'openbaar' : 'vertrouwelijk');
		const [row] = await tx
			.insert(agreements)
			.values({
				id: options.id,
				meetingId: source.meetingId,
				decisionId: source.decisionId,
				commitmentId: source.commitmentId,
				title,
				body: fields.body ?? source.body ?? '',
				deadline,
				condition: fields.condition,
				fallbackDate: fields.fallbackDate,
				confidentiality,
				createdBy: actor.personId
			})
			.returning(agreementColumns);
		await tx
			.insert(agreementOwners)
			.values(fields.owners.map((owner) => ({ agreementId: row!.id, ...owner })));
		return recordEvent(tx, actor, context, row!, 'agreement.created.v1', {});
	});
}

type Field = (typeof agreementFields)[number] | 'confidentiality';

/**
 * The secretariaat edits an agreement's text, deadline, condition and confidentiality, against the
 * version it saw (If-Match): a stale write is refused, naming what changed since.
 */
export async function updateAgreement(
	actor: Actor,
	agreementId: string,
	input: unknown,
	context: RequestContext = {}
): Promise<LiveAgreementRow> {
	requireAccess(actor, 'agreement.manage');
	const { expectedVersion, ...given } = parseInput(updateAgreementSchema, input);
	return transaction(async (tx) => {
		const found = await findAgreement(tx, actor, agreementId, { lock: true });
		await requireCurrent(tx, found.row, expectedVersion);
		const changes: Partial<AgreementRow> = {};
		const changed: Field[] = [];
		for (const field of [...agreementFields, 'confidentiality'] as const) {
			const value = given[field];
			if (value === undefined || value === found.row[field]) continue;
			Object.assign(changes, { [field]: value });
			changed.push(field);
		}
		refuseFallbackWithoutCondition(
			changes.condition !== undefined ? changes.condition : found.row.condition,
			changes.fallbackDate !== undefined ? changes.fallbackDate : found.row.fallbackDate
		);
		if (changed.length === 0) return (await registerRows(tx, [found.row.id]))[0]!;
		const saved = await saveAgreement(tx, found.row, changes);
		return recordEvent(tx, actor, context, saved, 'agreement.updated.v1', { changed });
	});
}

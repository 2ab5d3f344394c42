import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor, Transaction } from '../db';
import { agendaItems, attachments, decisions, meetings, type Party } from '../db/schema';
import { InvalidInputError } from '../kernel/errors';
import type { PublishedList } from '../../decisions/published';
import { decisionViews } from './store';

/**
 * The public snapshot of a besluitenlijst: the meeting, the adopted agenda and the decisions, for
 * the items the secretariaat confirmed as openbaar (`publicItemIds`), each of which must be marked
 * openbaar on the item itself. Everything else stays out, and only its count is said.
 */
export async function publicSnapshot(
	tx: Transaction,
	meetingId: string,
	publicItemIds: readonly string[],
	adoptedAt: Date,
	noResponseParties: Party[]
): Promise<PublishedList> {
	const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, meetingId));
	const rows = await tx
		.select({ decision: decisions, item: agendaItems })
		.from(decisions)
		.innerJoin(agendaItems, eq(agendaItems.id, decisions.itemId))
		.where(eq(decisions.meetingId, meetingId))
		.orderBy(asc(decisions.dealtOrder));
	const chosen = new Set(publicItemIds);
	const unknown = [...chosen].filter((id) => !rows.some((row) => row.item.id === id));
	if (unknown.length)
		throw new InvalidInputError({
			publicItemIds: 'Kies alleen punten van deze vergadering om openbaar te maken.'
		});
	const confidential = rows.filter(
		(row) => chosen.has(row.item.id) && row.item.confidentiality !== 'openbaar'
	);
	if (confidential.length)
		throw new InvalidInputError({
			publicItemIds: `Punt ${confidential.map((row) => row.decision.agendaNumber).join(', ')} is vertrouwelijk en gaat niet mee in de publicatie.`
		});
	const published = rows.filter((row) => chosen.has(row.item.id));
	const files = published.length
		? await tx
				.select({
					id: attachments.id,
					itemId: attachments.itemId,
					filename: attachments.filename,
					mediaType: attachments.mediaType,
					size: attachments.size
				})
				.from(attachments)
				.where(
					inArray(
						attachments.itemId,
						published.map((row) => row.item.id)
					)
				)
				.orderBy(asc(attachments.uploadedAt))
		: [];
	const views = await decisionViews(
		tx,
		published.map((row) => row.decision)
	);
	return {
		meeting: {
			id: meeting!.id,
			title: meeting!.title,
			kind: meeting!.kind,
			startsAt: meeting!.startsAt.toISOString(),
			endsAt: meeting!.endsAt.toISOString(),
			location: meeting!.location,
			chair: meeting!.chair
		},
		agenda: [...published]
			.sort((a, b) => a.decision.agendaNumber - b.decision.agendaNumber)
			.map(({ item, decision }) => ({
				id: item.id,
				number: decision.agendaNumber,
				title: decision.itemTitle,
				purpose: item.purpose,
				summary: item.summary,
				proposingParty: item.proposingParty,
				attachments: files
					.filter((file) => file.itemId === item.id)
					.map(({ id, filename, mediaType, size }) => ({ id, filename, mediaType, size }))
			})),
		decisions: views.map(({ version: _v, recordedAt: _r, ...rest }) => rest),
		adoptedAt: adoptedAt.toISOString(),
		noResponseParties,
		confidentialItems: rows.length - published.length
	};
}

/** The items of the meeting that are marked openbaar: what the publish form offers, pre-checked. */
export async function publishableItems(db: Executor, meetingId: string) {
	return db
		.select({
			id: agendaItems.id,
			title: decisions.itemTitle,
			number: decisions.agendaNumber,
			confidentiality: agendaItems.confidentiality
		})
		.from(decisions)
		.innerJoin(agendaItems, eq(agendaItems.id, decisions.itemId))
		.where(eq(decisions.meetingId, meetingId))
		.orderBy(asc(decisions.agendaNumber));
}

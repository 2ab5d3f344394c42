import { asc, eq } from 'drizzle-orm';
import { transaction, useDb, type Executor, type Transaction } from '../db';
import { agreementProgress, attachments, people, type ItemStatus } from '../db/schema';
import { appendEvents } from '../events';
import { AccessError, decideAccess, requireAccess, type Actor } from '../access';
import { StateError } from '../kernel/errors';
import type { RequestContext } from '../identity/context';
import { isUuid } from '../kernel/ids';
// An agenda that is adopted, held or cancelled is frozen: its documents too.
import { agendaOpen, findMeeting, meetingStatusLabels } from '../meetings/queries';
import { itemAudience } from '../agenda/audience';
import { findVisibleItem, itemStatusLabels, type ItemRow } from '../agenda/store';
import type { EventPayload, PayloadType } from '../../realtime/event-payloads';
import { requireOwnerReadable } from './download';
import { checkUploads, storeAttachment, type Upload } from './store';

export {
	MAX_ATTACHMENT_BYTES,
	acceptAttribute,
	acceptedTypes,
	contentDisposition,
	sanitiseFilename
} from './content';
export { downloadAttachment } from './download';
export type { Upload } from './store';

/** Items that still take (or lose) attachments; after this the item's documents are fixed. */
const openStatuses: readonly ItemStatus[] = ['concept', 'ingediend', 'geagendeerd', 'aangehouden'];

export interface AttachmentSummary {
	id: string;
	itemId: string;
	filename: string;
	mediaType: string;
	size: number;
	sha256: string;
	uploadedBy: string;
	uploaderName: string;
	uploadedByOrganisationId: string;
	uploadedAt: Date;
}

async function requireOpen(tx: Transaction, item: ItemRow): Promise<void> {
	if (!openStatuses.includes(item.status))
		throw new StateError(
			`Bij een agendapunt met de status "${itemStatusLabels[item.status]}" veranderen de bijlagen niet meer.`
		);
	if (!item.meetingId) return;
	const meeting = await findMeeting(tx, item.meetingId);
	if (!agendaOpen.includes(meeting.status))
		throw new StateError(
			`De agenda van deze vergadering is ${meetingStatusLabels[meeting.status]}; de bijlagen veranderen niet meer.`
		);
}

type AttachmentEventType = Extract<PayloadType, `attachment.${string}`>;

/** An event about an attachment, for whoever may see the item: its payload typed by its type. */
function attachmentEvent<T extends AttachmentEventType>(
	item: ItemRow,
	attachmentId: string,
	type: T,
	payload: Omit<EventPayload<T>, 'itemId'>
) {
	return {
		type,
		subjectType: 'attachment',
		subjectId: attachmentId,
		meetingId: item.meetingId,
		...itemAudience(item),
		// The callers' fields are checked against the type; itemId is the item's own.
		payload: { itemId: item.id, ...payload }
	};
}

/**
 * The proposer's organisation (or the secretariaat) attaches a file to an item whose documents
 * may still change. The type is decided by the content; the bytes go into their own table.
 */
export async function uploadAttachment(
	actor: Actor,
	itemId: string,
	input: Upload,
	context: RequestContext = {}
) {
	// Checked before the transaction, told after the access checks (store.ts).
	const checked = await checkUploads([input]);
	return transaction(async (tx) => {
		const item = await findVisibleItem(tx, actor, itemId, { lock: true });
		requireAccess(actor, 'attachment.upload', { organisationId: item.proposingOrganisationId });
		await requireOpen(tx, item);
		if ('refusal' in checked) throw checked.refusal;
		const row = await storeAttachment(tx, actor, { itemId: item.id }, checked.uploads[0]!);
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			attachmentEvent(item, row.id, 'attachment.uploaded.v1', {
				filename: row.filename,
				mediaType: row.mediaType,
				size: row.size,
				sha256: row.sha256,
				// The attachment as the item page lists it: every reader's page adds it in place.
				attachment: {
					id: row.id,
					itemId: item.id,
					filename: row.filename,
					mediaType: row.mediaType,
					size: row.size,
					sha256: row.sha256,
					uploadedBy: row.uploadedBy,
					uploadedByOrganisationId: row.uploadedByOrganisationId,
					uploaderName: actor.name,
					uploadedAt: row.uploadedAt.toISOString()
				}
			})
		]);
		return { ...row, itemId: item.id };
	});
}

/** The attachments of an item the caller already loaded (and may see): one query, no bytes. */
export async function attachmentsOfItem(
	db: Executor,
	itemId: string
): Promise<AttachmentSummary[]> {
	const rows = await db
		.select({
			id: attachments.id,
			filename: attachments.filename,
			mediaType: attachments.mediaType,
			size: attachments.size,
			sha256: attachments.sha256,
			uploadedBy: attachments.uploadedBy,
			uploaderName: people.name,
			uploadedByOrganisationId: attachments.uploadedByOrganisationId,
			uploadedAt: attachments.uploadedAt
		})
		.from(attachments)
		.innerJoin(people, eq(people.id, attachments.uploadedBy))
		.where(eq(attachments.itemId, itemId))
		.orderBy(asc(attachments.uploadedAt), asc(attachments.id));
	return rows.map((row) => ({ ...row, itemId }));
}

/** Whoever may see the item sees its attachments (a concept of another party: 404). */
export async function listAttachments(actor: Actor, itemId: string) {
	const db = await useDb();
	const item = await findVisibleItem(db, actor, itemId);
	return attachmentsOfItem(db, item.id);
}

/**
 * For a page that already has the item (H2's item page): the list plus what the viewer may do.
 * The item must have been loaded through an access-checked query; this re-checks the gate on it.
 * Attachments also arrive live, uploaded by anyone: the gate decides deleting by the uploader's
 * organisation, so the page gets the answer for its own organisation's and for another's.
 */
export async function attachmentsSection(
	actor: Actor,
	item: Pick<ItemRow, 'id' | 'audience' | 'proposingOrganisationId' | 'status'>
) {
	requireAccess(actor, 'agenda_item.read', item);
	const list = await attachmentsOfItem(await useDb(), item.id);
	const open = openStatuses.includes(item.status);
	const mayDelete = (organisationId: string) =>
		open && decideAccess(actor, 'attachment.delete', { organisationId }) === 'ok';
	return {
		attachments: list.map((row) => ({
			...row,
			mayDelete: mayDelete(row.uploadedByOrganisationId)
		})),
		mayUpload:
			open &&
			decideAccess(actor, 'attachment.upload', {
				organisationId: item.proposingOrganisationId
			}) === 'ok',
		// An organisation id that is nobody's: the gate's rule for another organisation's file.
		mayDeleteNew: { own: mayDelete(actor.organisationId), others: mayDelete('') }
	};
}

/**
 * The uploader's organisation (or the secretariaat) removes an attachment. The bytes go; the log
 * keeps who removed which file (name, size, hash) and when.
 */
export async function deleteAttachment(
	actor: Actor,
	attachmentId: string,
	context: RequestContext = {}
) {
	if (!isUuid(attachmentId)) throw new AccessError(404);
	return transaction(async (tx) => {
		const [row] = await tx
			.select()
			.from(attachments)
			.where(eq(attachments.id, attachmentId))
			.for('update');
		if (!row) throw new AccessError(404);
		if (!row.itemId) return refuseReportFile(tx, actor, row.progressId);
		const item = await findVisibleItem(tx, actor, row.itemId, { lock: true });
		requireAccess(actor, 'attachment.delete', { organisationId: row.uploadedByOrganisationId });
		await requireOpen(tx, item);
		await tx.delete(attachments).where(eq(attachments.id, row.id));
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			attachmentEvent(item, row.id, 'attachment.deleted.v1', {
				filename: row.filename,
				size: row.size,
				sha256: row.sha256,
				uploadedBy: row.uploadedBy
			})
		]);
		return { ...row, itemId: item.id };
	});
}

/**
 * A progress report's file stays, as the report does (a correction is a new report): a 404 for
 * whoever may not see the agreement, else a refusal that says so.
 */
async function refuseReportFile(
	tx: Transaction,
	actor: Actor,
	progressId: string | null
): Promise<never> {
	const [report] = progressId
		? await tx
				.select({ agreementId: agreementProgress.agreementId })
				.from(agreementProgress)
				.where(eq(agreementProgress.id, progressId))
		: [];
	await requireOwnerReadable(tx, actor, {
		itemAudience: null,
		agreementId: report?.agreementId ?? null
	});
	throw new StateError(
		'Een bijlage bij een voortgangsmelding blijft bewaard, zoals de melding zelf. Meld een correctie als nieuwe voortgang.'
	);
}

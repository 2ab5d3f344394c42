import { eq } from 'drizzle-orm';
import { useDb, type Executor } from '../db';
import { agendaItems, agreementProgress, attachmentContents, attachments } from '../db/schema';
import { AccessError, requireAccess, type Actor } from '../access';
import { isUuid } from '../kernel/ids';
import { findAgreement } from '../agreements/store';

/*
 * Who may read a file is who may read its owner, decided by the owner's own audience module:
 * an item's file by the item's audience (agenda/audience.ts, stored on the item), a progress
 * report's file by the agreement's (agreements/audience.ts, through findAgreement). Nothing here
 * says who sees what; it only asks the owner.
 */

/** The owner of a file as one query finds it: an item's audience, or the report's agreement. */
export interface OwnerFacts {
	itemAudience: string[] | null;
	agreementId: string | null;
}

export const ownerColumns = {
	itemAudience: agendaItems.audience,
	agreementId: agreementProgress.agreementId
};

/** A 404 unless the actor may read the file's owner (an unknown owner is nobody's). */
export async function requireOwnerReadable(
	db: Executor,
	actor: Actor,
	owner: OwnerFacts
): Promise<void> {
	if (owner.itemAudience)
		requireAccess(actor, 'agenda_item.read', { audience: owner.itemAudience });
	else if (owner.agreementId) await findAgreement(db, actor, owner.agreementId);
	else throw new AccessError(404);
}

/** The file for a download, after its owner's access check; 404 for what the actor may not see. */
export async function downloadAttachment(actor: Actor, attachmentId: string) {
	if (!isUuid(attachmentId)) throw new AccessError(404);
	const db = await useDb();
	const [row] = await db
		.select({
			filename: attachments.filename,
			mediaType: attachments.mediaType,
			size: attachments.size,
			sha256: attachments.sha256,
			...ownerColumns,
			bytes: attachmentContents.bytes
		})
		.from(attachments)
		.leftJoin(agendaItems, eq(agendaItems.id, attachments.itemId))
		.leftJoin(agreementProgress, eq(agreementProgress.id, attachments.progressId))
		.innerJoin(attachmentContents, eq(attachmentContents.attachmentId, attachments.id))
		.where(eq(attachments.id, attachmentId));
	if (!row) throw new AccessError(404);
	await requireOwnerReadable(db, actor, row);
	return {
		filename: row.filename,
		mediaType: row.mediaType,
		size: row.size,
		sha256: row.sha256,
		bytes: row.bytes
	};
}

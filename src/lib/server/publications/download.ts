import { eq } from 'drizzle-orm';
import { useDb } from '../db';
import { attachmentContents, attachments } from '../db/schema';
import { AccessError } from '../access';
import { isUuid } from '../kernel/ids';
import { publicAttachmentIn } from './index';

export interface PublicFile {
	filename: string;
	mediaType: string;
	size: number;
	sha256: string;
	bytes: Uint8Array;
}

/**
 * The bytes of an attachment the newest published version of its meeting lists, and nothing
 * else: publicAttachmentIn decides from the snapshot, so a file added later to the same item, or
 * one of a vertrouwelijk item, is a 404 like an unknown id. The name and type are the snapshot's.
 */
export async function publicAttachmentDownload(
	meetingId: string,
	attachmentId: string
): Promise<PublicFile> {
	if (!isUuid(attachmentId)) throw new AccessError(404);
	const listed = await publicAttachmentIn(meetingId, attachmentId);
	const db = await useDb();
	const [row] = await db
		.select({ sha256: attachments.sha256, bytes: attachmentContents.bytes })
		.from(attachments)
		.innerJoin(attachmentContents, eq(attachmentContents.attachmentId, attachments.id))
		.where(eq(attachments.id, listed.id));
	// Removed since publication: gone for everyone.
	if (!row) throw new AccessError(404);
	return {
		filename: listed.filename,
		mediaType: listed.mediaType,
		size: listed.size,
		sha256: row.sha256,
		bytes: row.bytes
	};
}

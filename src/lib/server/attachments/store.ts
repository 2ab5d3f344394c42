import { z } from 'zod';
import type { Transaction } from '../db';
import { attachmentContents, attachments } from '../db/schema';
import type { Actor } from '../access';
import { InvalidInputError, fieldErrors } from '../kernel/errors';
import { checkFile, MAX_ATTACHMENT_BYTES, type CheckedFile } from './content';

/*
 * What every owner of attachments shares (an agenda item, a progress report): the check of an
 * upload and the storage of its bytes. The owner's module decides who may upload and when, and
 * writes its own event; the file rules and where the bytes live are decided here, once.
 */

/** A file as a route hands it to a verb: the name the browser sent, and the bytes. */
export interface Upload {
	filename: string;
	bytes: Uint8Array;
}

const uploadSchema = z.object({
	filename: z
		.string({ error: 'Kies een bestand.' })
		.max(1000, { error: 'De bestandsnaam is te lang.' }),
	bytes: z.instanceof(Uint8Array, { error: 'Kies een bestand.' })
});

/** A checked file with its bytes, ready to be stored. */
export interface CheckedUpload {
	file: CheckedFile;
	bytes: Uint8Array;
}

/** The verdict on some uploads: all of them checked, or the refusal to tell. */
export type UploadVerdict = { uploads: CheckedUpload[] } | { refusal: unknown };

/**
 * Checks uploads by their content (content.ts), at most `maxFiles` and together at most 25 MB (a
 * request is never larger: server.js's body limit). Checking (hashing 25 MB, unpacking an Office
 * file) takes a while: a verb runs it before its transaction, which holds a lock, and tells the
 * verdict only after its access checks, so that who may not upload hears that first. With more
 * than one file a refusal names the file it is about.
 */
export async function checkUploads(
	inputs: readonly unknown[],
	maxFiles = 1
): Promise<UploadVerdict> {
	try {
		if (inputs.length > maxFiles)
			throw new InvalidInputError({
				file: `Voeg hoogstens ${maxFiles} bestanden toe.`
			});
		const parsed = inputs.map((input) => {
			const result = uploadSchema.safeParse(input);
			if (!result.success) throw new InvalidInputError(fieldErrors(result.error.issues));
			return result.data;
		});
		if (parsed.reduce((sum, upload) => sum + upload.bytes.length, 0) > MAX_ATTACHMENT_BYTES)
			throw new InvalidInputError({
				file:
					parsed.length > 1
						? 'De bestanden zijn samen groter dan 25 MB. Verklein ze of stuur er minder mee.'
						: 'Het bestand is groter dan 25 MB. Verklein het of splits het op.'
			});
		const uploads: CheckedUpload[] = [];
		for (const upload of parsed) {
			try {
				uploads.push({ file: await checkFile(upload.filename, upload.bytes), bytes: upload.bytes });
			} catch (refusal) {
				throw parsed.length > 1 ? namingFile(refusal, upload.filename) : refusal;
			}
		}
		return { uploads };
	} catch (refusal) {
		return { refusal };
	}
}

/** The refusal of one of several files, with its name in front of each message. */
function namingFile(refusal: unknown, filename: string): unknown {
	if (!(refusal instanceof InvalidInputError)) return refusal;
	return new InvalidInputError(
		Object.fromEntries(
			Object.entries(refusal.fields).map(([field, message]) => [field, `${filename}: ${message}`])
		)
	);
}

/** Who owns a file: exactly one of them (the table's CHECK says so too). */
export type AttachmentOwner = { itemId: string } | { progressId: string };

/** Stores a checked file for its owner: the metadata, then the bytes in a table of their own. */
export async function storeAttachment(
	tx: Transaction,
	actor: Actor,
	owner: AttachmentOwner,
	{ file, bytes }: CheckedUpload
) {
	const [row] = await tx
		.insert(attachments)
		.values({
			...owner,
			...file,
			uploadedBy: actor.personId,
			uploadedByOrganisationId: actor.organisationId
		})
		.returning();
	await tx.insert(attachmentContents).values({ attachmentId: row!.id, bytes });
	return row!;
}

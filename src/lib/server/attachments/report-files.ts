import { inArray } from 'drizzle-orm';
import type { Executor } from '../db';
import { attachments, type Attachment } from '../db/schema';
import type { LiveProgressFile } from '../../realtime/agreement-payloads';

/*
 * The files of progress reports as a report lists them: name, size, type and where to download
 * them. The download routes check the agreement's audience (download.ts), so the addresses may go
 * wherever the report goes.
 */

/** One stored file as a report lists it. */
export const reportFileOf = (
	row: Pick<Attachment, 'id' | 'filename' | 'mediaType' | 'size' | 'sha256'>
): LiveProgressFile => ({
	id: row.id,
	filename: row.filename,
	mediaType: row.mediaType,
	size: row.size,
	sha256: row.sha256,
	href: `/bijlagen/${row.id}`,
	apiHref: `/api/v1/attachments/${row.id}`
});

/**
 * The order of a report's files (they arrive together, in one transaction, so no moment tells them
 * apart): by name, the same in the verb's event as on a page loaded later.
 */
export const byFilename = (
	a: { filename: string; id: string },
	b: { filename: string; id: string }
) => a.filename.localeCompare(b.filename, 'nl') || a.id.localeCompare(b.id);

/** The files of some reports the caller may read, per report, by name: one query, no bytes. */
export async function filesOfReports(
	db: Executor,
	progressIds: readonly string[]
): Promise<Map<string, LiveProgressFile[]>> {
	const byReport = new Map<string, LiveProgressFile[]>();
	if (progressIds.length === 0) return byReport;
	const rows = await db
		.select({
			id: attachments.id,
			progressId: attachments.progressId,
			filename: attachments.filename,
			mediaType: attachments.mediaType,
			size: attachments.size,
			sha256: attachments.sha256
		})
		.from(attachments)
		.where(inArray(attachments.progressId, [...progressIds]));
	for (const row of rows.sort(byFilename)) {
		const list = byReport.get(row.progressId!) ?? [];
		list.push(reportFileOf(row));
		byReport.set(row.progressId!, list);
	}
	return byReport;
}

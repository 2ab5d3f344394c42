import { transaction } from '../db';
import { agreementProgress } from '../db/schema';
import { requireAccess, type Actor } from '../access';
import type { RequestContext } from '../identity/context';
import { StateError } from '../kernel/errors';
import { parseInput } from '../kernel/input';
import type { LiveAgreementRow, LiveProgress } from '../../realtime/agreement-payloads';
import { checkUploads, storeAttachment, type Upload } from '../attachments/store';
import { byFilename, reportFileOf } from '../attachments/report-files';
import { progressSchema } from './schemas';
import { isClosed } from './status';
import { findAgreement, ownerParties, recordEvent } from './store';

/*
 * A responsible party's progress reports: append-only (the database refuses a change; a correction
 * is a new report). A report does not change the agreement's version: it is a row of its own, so
 * an owner's report does not make the secretariaat's open edit stale.
 */

/** The most files one report carries; together they stay within one upload's 25 MB. */
export const MAX_FILES_PER_REPORT = 5;

/**
 * A medewerker or bestuurder of a responsible party reports on its own part: a dated text,
 * optionally how far along it is (0–100%), and files (the attachments' own checks and storage,
 * attachments/store.ts). Whoever reads the agreement reads the files; they stay with the report.
 */
export async function reportProgress(
	actor: Actor,
	agreementId: string,
	input: unknown,
	context: RequestContext = {},
	files: readonly Upload[] = []
): Promise<{ progress: LiveProgress; agreement: LiveAgreementRow }> {
	const fields = parseInput(progressSchema, input);
	// Checked before the transaction, told after the access checks (store.ts).
	const checked = await checkUploads(files, MAX_FILES_PER_REPORT);
	return transaction(async (tx) => {
		const found = await findAgreement(tx, actor, agreementId, { lock: true });
		requireAccess(actor, 'agreement.progress', { parties: ownerParties(found) });
		if (isClosed(found.row.status))
			throw new StateError(
				`Deze afspraak is ${found.row.status}; er komt geen voortgang meer bij.`
			);
		if ('refusal' in checked) throw checked.refusal;
		const [saved] = await tx
			.insert(agreementProgress)
			.values({
				agreementId: found.row.id,
				party: actor.party!,
				text: fields.text,
				percent: fields.percent,
				createdBy: actor.personId
			})
			.returning();
		const stored = [];
		for (const upload of checked.uploads)
			stored.push(await storeAttachment(tx, actor, { progressId: saved!.id }, upload));
		const progress: LiveProgress = {
			id: saved!.id,
			party: saved!.party,
			text: saved!.text,
			percent: saved!.percent,
			createdByName: actor.name,
			createdAt: saved!.createdAt.toISOString(),
			attachments: stored.sort(byFilename).map(reportFileOf)
		};
		const agreement = await recordEvent(
			tx,
			actor,
			context,
			found.row,
			'agreement.progress_reported.v1',
			{ progress }
		);
		return { progress, agreement };
	});
}

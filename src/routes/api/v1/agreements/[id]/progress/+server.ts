import { endpoint } from '$lib/server/api/endpoint';
import { readUploadForm } from '$lib/server/api/upload';
import { reportProgress } from '$lib/server/agreements';
import { api } from '$lib/server/openapi/operations';

/** JSON, or multipart/form-data when files come with the report (their type decided by content). */
export const POST = endpoint(
	api.reportAgreementProgress,
	async ({ actor, id, body, multipart, context, event }) => {
		if (!multipart) return reportProgress(actor, id, body, context);
		const { fields, files } = await readUploadForm(event.request);
		const percent = fields.percent?.trim();
		return reportProgress(
			actor,
			id,
			{ text: fields.text ?? '', percent: percent ? Number(percent) : null },
			context,
			files
		);
	}
);

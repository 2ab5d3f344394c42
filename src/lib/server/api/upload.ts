import { MAX_ATTACHMENT_BYTES } from '../attachments';
import { ApiProblem, invalid } from './problems';

/** Room for the multipart envelope around a file of the largest allowed size. */
const ENVELOPE_BYTES = 64 * 1024;

const tooLarge = () =>
	new ApiProblem(
		413,
		'Te groot',
		'Een bijlage is hoogstens 25 MB. Verklein het bestand of splits het op.'
	);

/**
 * The file of a multipart/form-data upload (field "file") for the attachment verb, which decides
 * its type by content. Refuses other content types (415), oversized bodies (413) and a missing or
 * broken form (400) before anything reaches the database.
 */
export async function readUpload(
	request: Request
): Promise<{ filename: string; bytes: Uint8Array }> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^multipart\/form-data\s*;/i.test(type))
		throw new ApiProblem(
			415,
			'Verkeerd inhoudstype',
			'Stuur een bijlage als multipart/form-data, met het bestand in het veld "file".'
		);
	const declared = Number(request.headers.get('content-length') ?? '0');
	if (Number.isFinite(declared) && declared > MAX_ATTACHMENT_BYTES + ENVELOPE_BYTES)
		throw tooLarge();
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		throw invalid('file', 'De upload is geen geldig formulier (multipart/form-data).');
	}
	const file = form.get('file');
	if (!(file instanceof File) || file.size === 0 || !file.name)
		throw invalid('file', 'Kies een bestand: stuur het in het veld "file", met een naam.');
	if (file.size > MAX_ATTACHMENT_BYTES) throw tooLarge();
	return { filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

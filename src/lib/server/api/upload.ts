import { MAX_ATTACHMENT_BYTES, type Upload } from '../attachments';
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
export async function readUpload(request: Request): Promise<Upload> {
	const { files } = await readUploadForm(request);
	const file = files[0];
	if (!file || files.length > 1)
		throw invalid('file', 'Kies een bestand: stuur het in het veld "file", met een naam.');
	return file;
}

/**
 * A multipart/form-data form with files (each in a field "file") and text fields, for a verb that
 * takes both (a progress report with its attachments). The same refusals as readUpload; the verb
 * checks the files' content, number and total size, and validates the text fields.
 */
export async function readUploadForm(
	request: Request
): Promise<{ fields: Record<string, string>; files: Upload[] }> {
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
	const fields: Record<string, string> = {};
	const files: Upload[] = [];
	for (const [name, value] of form.entries()) {
		if (typeof value === 'string') {
			fields[name] ??= value;
			continue;
		}
		if (name !== 'file') continue;
		// A form whose file input was left empty sends a nameless, empty part: no file.
		if (value.size === 0 && !value.name) continue;
		if (value.size === 0 || !value.name)
			throw invalid('file', 'Kies een bestand: stuur het in het veld "file", met een naam.');
		if (value.size > MAX_ATTACHMENT_BYTES) throw tooLarge();
		files.push({ filename: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
	}
	return { fields, files };
}

import { endpoint } from '$lib/server/api/endpoint';
import { queryObject } from '$lib/server/api/request';
import { readUpload } from '$lib/server/api/upload';
import { importCircularAmounts, previewCircularImport } from '$lib/server/finance';
import { parseInput } from '$lib/server/kernel/input';
import { importQuery } from '$lib/server/openapi/finance-operations';
import { api } from '$lib/server/openapi/operations';

/**
 * The table in the field "file". With ?dryRun=true only the preview, with an error per line; else
 * the import, all or nothing (a 400 naming each wrong line), answered with what it recorded.
 */
export const POST = endpoint(api.importCircularAmounts, async ({ actor, id, event, context }) => {
	const { dryRun } = parseInput(importQuery, queryObject(event.url));
	const file = await readUpload(event.request);
	const preview = await previewCircularImport(actor, id, file.bytes, file.filename);
	const present = (recorded: number) => ({
		dryRun,
		circular: preview.circular,
		recorded,
		lines: preview.lines.map((line) => ({ ...line, amountCents: line.cents })),
		errors: preview.errors
	});
	if (dryRun) return present(0);
	const { recorded } = await importCircularAmounts(actor, id, file.bytes, file.filename, context);
	return present(recorded);
});

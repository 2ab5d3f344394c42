import { endpoint } from '$lib/server/api/endpoint';
import { recordEntry } from '$lib/server/finance';
import { parseInput } from '$lib/server/kernel/input';
import { presentRow } from '$lib/server/openapi/finance-schemas';
import { recordEntryBody } from '$lib/server/openapi/finance-operations';
import { api } from '$lib/server/openapi/operations';

/**
 * A booking names the schedule version it was made against: required here (the verb leaves it
 * optional for the demo data), so that every field's message comes in one 400 before the verb runs.
 */
export const POST = endpoint(api.recordArrangementEntry, async ({ actor, id, body, context }) => {
	parseInput(recordEntryBody, body);
	const { row, entry } = await recordEntry(actor, id, body, context);
	return { row: presentRow(row), entry };
});

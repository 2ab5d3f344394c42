import { endpoint } from '$lib/server/api/endpoint';
import { queryObject } from '$lib/server/api/request';
import { draftItem, myProposals } from '$lib/server/agenda';
import { unscheduledItems } from '$lib/server/agenda/queries';
import { fieldErrors, InvalidInputError } from '$lib/server/kernel/errors';
import { itemListQuery } from '$lib/server/openapi/item-operations';
import { api } from '$lib/server/openapi/operations';

/** ?list=mine ("Mijn voorstellen") or ?list=unscheduled ("nog te agenderen"). */
export const GET = endpoint(api.listItems, async ({ actor, event }) => {
	const parsed = itemListQuery.safeParse(queryObject(event.url));
	if (!parsed.success) throw new InvalidInputError(fieldErrors(parsed.error.issues));
	return parsed.data.list === 'mine' ? myProposals(actor) : unscheduledItems(actor);
});

export const POST = endpoint(api.draftItem, ({ actor, body, context }) =>
	draftItem(actor, body, context)
);

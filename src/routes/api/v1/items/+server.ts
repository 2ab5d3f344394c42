import { endpoint, versioned } from '$lib/server/api/endpoint';
import { queryObject } from '$lib/server/api/request';
import { draftItem, myProposals } from '$lib/server/agenda';
import { unscheduledItems } from '$lib/server/agenda/queries';
import { fieldErrors, InvalidInputError } from '$lib/server/errors';
import { itemListQuery } from '$lib/server/openapi/item-operations';

/** ?list=mine ("Mijn voorstellen") or ?list=unscheduled ("nog te agenderen"). */
export const GET = endpoint(async ({ actor, event }) => {
	const parsed = itemListQuery.safeParse(queryObject(event.url));
	if (!parsed.success) throw new InvalidInputError(fieldErrors(parsed.error.issues));
	return {
		data: parsed.data.list === 'mine' ? await myProposals(actor) : await unscheduledItems(actor)
	};
});

export const POST = endpoint(async ({ actor, body, context }) =>
	versioned(await draftItem(actor, body, context), 201)
);

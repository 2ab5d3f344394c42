import { error } from '@sveltejs/kit';
import { renderMarkdown } from '$lib/markdown';
import { AccessError } from '$lib/server/access';
import { getPublicAgreement } from '$lib/server/agreements/public';
import { newestEventId } from '$lib/server/realtime/live';
import type { PageServerLoad } from './$types';

/**
 * One public agreement, for anyone: what was agreed, where it stands, the koepels' ratification
 * and the progress reports, without a person's name. Anything the public may not read (or that
 * does not exist) is the same 404 page. Its events after `since` (read before the agreement, so
 * nothing falls in between) come live over the public socket and are applied in place.
 */
export const load: PageServerLoad = async ({ params, depends }) => {
	depends('app:public-live');
	try {
		const since = await newestEventId();
		const agreement = await getPublicAgreement(params.id);
		return { agreement, bodyHtml: renderMarkdown(agreement.body), since };
	} catch (caught) {
		if (caught instanceof AccessError)
			error(404, 'Deze afspraak bestaat niet of is niet openbaar.');
		throw caught;
	}
};

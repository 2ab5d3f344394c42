import { error } from '@sveltejs/kit';
import { renderMarkdown } from '$lib/markdown';
import { AccessError } from '$lib/server/access';
import { getPublicAgreement } from '$lib/server/agreements/public';
import type { PageServerLoad } from './$types';

/**
 * One public agreement, for anyone: what was agreed, where it stands, the koepels' ratification
 * and the progress reports, without a person's name. Anything the public may not read (or that
 * does not exist) is the same 404 page.
 */
export const load: PageServerLoad = async ({ params }) => {
	try {
		const agreement = await getPublicAgreement(params.id);
		return { agreement, bodyHtml: renderMarkdown(agreement.body) };
	} catch (caught) {
		if (caught instanceof AccessError)
			error(404, 'Deze afspraak bestaat niet of is niet openbaar.');
		throw caught;
	}
};

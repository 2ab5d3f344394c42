import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

// Administration starts with the people; the pages themselves check who may see them.
export const load: PageServerLoad = () => {
	redirect(303, localizeHref('/beheer/personen'));
};

import { error } from '@sveltejs/kit';
import { AccessError } from '$lib/server/access';
import { InvalidInputError } from '$lib/server/kernel/errors';
import { getPublication } from '$lib/server/publications';
import { comparePublications } from '$lib/server/publications/compare';
import { newestEventId } from '$lib/server/realtime/live';
import type { PageServerLoad } from './$types';

/**
 * One meeting's published besluitenlijst, for anyone: the newest version, or `?versie=N`; with
 * `?van=1&naar=2` the difference between two versions. Only the public side's one door is read,
 * so nothing unpublished or vertrouwelijk can reach this page. An unknown meeting or version is
 * the 404 page, like anything that was not published. A version published later comes live
 * (the public socket), from `since`: read before the publication, so nothing falls in between.
 */
export const load: PageServerLoad = async ({ params, url, depends }) => {
	depends('app:public-live');
	const since = await newestEventId();
	const asked = url.searchParams.get('versie');
	const number = asked === null ? undefined : /^[1-9]\d{0,4}$/.test(asked) ? Number(asked) : NaN;
	if (Number.isNaN(number)) error(404, 'Deze versie bestaat niet.');
	const publication = await notFoundAsPage(getPublication(params.id, number));

	const from = url.searchParams.get('van');
	const to = url.searchParams.get('naar');
	let comparison = null;
	let compareErrors: Record<string, string> | null = null;
	if (from !== null || to !== null) {
		try {
			comparison = await comparePublications(params.id, { from, to });
		} catch (caught) {
			// The form offers the versions there are; an address made by hand may name another.
			if (caught instanceof AccessError) compareErrors = { to: 'Kies een versie uit de lijst.' };
			else if (caught instanceof InvalidInputError) compareErrors = caught.fields;
			else throw caught;
		}
	}
	const newest = publication.versions[0]!.number;
	// The downloads serve what the newest version lists (publicAttachmentIn): only those are links.
	const newestList =
		publication.version.number === newest
			? publication.list
			: (await getPublication(params.id)).list;
	const downloadable = newestList.agenda.flatMap((item) => item.attachments.map((file) => file.id));
	return {
		list: publication.list,
		version: publication.version,
		versions: publication.versions,
		newest,
		downloadable,
		comparison,
		compareValues: { van: from ?? '', naar: to ?? '' },
		compareErrors,
		since
	};
};

async function notFoundAsPage<T>(work: Promise<T>): Promise<T> {
	try {
		return await work;
	} catch (caught) {
		if (caught instanceof AccessError) error(404, 'Deze publicatie bestaat niet.');
		throw caught;
	}
}

import { error } from '@sveltejs/kit';
import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { diffRevisions, getItem, listRevisions } from '$lib/server/agenda';
import { contentFields } from '$lib/server/agenda/content-fields';
import { InvalidInputError } from '$lib/server/kernel/errors';
import { getMeeting } from '$lib/server/meetings';
import type { PageServerLoad } from './$types';

type Snapshot = Record<string, unknown>;

export const load: PageServerLoad = async (event) => {
	// Reloaded when a live event says the data changed (src/lib/components/LiveLayer.svelte).
	event.depends('app:live');
	const { actor } = requireSignedIn(event);
	const item = await orAccessError(getItem(actor, event.params.id));
	const revisions = await orAccessError(listRevisions(actor, item.id));
	const latest = revisions.at(-1)?.version ?? 1;
	const params = event.url.searchParams;
	const from = params.get('van') ?? String(Math.max(1, latest - 1));
	const to = params.get('tot') ?? String(latest);

	let diff = null;
	let diffError: string | null = null;
	if (revisions.length > 1 || params.has('van')) {
		try {
			diff = await orAccessError(diffRevisions(actor, item.id, from, to));
		} catch (caught) {
			if (!(caught instanceof InvalidInputError)) throw caught;
			diffError = Object.values(caught.fields)[0] ?? null;
		}
	}

	// Meeting titles for the revisions that moved the item, so the diff names them.
	const meetingIds = new Set(
		revisions.map((row) => (row.snapshot as Snapshot).meetingId).filter(Boolean) as string[]
	);
	const meetingTitles: Record<string, string> = {};
	for (const id of meetingIds) {
		try {
			meetingTitles[id] = (await getMeeting(actor, id)).title;
		} catch {
			// A meeting that is gone keeps its id in the old revision; the page says "unknown".
		}
	}
	if (!revisions.length) error(404, 'Niet gevonden.');
	return {
		item: { id: item.id, title: item.title },
		revisions: revisions.map((row, index) => {
			const before = (revisions[index - 1]?.snapshot ?? null) as Snapshot | null;
			const after = row.snapshot as Snapshot;
			return {
				version: row.version,
				at: row.at,
				editorName: row.editorName,
				changed: before
					? contentFields.filter((field) => (before[field] ?? null) !== (after[field] ?? null))
					: null
			};
		}),
		from,
		to,
		diff,
		diffError,
		meetingTitles
	};
};

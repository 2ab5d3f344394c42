import { renderMarkdown } from '$lib/markdown';
import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { getArrangement, listBudgetMoments, listCirculars } from '$lib/server/finance';
import { InvalidInputError } from '$lib/server/kernel/errors';
import type { ProcessedLine } from '$lib/realtime/finance-arrangement-live.svelte';
import { arrangementActions } from './actions.server';
import { arrangementOffers } from './finance-viewer.server';
import type { PageServerLoad } from './$types';

/**
 * One financial arrangement: what it is and where it comes from, its schedule now (and as known at
 * a moment, `?asOf=voorjaarsnota-2025` or a day), its ledger, the reconciliation with the
 * circulars, the koepel's mark and the comments, and the forms the gate lets this reader use.
 */
export const load: PageServerLoad = async (event) => {
	// Reloaded only for a live event the page cannot apply in place (finance-arrangement-live).
	event.depends('app:live');
	const { actor } = requireSignedIn(event);
	const params = event.url.searchParams;
	const asOfDate = params.get('asOfDate')?.trim() ?? '';
	const asOfMoment = params.get('asOf')?.trim() ?? '';
	const asked = asOfDate || asOfMoment || null;
	let asOfError: string | null = null;
	let detail;
	try {
		detail = await orAccessError(getArrangement(actor, event.params.id, { asOf: asked }));
	} catch (caught) {
		if (!(caught instanceof InvalidInputError)) throw caught;
		asOfError = Object.values(caught.fields)[0] ?? 'Kies een begrotingsmoment of een datum.';
		detail = await orAccessError(getArrangement(actor, event.params.id));
	}
	const [moments, circulars, offers] = await Promise.all([
		listBudgetMoments(),
		orAccessError(listCirculars(actor)),
		arrangementOffers(actor, detail.row)
	]);
	const published = new Map(circulars.map((c) => [c.id, c.publishedOn]));
	const processed: ProcessedLine[] = detail.reconciliation.flatMap((year) =>
		year.processed.map((line) => ({
			...line,
			year: year.year,
			publishedOn: published.get(line.circularId) ?? ''
		}))
	);
	return {
		row: detail.row,
		asOfRow: detail.asOfRow,
		asOf: detail.asOf
			? {
					at: detail.asOf.at.toISOString(),
					key: detail.asOf.key,
					moment: detail.asOf.moment
				}
			: null,
		asOfAsked: { moment: asOfDate ? '' : asOfMoment, date: asOfDate, error: asOfError },
		descriptionHtml: renderMarkdown(detail.description),
		description: detail.description,
		sourceDocument: detail.sourceDocument,
		lapseReason: detail.lapseReason,
		links: detail.links,
		replaces: detail.replaces,
		replacedBy: detail.replacedBy,
		tasks: detail.tasks,
		history: detail.history,
		processed,
		comments: detail.comments,
		createdAt: detail.createdAt,
		moments,
		circulars,
		offers,
		viewerParty: actor.party,
		/** Arrived from "arrangement vastleggen": the page confirms it. */
		created: params.has('gemaakt')
	};
};

export const actions = arrangementActions;

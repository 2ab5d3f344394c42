import { error } from '@sveltejs/kit';
import { AccessError } from '$lib/server/access';
import { getArrangement } from '$lib/server/finance';
import type { PageServerLoad } from './$types';

/**
 * One public financial arrangement, for anyone: what it is, its schedule, its history (per entry the
 * reason, the budget moment and per year the amount before and after) and its reconciliation with
 * the circulars, with links to the public decision list it comes from. Never the comments, the
 * koepels' marks or who recorded an entry. Anything the public may not read (or that does not
 * exist) is the same 404 page. Not live: a reload shows what changed since.
 */
export const load: PageServerLoad = async ({ params }) => {
	try {
		const detail = await getArrangement(null, params.id);
		const { row } = detail;
		const meeting = detail.links.find((link) => link.kind === 'meeting');
		return {
			arrangement: {
				id: row.id,
				reference: row.reference,
				title: row.title,
				instrument: row.instrument,
				layer: row.layer,
				nature: row.nature,
				status: row.status,
				budgetMoment: row.budgetMoment && {
					kind: row.budgetMoment.kind,
					year: row.budgetMoment.year
				},
				expectedCircular: row.expectedCircular && {
					kind: row.expectedCircular.kind,
					year: row.expectedCircular.year
				},
				processedIn: row.processedIn,
				notProcessedAsExpected: row.notProcessedAsExpected,
				schedule: row.schedule,
				totalCents: row.totalCents,
				description: detail.description,
				sourceDocument: detail.sourceDocument,
				lapseReason: row.status === 'vervallen' ? detail.lapseReason : null
			},
			history: detail.history.map((entry) => ({
				id: entry.id,
				sequence: entry.sequence,
				reason: entry.reason,
				budgetMoment: entry.budgetMoment && {
					kind: entry.budgetMoment.kind,
					year: entry.budgetMoment.year
				},
				knownAt: entry.knownAt,
				correction: entry.correctsId !== null,
				lines: entry.lines
			})),
			reconciliation: detail.reconciliation.map((year) => ({
				year: year.year,
				committedCents: year.committedCents,
				processedCents: year.processedCents,
				differenceCents: year.differenceCents,
				circular: year.processed.at(-1)?.label ?? null
			})),
			// The public pages of where it comes from: the decision's published list, the agreement.
			links: detail.links.flatMap((link): { kind: string; title: string; href: string }[] => {
				if (link.kind === 'agreement')
					return [
						{ kind: link.kind, title: link.title, href: `/publicaties/afspraken/${link.id}` }
					];
				if (link.kind === 'decision' && meeting)
					return [{ kind: link.kind, title: link.title, href: `/publicaties/${meeting.id}` }];
				if (link.kind === 'meeting')
					return [{ kind: link.kind, title: link.title, href: `/publicaties/${link.id}` }];
				return [];
			})
		};
	} catch (caught) {
		if (caught instanceof AccessError)
			error(404, 'Dit financieel arrangement bestaat niet of is niet openbaar.');
		throw caught;
	}
};

import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { renderMarkdown } from '$lib/markdown';
import { agreementRegister, getAgreement } from '$lib/server/agreements';
import { allowedAgreementActions } from '$lib/server/agreements/allowed';
import { ownerChoices } from '$lib/server/agreements/choices';
import { agreementHistory } from '$lib/server/agreements/history';
import { linkedArrangements } from '$lib/server/finance/dashboard';
import { listMeetings } from '$lib/server/meetings';
import { agreementActions } from './actions.server';
import type { PageServerLoad } from './$types';

/** How many later agreements the hand-on form offers: the newest meetings' first. */
const HAND_ON_CHOICES = 100;

/**
 * One agreement: what is agreed, who carries it out, where it stands and came from, the koepels'
 * ratification, progress and history, and the forms the gate lets this reader use.
 */
export const load: PageServerLoad = async (event) => {
	// Reloaded only for a live event the page cannot apply in place (realtime/agreement-live.svelte.ts).
	event.depends('app:live');
	const { actor } = requireSignedIn(event);
	const detail = await orAccessError(getAgreement(actor, event.params.id));
	const allowed = allowedAgreementActions(actor, detail);
	const [history, choices, later, meetings, finance] = await orAccessError(
		Promise.all([
			agreementHistory(actor, detail.id),
			allowed.addOwner ? ownerChoices(actor) : Promise.resolve(null),
			allowed.handOn
				? agreementRegister(actor, { sort: 'meeting', dir: 'desc', pageSize: HAND_ON_CHOICES })
				: Promise.resolve(null),
			allowed.handOn ? listMeetings(actor) : Promise.resolve([]),
			linkedArrangements(actor, { agreementId: detail.id })
		])
	);
	const { chain, ratifications, progressReports, ...agreement } = detail;
	const inChain = new Set(chain.map((node) => node.id));
	return {
		agreement: {
			...agreement,
			closedAt: agreement.closedAt?.toISOString() ?? null,
			createdAt: agreement.createdAt.toISOString()
		},
		bodyHtml: renderMarkdown(agreement.body),
		ratifications,
		progressReports,
		chain: chain.map((node) => ({
			id: node.id,
			title: node.title,
			status: node.status,
			overdue: node.overdue,
			deadline: node.deadline,
			meetingId: node.meetingId,
			meetingTitle: node.meetingTitle,
			depth: node.depth,
			links: node.links
		})),
		history,
		allowed,
		ownerChoices: choices,
		laterAgreements: (later?.rows ?? [])
			.filter((row) => !inChain.has(row.id))
			.map((row) => ({ id: row.id, title: row.title, meetingTitle: row.meetingTitle })),
		meetings: meetings.map((meeting) => ({
			id: meeting.id,
			title: meeting.title,
			startsAt: meeting.startsAt
		})),
		/** The financial arrangements that follow from it (issue 15). */
		finance,
		self: actor.personId,
		/** Arrived from "afspraak maken": the page confirms it. */
		created: event.url.searchParams.has('gemaakt')
	};
};

export const actions = agreementActions;

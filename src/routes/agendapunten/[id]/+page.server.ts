import { localizeHref } from '$lib/paraglide/runtime';
import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { getItem, listComments, listRevisions } from '$lib/server/agenda';
import { allowedItemActions } from '$lib/server/agenda/allowed';
import { attachmentsSection } from '$lib/server/attachments';
import { linkedArrangements } from '$lib/server/finance/dashboard';
import { getMeeting } from '$lib/server/meetings';
import { renderMarkdown } from '$lib/markdown';
import { openMeetings, takeItemNotice } from '../item-form.server';
import { itemActions } from './actions.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	// Reloaded only for a live event the page cannot apply in place (realtime/item-live.svelte.ts).
	event.depends('app:live');
	const { actor } = requireSignedIn(event);
	const id = event.params.id;
	const item = await orAccessError(getItem(actor, id));
	const [comments, revisions, meeting, attachments, finance] = await orAccessError(
		Promise.all([
			listComments(actor, item.id),
			listRevisions(actor, item.id),
			item.meetingId ? getMeeting(actor, item.meetingId) : Promise.resolve(null),
			attachmentsSection(actor, item),
			linkedArrangements(actor, { agendaItemId: item.id })
		])
	);
	const allowed = allowedItemActions(actor, item, meeting);
	const laterMeetings =
		allowed.place || allowed.defer
			? (await openMeetings(actor)).filter(
					(candidate) => !meeting || candidate.startsAt > meeting.startsAt
				)
			: [];
	const placeMeetings = allowed.place && !item.meetingId ? await openMeetings(actor) : [];
	return {
		item: {
			id: item.id,
			meetingId: item.meetingId,
			title: item.title,
			status: item.status,
			statusReason: item.statusReason,
			purpose: item.purpose,
			proposedDecision: item.proposedDecision,
			financialConsequences: item.financialConsequences,
			financialExplanation: item.financialExplanation,
			contactPerson: item.contactPerson,
			confidentiality: item.confidentiality,
			proposingParty: item.proposingParty,
			proposingOrganisationName: item.proposingOrganisationName,
			proposedByName: item.proposedByName,
			submittedAt: item.submittedAt,
			lateSubmission: item.lateSubmission,
			lateSubmissionApproved: item.lateSubmissionApproved,
			position: item.position,
			minutes: item.minutes,
			version: item.version,
			updatedAt: item.updatedAt,
			// As an item event's row carries them: the live page replaces them with it.
			coSponsors: item.coSponsors.map((row) => ({ party: row.party, status: row.status })),
			carriedBy: item.carriedBy
		},
		summaryHtml: renderMarkdown(item.summary),
		meeting: meeting && {
			id: meeting.id,
			title: meeting.title,
			startsAt: meeting.startsAt,
			status: meeting.status
		},
		revisionCount: revisions.length,
		attachments: attachments.attachments.map((row) => ({
			id: row.id,
			filename: row.filename,
			mediaType: row.mediaType,
			size: row.size,
			uploaderName: row.uploaderName,
			uploadedAt: row.uploadedAt,
			mayDelete: row.mayDelete
		})),
		mayUpload: attachments.mayUpload,
		mayDeleteNewAttachment: attachments.mayDeleteNew,
		comments,
		/** The financial arrangements recorded for it, beside its financial consequences (issue 15). */
		finance,
		self: actor.personId,
		allowed,
		laterMeetings,
		placeMeetings,
		done: event.url.searchParams.get('gedaan'),
		notice: takeItemNotice(event.cookies, localizeHref(`/agendapunten/${item.id}`))
	};
};

export const actions = itemActions;

// The agenda's verbs and queries. Each verb takes the actor first and checks access itself.
export { discardConcept, draftItem, submitItem, updateItem, withdrawItem } from './items';
export {
	agendaTiming,
	approveLateSubmission,
	declineItem,
	deferItem,
	markTreated,
	placeItem,
	reorderAgenda
} from './schedule';
export {
	inviteCoSponsor,
	partyLabels,
	respondCoSponsor,
	withdrawCoSponsorInvitation
} from './co-sponsors';
export { adoptAgenda, approvalOverview, recordApproval, reopenAgenda } from './approvals';
export { addComment, deleteComment, editComment, listComments } from './comments';
export { diffRevisions, listRevisions } from './revisions';
export { compareAgenda } from './fingerprint';
export {
	getItem,
	getMeetingWithAgenda,
	myProposals,
	secretariatOverview,
	toReview
} from './queries';
export { searchAgenda } from './search';

/** The fields a proposer edits: these make up a revision and count for the version. */
export const contentFields = [
	'meetingId',
	'title',
	'summary',
	'purpose',
	'proposedDecision',
	'financialConsequences',
	'financialExplanation',
	'contactPerson',
	'confidentiality'
] as const;

import { type Case, commentOfOther, otherOrganisation, ownOrganisation } from './cases';

/** What people add to an agenda item: comments (their own, or any for the secretariaat) and attachments. */
export const contributionCases: Case[] = [
	{
		permission: 'comment.write',
		allowed: [['medewerker'], ['bestuurder'], ['secretariaat']],
		denied: [['beheerder', undefined, 'forbidden']]
	},
	{
		permission: 'comment.edit',
		allowed: [
			['medewerker', 'own'],
			['secretariaat', 'own']
		],
		denied: [
			['medewerker', commentOfOther, 'forbidden'],
			['secretariaat', commentOfOther, 'forbidden'],
			['beheerder', 'own', 'forbidden']
		]
	},
	{
		permission: 'comment.delete',
		allowed: [
			['medewerker', 'own'],
			['secretariaat', commentOfOther]
		],
		denied: [
			['medewerker', commentOfOther, 'forbidden'],
			['bestuurder', commentOfOther, 'forbidden'],
			['beheerder', 'own', 'forbidden']
		]
	},
	{
		permission: 'attachment.upload',
		allowed: [
			['medewerker', ownOrganisation],
			['secretariaat', otherOrganisation]
		],
		denied: [
			['medewerker', otherOrganisation, 'forbidden'],
			['bestuurder', otherOrganisation, 'forbidden'],
			['beheerder', ownOrganisation, 'forbidden']
		]
	},
	{
		permission: 'attachment.delete',
		allowed: [
			['bestuurder', ownOrganisation],
			['secretariaat', otherOrganisation]
		],
		denied: [
			['medewerker', otherOrganisation, 'forbidden'],
			['beheerder', ownOrganisation, 'forbidden']
		]
	}
];

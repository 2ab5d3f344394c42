import { type Case, submittedOfOther } from './cases';

/** The money: financial arrangements, their ledger, circulars and co-governance tasks. */
export const financeCases: Case[] = [
	{
		permission: 'finance.read',
		allowed: [
			['medewerker', submittedOfOther],
			['bestuurder', { audience: ['table', 'public'] }],
			['beheerder', submittedOfOther]
		],
		denied: [
			[null, submittedOfOther, 'hidden'],
			['secretariaat', { audience: [] }, 'hidden']
		]
	},
	{
		permission: 'finance.manage',
		allowed: [
			['secretariaat', { financeStaff: false }],
			['medewerker', { financeStaff: true }],
			['bestuurder', { financeStaff: true }]
		],
		denied: [
			['medewerker', { financeStaff: false }, 'forbidden'],
			['bestuurder', { financeStaff: false }, 'forbidden'],
			['beheerder', { financeStaff: true }, 'forbidden']
		]
	},
	{
		permission: 'finance.mark',
		allowed: [
			['medewerker', { party: 'vng' }],
			['bestuurder', { party: 'vng' }]
		],
		denied: [
			['bestuurder', { party: 'ipo' }, 'forbidden'],
			['secretariaat', { party: 'vng' }, 'forbidden'],
			['beheerder', { party: 'vng' }, 'forbidden']
		]
	},
	{
		permission: 'finance.comment',
		allowed: [
			['medewerker', { party: 'vng', financeStaff: false }],
			['bestuurder', { party: 'ipo', financeStaff: true }],
			['secretariaat', { party: 'uvw', financeStaff: false }]
		],
		denied: [
			['medewerker', { party: 'ipo', financeStaff: false }, 'forbidden'],
			['beheerder', { party: 'vng', financeStaff: true }, 'forbidden']
		]
	},
	{
		permission: 'finance.report_need',
		allowed: [
			['medewerker', { parties: ['vng'] }],
			['bestuurder', { parties: ['vng', 'ipo'] }]
		],
		denied: [
			['medewerker', { parties: ['ipo', 'uvw'] }, 'forbidden'],
			['secretariaat', { parties: ['vng'] }, 'forbidden']
		]
	}
];

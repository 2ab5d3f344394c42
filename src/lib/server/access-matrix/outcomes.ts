import { type Case, submittedOfOther } from './cases';

/** What a meeting settled: its decisions, the besluitenlijst, and the agreements that follow from them. */
export const outcomeCases: Case[] = [
	{
		permission: 'decision.record',
		allowed: [['secretariaat']],
		denied: [
			['medewerker', undefined, 'forbidden'],
			['bestuurder', undefined, 'forbidden'],
			['beheerder', undefined, 'forbidden']
		]
	},
	{
		permission: 'decision_list.manage',
		allowed: [['secretariaat']],
		denied: [
			['medewerker', undefined, 'forbidden'],
			['bestuurder', undefined, 'forbidden'],
			['beheerder', undefined, 'forbidden']
		]
	},
	{
		permission: 'agreement.read',
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
		permission: 'agreement.manage',
		allowed: [['secretariaat']],
		denied: [
			['medewerker', undefined, 'forbidden'],
			['bestuurder', undefined, 'forbidden'],
			['beheerder', undefined, 'forbidden']
		]
	},
	{
		permission: 'agreement.set_status',
		allowed: [
			['secretariaat', { parties: ['rijk'], closing: true }],
			['medewerker', { parties: ['rijk', 'vng'], closing: false }],
			['bestuurder', { parties: ['vng'], closing: false }]
		],
		denied: [
			['medewerker', { parties: ['vng'], closing: true }, 'forbidden'],
			['bestuurder', { parties: ['ipo'], closing: false }, 'forbidden'],
			['beheerder', { parties: ['vng'], closing: false }, 'forbidden']
		]
	},
	{
		permission: 'agreement.progress',
		allowed: [
			['medewerker', { parties: ['vng'] }],
			['bestuurder', { parties: ['rijk', 'vng'] }]
		],
		denied: [
			['medewerker', { parties: ['ipo', 'uvw'] }, 'forbidden'],
			['secretariaat', { parties: ['vng'] }, 'forbidden'],
			['beheerder', { parties: ['vng'] }, 'forbidden']
		]
	},
	{
		permission: 'agreement.ratify',
		allowed: [
			['medewerker', { party: 'vng' }],
			['bestuurder', { party: 'vng' }]
		],
		denied: [
			['bestuurder', { party: 'ipo' }, 'forbidden'],
			['secretariaat', { party: 'vng' }, 'forbidden']
		]
	}
];

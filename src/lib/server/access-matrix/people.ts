import { type Case, other } from './cases';

/** Organisations, accounts, people and the audit log: who may see and manage whom. */
export const peopleCases: Case[] = [
	{
		permission: 'organisation.read',
		allowed: [['medewerker'], ['bestuurder'], ['secretariaat'], ['beheerder']],
		denied: [[null, undefined, 'hidden']]
	},
	{
		permission: 'account.read',
		allowed: [
			['medewerker', 'own'],
			['bestuurder', 'own'],
			['secretariaat', 'own'],
			['beheerder', 'own']
		],
		denied: [
			['beheerder', other, 'hidden'],
			['medewerker', other, 'hidden']
		]
	},
	{
		permission: 'account.manage',
		allowed: [
			['medewerker', 'own'],
			['beheerder', 'own']
		],
		denied: [
			['beheerder', other, 'hidden'],
			['secretariaat', other, 'hidden']
		]
	},
	{
		permission: 'person.list',
		allowed: [['secretariaat'], ['beheerder']],
		denied: [
			['medewerker', undefined, 'hidden'],
			['bestuurder', undefined, 'hidden']
		]
	},
	{
		permission: 'person.invite',
		allowed: [
			['secretariaat', { role: 'medewerker' }],
			['secretariaat', { role: 'secretariaat' }],
			['beheerder', { role: 'beheerder' }]
		],
		denied: [
			['secretariaat', { role: 'beheerder' }, 'forbidden'],
			['medewerker', { role: 'medewerker' }, 'forbidden'],
			['bestuurder', { role: 'medewerker' }, 'forbidden']
		]
	},
	{
		permission: 'person.change_role',
		allowed: [['beheerder', other]],
		denied: [
			['beheerder', 'own', 'forbidden'],
			['secretariaat', other, 'forbidden'],
			['medewerker', other, 'forbidden']
		]
	},
	{
		permission: 'person.disable',
		allowed: [['beheerder', other]],
		denied: [
			['beheerder', 'own', 'forbidden'],
			['secretariaat', other, 'forbidden'],
			['bestuurder', other, 'forbidden']
		]
	},
	{
		permission: 'audit.read',
		allowed: [['beheerder']],
		denied: [
			['secretariaat', undefined, 'hidden'],
			['medewerker', undefined, 'hidden'],
			['bestuurder', undefined, 'hidden']
		]
	},
	{
		permission: 'calendar.feed',
		allowed: [
			['medewerker', 'own'],
			['beheerder', 'own']
		],
		denied: [['bestuurder', other, 'hidden']]
	}
];

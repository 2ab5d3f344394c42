import {
	type Case,
	conceptOfOther,
	conceptOfOwn,
	otherOrganisation,
	ownOrganisation,
	submittedOfOther
} from './cases';

/** Meetings and their agenda: drafting, proposing, co-sponsoring, approving (in person or delegated) and adopting. */
export const agendaCases: Case[] = [
	{
		permission: 'meeting.read',
		allowed: [['medewerker'], ['bestuurder'], ['secretariaat'], ['beheerder']],
		denied: [[null, undefined, 'hidden']]
	},
	{
		permission: 'meeting.manage',
		allowed: [['secretariaat']],
		denied: [
			['medewerker', undefined, 'forbidden'],
			['bestuurder', undefined, 'forbidden'],
			['beheerder', undefined, 'forbidden']
		]
	},
	{
		permission: 'agenda_item.read',
		allowed: [
			['medewerker', conceptOfOwn],
			['bestuurder', submittedOfOther],
			['secretariaat', submittedOfOther],
			['beheerder', submittedOfOther]
		],
		denied: [
			['medewerker', conceptOfOther, 'hidden'],
			['bestuurder', conceptOfOther, 'hidden'],
			['secretariaat', conceptOfOther, 'hidden']
		]
	},
	{
		permission: 'agenda_item.draft',
		allowed: [['medewerker'], ['bestuurder'], ['secretariaat']],
		denied: [['beheerder', undefined, 'forbidden']]
	},
	{
		permission: 'agenda_item.propose',
		allowed: [
			['medewerker', ownOrganisation],
			['bestuurder', ownOrganisation],
			['secretariaat', ownOrganisation]
		],
		denied: [
			['medewerker', otherOrganisation, 'forbidden'],
			['secretariaat', otherOrganisation, 'forbidden'],
			['beheerder', ownOrganisation, 'forbidden']
		]
	},
	{
		permission: 'agenda_item.schedule',
		allowed: [['secretariaat']],
		denied: [
			['medewerker', undefined, 'forbidden'],
			['bestuurder', undefined, 'forbidden'],
			['beheerder', undefined, 'forbidden']
		]
	},
	{
		permission: 'co_sponsor.respond',
		allowed: [
			['medewerker', { party: 'vng' }],
			['bestuurder', { party: 'vng' }]
		],
		denied: [
			['medewerker', { party: 'ipo' }, 'forbidden'],
			['secretariaat', { party: 'vng' }, 'forbidden']
		]
	},
	{
		permission: 'agenda.approve',
		allowed: [['bestuurder', { party: 'vng' }]],
		denied: [
			['bestuurder', { party: 'rijk' }, 'forbidden'],
			['medewerker', { party: 'vng' }, 'forbidden'],
			['secretariaat', { party: 'vng' }, 'forbidden']
		]
	},
	{
		permission: 'agenda.approve_delegated',
		allowed: [['medewerker', { party: 'vng', delegated: true }]],
		denied: [
			['medewerker', { party: 'vng', delegated: false }, 'forbidden'],
			['medewerker', { party: 'ipo', delegated: true }, 'forbidden'],
			['secretariaat', { party: 'vng', delegated: true }, 'forbidden']
		]
	},
	{
		permission: 'agenda.adopt',
		allowed: [['secretariaat']],
		denied: [
			['bestuurder', undefined, 'forbidden'],
			['medewerker', undefined, 'forbidden'],
			['beheerder', undefined, 'forbidden']
		]
	},
	{
		permission: 'delegation.grant',
		allowed: [['bestuurder', ownOrganisation]],
		denied: [
			['bestuurder', otherOrganisation, 'forbidden'],
			['medewerker', ownOrganisation, 'forbidden'],
			['secretariaat', ownOrganisation, 'forbidden']
		]
	},
	{
		permission: 'delegation.read',
		allowed: [['medewerker'], ['bestuurder']],
		denied: [
			['secretariaat', undefined, 'hidden'],
			['beheerder', undefined, 'hidden']
		]
	}
];

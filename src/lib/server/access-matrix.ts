import { decideAccess, type Actor, type Permission } from './access';
import type { Role } from './db/schema';

/**
 * Test data for the access specs (access-matrix.spec.ts, access.spec.ts); no verb imports it.
 * The matrix: for every permission, who is allowed and who is denied, with the subject that
 * decides it. The completeness tests hold each row to at least one allowed and one denied
 * case, a denied role for a permission not every role holds, and a denied subject for a permission
 * whose subject decides: an allowed case alone passes whatever the gate does. `null` is a visitor
 * who is not signed in, the one denied case of a permission every role holds.
 */

export function actor(role: Role, overrides: Partial<Actor> = {}): Actor {
	return {
		personId: `person-${role}`,
		name: role,
		organisationId: 'org',
		party: role === 'secretariaat' || role === 'beheerder' ? null : 'vng',
		role,
		via: 'session',
		scope: 'write',
		...overrides
	};
}

export const own = (a: Actor) => ({ personId: a.personId });
export const other = { personId: 'someone-else' };

type Subject = object | 'own';
export type Case = {
	permission: Permission;
	allowed: [Role, Subject?][];
	denied: [Role | null, Subject | undefined, 'hidden' | 'forbidden'][];
};
// Agenda items as the gate sees them: by their stored audience (schema/agenda.ts).
const conceptOfOwn = { audience: ['organisation:org'] };
const conceptOfOther = { audience: ['organisation:other-org'] };
const submittedOfOther = { audience: ['table'] };
const ownOrganisation = { organisationId: 'org' };
const otherOrganisation = { organisationId: 'other-org' };
const ownComment = (a: Actor) => ({ authorId: a.personId });
const commentOfOther = { authorId: 'someone-else' };

export const matrix: Case[] = [
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
		permission: 'agenda.adopt',
		allowed: [['secretariaat']],
		denied: [
			['bestuurder', undefined, 'forbidden'],
			['medewerker', undefined, 'forbidden'],
			['beheerder', undefined, 'forbidden']
		]
	},
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
		permission: 'agenda.approve_delegated',
		allowed: [['medewerker', { party: 'vng', delegated: true }]],
		denied: [
			['medewerker', { party: 'vng', delegated: false }, 'forbidden'],
			['medewerker', { party: 'ipo', delegated: true }, 'forbidden'],
			['secretariaat', { party: 'vng', delegated: true }, 'forbidden']
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

export const subjectFor = (a: Actor, subject: Subject | undefined) =>
	subject === 'own' ? { ...own(a), ...ownComment(a) } : subject;
export const decide = (a: Actor | null, permission: Permission, subject: unknown) =>
	(decideAccess as (a: Actor | null, p: Permission, s?: unknown) => string)(a, permission, subject);

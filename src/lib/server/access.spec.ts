import { describe, expect, it } from 'vitest';
import {
	AccessError,
	decideAccess,
	permissionNames,
	permissionRules,
	requireAccess,
	type Actor,
	type Permission
} from './access';
import { roles, type Role } from './db/schema';

function actor(role: Role, overrides: Partial<Actor> = {}): Actor {
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

const own = (a: Actor) => ({ personId: a.personId });
const other = { personId: 'someone-else' };

/**
 * The matrix: for every permission, who is allowed and who is denied, with the subject that
 * decides it. The completeness tests below hold each row to at least one allowed and one denied
 * case, a denied role for a permission not every role holds, and a denied subject for a permission
 * whose subject decides: an allowed case alone passes whatever the gate does. `null` is a visitor
 * who is not signed in, the one denied case of a permission every role holds.
 */
type Subject = object | 'own';
type Case = {
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

const matrix: Case[] = [
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
		permission: 'calendar.feed',
		allowed: [
			['medewerker', 'own'],
			['beheerder', 'own']
		],
		denied: [['bestuurder', other, 'hidden']]
	}
];

const subjectFor = (a: Actor, subject: Subject | undefined) =>
	subject === 'own' ? { ...own(a), ...ownComment(a) } : subject;
const decide = (a: Actor | null, permission: Permission, subject: unknown) =>
	(decideAccess as (a: Actor | null, p: Permission, s?: unknown) => string)(a, permission, subject);

const rolesHolding = (permission: Permission): readonly Role[] => permissionRules[permission].roles;
const hasSubjectCheck = (permission: Permission) => 'check' in permissionRules[permission];
const isWrite = (permission: Permission) => permissionRules[permission].write;
/** The permissions for which `lacks` holds, for a failure message that names them. */
const permissionsWhere = (lacks: (row: Case) => boolean) =>
	matrix.filter(lacks).map((row) => row.permission);

describe('the access matrix', () => {
	it('covers every permission', () => {
		expect(matrix.map((row) => row.permission).sort()).toEqual([...permissionNames].sort());
	});

	it('has an allowed and a denied case for every permission', () => {
		expect(permissionsWhere((row) => row.allowed.length === 0)).toEqual([]);
		expect(permissionsWhere((row) => row.denied.length === 0)).toEqual([]);
	});

	it('denies a role without the permission, wherever not every role holds it', () => {
		const restricted = (row: Case) => rolesHolding(row.permission).length < roles.length;
		const deniesAnOutsider = (row: Case) =>
			row.denied.some(([role]) => role !== null && !rolesHolding(row.permission).includes(role));
		expect(permissionsWhere((row) => restricted(row) && !deniesAnOutsider(row))).toEqual([]);
	});

	it('denies a role that holds the permission, on a subject, wherever the subject decides', () => {
		const deniesOnTheSubject = (row: Case) =>
			row.denied.some(([role]) => role !== null && rolesHolding(row.permission).includes(role));
		expect(
			permissionsWhere((row) => hasSubjectCheck(row.permission) && !deniesOnTheSubject(row))
		).toEqual([]);
	});

	for (const row of matrix) {
		describe(row.permission, () => {
			for (const [role, subject] of row.allowed) {
				it(`allows a ${role}`, () => {
					const a = actor(role);
					expect(decide(a, row.permission, subjectFor(a, subject))).toBe('ok');
				});
			}
			for (const [role, subject, verdict] of row.denied) {
				it(`denies ${role ? `a ${role}` : 'a visitor who is not signed in'} (${verdict})`, () => {
					const a = role ? actor(role) : null;
					expect(decide(a, row.permission, a ? subjectFor(a, subject) : subject)).toBe(verdict);
				});
			}
			it('denies an anonymous visitor as if it did not exist', () => {
				expect(decide(null, row.permission, {})).toBe('hidden');
			});
			if (isWrite(row.permission)) {
				it('refuses a read-only API token what it allows the same person', () => {
					for (const [role, subject] of row.allowed) {
						const token = actor(role, { via: 'token', scope: 'read' });
						expect(decide(token, row.permission, subjectFor(token, subject)), role).toBe(
							'forbidden'
						);
					}
				});
			}
		});
	}

	it('a read-only API token may read but never write, even for a beheerder', () => {
		const token = actor('beheerder', { via: 'token', scope: 'read' });
		expect(decide(token, 'audit.read', undefined)).toBe('ok');
		expect(decide(token, 'person.disable', other)).toBe('forbidden');
		expect(decide(token, 'account.manage', own(token))).toBe('forbidden');
		const writer = actor('beheerder', { via: 'token', scope: 'write' });
		expect(decide(writer, 'person.disable', other)).toBe('ok');
	});

	it('requireAccess throws 404 for what may not be seen and 403 for what may not be done', () => {
		expect(() => requireAccess(actor('medewerker'), 'audit.read')).toThrowError(
			expect.objectContaining({ status: 404 }) as unknown as AccessError
		);
		expect(() =>
			requireAccess(actor('secretariaat'), 'person.invite', { role: 'beheerder' })
		).toThrowError(expect.objectContaining({ status: 403 }) as unknown as AccessError);
		expect(() => requireAccess(actor('beheerder'), 'audit.read')).not.toThrow();
	});
});

import { describe, expect, it } from 'vitest';
import {
	AccessError,
	decideAccess,
	permissionNames,
	requireAccess,
	type Actor,
	type Permission
} from './access';
import type { Role } from './db/schema';

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
 * decides it. Each row is an allowed case and a denied case; a new permission without rows fails
 * the completeness test below.
 */
type Subject = object | 'own';
type Case = {
	permission: Permission;
	allowed: [Role, Subject?][];
	denied: [Role, Subject?, ('hidden' | 'forbidden')?][];
};
const matrix: Case[] = [
	{
		permission: 'organisation.read',
		allowed: [['medewerker'], ['bestuurder'], ['secretariaat'], ['beheerder']],
		denied: []
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
	}
];

const subjectFor = (a: Actor, subject: Subject | undefined) =>
	subject === 'own' ? own(a) : subject;
const decide = (a: Actor | null, permission: Permission, subject: unknown) =>
	(decideAccess as (a: Actor | null, p: Permission, s?: unknown) => string)(a, permission, subject);

describe('the access matrix', () => {
	it('covers every permission', () => {
		expect(matrix.map((row) => row.permission).sort()).toEqual([...permissionNames].sort());
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
				it(`denies a ${role} (${verdict})`, () => {
					const a = actor(role);
					expect(decide(a, row.permission, subjectFor(a, subject))).toBe(verdict);
				});
			}
			it('denies an anonymous visitor as if it did not exist', () => {
				expect(decide(null, row.permission, {})).toBe('hidden');
			});
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

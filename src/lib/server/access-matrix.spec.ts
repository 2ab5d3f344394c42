import { describe, expect, it } from 'vitest';
import { permissionNames, permissionRules, type Permission } from './access';
import { matrix } from './access-matrix';
import { actor, decide, subjectFor, type Case } from './access-matrix/cases';
import { roles, type Role } from './db/schema';

/** Who may do what: every permission's allowed and denied cases, and that the matrix is complete. */

const rolesHolding = (permission: Permission): readonly Role[] => permissionRules[permission].roles;
const hasSubjectCheck = (permission: Permission) => 'check' in permissionRules[permission];
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
		});
	}
});

import { describe, expect, it } from 'vitest';
import { permissionRules, requireAccess, type AccessError, type Permission } from './access';
import { matrix } from './access-matrix';
import { actor, decide, other, own, subjectFor } from './access-matrix/cases';

/** The gate's own behaviour, whatever the table says: visitors, read-only tokens, 404 and 403. */

const isWrite = (permission: Permission) => permissionRules[permission].write;

describe('the access gate', () => {
	for (const row of matrix) {
		describe(row.permission, () => {
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

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { permissionTable } from '../../src/lib/server/access';
import { roles } from '../../src/lib/server/db/schema';

/** docs/permissions.md is the table people read; this keeps it equal to the code. */
describe('docs/permissions.md', () => {
	const lines = readFileSync('docs/permissions.md', 'utf8').split('\n');
	const header = lines.find((line) => /^\|\s*Recht\s*\|/.test(line))!;
	const rows = lines.filter((line) => /^\|\s*`[a-z_.]+`\s*\|/.test(line));

	it('has a column per role, in the order of the code', () => {
		const columns = header
			.split('|')
			.map((cell) => cell.trim())
			.filter(Boolean)
			.slice(2);
		expect(columns).toEqual([...roles]);
	});

	it('lists exactly the permissions of the code, with the same roles and descriptions', () => {
		const documented = rows.map((line) => {
			const cells = line
				.split('|')
				.map((cell) => cell.trim())
				.slice(1, -1);
			const [permission, description, ...flags] = cells;
			return {
				permission: permission!.replaceAll('`', ''),
				description: description!,
				roles: roles.filter((_, index) => flags[index] === 'ja')
			};
		});
		expect(documented).toEqual(
			permissionTable().map((row) => ({
				...row,
				roles: roles.filter((role) => row.roles.includes(role))
			}))
		);
	});
});

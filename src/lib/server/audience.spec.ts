import { describe, expect, it } from 'vitest';
import { audienceKeys, audiences, canSee, principalKeys, type Principal } from './audience';

const vngStaff: Principal = { personId: 'p-vng', organisationId: 'o-vng', party: 'vng' };
const bzkStaff: Principal = { personId: 'p-bzk', organisationId: 'o-bzk', party: 'rijk' };
const financeStaff: Principal = { personId: 'p-fin', organisationId: 'o-fin', party: 'rijk' };
const secretariat: Principal = { personId: 'p-sec', organisationId: 'o-sec', party: null };
const nobody = null;

/** For each kind: who sees it, and who must not. */
const cases: Array<{
	name: string;
	audience: Parameters<typeof audienceKeys>[0];
	sees: Array<Principal | null>;
	blind: Array<Principal | null>;
}> = [
	{
		name: 'one person',
		audience: audiences.person('p-vng'),
		sees: [vngStaff],
		blind: [bzkStaff, secretariat, nobody]
	},
	{
		name: 'one organisation',
		audience: audiences.organisation('o-bzk'),
		sees: [bzkStaff],
		blind: [financeStaff, vngStaff, secretariat, nobody]
	},
	{
		name: 'one party: all its organisations (the Rijk is many ministries)',
		audience: audiences.party('rijk'),
		sees: [bzkStaff, financeStaff],
		blind: [vngStaff, secretariat, nobody]
	},
	{
		name: 'a set of parties',
		audience: audiences.parties(['vng', 'rijk', 'vng']),
		sees: [vngStaff, bzkStaff, financeStaff],
		blind: [secretariat, nobody]
	},
	{
		name: 'the participants of a meeting',
		audience: audiences.meeting('m-1'),
		sees: [vngStaff, bzkStaff, secretariat],
		blind: [nobody]
	},
	{
		name: 'everyone at the table',
		audience: audiences.table,
		sees: [vngStaff, financeStaff, secretariat],
		blind: [nobody]
	},
	{
		name: 'the public',
		audience: audiences.public,
		sees: [nobody, vngStaff, secretariat],
		blind: []
	},
	{
		name: 'audit-only',
		audience: audiences.audit,
		sees: [],
		blind: [nobody, vngStaff, bzkStaff, secretariat]
	}
];

describe('audiences', () => {
	for (const { name, audience, sees, blind } of cases) {
		it(`${name}: seen by exactly whom it names, as an audience and as stored keys`, () => {
			const keys = audienceKeys(audience);
			for (const principal of sees) {
				expect(canSee(principal, audience)).toBe(true);
				expect(canSee(principal, keys)).toBe(true);
			}
			for (const principal of blind) {
				expect(canSee(principal, audience)).toBe(false);
				expect(canSee(principal, keys)).toBe(false);
			}
		});
	}

	it('a set of parties stores each party once', () => {
		expect(audienceKeys(audiences.parties(['vng', 'ipo', 'vng']))).toEqual([
			'party:vng',
			'party:ipo'
		]);
	});

	it('the anonymous principal holds only the public key; a person holds no other party', () => {
		expect(principalKeys(null)).toEqual(['public']);
		expect(principalKeys(secretariat).some((key) => key.startsWith('party:'))).toBe(false);
		expect(principalKeys(bzkStaff)).toContain('party:rijk');
		expect(principalKeys(bzkStaff)).not.toContain('party:vng');
	});
});

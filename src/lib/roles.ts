import { m } from '$lib/paraglide/messages';

/** The roles, for pages and components (the server's enum lives in the database schema). */
export const roleNames = ['medewerker', 'bestuurder', 'secretariaat', 'beheerder'] as const;
export type RoleName = (typeof roleNames)[number];

export function roleLabel(role: string): string {
	switch (role) {
		case 'medewerker':
			return m.account_role_medewerker();
		case 'bestuurder':
			return m.account_role_bestuurder();
		case 'secretariaat':
			return m.account_role_secretariaat();
		case 'beheerder':
			return m.account_role_beheerder();
		default:
			return role;
	}
}

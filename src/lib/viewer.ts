import type { RoleName } from '$lib/roles';

/** Who is signed in, as the header shows it; null when nobody is. */
export interface Viewer {
	personId: string;
	organisationId: string;
	/** The party the organisation speaks for; null for the secretariat. */
	party: string | null;
	name: string;
	role: RoleName;
	organisationName: string;
	/** May open /beheer/personen. */
	mayAdminister: boolean;
	/** May open /beheer/audit. */
	mayReadAudit: boolean;
}

/** The signed-in page's start for live updates: the newest event id when the page was made. */
export interface LiveStart {
	since: number;
}

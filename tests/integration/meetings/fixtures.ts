import { eq } from 'drizzle-orm';
import { useDb } from '../../../src/lib/server/db';
import { meetings, type MeetingStatus } from '../../../src/lib/server/db/schema';
import type { Actor } from '../../../src/lib/server/access';
import { planMeeting } from '../../../src/lib/server/meetings';
import { createPerson } from '../identity/fixtures';

export { context } from '../identity/fixtures';

/** One person of each kind at the table. Ministries speak for the Rijk. */
export async function createTeam() {
	const actor = async (role: Parameters<typeof createPerson>[0], slug?: string) =>
		(await createPerson(role, slug)).actor;
	return {
		vngMedewerker: await actor('medewerker', 'vng'),
		vngBestuurder: await actor('bestuurder', 'vng'),
		ipoMedewerker: await actor('medewerker', 'ipo'),
		ipoBestuurder: await actor('bestuurder', 'ipo'),
		uvwMedewerker: await actor('medewerker', 'uvw'),
		uvwBestuurder: await actor('bestuurder', 'uvw'),
		bzkMedewerker: await actor('medewerker', 'bzk'),
		finMedewerker: await actor('medewerker', 'fin'),
		rijkBestuurder: await actor('bestuurder', 'bzk'),
		secretariaat: await actor('secretariaat'),
		beheerder: await actor('beheerder')
	};
}
export type Team = Awaited<ReturnType<typeof createTeam>>;

const hour = 3_600_000;
let counter = 0;

/** A meeting some days ahead (or behind, with a negative offset), two hours long. */
export function meetingInput(overrides: Record<string, unknown> = {}, daysAhead = 30) {
	const startsAt = new Date(Date.now() + daysAhead * 24 * hour + counter++ * 60_000);
	return {
		kind: 'overhedenoverleg',
		title: 'Overhedenoverleg voorjaar',
		startsAt: startsAt.toISOString(),
		endsAt: new Date(startsAt.getTime() + 2 * hour).toISOString(),
		location: 'Den Haag, Ministerie van BZK',
		chair: 'Minister van BZK',
		proposalDeadline: new Date(startsAt.getTime() - 14 * 24 * hour).toISOString(),
		...overrides
	};
}

export async function planned(
	secretariaat: Actor,
	overrides: Record<string, unknown> = {},
	daysAhead = 30
) {
	return planMeeting(secretariaat, meetingInput(overrides, daysAhead));
}

/** Puts a meeting straight into a status (the set-up of a transition test). */
export async function forceMeetingStatus(meetingId: string, status: MeetingStatus) {
	const db = await useDb();
	await db
		.update(meetings)
		.set({ status, cancelReason: status === 'geannuleerd' ? 'test' : null })
		.where(eq(meetings.id, meetingId));
}

export async function rejection(work: Promise<unknown>) {
	return work.then(
		() => null,
		(caught: unknown) => caught
	);
}

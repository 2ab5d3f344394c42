import { requireAccess, type Actor } from '../access';
import { bestuurderWork } from './bestuurder';
import { participantWork } from './participant';
import { secretariaatWork } from './secretariaat';
import type { MyWork } from './types';

export type { ActionKind, DueKind, MyWork, SectionKind, WorkSection, WorkTask } from './types';

/**
 * "Mijn werk": what waits for this person, per role, most urgent first within each section. The
 * gate lets in everyone who may read the table's meetings; each role's queries then check their
 * own permission (toReview and secretariatOverview through the gate as well). A beheerder keeps
 * the platform running and has no agenda work: no sections.
 */
export async function myWork(actor: Actor | null): Promise<MyWork> {
	requireAccess(actor, 'meeting.read');
	const sections =
		actor.role === 'medewerker'
			? await participantWork(actor)
			: actor.role === 'bestuurder'
				? await bestuurderWork(actor)
				: actor.role === 'secretariaat'
					? await secretariaatWork(actor)
					: [];
	return { role: actor.role, party: actor.party, sections };
}

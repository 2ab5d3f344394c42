import { beforeAll, describe, expect, it } from 'vitest';
import { AccessError, type Actor } from '../../../src/lib/server/access';
import {
	itemStatuses,
	type ItemStatus,
	type MeetingStatus
} from '../../../src/lib/server/db/schema';
import {
	approveLateSubmission,
	declineItem,
	deferItem,
	draftItem,
	getItem,
	markTreated,
	placeItem,
	submitItem,
	updateItem,
	withdrawItem
} from '../../../src/lib/server/agenda';
import { StateError } from '../../../src/lib/server/kernel/errors';
import { useProcessDatabase } from '../process-env';
import {
	createTeam,
	forceItem,
	forceMeetingStatus,
	itemInput,
	openMeetingFor,
	rejection,
	type Team
} from './fixtures';

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

type Verb = {
	name: string;
	/** Who normally does it: the proposer (a VNG medewerker) or the secretariaat. */
	by: 'proposer' | 'secretariaat';
	allowed: ItemStatus[];
	to: ItemStatus;
	meetingStatus: MeetingStatus;
	late?: boolean;
	run: (actor: Actor, itemId: string) => Promise<unknown>;
	/** Who is refused (403) even where the status allows it. */
	deniedTo: (keyof Team)[];
};

const editable: ItemStatus[] = ['concept', 'ingediend', 'geagendeerd', 'aangehouden'];
const verbs: Verb[] = [
	{
		name: 'submitItem',
		by: 'proposer',
		allowed: ['concept'],
		to: 'ingediend',
		meetingStatus: 'open_voor_voorstellen',
		run: (a, id) => submitItem(a, id),
		deniedTo: []
	},
	{
		name: 'updateItem',
		by: 'proposer',
		allowed: editable,
		to: 'concept',
		meetingStatus: 'open_voor_voorstellen',
		run: (a, id) => updateItem(a, id, { expectedVersion: 1, title: 'Een nieuwe titel' }),
		deniedTo: ['ipoMedewerker', 'secretariaat', 'rijkBestuurder']
	},
	{
		name: 'withdrawItem',
		by: 'proposer',
		allowed: ['ingediend', 'geagendeerd', 'aangehouden'],
		to: 'ingetrokken',
		meetingStatus: 'open_voor_voorstellen',
		run: (a, id) => withdrawItem(a, id),
		deniedTo: ['ipoBestuurder', 'secretariaat', 'bzkMedewerker']
	},
	{
		name: 'placeItem',
		by: 'secretariaat',
		allowed: ['ingediend', 'aangehouden', 'geagendeerd'],
		to: 'geagendeerd',
		meetingStatus: 'agenda_in_afstemming',
		run: (a, id) => placeItem(a, id, { minutes: 15 }),
		deniedTo: ['vngMedewerker', 'vngBestuurder', 'beheerder']
	},
	{
		name: 'deferItem',
		by: 'secretariaat',
		allowed: ['ingediend', 'geagendeerd', 'aangehouden'],
		to: 'aangehouden',
		meetingStatus: 'open_voor_voorstellen',
		run: (a, id) => deferItem(a, id, { reason: 'Eerst in het BOFv', toMeetingId: null }),
		deniedTo: ['vngMedewerker', 'ipoBestuurder']
	},
	{
		name: 'declineItem',
		by: 'secretariaat',
		allowed: ['ingediend', 'geagendeerd', 'aangehouden'],
		to: 'afgewezen',
		meetingStatus: 'open_voor_voorstellen',
		run: (a, id) => declineItem(a, id, { reason: 'Hoort aan een sectorale tafel' }),
		deniedTo: ['vngBestuurder', 'rijkBestuurder']
	},
	{
		name: 'markTreated',
		by: 'secretariaat',
		allowed: ['geagendeerd'],
		to: 'behandeld',
		meetingStatus: 'gehouden',
		run: (a, id) => markTreated(a, id),
		deniedTo: ['vngMedewerker', 'beheerder']
	},
	{
		name: 'approveLateSubmission',
		by: 'secretariaat',
		allowed: ['ingediend'],
		to: 'ingediend',
		meetingStatus: 'open_voor_voorstellen',
		late: true,
		run: (a, id) => approveLateSubmission(a, id),
		deniedTo: ['uvwBestuurder', 'bzkMedewerker']
	}
];

/** An item of VNG on a meeting, forced into a status (with a position when it is placed). */
async function itemIn(status: ItemStatus, meetingStatus: MeetingStatus, late = false) {
	const meeting = await openMeetingFor(team);
	const item = await draftItem(team.vngMedewerker, itemInput({ meetingId: meeting.id }));
	await forceItem(item.id, {
		status,
		submittedAt: status === 'concept' ? null : new Date(),
		position: status === 'geagendeerd' ? 1 : null,
		minutes: status === 'geagendeerd' ? 20 : null,
		lateSubmission: late
	});
	await forceMeetingStatus(meeting.id, meetingStatus);
	return item;
}

describe('agenda item lifecycle: every verb from every status', () => {
	for (const verb of verbs) {
		for (const status of itemStatuses) {
			const allowed = verb.allowed.includes(status);
			// The secretariaat cannot see another organisation's concept at all.
			const expected = allowed
				? 'ok'
				: verb.by === 'secretariaat' && status === 'concept'
					? '404'
					: 'state';
			it(`${verb.name} by the ${verb.by} from ${status}: ${expected}`, async () => {
				const item = await itemIn(status, verb.meetingStatus, verb.late);
				const actor = verb.by === 'proposer' ? team.vngBestuurder : team.secretariaat;
				const result = await rejection(verb.run(actor, item.id));
				const after = await getItem(team.vngMedewerker, item.id);
				if (expected === 'ok') {
					expect(result).toBeNull();
					expect(after.status).toBe(verb.name === 'updateItem' ? status : verb.to);
				} else if (expected === '404') {
					expect((result as AccessError).status).toBe(404);
					expect(after.status).toBe(status);
				} else {
					expect(result).toBeInstanceOf(StateError);
					expect(after.status).toBe(status);
				}
			});
		}
		if (verb.deniedTo.length) {
			it(`${verb.name} is refused (403) to ${verb.deniedTo.join(', ')}`, async () => {
				const item = await itemIn(verb.allowed.at(-1)!, verb.meetingStatus, verb.late);
				for (const who of verb.deniedTo) {
					const caught = await rejection(verb.run(team[who], item.id));
					expect(caught, who).toBeInstanceOf(AccessError);
					expect((caught as AccessError).status, who).toBe(403);
				}
				expect((await getItem(team.vngMedewerker, item.id)).status).toBe(verb.allowed.at(-1));
			});
		}
	}
});

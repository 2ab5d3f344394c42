import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/lib/server/access';
import { useDb } from '../../../src/lib/server/db';
import {
	adoptDecisionList,
	answerCorrection,
	getDecisionList,
	proposeCorrection,
	publishCorrection,
	publishDecisionList,
	recordDecision,
	startVerification,
	verifyDecisionList
} from '../../../src/lib/server/decisions';
import { markHeld } from '../../../src/lib/server/meetings';
import { lastEventId, toWire, visibleEventsSince } from '../../../src/lib/server/realtime/rooms';
import { DecisionListLive } from '../../../src/lib/realtime/decision-list-live.svelte';
import { concernsPage } from '../../../src/lib/realtime/live.svelte';
import { WorkLive } from '../../../src/lib/realtime/work-live.svelte';
import type { Viewer } from '../../../src/lib/viewer';
import { load as loadList } from '../../../src/routes/vergaderingen/[id]/besluitenlijst/+page.server';
import { load as loadWork } from '../../../src/routes/mijn-werk/+page.server';
import { useProcessDatabase } from '../process-env';
import { createTeam, type Team } from '../agenda/fixtures';
import { adoptedMeeting, bestuurders, decideAll } from './fixtures';

useProcessDatabase();

/*
 * The besluitenlijst page and Mijn werk apply the list's events in place
 * (src/lib/realtime/decision-list-live.svelte.ts, work-live.svelte.ts). Here each is followed as a
 * browser follows it: loaded through its route's load, then kept up with exactly the events its
 * viewer receives (the replay's query, the live layer's concernsPage), reloading only when it
 * answers that it cannot apply one. After every step of a list's whole way the followed page must
 * equal a fresh load, and none of them may have needed a reload.
 */

type Load = (event: never) => Promise<unknown>;

const viewerOf = (actor: Actor): Viewer => ({
	personId: actor.personId,
	organisationId: actor.organisationId,
	party: actor.party,
	name: actor.name,
	role: actor.role,
	organisationName: '',
	mayAdminister: false,
	mayReadAudit: false
});

/** One page in one browser: its state, where its events start, and how often it reloaded. */
class Follower<D, S extends { apply(event: ReturnType<typeof toWire>): boolean }> {
	state!: S;
	reloads = 0;
	#since = 0;

	constructor(
		readonly actor: Actor,
		readonly route: string,
		readonly params: Record<string, string>,
		readonly load: Load,
		readonly make: (data: D) => S
	) {}

	async #loaded(): Promise<D> {
		const event = {
			locals: { actor: this.actor, session: { twoFactorVerified: true, totpEnabled: true } },
			url: new URL('http://localhost/'),
			params: this.params,
			depends: () => {}
		};
		return (await this.load(event as never)) as D;
	}

	async open() {
		this.#since = await lastEventId(await useDb());
		this.state = this.make(await this.#loaded());
	}

	async catchUp() {
		const rows = await visibleEventsSince(await useDb(), this.actor, this.#since, 1000);
		for (const row of rows) {
			const event = toWire(row);
			this.#since = event.id;
			const page = { routeId: this.route, params: this.params };
			if (!concernsPage(event, page, viewerOf(this.actor))) continue;
			if (!this.state.apply(event)) {
				this.reloads++;
				return this.open();
			}
		}
	}

	async fresh(): Promise<S> {
		return this.make(await this.#loaded());
	}
}

type ListData = { list: ConstructorParameters<typeof DecisionListLive>[0] };
type WorkData = ConstructorParameters<typeof WorkLive>[0];

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

const inDays = (days: number) =>
	new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('the besluitenlijst followed live agrees with a fresh load', () => {
	it('its whole way: sent, verified, corrected, changed, adopted, published and corrected again', async () => {
		const { meeting, items } = await adoptedMeeting(team);
		await decideAll(
			team,
			items.map((item) => item.id)
		);
		await markHeld(team.secretariaat, meeting.id);
		const params = { id: meeting.id };
		const page = (actor: Actor) =>
			new Follower(
				actor,
				'/vergaderingen/[id]/besluitenlijst',
				params,
				loadList as Load,
				(data: ListData) => new DecisionListLive(data.list)
			);
		const work = (actor: Actor) =>
			new Follower(
				actor,
				'/mijn-werk',
				{},
				loadWork as Load,
				(data: WorkData) => new WorkLive(data)
			);
		const lists = [page(team.uvwMedewerker), page(team.secretariaat)];
		const works = [work(team.vngBestuurder), work(team.secretariaat)];
		for (const follower of [...lists, ...works]) await follower.open();

		async function step(change: () => Promise<unknown>) {
			await change();
			for (const follower of lists) {
				await follower.catchUp();
				expect(follower.state.list).toEqual((await follower.fresh()).list);
			}
			for (const follower of works) {
				await follower.catchUp();
				expect(follower.state.sections).toEqual((await follower.fresh()).sections);
			}
		}

		const [rijk, vng, ipo, uvw] = bestuurders(team);
		await step(() => startVerification(team.secretariaat, meeting.id, { closesOn: inDays(7) }));
		expect(works[0]!.state.sections.find((s) => s.kind === 'listsToVerify')!.tasks).toHaveLength(1);
		await step(() => verifyDecisionList(rijk!, meeting.id));
		await step(() => verifyDecisionList(vng!, meeting.id));
		const first = (await getDecisionList(team.secretariaat, meeting.id))!.decisions[0]!;
		let proposed: { id: string } | undefined;
		await step(
			async () =>
				(proposed = await proposeCorrection(ipo!, meeting.id, {
					decisionId: first.id,
					proposal: '1. kennis te nemen van de brief;\n2. de BOFv om advies te vragen.',
					reason: 'Zo is het gezegd.'
				}))
		);
		expect(lists[0]!.state.list.corrections).toHaveLength(1);
		// Taken over: the decision changes, the akkoorden of Rijk and VNG no longer hold.
		await step(() => answerCorrection(team.secretariaat, proposed!.id, { accept: true }));
		expect(lists[0]!.state.list.verifications.map((word) => word.state)).toEqual([
			'opnieuw_beoordelen',
			'opnieuw_beoordelen',
			'correcties',
			'open'
		]);
		// The secretariaat changes another decision while the words stand.
		await step(() =>
			recordDecision(team.secretariaat, items[1]!.id, {
				outcome: 'aangenomen',
				dicta: ['de notitie vast te stellen.']
			})
		);
		expect(lists[0]!.state.list.verifications[0]!.changedSince).toEqual([1, 2]);
		for (const bestuurder of [rijk, vng, ipo, uvw])
			await step(() => verifyDecisionList(bestuurder!, meeting.id));
		await step(() => adoptDecisionList(team.secretariaat, meeting.id));
		const openbaar = items.slice(0, 2).map((item) => item.id);
		await step(() =>
			publishDecisionList(team.secretariaat, meeting.id, { publicItemIds: openbaar })
		);
		// After publication a change to a decision, then a corrected version.
		await step(() =>
			recordDecision(team.secretariaat, items[2]!.id, {
				outcome: 'aangenomen',
				dicta: ['de brief te beantwoorden.']
			})
		);
		await step(() =>
			publishCorrection(team.secretariaat, meeting.id, {
				publicItemIds: openbaar,
				reasonKind: 'procedureel',
				note: 'Punt 3 aangevuld.'
			})
		);
		expect(lists[0]!.state.list).toMatchObject({ status: 'gepubliceerd', publishedVersion: 2 });
		expect(
			works[1]!.state.sections.find((s) => s.kind === 'decisionLists')!.tasks.map((t) => t.id)
		).not.toContain(meeting.id);
		expect([...lists, ...works].map((follower) => follower.reloads)).toEqual([0, 0, 0, 0]);
	});
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/server/access';
import {
	adoptAgenda,
	approveLateSubmission,
	declineItem,
	deferItem,
	draftItem,
	inviteCoSponsor,
	placeItem,
	recordApproval,
	submitItem,
	updateItem,
	withdrawItem
} from '../../src/lib/server/agenda';
import { useDb } from '../../src/lib/server/db';
import { markHeld, startAgendaAlignment, updateMeeting } from '../../src/lib/server/meetings';
import { recordDecision } from '../../src/lib/server/decisions';
import { lastEventId, toWire, visibleEventsSince } from '../../src/lib/server/realtime/rooms';
import { LiveItemList } from '../../src/lib/realtime/list-live.svelte';
import { mineLive, unscheduledRule, type MineRow } from '../../src/lib/realtime/item-lists';
import { concernsPage } from '../../src/lib/realtime/live.svelte';
import type { RealtimeEvent } from '../../src/lib/realtime/protocol';
import { ReviewLive } from '../../src/lib/realtime/review-live.svelte';
import { SecretariatLive } from '../../src/lib/realtime/secretariat-live.svelte';
import type { Viewer } from '../../src/lib/viewer';
import { load as loadMine } from '../../src/routes/mijn-voorstellen/+page.server';
import { load as loadUnscheduled } from '../../src/routes/nog-te-agenderen/+page.server';
import { load as loadSecretariat } from '../../src/routes/secretariaat/+page.server';
import { load as loadReview } from '../../src/routes/ter-beoordeling/+page.server';
import { itemInput, openMeetingFor, type Team, createTeam } from './agenda/fixtures';
import { planned } from './meetings/fixtures';
import { openForProposals } from '../../src/lib/server/meetings';
import { useProcessDatabase } from './process-env';

useProcessDatabase();

/*
 * The list screens apply live events with the lists' own rules (src/lib/agenda/list-rules.ts,
 * src/lib/realtime/item-lists.ts). Here each screen is followed as a browser follows it: loaded
 * through its route's load, then kept up with exactly the events its viewer receives (the replay's
 * query, the live layer's concernsPage), reloading only when it answers that it cannot apply one.
 * After every change the followed list must equal a fresh load of the same route.
 */

type Load = (event: never) => Promise<unknown>;

/** The route's load, as the signed-in viewer's request. */
async function loaded<T>(load: Load, actor: Actor, path: string): Promise<T> {
	const event = {
		locals: { actor, session: { twoFactorVerified: true, totpEnabled: true } },
		url: new URL(`http://localhost${path}`),
		params: {},
		// No flash message waits (Mijn voorstellen reads one after a concept was discarded).
		cookies: { get: () => undefined, delete: () => {} },
		depends: () => {}
	};
	return (await load(event as never)) as T;
}

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

interface Applies {
	apply(event: RealtimeEvent): boolean;
}

/** One screen in one browser: its state, where its events start, and how often it reloaded. */
class Follower<D, S extends Applies> {
	state!: S;
	reloads = 0;
	#since = 0;

	constructor(
		readonly actor: Actor,
		readonly route: string,
		readonly load: Load,
		readonly make: (data: D) => S
	) {}

	async open() {
		this.#since = await lastEventId(await useDb());
		this.state = this.make(await loaded<D>(this.load, this.actor, this.route));
	}

	/** Applies what reached the viewer since; a reload starts again from a fresh load. */
	async catchUp() {
		const rows = await visibleEventsSince(await useDb(), this.actor, this.#since, 1000);
		for (const row of rows) {
			const event = toWire(row);
			this.#since = event.id;
			const page = { routeId: this.route, params: {} };
			if (!concernsPage(event, page, viewerOf(this.actor))) continue;
			if (!this.state.apply(event)) {
				this.reloads++;
				return this.open();
			}
		}
	}

	/** A fresh load of the same screen, made into state the same way. */
	async fresh(): Promise<S> {
		return this.make(await loaded<D>(this.load, this.actor, this.route));
	}
}

type Rows = { id: string; title: string; status: string }[];
const shown = (rows: Rows) => rows.map(({ id, title, status }) => ({ id, title, status }));

type MineData = Parameters<typeof mineLive>[0] & { items: MineRow[] };
type UnscheduledData = { items: ConstructorParameters<typeof LiveItemList>[0] };

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

describe('list screens followed live agree with a fresh load', () => {
	it('Mijn voorstellen, Nog te agenderen and the secretariaat through a run of changes', async () => {
		const mine = new Follower(
			team.vngMedewerker,
			'/mijn-voorstellen',
			loadMine as Load,
			(data: MineData) => mineLive(data)
		);
		const unscheduled = new Follower(
			team.ipoMedewerker,
			'/nog-te-agenderen',
			loadUnscheduled as Load,
			(data: UnscheduledData) => new LiveItemList(data.items as never, unscheduledRule)
		);
		const secretariat = new Follower(
			team.secretariaat,
			'/secretariaat',
			loadSecretariat as Load,
			(data: ConstructorParameters<typeof SecretariatLive>[0]) => new SecretariatLive(data)
		);
		const followers = [mine, unscheduled, secretariat];
		const soon = await openMeetingFor(team, 30);
		const late = await openMeetingFor(team, 3);
		for (const follower of followers) await follower.open();

		async function step(change: () => Promise<unknown>) {
			await change();
			for (const follower of followers) await follower.catchUp();
			expect(shown(mine.state.list.rows)).toEqual(shown((await mine.fresh()).list.rows));
			expect(mine.state.list.rows.map((r) => r.meetingTitle)).toEqual(
				(await mine.fresh()).list.rows.map((r) => r.meetingTitle)
			);
			expect(shown(unscheduled.state.rows as Rows)).toEqual(
				shown((await unscheduled.fresh()).rows as Rows)
			);
			const overview = await secretariat.fresh();
			for (const part of ['lateSubmissions', 'toSchedule'] as const)
				expect(shown(secretariat.state.sections[part])).toEqual(shown(overview.sections[part]));
			expect(shown(secretariat.state.toMarkTreated.rows)).toEqual(
				shown(overview.toMarkTreated.rows)
			);
			expect(secretariat.state.inAlignment).toEqual(overview.inAlignment);
		}

		const vng = team.vngMedewerker;
		const draft = (meetingId: string | null, title: string, actor = vng) =>
			draftItem(actor, itemInput({ meetingId, title }));
		let a = await draftItem(vng, itemInput({ meetingId: null, title: 'Jeugdzorg' }));
		await step(async () => (a = await submitItem(vng, a.id)));
		let b = await draft(soon.id, 'Omgevingswet');
		await step(async () => (b = await submitItem(vng, b.id)));
		const c = await draft(null, 'Wonen', team.ipoMedewerker);
		await step(() => submitItem(team.ipoMedewerker, c.id));
		let d = await draft(late.id, 'Klimaatadaptatie');
		await step(async () => (d = await submitItem(vng, d.id)));
		await step(() => approveLateSubmission(team.secretariaat, d.id));
		await step(() =>
			updateItem(vng, a.id, { expectedVersion: a.version, title: 'Jeugdzorg 2026' })
		);
		await step(() => inviteCoSponsor(vng, a.id, { party: 'ipo' }));
		await step(() => placeItem(team.secretariaat, b.id, { minutes: 20 }));
		// Last on the agenda: holding it over shifts no other item's place (see mineRule).
		await step(() => placeItem(team.secretariaat, a.id, { meetingId: soon.id, minutes: 30 }));
		await step(() => declineItem(team.secretariaat, c.id, { reason: 'Hoort aan een sectortafel' }));
		await step(() => deferItem(team.secretariaat, a.id, { reason: 'Later', toMeetingId: null }));
		await step(() => withdrawItem(vng, d.id));
		await step(() =>
			updateMeeting(team.secretariaat, soon.id, {
				expectedVersion: soon.version,
				title: 'Overhedenoverleg najaar'
			})
		);
		// A new concept of VNG: on Mijn voorstellen only, for a meeting the page knows.
		await step(() => draft(soon.id, 'Waterschapsbelasting'));

		// What the lists could not build from an event: an item held over to the list (its
		// submission date is not in the event) on the two lists that gain it. Nothing else.
		expect([mine.reloads, unscheduled.reloads, secretariat.reloads]).toEqual([0, 1, 1]);
		expect(shown(unscheduled.state.rows as Rows).map((r) => r.title)).toEqual(['Jeugdzorg 2026']);
	});

	it('the secretariaat’s agenda in afstemming and its held meeting’s items', async () => {
		const secretariat = new Follower(
			team.secretariaat,
			'/secretariaat',
			loadSecretariat as Load,
			(data: ConstructorParameters<typeof SecretariatLive>[0]) => new SecretariatLive(data)
		);
		// A meeting that began an hour ago, its agenda still to settle.
		const meeting = await openForProposals(
			team.secretariaat,
			(await planned(team.secretariaat, {}, -1 / 24)).id
		);
		const item = await submitItem(
			team.vngMedewerker,
			(await draftItem(team.vngMedewerker, itemInput({ meetingId: meeting.id }))).id
		);
		await approveLateSubmission(team.secretariaat, item.id);
		await placeItem(team.secretariaat, item.id, { minutes: 30 });
		await secretariat.open();
		const check = async () => {
			await secretariat.catchUp();
			const overview = await secretariat.fresh();
			expect(secretariat.state.inAlignment).toEqual(overview.inAlignment);
			expect(shown(secretariat.state.toMarkTreated.rows)).toEqual(
				shown(overview.toMarkTreated.rows)
			);
		};
		await startAgendaAlignment(team.secretariaat, meeting.id);
		await check();
		const bestuurders = [
			team.vngBestuurder,
			team.ipoBestuurder,
			team.uvwBestuurder,
			team.rijkBestuurder
		];
		for (const bestuurder of bestuurders) {
			await recordApproval(bestuurder, meeting.id, { decision: 'akkoord' });
			await check();
		}
		expect(secretariat.state.inAlignment.find((m) => m.id === meeting.id)?.akkoordParties).toEqual([
			'rijk',
			'vng',
			'ipo',
			'uvw'
		]);
		await adoptAgenda(team.secretariaat, meeting.id);
		await recordDecision(team.secretariaat, item.id, { outcome: 'ter_kennisgeving_aangenomen' });
		// Closing the meeting makes its decided items behandeld: none is left to mark.
		await markHeld(team.secretariaat, meeting.id);
		await check();
		expect(secretariat.state.toMarkTreated.rows).toEqual([]);
		// The meeting's steps reloaded (into afstemming; adopted and held, caught up at once), the
		// parties' words and the item did not.
		expect(secretariat.reloads).toBe(2);
	});

	it('Ter beoordeling: the party’s akkoord takes an agenda off, a change brings it back', async () => {
		const review = new Follower(
			team.vngBestuurder,
			'/ter-beoordeling',
			loadReview as Load,
			(data: ConstructorParameters<typeof ReviewLive>[0] & { party: 'vng' }) =>
				new ReviewLive(data, data.party)
		);
		const meeting = await openMeetingFor(team, 40);
		const item = await submitItem(
			team.ipoMedewerker,
			(await draftItem(team.ipoMedewerker, itemInput({ meetingId: meeting.id }))).id
		);
		const placed = await placeItem(team.secretariaat, item.id, { minutes: 25 });
		await startAgendaAlignment(team.secretariaat, meeting.id);
		await review.open();
		const check = async () => {
			await review.catchUp();
			const rows = (state: ReviewLive<{ id: string; title: string }>) =>
				state.rows.map((row) => ({
					id: row.meeting.id,
					state: row.state,
					items: row.items,
					changes: row.changes.map((change) => change.description)
				}));
			expect(rows(review.state)).toEqual(rows(await review.fresh()));
		};
		const ours = () => review.state.rows.find((row) => row.meeting.id === meeting.id);
		expect(ours()?.state).toBe('open');
		await recordApproval(team.vngBestuurder, meeting.id, { decision: 'akkoord' });
		await check();
		expect(ours()).toBeUndefined();
		await updateItem(team.ipoMedewerker, item.id, {
			expectedVersion: placed.version,
			title: 'Wonen en zorg'
		});
		await check();
		expect(ours()?.state).toBe('opnieuw_beoordelen');
		await recordApproval(team.ipoBestuurder, meeting.id, { decision: 'bezwaar', reason: 'Te vol' });
		await check();
		expect(review.reloads).toBe(0);
	});
});

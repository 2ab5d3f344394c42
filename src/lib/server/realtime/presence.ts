import { byPartyAndName, type PresentPerson } from '../../realtime/protocol';
import { logger } from '../logger';
import type { AppSocket, IO, PresenceKind, PresenceQuestion } from './io';
import type { RedisLinks } from './redis-links';
import { rooms } from './rooms';

/** Joins come in bursts: what changes within this time goes out as one message. */
const BATCH_MS = 250;
/** How often a process checks again whom only other processes hold (a process may have died). */
const RECHECK_MS = 15_000;
const ASK_TIMEOUT_MS = 3_000;

/** Who follows a meeting (told to its followers), or who edits an item (told to its followers). */
export interface Topic {
	kind: PresenceKind;
	id: string;
}

export type Presence = ReturnType<typeof presence>;

/**
 * Presence as deltas. Each process knows its own sockets exactly (`here`, changed at once) and
 * remembers what it has told its own sockets of each topic (`told`): the follow's answer gives a
 * socket that list, and every quarter of a second the people whose presence may have changed are
 * looked at again and the difference goes out (`joined`, `left`) to this process's sockets only.
 *
 * A person is present while any socket of theirs is, on any process. Whether another process has
 * one is asked, not remembered: it answers from its own sockets, and the adapter knows how many
 * processes there are to answer (a dead one no longer counts), so the answer is the truth of the
 * moment it was given. A process whose sockets of someone change tells the others, who ask in
 * turn. Both directions are messages through Redis, lost while it is away: when a gap ends, and
 * every RECHECK_MS for the people only other processes hold, each process asks again. Unable to
 * ask (Redis away), a process keeps what it told rather than let everyone elsewhere "leave".
 */
export function presence(io: IO, links: RedisLinks | null) {
	const here = new Map<string, Map<string, { person: PresentPerson; sockets: Set<string> }>>();
	const told = new Map<string, Told>();
	const loading = new Map<string, Promise<void>>();
	const pending = new Map<string, Pending>();
	const flushing = new Map<string, Promise<void>>();

	const keyOf = (topic: Topic) => `${topic.kind}:${topic.id}`;
	const audienceOf = (topic: Topic) =>
		topic.kind === 'meeting' ? rooms.meeting(topic.id) : rooms.item(topic.id);
	const hasAudienceHere = (topic: Topic) =>
		(io.of('/').adapter.rooms.get(audienceOf(topic))?.size ?? 0) > 0;

	function personOf(socket: AppSocket): PresentPerson {
		const { personId, name, party } = socket.data.identity.actor;
		return { personId, name, party };
	}

	/** Marks people (null: everyone; none: only whether anyone here still follows) for the next batch. */
	function mark(topic: Topic, personId?: string | null, changedHere = false) {
		const batch = pending.get(keyOf(topic)) ?? schedule(topic);
		if (personId === null) batch.everyone = true;
		else if (personId) (changedHere ? batch.changedHere : batch.others).add(personId);
	}

	function schedule(topic: Topic): Pending {
		const key = keyOf(topic);
		const batch: Pending = { topic, changedHere: new Set(), others: new Set(), everyone: false };
		pending.set(key, batch);
		batch.timer = setTimeout(() => {
			pending.delete(key);
			const previous = flushing.get(key) ?? Promise.resolve();
			// One batch of a topic at a time: a slow answer must not overtake a newer one.
			const run = previous
				.then(() => flush(batch))
				.catch((error: unknown) => logger.warn({ err: error }, 'realtime: presence failed'))
				.finally(() => {
					if (flushing.get(key) === run) flushing.delete(key);
				});
			flushing.set(key, run);
		}, BATCH_MS);
		batch.timer.unref();
		return batch;
	}

	/** Whom other processes have there (null: they could not be asked). */
	async function askOthers(topic: Topic, personIds: string[] | null) {
		const found = new Map<string, PresentPerson>();
		if (!links || personIds?.length === 0) return found;
		if (!links.up()) return null;
		const question: PresenceQuestion = { kind: topic.kind, id: topic.id, personIds };
		let timer: NodeJS.Timeout | undefined;
		try {
			const answers = await Promise.race([
				io.serverSideEmitWithAck('oho:presence:who', question),
				new Promise<never>((_, reject) => {
					timer = setTimeout(() => reject(new Error('no answer in time')), ASK_TIMEOUT_MS);
				})
			]);
			for (const people of answers) for (const person of people) found.set(person.personId, person);
			return found;
		} catch (error) {
			logger.warn({ err: error }, 'realtime: could not ask the other processes who is present');
			return null;
		} finally {
			clearTimeout(timer);
		}
	}

	/** The first socket here to follow a topic: learn who is present before telling anyone. */
	function load(topic: Topic): Promise<void> {
		const key = keyOf(topic);
		if (told.has(key)) return Promise.resolve();
		const existing = loading.get(key);
		if (existing) return existing;
		const work = askOthers(topic, null)
			.then((others) => {
				const people = new Map(others ?? []);
				for (const [id, entry] of here.get(key) ?? []) people.set(id, entry.person);
				told.set(key, { people, promised: new Set(), complete: others !== null });
			})
			.finally(() => loading.delete(key));
		loading.set(key, work);
		return work;
	}

	async function flush({ topic, changedHere, others, everyone }: Pending) {
		const key = keyOf(topic);
		if (links && changedHere.size > 0) {
			io.serverSideEmit('oho:presence:changed', { ...topic, personIds: [...changedHere] });
		}
		await loading.get(key);
		const state = told.get(key);
		if (!state) return; // nobody here to tell
		if (!hasAudienceHere(topic)) {
			told.delete(key);
			return;
		}
		const askAll = everyone || !state.complete;
		const local = () => here.get(key) ?? new Map<string, { person: PresentPerson }>();
		const looked = askAll
			? null
			: [...new Set([...changedHere, ...others])].filter((id) => !local().has(id));
		const elsewhere = await askOthers(topic, looked);
		if (told.get(key) !== state) return; // made anew meanwhile, from a later truth

		const candidates = askAll
			? new Set([
					...state.people.keys(),
					...state.promised,
					...local().keys(),
					...(elsewhere?.keys() ?? [])
				])
			: new Set([...changedHere, ...others]);
		const joined: PresentPerson[] = [];
		const left: string[] = [];
		for (const personId of candidates) {
			const person = local().get(personId)?.person ?? elsewhere?.get(personId);
			if (!person && elsewhere === null) continue; // unknown: keep what was told
			const promised = state.promised.delete(personId);
			if (person) {
				if (!state.people.has(personId)) joined.push(person);
				state.people.set(personId, person);
			} else if (state.people.delete(personId) || promised) {
				left.push(personId);
			}
		}
		if (askAll && elsewhere !== null) state.complete = true;
		if (elsewhere === null) state.complete = false;
		if (joined.length > 0 || left.length > 0) send(topic, joined.sort(byPartyAndName), left);
	}

	function send(topic: Topic, joined: PresentPerson[], left: string[]) {
		const audience = io.local.to(audienceOf(topic));
		if (topic.kind === 'meeting') audience.emit('presence', { meetingId: topic.id, joined, left });
		else audience.emit('editing', { itemId: topic.id, joined, left });
	}

	io.on('oho:presence:who', (question, answer) => {
		const people = here.get(keyOf(question)) ?? new Map();
		const ids = question.personIds ?? [...people.keys()];
		answer(ids.flatMap((id) => (people.has(id) ? [people.get(id)!.person] : [])));
	});
	io.on('oho:presence:changed', (change) => {
		const key = keyOf(change);
		if (!told.has(key) && !loading.has(key)) return; // nobody here to tell
		for (const personId of change.personIds) mark({ kind: change.kind, id: change.id }, personId);
	});

	function recheckWhatOthersHold() {
		for (const [key, state] of told) {
			const local = here.get(key);
			const elsewhereOnly = [...state.people.keys()].some((id) => !local?.has(id));
			if (elsewhereOnly || !state.complete) mark(topicOf(key), null);
		}
	}
	const recheck = links ? setInterval(recheckWhatOthersHold, RECHECK_MS) : undefined;
	recheck?.unref();
	links?.onBack(() => {
		for (const key of told.keys()) mark(topicOf(key), null);
	});

	return {
		/** A socket is now present (follows the meeting, edits the item). */
		join(topic: Topic, socket: AppSocket) {
			const key = keyOf(topic);
			const people = here.get(key) ?? new Map();
			here.set(key, people);
			const person = personOf(socket);
			const entry = people.get(person.personId);
			if (entry) return void entry.sockets.add(socket.id); // another tab: nothing changes
			people.set(person.personId, { person, sockets: new Set([socket.id]) });
			mark(topic, person.personId, true);
		},

		/** A socket is no longer present; its person leaves with their last socket. */
		leave(topic: Topic, socket: AppSocket) {
			const key = keyOf(topic);
			const people = here.get(key);
			const { personId } = personOf(socket);
			const entry = people?.get(personId);
			if (!entry?.sockets.delete(socket.id) || entry.sockets.size > 0) return;
			people!.delete(personId);
			if (people!.size === 0) here.delete(key);
			mark(topic, personId, true);
		},

		/**
		 * The list for a follow's answer, made at the moment the answer is sent (call the returned
		 * function right before): the deltas that follow it on the socket start from exactly that.
		 * `self`: the follower is named even before the next batch says they joined.
		 */
		async listFor(topic: Topic, self: AppSocket | null): Promise<() => PresentPerson[]> {
			await load(topic);
			return () => {
				const key = keyOf(topic);
				const state = told.get(key);
				const people = new Map(state?.people ?? []);
				if (self && state) {
					const person = personOf(self);
					if (!people.has(person.personId)) {
						people.set(person.personId, person);
						// Told to this socket only: the next batch says "left" if that is no longer true.
						state.promised.add(person.personId);
						mark(topic, person.personId);
					}
				}
				return [...people.values()].sort(byPartyAndName);
			};
		},

		/** A socket stopped following (the item): with nobody here left, forget what was told. */
		unfollowed(topic: Topic) {
			if (told.has(keyOf(topic))) mark(topic);
		},

		stop() {
			clearInterval(recheck);
			for (const entry of pending.values()) clearTimeout(entry.timer);
			pending.clear();
		}
	};
}

interface Told {
	/** What every socket of the topic's audience here has been told. */
	people: Map<string, PresentPerson>;
	/** People named to one socket only, in its follow's answer (the follower themselves). */
	promised: Set<string>;
	/** False when the other processes could not be asked: ask everyone at the next batch. */
	complete: boolean;
}

interface Pending {
	topic: Topic;
	/** People whose sockets on this process changed: the other processes hear of them. */
	changedHere: Set<string>;
	/** People another process said changed, or who were promised. */
	others: Set<string>;
	/** Look at everyone again (a gap ended; the periodic check). */
	everyone: boolean;
	timer?: NodeJS.Timeout;
}

function topicOf(key: string): Topic {
	const split = key.indexOf(':');
	return { kind: key.slice(0, split) as PresenceKind, id: key.slice(split + 1) };
}

/**
 * Which events a client has handled, and where its next replay starts. Shared by the browser
 * client (./client.svelte.ts) and the machine client of the tests and benchmarks; the same rule
 * is written out for other systems in docs/realtime.md ("Replay and catching up").
 *
 * Events of one app process reach its sockets at once, those of another process a little later
 * through Redis. So a client can hold event n+1 while n is still on its way, and if its
 * connection drops then, a replay from n+1 would never bring n. The replay therefore starts at
 * the floor: the newest id below which nothing can still be on its way, which is an id that
 * arrived at least REPLAY_MARGIN_MS before something else arrived on the same live connection
 * (what committed before it reaches the client within that margin). A connection that drops
 * proves nothing more until a replay on the next one has brought what was on its way. Replay and
 * live events overlap above the floor: each id is handled once.
 */

/** How long an older event may still be on its way after a newer one arrived. */
export const REPLAY_MARGIN_MS = 5_000;
/** Ids remembered below the floor, for a resync that asks for a replay from further back. */
const KEEP_BELOW_FLOOR = 2_000;

export class ReplayPoint {
	#floor: number;
	#highest: number;
	#handled = new Set<number>();
	/** Handled ids above the floor and when they came, oldest first. */
	#arrivals: Array<{ id: number; at: number }> = [];
	/** Between a dropped connection and the replay on the next one, nothing is proof. */
	#live = false;

	constructor(
		since: number,
		private readonly marginMs = REPLAY_MARGIN_MS,
		private readonly now: () => number = () => performance.now()
	) {
		this.#floor = since;
		this.#highest = since;
	}

	/** Where the next replay starts: every event up to here has been handled. */
	get floor(): number {
		return this.#floor;
	}

	/** The newest id handled (or the starting point). */
	get highest(): number {
		return this.#highest;
	}

	/** True the first time an id comes (handle the event), false for a repeat. */
	take(id: number): boolean {
		if (this.#handled.has(id)) return false;
		this.#handled.add(id);
		this.#highest = Math.max(this.#highest, id);
		if (id > this.#floor) this.#arrivals.push({ id, at: this.now() });
		return true;
	}

	/**
	 * Something arrived on a live connection: whatever came a margin before is safe now. Call it
	 * on every message (events, presence, pings), never while disconnected.
	 */
	alive(): void {
		if (!this.#live) return;
		const cutoff = this.now() - this.marginMs;
		let raised = false;
		while (this.#arrivals.length > 0 && this.#arrivals[0]!.at <= cutoff) {
			this.#floor = Math.max(this.#floor, this.#arrivals.shift()!.id);
			raised = true;
		}
		if (raised) this.#forget();
	}

	/** The connection dropped: what is still on its way to it will not come. */
	broken(): void {
		this.#live = false;
	}

	/**
	 * A replay from the floor has answered on a live connection: it brought everything that had
	 * committed, so what arrived before counts as arriving now, and the margin runs from here.
	 */
	replayed(): void {
		this.#live = true;
		const at = this.now();
		for (const arrival of this.#arrivals) arrival.at = at;
	}

	/**
	 * The next replay must start at `since` or before (a resync: events of another process may
	 * have missed this client while Redis was away). Only lowers.
	 */
	lower(since: number): void {
		if (since >= this.#floor) return;
		this.#floor = since;
		// What arrived since is no proof for what the resync's replay must still bring.
		this.#arrivals = [];
	}

	/** Too far behind: the page reloaded its data as of `newest`; go on from there. */
	skipTo(newest: number): void {
		if (newest <= this.#floor) return;
		this.#floor = newest;
		this.#highest = Math.max(this.#highest, newest);
		this.#arrivals = this.#arrivals.filter((arrival) => arrival.id > newest);
	}

	#forget() {
		if (this.#handled.size <= 2 * KEEP_BELOW_FLOOR) return;
		const below = [...this.#handled].filter((id) => id <= this.#floor).sort((a, b) => b - a);
		for (const id of below.slice(KEEP_BELOW_FLOOR)) this.#handled.delete(id);
	}
}

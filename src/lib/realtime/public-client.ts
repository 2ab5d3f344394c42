import { RealtimeClient } from './client.svelte';
import type { RealtimeEvent } from './protocol';
import { PUBLIC_NAMESPACE } from './public-protocol';

/**
 * The public pages' live connection: the signed-in client's machinery (./client.svelte.ts: each
 * event once, the catch-up from its replay point after a lost connection, a reload when too far
 * behind) on the anonymous namespace /public. Lazy: the first public page that follows connects;
 * once no public page has followed for a little while (the visitor went elsewhere), it closes, so
 * a visitor costs the server a connection only while reading a public page. Signed in, the
 * browser carries it on the signed-in socket's connection (socket.io multiplexes namespaces).
 */

/** How long the connection outlives the last public page (a click from one to the next). */
const LINGER_MS = 10_000;
/** Events kept for a page that follows while the connection is already there. */
const KEEP_RECENT = 20;

interface Follower {
	onEvent: (event: RealtimeEvent) => void;
	onReload: () => void;
}

export class PublicLive {
	#client: RealtimeClient | null = null;
	#followers = new Set<Follower>();
	#recent: RealtimeEvent[] = [];
	#closeTimer: ReturnType<typeof setTimeout> | undefined;

	/**
	 * Hands the page every public event after `since` (the newest event id when its data was read)
	 * and asks it to reload its data when the client fell too far behind. The returned function
	 * stops it (on leaving the page).
	 */
	follow(since: number, onEvent: Follower['onEvent'], onReload: Follower['onReload']) {
		clearTimeout(this.#closeTimer);
		const follower = { onEvent, onReload };
		this.#followers.add(follower);
		if (this.#client) {
			// Between this page's data and now, from one public page to the next: what came meanwhile.
			for (const event of this.#recent) if (event.id > since) onEvent(event);
		} else {
			this.#client = this.#connect(since);
		}
		return () => {
			this.#followers.delete(follower);
			if (this.#followers.size > 0) return;
			clearTimeout(this.#closeTimer);
			this.#closeTimer = setTimeout(() => this.#close(), LINGER_MS);
		};
	}

	#connect(since: number) {
		const client = new RealtimeClient();
		client.onEvent((event) => {
			this.#recent = [...this.#recent, event].slice(-KEEP_RECENT);
			for (const follower of this.#followers) follower.onEvent(event);
		});
		client.onReload(() => {
			for (const follower of this.#followers) follower.onReload();
		});
		client.start(since, PUBLIC_NAMESPACE);
		return client;
	}

	#close() {
		if (this.#followers.size > 0) return;
		this.#client?.stop();
		this.#client = null;
		this.#recent = [];
	}
}

/** The browser's one public connection. */
export const publicLive = new PublicLive();

import type { Page } from '@playwright/test';

/** An event as a page received it: pushed live, or in the answer to its replay. */
export interface Received {
	via: 'live' | 'replay';
	id: number;
	type: string;
	subjectId: string;
}

/**
 * What a page's live connection received, read off the socket.io frames (`42["event",{…}]` for a
 * live event, `43<ack id>[{ok, events}]` for the answer to a replay). Tests of what must NOT reach
 * a page use it: once a later event has arrived on the same connection, anything sent before it is
 * in the record too, so its absence there is a finding, not a guess after a wait.
 */
export class RealtimeRecord {
	readonly received: Received[] = [];

	/** Takes one frame the server sent (text frames only; socket.io sends JSON as text). */
	add(frame: string | Buffer): void {
		if (typeof frame !== 'string') return;
		const packet = /^4([23])\d*(\[[\s\S]*\])$/.exec(frame);
		if (!packet) return;
		const data = JSON.parse(packet[2]!) as unknown[];
		if (packet[1] === '2' && data[0] === 'event') this.#push('live', [data[1]]);
		const answer = data[0] as { events?: unknown[] } | undefined;
		if (packet[1] === '3' && Array.isArray(answer?.events)) this.#push('replay', answer.events);
	}

	/** Everything received about one subject, in the order it came. */
	about(subjectId: string): Received[] {
		return this.received.filter((event) => event.subjectId === subjectId);
	}

	/** Records every live connection the page opens from now on (not for routed sockets). */
	static of(page: Page): RealtimeRecord {
		const record = new RealtimeRecord();
		page.on('websocket', (socket) => {
			socket.on('framereceived', ({ payload }) => record.add(payload));
		});
		return record;
	}

	#push(via: Received['via'], events: unknown[]) {
		for (const event of events as Array<Omit<Received, 'via'>>) {
			this.received.push({ via, id: event.id, type: event.type, subjectId: event.subjectId });
		}
	}
}

/**
 * Every sentence the live layer's screen-reader region takes, from now on. The region says one
 * sentence at a time, and another change (another test's, in a parallel worker) may take it over
 * at once: what a test expects to be said is looked for in the history, not in the region.
 */
export async function recordAnnouncements(page: Page): Promise<() => Promise<string[]>> {
	await page.evaluate(() => {
		const region = document.querySelector('.oho-live > [aria-live="polite"]:not([role])');
		if (!region) throw new Error('no live announcement region on this page');
		const said: string[] = [];
		(window as unknown as { ohoAnnounced: string[] }).ohoAnnounced = said;
		new MutationObserver(() => {
			const text = region.textContent?.trim() ?? '';
			if (text && said.at(-1) !== text) said.push(text);
		}).observe(region, { subtree: true, childList: true, characterData: true });
	});
	return () => page.evaluate(() => (window as unknown as { ohoAnnounced: string[] }).ohoAnnounced);
}

import { describe, expect, it } from 'vitest';
import { ReplayPoint } from './replay-point';

/** A point with a clock the test moves. */
function pointAt(since: number) {
	let now = 0;
	const point = new ReplayPoint(since, 5_000, () => now);
	point.replayed(); // connected and caught up
	return {
		point,
		at(ms: number) {
			now = ms;
			return point;
		}
	};
}

describe('the replay point', () => {
	it('stays below an event that just came, so an older one still on its way is replayed', () => {
		// Process B's own n+1 arrives; A's n is still crossing through Redis when the connection drops.
		const { point, at } = pointAt(10);
		expect(at(0).take(12)).toBe(true);
		at(100).broken();
		expect(point.floor).toBe(10); // the replay asks from 10 and brings 11
		expect(point.highest).toBe(12);
		expect(at(900).take(11)).toBe(true);
		expect(point.take(12)).toBe(false); // the replay's copy of 12: handled once
	});

	it('rises once something arrives a margin later on the same live connection', () => {
		const { point, at } = pointAt(0);
		at(0).take(5);
		at(4_999).alive();
		expect(point.floor).toBe(0);
		at(5_000).alive();
		expect(point.floor).toBe(5);
	});

	it('takes nothing that arrives after a drop as proof, until a replay on the new connection', () => {
		const { point, at } = pointAt(0);
		at(0).take(5);
		at(10).broken();
		at(60_000).alive(); // the next connection's first message, before its replay
		expect(point.floor).toBe(0);
		at(60_100).replayed();
		at(65_099).alive();
		expect(point.floor).toBe(0);
		at(65_100).alive();
		expect(point.floor).toBe(5);
	});

	it('goes back for a resync and still handles each id once', () => {
		const { point, at } = pointAt(0);
		for (const id of [3, 4, 5]) at(0).take(id);
		at(6_000).alive();
		expect(point.floor).toBe(5);
		point.lower(3);
		expect(point.floor).toBe(3);
		expect(point.take(4)).toBe(false);
		expect(point.take(5)).toBe(false);
		point.lower(4); // only ever lowers
		expect(point.floor).toBe(3);
	});

	it('skips to the newest id after a reload (too far behind)', () => {
		const { point } = pointAt(0);
		point.take(2);
		point.skipTo(900);
		expect(point.floor).toBe(900);
		expect(point.highest).toBe(900);
	});
});

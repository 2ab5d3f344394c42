import { describe, expect, it } from 'vitest';
import type { ApprovalRecord } from './meeting-view';
import { packRecords, unpackRecords } from './snapshot-wire';

const item = (n: number, changes = {}) => ({
	id: `00000000-0000-4000-8000-00000000000${n}`,
	title: `Punt ${n}`,
	purpose: 'bespreking',
	position: n,
	minutes: 10,
	version: 1,
	...changes
});

const record = (snapshot: ApprovalRecord['agendaSnapshot']): ApprovalRecord => ({
	party: 'vng',
	decision: 'akkoord',
	reason: null,
	itemPositions: {},
	decidedAt: new Date('2026-11-30T10:00:00Z'),
	decidedByName: 'Bestuurder VNG',
	resetAt: null,
	agendaSnapshot: snapshot
});

describe('the parties’ words on the wire', () => {
	it('sends a line equal to the item now as its id, and the others whole', () => {
		const items = [item(1), item(2, { title: 'Punt 2, herzien', version: 2 }), item(3)];
		const gone = item(4);
		const records = [record([item(1), item(2), item(3), gone])];
		const packed = packRecords(records, items);
		expect(packed[0]!.agendaSnapshot).toEqual([item(1).id, item(2), item(3).id, gone]);
		expect(unpackRecords(packed, items)).toEqual(records);
	});

	it('keeps a line whole when only its place or minutes changed', () => {
		const items = [item(1, { position: 2 }), item(2, { minutes: 30 })];
		const packed = packRecords([record([item(1), item(2)])], items);
		expect(packed[0]!.agendaSnapshot).toEqual([item(1), item(2)]);
	});

	it('refuses an id that names no item of the page', () => {
		const packed = packRecords([record([item(1)])], [item(1)]);
		expect(() => unpackRecords(packed, [])).toThrow(/names no item/);
	});
});

import type { AgendaSnapshotItem } from './compare';
import type { ApprovalRecord } from './meeting-view';

/*
 * The parties' words as the meeting page's first load sends them. Each carries the agenda it was
 * given on, item by item; mostly those lines are the items as they are now (an akkoord that still
 * matches), so sending them whole repeated the agenda once per party, a fifth of the page's bytes
 * and of the server's time to serialise it. A line equal to the item now goes as its id alone;
 * the browser (and the server's own render) fills it in from the items before anything uses it.
 */

/** A snapshot line: whole when it differs from the item now (or the item left), else its id. */
export type PackedSnapshotLine = AgendaSnapshotItem | string;
export type PackedApprovalRecord = Omit<ApprovalRecord, 'agendaSnapshot'> & {
	agendaSnapshot: PackedSnapshotLine[];
};

type Line = AgendaSnapshotItem;

const sameLine = (a: Line, b: Line) =>
	a.id === b.id &&
	a.version === b.version &&
	a.title === b.title &&
	a.purpose === b.purpose &&
	a.position === b.position &&
	a.minutes === b.minutes;

const lineOf = (item: Line): Line => ({
	id: item.id,
	title: item.title,
	purpose: item.purpose,
	position: item.position,
	minutes: item.minutes,
	version: item.version
});

export function packRecords(records: ApprovalRecord[], items: Line[]): PackedApprovalRecord[] {
	const now = new Map(items.map((item) => [item.id, item]));
	return records.map((record) => ({
		...record,
		agendaSnapshot: record.agendaSnapshot.map((line) => {
			const current = now.get(line.id);
			return current && sameLine(line, current) ? line.id : line;
		})
	}));
}

/** The records whole again; an id whose item is not among `items` cannot be filled: it throws. */
export function unpackRecords(records: PackedApprovalRecord[], items: Line[]): ApprovalRecord[] {
	const now = new Map(items.map((item) => [item.id, item]));
	return records.map((record) => ({
		...record,
		agendaSnapshot: record.agendaSnapshot.map((line) => {
			if (typeof line !== 'string') return line;
			const current = now.get(line);
			if (!current) throw new Error(`snapshot line ${line} names no item of the page`);
			return lineOf(current);
		})
	}));
}

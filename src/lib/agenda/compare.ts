/*
 * What changed between the agenda a party agreed to and the agenda now. Pure, so that the server
 * (resetting an akkoord, the meeting page's first load) and the browser (the live meeting page,
 * applying an event) say the same.
 */

/** One snapshot line of the agenda as a party agreed to it. */
export interface AgendaSnapshotItem {
	id: string;
	title: string;
	purpose: string;
	position: number | null;
	minutes: number | null;
	version: number;
}

export interface AgendaChange {
	kind: 'toegevoegd' | 'verwijderd' | 'verplaatst' | 'minuten' | 'gewijzigd';
	itemId: string;
	title: string;
	/** A Dutch sentence for the page. */
	description: string;
}

/** What changed between the agenda a party agreed to and the agenda now, in reading order. */
export function compareAgenda(
	before: AgendaSnapshotItem[],
	after: AgendaSnapshotItem[]
): AgendaChange[] {
	const changes: AgendaChange[] = [];
	const old = new Map(before.map((item) => [item.id, item]));
	const now = new Map(after.map((item) => [item.id, item]));
	for (const item of after) {
		const was = old.get(item.id);
		const title = item.title;
		if (!was) {
			changes.push({
				kind: 'toegevoegd',
				itemId: item.id,
				title,
				description: `"${title}" is op de agenda gezet als punt ${item.position}.`
			});
			continue;
		}
		if (was.position !== item.position)
			changes.push({
				kind: 'verplaatst',
				itemId: item.id,
				title,
				description: `"${title}" is verplaatst van punt ${was.position} naar punt ${item.position}.`
			});
		if (was.minutes !== item.minutes)
			changes.push({
				kind: 'minuten',
				itemId: item.id,
				title,
				description: `"${title}" heeft nu ${item.minutes ?? 0} minuten in plaats van ${was.minutes ?? 0}.`
			});
		if (was.version !== item.version || was.title !== item.title || was.purpose !== item.purpose)
			changes.push({
				kind: 'gewijzigd',
				itemId: item.id,
				title,
				description:
					was.title !== item.title
						? `"${was.title}" is gewijzigd en heet nu "${title}".`
						: `De inhoud van "${title}" is gewijzigd (versie ${was.version} → ${item.version}).`
			});
	}
	for (const item of before) {
		if (!now.has(item.id))
			changes.push({
				kind: 'verwijderd',
				itemId: item.id,
				title: item.title,
				description: `"${item.title}" staat niet meer op de agenda.`
			});
	}
	return changes;
}

import { z } from 'zod';
import { diffLines, type DiffLine } from '../agenda/diff';
import { partyLabels } from '../agenda/co-sponsors';
import { parseInput } from '../kernel/input';
import { formatDicta, outcomeLabels } from '../../decisions/outcomes';
import type {
	PublishedDecision,
	PublishedList,
	PublishedVersionMeta
} from '../../decisions/published';
import { getPublication } from './index';

/*
 * What changed between two published versions of a besluitenlijst, as readers compare them: per
 * item the text as the list reads it ("Besluit:" with its numbered dicta, the toezeggingen), line
 * by line. The line diff is the one the item history uses (agenda/diff.ts): the same reading of
 * "added" and "removed", and no second diff library for the same job.
 */

const versionNumber = z.coerce
	.number({ error: 'Kies een versie uit de lijst.' })
	.int({ error: 'Kies een versie uit de lijst.' })
	.min(1, { error: 'Kies een versie uit de lijst.' })
	.max(10_000, { error: 'Kies een versie uit de lijst.' });

export const comparisonInput = z
	.object({ from: versionNumber, to: versionNumber })
	.refine((value) => value.from !== value.to, {
		path: ['to'],
		error: 'Kies twee verschillende versies.'
	});

export interface ComparedSection {
	/** The item's id, or "lijst" for what the list says as a whole. */
	key: string;
	heading: string;
	status: 'changed' | 'added' | 'removed';
	lines: DiffLine[];
}

export interface Comparison {
	from: PublishedVersionMeta;
	to: PublishedVersionMeta;
	sections: ComparedSection[];
}

const commitmentLine = (c: PublishedDecision['commitments'][number]) =>
	`Toezegging: ${c.holder}: ${c.description}${c.dueDate ? ` (uiterlijk ${c.dueDate})` : ''}`;

/** One decision as the published list reads it, a line per statement. */
export function decisionText(decision: PublishedDecision): string {
	const lines = [
		`Uitkomst: ${outcomeLabels[decision.outcome]}${decision.hamerstuk ? ' (hamerstuk)' : ''}`
	];
	if (decision.dicta.length) lines.push('Besluit:', ...formatDicta(decision.dicta).split('\n'));
	if (decision.explanation) lines.push(`Toelichting: ${decision.explanation}`);
	lines.push(...decision.commitments.map(commitmentLine));
	return lines.join('\n');
}

function listText(list: PublishedList): string {
	const lines = [`Vertrouwelijke punten niet opgenomen: ${list.confidentialItems}`];
	if (list.noResponseParties.length)
		lines.push(
			`Geen reactie ontvangen van: ${list.noResponseParties
				.map((party) => partyLabels[party as keyof typeof partyLabels] ?? party)
				.join(', ')}`
		);
	return lines.join('\n');
}

function blocks(list: PublishedList) {
	const map = new Map<string, { heading: string; text: string }>();
	for (const decision of list.decisions)
		map.set(decision.itemId, {
			heading: `${decision.agendaNumber}. ${decision.itemTitle}`,
			text: decisionText(decision)
		});
	return map;
}

/** Two versions of one meeting's published list, compared; 404 when either does not exist. */
export async function comparePublications(meetingId: string, input: unknown): Promise<Comparison> {
	const { from, to } = parseInput(comparisonInput, input);
	const [before, after] = await Promise.all([
		getPublication(meetingId, from),
		getPublication(meetingId, to)
	]);
	const sections: ComparedSection[] = [];
	const old = blocks(before.list);
	const now = blocks(after.list);
	for (const key of new Set([...old.keys(), ...now.keys()])) {
		const a = old.get(key);
		const b = now.get(key);
		if (a?.text === b?.text && a?.heading === b?.heading) continue;
		sections.push({
			key,
			heading: (b ?? a)!.heading,
			status: !a ? 'added' : !b ? 'removed' : 'changed',
			lines: diffLines(a ? `${a.heading}\n${a.text}` : '', b ? `${b.heading}\n${b.text}` : '')
		});
	}
	const [listBefore, listAfter] = [listText(before.list), listText(after.list)];
	if (listBefore !== listAfter)
		sections.push({
			key: 'lijst',
			heading: 'De lijst als geheel',
			status: 'changed',
			lines: diffLines(listBefore, listAfter)
		});
	return { from: before.version, to: after.version, sections };
}

/**
 * The outcomes of a decision, as the pages and the besluitenlijst word them (shared with the
 * browser; the database enum in src/lib/server/db/schema/decisions.ts has the same values, and
 * decisions/schemas.ts fails to compile if they drift).
 */
export const outcomes = [
	'aangenomen',
	'aangenomen_met_wijziging',
	'aangehouden',
	'verworpen',
	'ter_kennisgeving_aangenomen',
	'niet_behandeld'
] as const;
export type Outcome = (typeof outcomes)[number];

export const outcomeLabels: Record<Outcome, string> = {
	aangenomen: 'Aangenomen',
	aangenomen_met_wijziging: 'Aangenomen met wijziging',
	aangehouden: 'Aangehouden',
	verworpen: 'Verworpen',
	ter_kennisgeving_aangenomen: 'Ter kennisgeving aangenomen',
	niet_behandeld: 'Niet behandeld'
};

/** Outcomes that leave the item open: it must be carried over before the meeting closes. */
export const openOutcomes: readonly Outcome[] = ['aangehouden', 'niet_behandeld'];
export const leavesItemOpen = (outcome: Outcome) => openOutcomes.includes(outcome);

/** Outcomes that need the decision's text (its dicta). */
export const needsDicta = (outcome: Outcome) =>
	outcome === 'aangenomen' || outcome === 'aangenomen_met_wijziging';

/**
 * A decision text as people type it ("1. … 2. …", one dictum per numbered line; a line without a
 * number continues the one before) into its dicta, without their numbers.
 */
export function parseDicta(text: string): string[] {
	const dicta: string[] = [];
	for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
		const line = raw.trim();
		if (!line) continue;
		const numbered = /^(\d{1,2})\s*[.)]\s*(.*)$/.exec(line);
		if (numbered) dicta.push(numbered[2]!.trim());
		else if (dicta.length === 0) dicta.push(line);
		else dicta[dicta.length - 1] = `${dicta[dicta.length - 1]} ${line}`;
	}
	return dicta.filter((dictum) => dictum.length > 0);
}

/** The dicta as the besluitenlijst and the form show them: "1. …", one per line. */
export const formatDicta = (dicta: readonly string[]) =>
	dicta.map((dictum, index) => `${index + 1}. ${dictum}`).join('\n');

/**
 * The items on a meeting's agenda that still keep it from closing, in agenda order: without an
 * outcome, or not dealt with / held over and not yet carried over. One rule for the verb that
 * closes the meeting and for the page that offers it (which follows both lists live).
 */
export function itemsAwaitingOutcome<I extends { id: string }>(
	agenda: readonly I[],
	decisions: readonly { itemId: string; outcome: Outcome }[]
): { undecided: I[]; notCarried: I[] } {
	const outcomeOf = new Map(decisions.map((d) => [d.itemId, d.outcome]));
	return {
		undecided: agenda.filter((item) => !outcomeOf.has(item.id)),
		notCarried: agenda.filter((item) => {
			const outcome = outcomeOf.get(item.id);
			return outcome !== undefined && leavesItemOpen(outcome);
		})
	};
}

/** A meeting has decisions once its agenda is adopted (recorded during it, or after it was held). */
export const decisionsPossible = (status: string) =>
	status === 'agenda_vastgesteld' || status === 'gehouden';

import { text } from '$lib/form-results.server';
import type { Actor } from '$lib/server/access';
import { agreementRegister } from '$lib/server/agreements';
import { arrangementOverview } from '$lib/server/finance';
import type { TaskDetail } from '$lib/server/finance/tasks';

/*
 * The task form's parts shared by "Taak toevoegen" and the task's edit form: what it offers to
 * link (the first hundred arrangements and agreements, and whatever the task already links), and
 * how a sent form becomes the verb's input. The verb validates; the form only reads.
 */

export interface TaskChoices {
	arrangements: { id: string; label: string }[];
	agreements: { id: string; label: string }[];
}

const CHOICES = 100;

export async function taskChoices(actor: Actor, task?: TaskDetail): Promise<TaskChoices> {
	const [overview, register] = await Promise.all([
		arrangementOverview(actor, { pageSize: CHOICES, sort: 'reference' }),
		agreementRegister(actor, { pageSize: CHOICES })
	]);
	const arrangements = new Map(
		[...(task?.arrangements ?? []), ...overview.rows].map((row) => [
			row.id,
			{ id: row.id, label: `${row.reference} ${row.title}` }
		])
	);
	const agreements = new Map(
		[...(task?.agreements ?? []), ...register.rows].map((row) => [
			row.id,
			{ id: row.id, label: row.title }
		])
	);
	return { arrangements: [...arrangements.values()], agreements: [...agreements.values()] };
}

/** The lists a person ticked, to put back after a refusal. */
export interface TaskChosen {
	layers: string[];
	arrangementIds: string[];
	agreementIds: string[];
}

const strings = (form: FormData, name: string) =>
	form.getAll(name).filter((value): value is string => typeof value === 'string');

export function taskInput(form: FormData): { input: Record<string, unknown>; chosen: TaskChosen } {
	const chosen = {
		layers: strings(form, 'layers'),
		arrangementIds: strings(form, 'arrangementIds'),
		agreementIds: strings(form, 'agreementIds')
	};
	const outcome = text(form, 'feasibilityOutcome').replace(/\r\n?/g, '\n');
	return {
		chosen,
		input: {
			name: text(form, 'name'),
			law: text(form, 'law'),
			layers: chosen.layers,
			description: text(form, 'description').replace(/\r\n?/g, '\n'),
			feasibilityStatus: text(form, 'feasibilityStatus') || undefined,
			feasibilityOutcome: outcome.trim() ? outcome : null,
			arrangementIds: chosen.arrangementIds,
			agreementIds: chosen.agreementIds
		}
	};
}

/** What the person typed, without the lists (those come back as `chosen`). */
export function typedValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [name, value] of form)
		if (typeof value === 'string' && !['layers', 'arrangementIds', 'agreementIds'].includes(name))
			values[name] = value;
	return values;
}

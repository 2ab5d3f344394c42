import { z } from 'zod';

/**
 * What the platform does with characters that are not text, decided once for every field, form
 * and API body: it refuses them, with a message that names the field. Refused and not stripped,
 * because quietly changing what someone sent is worse than asking them to remove it, and nobody
 * types these by accident (they come from pasted binary, a broken export or a client's bug).
 *
 * Refused: the C0 control characters U+0000–U+001F except tab, line feed and carriage return,
 * DEL (U+007F), and lone UTF-16 surrogates. PostgreSQL refuses NUL outright (that was a 500), the
 * other controls are invisible and break exports (ORI, DiWoo XML cannot carry them), and a lone
 * surrogate is not a character at all: it would be stored as U+FFFD. C1 controls and format
 * characters (zero-width joiners in names, right-to-left marks) stay: real text uses them.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const codePoint = (char: string) =>
	`U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The first character that is not text, as "U+0000", and what kind it is; null when all fit. */
export function unfitCharacter(
	value: string
): { codePoint: string; kind: 'control' | 'surrogate' } | null {
	const control = CONTROL.exec(value);
	if (control) return { codePoint: codePoint(control[0]), kind: 'control' };
	const surrogate = LONE_SURROGATE.exec(value);
	if (surrogate) return { codePoint: codePoint(surrogate[0]), kind: 'surrogate' };
	return null;
}

/**
 * The Dutch message for a value with a character that is not text, or null when it fits.
 * `label` names the field as the start of a sentence: "De titel", "Het veld \"summary\"".
 */
export function unfitTextMessage(label: string, value: string): string | null {
	const unfit = unfitCharacter(value);
	if (!unfit) return null;
	const what =
		unfit.kind === 'control'
			? `een onzichtbaar stuurteken (${unfit.codePoint})`
			: `een half teken (${unfit.codePoint}) dat geen geldige tekst is`;
	return `${label} bevat ${what}. Haal het weg en probeer het opnieuw; typ de tekst desnoods opnieuw in.`;
}

/**
 * A string field of a zod schema that refuses characters that are not text, before any other
 * check (so the person learns the real problem, and `trim` cannot hide a vertical tab). Chain the
 * field's own checks after it: `freeText('De titel', 'Vul een titel in.').trim().min(3)`.
 */
export function freeText(label: string, missing: string) {
	return z.string({ error: missing }).superRefine(refuseUnfit(label));
}

/** The same check for a string schema of another kind: `z.url().superRefine(refuseUnfit(…))`. */
export const refuseUnfit = (label: string) => (value: string, ctx: z.RefinementCtx<string>) => {
	const message = unfitTextMessage(label, value);
	if (message) ctx.addIssue({ code: 'custom', message, input: value });
};

const UNFIT = new RegExp(`${CONTROL.source}|${LONE_SURROGATE.source}`, 'g');

/** A path element shown in a message or a problem's `errors[].field`, unfit characters escaped. */
const shown = (key: string) =>
	key.replace(UNFIT, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

interface Node {
	value: unknown;
	key: string;
	parent: Node | null;
}

/** `a.b.0`, as zod names the path of an issue (and so as the 400's errors[].field does). */
function pathOf(node: Node): string {
	const keys: string[] = [];
	for (let at: Node | null = node; at?.parent; at = at.parent) keys.push(shown(at.key));
	return keys.reverse().join('.');
}

/**
 * The first string or object key anywhere in a parsed JSON value that holds a character that is
 * not text, with its path and a Dutch message; null when there is none. The API's catch-all, so
 * that such a string never reaches the database, even through a schema that forgot `freeText()`.
 * Iterative, and paths are built only for the answer: a deeply nested body costs no stack.
 */
export function findUnfitText(root: unknown): { field: string; message: string } | null {
	const stack: Node[] = [{ value: root, key: '', parent: null }];
	while (stack.length) {
		const node = stack.pop()!;
		const { value } = node;
		if (typeof value === 'string') {
			const field = pathOf(node);
			const message = unfitTextMessage(field ? `Het veld "${field}"` : 'De tekst', value);
			if (message) return { field, message };
		} else if (value !== null && typeof value === 'object') {
			const entries = Array.isArray(value)
				? value.map((child, index) => [String(index), child] as const)
				: Object.entries(value);
			// Pushed last-first, so the first offender in the document is the one named.
			for (let i = entries.length - 1; i >= 0; i--) {
				const [key, child] = entries[i]!;
				stack.push({ value: child, key, parent: node });
			}
			if (!Array.isArray(value)) {
				for (const [key] of entries) {
					if (!unfitCharacter(key)) continue;
					const field = pathOf({ value: null, key, parent: node });
					const message = unfitTextMessage(`De naam van het veld "${field}"`, key)!;
					return { field, message };
				}
			}
		}
	}
	return null;
}

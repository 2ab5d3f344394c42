import type { ActionResult, SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';

/**
 * Forms that keep the person's place (use:enhance). Without scripts a form posts and the page
 * reloads as always; with them the answer arrives in place: the page's data is loaded again
 * (update(), which also follows a redirect-after-post), the view stays where it was, and focus goes
 * to the result: the element the form names (a new comment), else the confirmation or the error
 * summary in the form's own section.
 */

/**
 * True once an answer arrived in place: from then on the callback moves focus, so a notice that
 * appears must not take it (and scroll the page to itself) on its own.
 */
export const answeredInPlace = $state({ value: false });

/** The id of the element that shows the result, when the form knows one. */
export type ResultTarget = (result: ActionResult, formData: FormData) => string | null | undefined;

export function keepPlace(target?: ResultTarget): SubmitFunction {
	return ({ formElement, formData }) => {
		// The section is found again afterwards: the form itself may be gone by then.
		const sectionKey = regionKey(formElement);
		return async ({ result, update }) => {
			answeredInPlace.value = true;
			await update();
			await tick();
			if (result.type === 'success' || result.type === 'redirect') {
				// A disclosure's form has done its work: close it, unless it was replaced anyway.
				const disclosure = formElement.closest('details');
				if (disclosure?.isConnected) disclosure.open = false;
			}
			const id = target?.(result, formData);
			const region = sectionKey ? findRegion(sectionKey) : null;
			const outcome = result.type === 'failure' ? '.oho-error-summary' : '.oho-form-notice';
			showResult(
				(id ? document.getElementById(id) : null) ?? region?.querySelector<HTMLElement>(outcome)
			);
		};
	};
}

/** How the form's section is found again: its id, or the heading that labels it. */
function regionKey(form: HTMLFormElement): string | null {
	const section = form.closest('section');
	if (!section) return null;
	return section.id ? `#${section.id}` : section.getAttribute('aria-labelledby');
}

function findRegion(key: string): HTMLElement | null {
	if (key.startsWith('#')) return document.getElementById(key.slice(1));
	return document.getElementById(key)?.closest('section') ?? null;
}

/** Focus without a jump: the view moves only as far as needed to show the result. */
export function showResult(element: HTMLElement | null | undefined) {
	if (!element) return;
	if (element.tabIndex < 0 && !element.hasAttribute('tabindex')) element.tabIndex = -1;
	element.focus({ preventScroll: true });
	element.scrollIntoView({ block: 'nearest' });
}

/** A comment form's result: the comment written, changed or removed (its trace stays). */
export const commentResult: ResultTarget = (result) =>
	result.type === 'success' && typeof result.data?.target === 'string'
		? `reactie-${result.data.target}`
		: null;

import { browser } from '$app/environment';
import type { Attachment } from 'svelte/attachments';

/**
 * The state of a control that the page sets (a `<details>` that opens when its form came back with
 * an error, a radio or checkbox that shows what was chosen), without undoing what the person did
 * before the page woke up.
 *
 * A plain `open={…}` or `checked={…}` is applied again when the page wakes up (hydration): a
 * summary clicked, a radio ticked before that was closed or cleared under the person's hand (on a
 * slow line; in CI an agreement's "Status wijzigen" never showed its radios). So the server writes
 * the attribute (`serverOpen`, `serverChecked`, spread on the element), and in the browser the
 * element's own state rules (`followOpen`, `followChecked`): it takes the page's value when that
 * value changes (an error after an enhanced submit, another item), and on a fresh element (a client
 * navigation) when it is true; otherwise it is left alone.
 */
export function serverOpen(open: boolean): { open?: boolean } {
	return browser ? {} : { open };
}

export function serverChecked(checked: boolean): { checked?: boolean } {
	return browser ? {} : { checked };
}

function follow<E extends HTMLElement>(
	followed: WeakMap<E, boolean>,
	attribute: 'open' | 'checked',
	value: boolean
): Attachment<E> {
	return (node) => {
		const before = followed.get(node);
		// The first time: an element the server wrote carries the attribute when the value is true
		// (whatever the person did since); one made in the browser does not, and takes the value.
		const apply = before === undefined ? value && !node.hasAttribute(attribute) : before !== value;
		if (apply) (node as unknown as Record<string, boolean>)[attribute] = value;
		followed.set(node, value);
	};
}

const openness = new WeakMap<HTMLDetailsElement, boolean>();
const checkedness = new WeakMap<HTMLInputElement, boolean>();

export const followOpen = (open: boolean) => follow(openness, 'open', open);

export const followChecked = (checked: boolean) => follow(checkedness, 'checked', checked);

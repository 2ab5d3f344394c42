import { browser } from '$app/environment';
import type { Attachment } from 'svelte/attachments';

/**
 * The open state of a `<details>` that opens by itself when its form came back with an error.
 *
 * A plain `open={…}` is applied again when the page wakes up (hydration): a summary clicked before
 * that was closed under the person's hand. So the server writes the attribute (`serverOpen`, spread
 * on the element) and in the browser the element's own state rules (`followOpen`): it opens when
 * the state turns true (an error after an enhanced submit) and closes when it turns false again,
 * and is left alone otherwise.
 */
export function serverOpen(open: boolean): { open?: boolean } {
	return browser ? {} : { open };
}

const followed = new WeakMap<HTMLDetailsElement, boolean>();

export function followOpen(open: boolean): Attachment<HTMLDetailsElement> {
	return (node) => {
		const before = followed.get(node);
		if (before === undefined ? open : before !== open) node.open = open;
		followed.set(node, open);
	};
}

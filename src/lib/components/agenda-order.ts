import { tick } from 'svelte';

/** Where the agenda's order list puts focus after a move, with and without the page's script. */

/** Focus stays with the moved item: on the same button, or the other one at the edge. */
export async function focusMoved(itemId: string, direction: string) {
	await tick();
	const same = document.getElementById(`move-${direction}-${itemId}`) as HTMLButtonElement | null;
	const other = document.getElementById(
		`move-${direction === 'up' ? 'down' : 'up'}-${itemId}`
	) as HTMLButtonElement | null;
	(same && !same.disabled ? same : other)?.focus();
}

/** Without JS the reloaded page focuses the moved item's button; at the edge, the other one. */
export function focusDirection(
	direction: string | undefined,
	index: number,
	count: number
): string | undefined {
	if (direction === 'up' && index === 0) return 'down';
	if (direction === 'down' && index === count - 1) return 'up';
	return direction;
}

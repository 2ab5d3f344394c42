/**
 * Drag and drop on the agenda's rows, an extra for mouse users: the move buttons do the same work
 * for everyone else. A drop hands the new order to `reorder`, which posts it.
 */
export class AgendaDrag {
	/** The item being dragged. */
	dragged = $state<string | null>(null);
	/** Where it would land: before or after this row. */
	dropTarget = $state<{ id: string; after: boolean } | null>(null);

	readonly #ids: () => readonly string[];
	readonly #reorder: (order: string[], itemId: string) => void;

	constructor(ids: () => readonly string[], reorder: (order: string[], itemId: string) => void) {
		this.#ids = ids;
		this.#reorder = reorder;
	}

	start(event: DragEvent, id: string) {
		this.dragged = id;
		event.dataTransfer?.setData('text/plain', id);
		if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
	}

	end() {
		this.dragged = null;
		this.dropTarget = null;
	}

	over(event: DragEvent, id: string) {
		if (!this.dragged) return;
		event.preventDefault();
		const row = event.currentTarget as HTMLElement;
		const box = row.getBoundingClientRect();
		this.dropTarget = { id, after: event.clientY > box.top + box.height / 2 };
	}

	drop(event: DragEvent) {
		event.preventDefault();
		const from = this.dragged;
		const target = this.dropTarget;
		this.dragged = null;
		this.dropTarget = null;
		if (!from || !target || from === target.id) return;
		const ids = this.#ids();
		const order = ids.filter((id) => id !== from);
		const at = order.indexOf(target.id) + (target.after ? 1 : 0);
		order.splice(at, 0, from);
		if (order.join(',') === ids.join(',')) return;
		this.#reorder(order, from);
	}
}

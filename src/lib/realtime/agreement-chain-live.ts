import type { LiveLink } from './agreement-payloads';

/*
 * The chain of an agreement's page without one link, worked out in place (agreement-live.svelte.ts):
 * the link leaves its node, and an agreement the chain reached only through it leaves the chain,
 * with the depths of the rest as chain.ts counts them (the nearest way, before or after this one).
 */

interface Node {
	id: string;
	depth: number;
	links: LiveLink[];
}

/** Each node's depth as chain.ts gives it, from the links the nodes carry; unreached ones absent. */
function depthsOf(chain: readonly Node[], selfId: string): Map<string, number> {
	const depths = new Map<string, number>([[selfId, 0]]);
	const byId = new Map(chain.map((node) => [node.id, node]));
	// Onward: along each node's links. Back: to each node with a link that leads here.
	const walk = (step: (id: string) => string[], sign: 1 | -1) => {
		let front = [selfId];
		for (let depth = 1; front.length > 0; depth++) {
			const next: string[] = [];
			for (const id of front)
				for (const reached of step(id))
					if (!depths.has(reached)) {
						depths.set(reached, sign * depth);
						next.push(reached);
					}
			front = next;
		}
	};
	walk(
		(id) =>
			(byId.get(id)?.links ?? []).flatMap((link) =>
				link.toAgreementId && byId.has(link.toAgreementId) ? [link.toAgreementId] : []
			),
		1
	);
	walk(
		(id) =>
			chain
				.filter((node) => node.links.some((link) => link.toAgreementId === id))
				.map((node) => node.id),
		-1
	);
	return depths;
}

/**
 * The chain without `link`, or null when the page cannot tell what is left: the chain it has does
 * not account for its own nodes (an agreement in between that the viewer may not read), so it
 * reloads rather than guess.
 */
export function chainWithoutLink<N extends Node>(
	chain: readonly N[],
	selfId: string,
	link: LiveLink
): N[] | null {
	if (!chain.some((node) => node.id === link.fromAgreementId)) return [...chain];
	const without = chain.map((node) =>
		node.id === link.fromAgreementId
			? { ...node, links: node.links.filter((other) => other.id !== link.id) }
			: node
	);
	if (!link.toAgreementId) return without;
	const before = depthsOf(chain, selfId);
	if (chain.some((node) => before.get(node.id) !== node.depth)) return null;
	const after = depthsOf(without, selfId);
	return without
		.filter((node) => after.has(node.id))
		.map((node) => ({ ...node, depth: after.get(node.id)! }))
		.sort((a, b) => a.depth - b.depth);
}

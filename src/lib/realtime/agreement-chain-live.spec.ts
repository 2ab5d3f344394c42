import { describe, expect, it } from 'vitest';
import { chainWithoutLink } from './agreement-chain-live';
import { AgreementLive, type ChainNodeView } from './agreement-live.svelte';
import { agreementEvent, agreementRow, link } from './agreement-test-events';

/*
 * A link taken back, on the pages of its chain: the agreement it led to (and what was reached only
 * through that one) leaves the chain of the earlier one, and the earlier one leaves the chain of
 * the later one ("komt voort uit"), in place; a chain the page cannot account for reloads.
 */

const node = (id: string, depth: number, to: string[] = []): ChainNodeView => ({
	id,
	title: `Afspraak ${id}`,
	status: 'open',
	overdue: false,
	deadline: '2030-06-30',
	meetingId: 'm1',
	meetingTitle: 'Overhedenoverleg voorjaar',
	depth,
	links: to.map((target) => onward(id, target))
});
const onward = (from: string, to: string) =>
	link(from, { id: `${from}-${to}`, toAgreementId: to, kind: null, label: null });

// a → b → c, and a → d → c: c stays after a → b goes, at depth 2 through d.
const chain = [node('a', 0, ['b', 'd']), node('b', 1, ['c']), node('d', 1, ['c']), node('c', 2)];

describe('chainWithoutLink', () => {
	it('drops the agreement reached only through the link; what is reached another way stays', () => {
		const left = chainWithoutLink(chain, 'a', onward('a', 'b'))!;
		expect(left.map((n) => [n.id, n.depth])).toEqual([
			['a', 0],
			['d', 1],
			['c', 2]
		]);
		expect(left[0]!.links.map((l) => l.toAgreementId)).toEqual(['d']);
	});

	it('on the later agreement’s page the earlier one leaves "komt voort uit"', () => {
		const later = [node('x', -1, ['y']), node('y', 0)];
		expect(chainWithoutLink(later, 'y', onward('x', 'y'))!.map((n) => n.id)).toEqual(['y']);
	});

	it('a link of an agreement outside the chain changes nothing; a chain it cannot account for is null', () => {
		expect(chainWithoutLink(chain, 'a', onward('z', 'a'))).toEqual(chain);
		// b's link to c is missing from what the page has (an agreement it may not read between).
		const gap = [node('a', 0, ['b']), node('b', 1), node('c', 2)];
		expect(chainWithoutLink(gap, 'a', onward('a', 'b'))).toBeNull();
	});
});

describe('the later agreement’s page, live', () => {
	it('takes the earlier agreement out of its chain when that one’s link to it is taken back', () => {
		const row = agreementRow('y');
		const live = new AgreementLive({
			agreement: { ...row, body: 'Tekst', condition: null },
			ratifications: [],
			progressReports: [],
			chain: [node('x', -1, ['y']), node('y', 0)],
			history: [],
			names: {}
		});
		const taken = agreementEvent('agreement.unlinked.v1', agreementRow('x', { version: 4 }), {
			link: onward('x', 'y'),
			reason: null
		});
		expect(live.apply(taken)).toBe(true);
		expect(live.chain.map((n) => n.id)).toEqual(['y']);
		expect(live.history).toEqual([]);
	});

	it('reloads when the chain it has does not account for the link', () => {
		const row = agreementRow('y');
		const live = new AgreementLive({
			agreement: { ...row, body: 'Tekst', condition: null },
			ratifications: [],
			progressReports: [],
			chain: [node('w', -2, ['x']), node('x', -1), node('y', 0)],
			history: [],
			names: {}
		});
		const taken = agreementEvent('agreement.unlinked.v1', agreementRow('w'), {
			link: onward('w', 'x'),
			reason: null
		});
		expect(live.apply(taken)).toBe(false);
	});
});

import { describe, expect, it } from 'vitest';
import { diffLines } from './diff';

describe('diffLines', () => {
	it('keeps common lines and marks what was removed and added, in order', () => {
		expect(diffLines('a\nb\nc', 'a\nx\nc\nd')).toEqual([
			{ op: 'same', text: 'a' },
			{ op: 'removed', text: 'b' },
			{ op: 'added', text: 'x' },
			{ op: 'same', text: 'c' },
			{ op: 'added', text: 'd' }
		]);
	});

	it('handles empty texts on either side', () => {
		expect(diffLines('', 'nieuw')).toEqual([{ op: 'added', text: 'nieuw' }]);
		expect(diffLines('oud', '')).toEqual([{ op: 'removed', text: 'oud' }]);
		expect(diffLines('', '')).toEqual([]);
	});

	it('finds the longest common part, not just the first match', () => {
		const ops = diffLines('x\na\nb\nc', 'a\nb\nc\nx').map((line) => line.op);
		expect(ops.filter((op) => op === 'same')).toHaveLength(3);
	});
});

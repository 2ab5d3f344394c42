/** A line of a text diff: kept, added or removed. */
export interface DiffLine {
	op: 'same' | 'added' | 'removed';
	text: string;
}

/**
 * Line diff by longest common subsequence. Items are short texts (a few hundred lines at most),
 * so the quadratic table is cheap; past a limit it falls back to "all removed, all added".
 */
export function diffLines(before: string, after: string): DiffLine[] {
	const a = before === '' ? [] : before.split('\n');
	const b = after === '' ? [] : after.split('\n');
	if (a.length * b.length > 4_000_000) {
		return [
			...a.map((text) => ({ op: 'removed' as const, text })),
			...b.map((text) => ({ op: 'added' as const, text }))
		];
	}
	// lcs[i][j]: length of the LCS of a[i..] and b[j..].
	const lcs: Uint32Array[] = Array.from(
		{ length: a.length + 1 },
		() => new Uint32Array(b.length + 1)
	);
	for (let i = a.length - 1; i >= 0; i--) {
		for (let j = b.length - 1; j >= 0; j--) {
			lcs[i]![j] =
				a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
		}
	}
	const lines: DiffLine[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		if (a[i] === b[j]) {
			lines.push({ op: 'same', text: a[i]! });
			i++;
			j++;
		} else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
			lines.push({ op: 'removed', text: a[i++]! });
		} else {
			lines.push({ op: 'added', text: b[j++]! });
		}
	}
	while (i < a.length) lines.push({ op: 'removed', text: a[i++]! });
	while (j < b.length) lines.push({ op: 'added', text: b[j++]! });
	return lines;
}

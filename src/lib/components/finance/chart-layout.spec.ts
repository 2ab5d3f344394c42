import { describe, expect, it } from 'vitest';
import {
	barTitle,
	describeChart,
	formatCents,
	formatCentsInMillions,
	formatTick,
	layoutChart,
	patternMarks,
	seriesColours,
	seriesStyle,
	stackByYear,
	tickPrecision,
	type ChartInput
} from './chart-layout';

/** Intl puts a no-break space after the euro sign; the expectations read better with a plain one. */
const plain = (text: string) => text.replaceAll('\u00a0', ' ');

/** The item at `index`, failing the test when there is none. */
function at<T>(list: readonly T[], index: number): T {
	const item = list[index];
	if (item === undefined) throw new Error(`no item ${index} in a list of ${list.length}`);
	return item;
}

const million = 100_000_000; // cents

const youthCare: ChartInput = {
	years: [2025, 2026, 2027],
	series: [
		{ key: 'jeugd', label: 'Jeugdzorg', values: [414 * million, 1300 * million, 1300 * million] },
		{ key: 'wmo', label: 'Wmo', values: [75 * million, 150 * million, 0] },
		{ key: 'osk', label: 'Opschalingskorting', values: [-675 * million, 0, -250 * million] }
	]
};

describe('stackByYear', () => {
	it('stacks positive values upwards from zero, in series order', () => {
		const year2025 = at(stackByYear(youthCare), 0);
		const positive = year2025.segments.filter((segment) => segment.valueCents > 0);
		expect(positive.map((s) => [s.key, s.fromCents, s.toCents])).toEqual([
			['jeugd', 0, 414 * million],
			['wmo', 414 * million, 489 * million]
		]);
		expect(year2025.positiveCents).toBe(489 * million);
	});

	it('stacks negative values downwards from zero, apart from the positive ones', () => {
		const stacks = stackByYear({
			years: [2025],
			series: [
				{ key: 'a', label: 'A', values: [-100] },
				{ key: 'b', label: 'B', values: [300] },
				{ key: 'c', label: 'C', values: [-50] }
			]
		});
		expect(at(stacks, 0).segments.map((s) => [s.key, s.fromCents, s.toCents])).toEqual([
			['a', 0, -100],
			['b', 0, 300],
			['c', -100, -150]
		]);
		expect(at(stacks, 0)).toMatchObject({
			positiveCents: 300,
			negativeCents: -150,
			totalCents: 150
		});
	});

	it('gives zero, missing and non-integer values no segment', () => {
		const stacks = stackByYear({
			years: [2025, 2026],
			series: [{ key: 'a', label: 'A', values: [0, 0.5] }]
		});
		expect(stacks.map((stack) => stack.segments.length)).toEqual([0, 0]);
		expect(
			stackByYear({ years: [2025], series: [{ key: 'a', label: 'A', values: [] }] })[0]
		).toMatchObject({ segments: [], totalCents: 0 });
	});

	it('sums large amounts exactly, to the cent', () => {
		const stacks = stackByYear({
			years: [2025],
			series: [
				{ key: 'a', label: 'A', values: [123_456_789_012_345] },
				{ key: 'b', label: 'B', values: [1] }
			]
		});
		expect(at(stacks, 0).totalCents).toBe(123_456_789_012_346);
	});
});

describe('formatting amounts', () => {
	it('shows the exact amount in euros and cents, Dutch style', () => {
		expect(plain(formatCents(41_400_000_000))).toBe('€ 414.000.000,00');
		expect(plain(formatCents(-67_500_000_001))).toBe('€ -675.000.000,01');
		expect(plain(formatCents(5))).toBe('€ 0,05');
		expect(plain(formatCents(Number.MAX_SAFE_INTEGER))).toBe('€ 90.071.992.547.409,91');
	});

	it('formats in English on request', () => {
		expect(formatCents(123_456, 'en')).toBe('€1,234.56');
	});

	it('shows millions with one decimal, rounded half away from zero without floats', () => {
		expect(plain(formatCentsInMillions(41_400_000_000))).toBe('€ 414,0 mln');
		expect(plain(formatCentsInMillions(134_995_000_000))).toBe('€ 1.350,0 mln');
		expect(plain(formatCentsInMillions(134_994_999_999))).toBe('€ 1.349,9 mln');
		expect(plain(formatCentsInMillions(-67_500_000_000))).toBe('€ -675,0 mln');
		expect(plain(formatCentsInMillions(-4_000_000))).toBe('€ 0,0 mln');
	});

	it('labels ticks with the decimals their step needs', () => {
		expect(tickPrecision(500)).toBe(0);
		expect(tickPrecision(0.5)).toBe(1);
		expect(tickPrecision(0.25)).toBe(2);
		expect(plain(formatTick(1000, 500))).toBe('€ 1.000 mln');
		expect(plain(formatTick(-500, 500))).toBe('€ -500 mln');
		expect(plain(formatTick(0.30000000000000004, 0.1))).toBe('€ 0,3 mln');
		expect(plain(formatTick(-0, 0.1))).toBe('€ 0,0 mln');
	});
});

describe('layoutChart', () => {
	const layout = layoutChart(youthCare);

	it('has nice ticks that include zero and cover the largest stack both ways', () => {
		const values = layout.ticks.map((tick) => tick.millions);
		expect(values).toContain(0);
		expect(Math.max(...values)).toBeGreaterThanOrEqual(1450);
		expect(Math.min(...values)).toBeLessThanOrEqual(-675);
		const steps = new Set(values.slice(1).map((value, index) => value - at(values, index)));
		expect(steps.size).toBe(1);
		expect(plain(layout.ticks.find((tick) => tick.millions === 0)!.label)).toBe('€ 0 mln');
		expect(layout.ticks.map((tick) => plain(tick.label))).toContain('€ 1.000 mln');
	});

	it('draws one rectangle per non-zero value, positive above the axis and cuts below', () => {
		expect(layout.bars).toHaveLength(7);
		for (const bar of layout.bars) {
			if (bar.valueCents > 0) expect(bar.y + bar.height).toBeLessThanOrEqual(layout.zeroY + 1e-9);
			else expect(bar.y).toBeGreaterThanOrEqual(layout.zeroY - 1e-9);
		}
		const cut = layout.bars.find((bar) => bar.key === 'osk' && bar.year === 2025)!;
		expect(cut.y).toBeCloseTo(layout.zeroY);
	});

	it('makes heights proportional to the amounts', () => {
		const bars2025 = layout.bars.filter((bar) => bar.year === 2025);
		const [jeugd, wmo] = [at(bars2025, 0), at(bars2025, 1)];
		expect(jeugd.height / wmo.height).toBeCloseTo(414 / 75, 6);
		// The second segment starts where the first ends.
		expect(wmo.y + wmo.height).toBeCloseTo(jeugd.y, 6);
	});

	it('places the years left to right in bands of equal width inside the plot', () => {
		expect(layout.bands.map((band) => band.year)).toEqual([2025, 2026, 2027]);
		expect(at(layout.bands, 0).x).toBeGreaterThan(layout.plot.left);
		expect(at(layout.bands, 1).x).toBeGreaterThan(
			at(layout.bands, 0).x + at(layout.bands, 0).width
		);
		expect(at(layout.bands, 2).x + at(layout.bands, 2).width).toBeLessThan(layout.plot.right);
		expect(new Set(layout.bands.map((band) => band.width)).size).toBe(1);
	});

	it('leaves room on the left for the longest tick label', () => {
		const longest = Math.max(...layout.ticks.map((tick) => tick.label.length));
		expect(layout.plot.left).toBeGreaterThanOrEqual(longest * 7);
	});

	it('draws a single year as one wide band', () => {
		const single = layoutChart({
			years: [2029],
			series: [{ key: 'a', label: 'A', values: [100_000 * million] }]
		});
		expect(single.bands).toHaveLength(1);
		expect(at(single.bands, 0).width).toBeGreaterThan((single.plot.right - single.plot.left) / 2);
		expect(single.bars).toHaveLength(1);
		expect(at(single.bars, 0).y).toBeCloseTo(single.plot.top, 0);
	});

	it('still draws an axis from zero with no series, no years or only zeros', () => {
		for (const input of [
			{ years: [2025, 2026], series: [] },
			{ years: [], series: [] },
			{ years: [2025], series: [{ key: 'a', label: 'A', values: [0] }] }
		]) {
			const empty = layoutChart(input);
			expect(empty.bars).toEqual([]);
			expect(empty.ticks.map((tick) => tick.millions)).toContain(0);
			expect(empty.zeroY).toBeCloseTo(empty.plot.bottom);
			expect(empty.ticks.every((tick) => Number.isFinite(tick.y))).toBe(true);
		}
	});

	it('draws a chart of only cuts downwards from a zero at the top', () => {
		const cuts = layoutChart({
			years: [2025],
			series: [{ key: 'osk', label: 'Opschalingskorting', values: [-675 * million] }]
		});
		expect(cuts.zeroY).toBeCloseTo(cuts.plot.top);
		expect(at(cuts.bars, 0).y).toBeCloseTo(cuts.plot.top);
		expect(cuts.ticks.map((tick) => tick.millions)).toContain(0);
	});

	it('uses small ticks with decimals for small amounts', () => {
		const small = layoutChart({
			years: [2025],
			series: [{ key: 'a', label: 'A', values: [30_000_000] }] // € 0,3 mln
		});
		// Steps of 0,05 million: every label gets the two decimals the step needs.
		expect(small.ticks.map((tick) => plain(tick.label))).toContain('€ 0,30 mln');
		expect(small.ticks.map((tick) => plain(tick.label))).toContain('€ 0,05 mln');
	});
});

describe('the text alternative', () => {
	it('names each year, each series with its exact amount and the total', () => {
		expect(plain(describeChart(youthCare))).toBe(
			'Per jaar gestapeld: ' +
				'2025: Jeugdzorg € 414.000.000,00, Wmo € 75.000.000,00, Opschalingskorting € -675.000.000,00; totaal € -186.000.000,00. ' +
				'2026: Jeugdzorg € 1.300.000.000,00, Wmo € 150.000.000,00, Opschalingskorting € 0,00; totaal € 1.450.000.000,00. ' +
				'2027: Jeugdzorg € 1.300.000.000,00, Wmo € 0,00, Opschalingskorting € -250.000.000,00; totaal € 1.050.000.000,00.'
		);
	});

	it('takes its words from the labels and says so when there is nothing', () => {
		const text = describeChart(youthCare, 'en', { perYear: 'Per year', total: 'sum' });
		expect(text.startsWith('Per year: 2025: Jeugdzorg €414,000,000.00')).toBe(true);
		expect(text).toContain('; sum -€186,000,000.00.');
		expect(describeChart({ years: [], series: [] })).toBe('Per jaar gestapeld: –');
	});

	it("gives a bar's title its year, series and exact amount", () => {
		expect(plain(barTitle(2025, 'Wmo', 7_500_000_012))).toBe('2025, Wmo: € 75.000.000,12');
	});
});

/** WCAG relative luminance and contrast ratio. */
function contrast(hex: string, other = '#ffffff'): number {
	const luminance = (colour: string) => {
		const channel = (i: number) => {
			const c = parseInt(colour.slice(i, i + 2), 16) / 255;
			return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
		};
		return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
	};
	const light = Math.max(luminance(hex), luminance(other));
	const dark = Math.min(luminance(hex), luminance(other));
	return (light + 0.05) / (dark + 0.05);
}

describe('series colours and patterns', () => {
	it('has eight distinct colours, each at least 3:1 against white', () => {
		expect(new Set(seriesColours).size).toBe(8);
		for (const colour of seriesColours) expect(contrast(colour)).toBeGreaterThanOrEqual(3);
	});

	it('never repeats a colour with the same pattern, even past eight series', () => {
		const styles = Array.from({ length: 40 }, (_, index) => seriesStyle(index));
		const combinations = new Set(styles.map((style) => `${style.colour}/${style.pattern}`));
		expect(combinations.size).toBe(40);
		expect(new Set(styles.slice(0, 8).map((style) => style.pattern)).size).toBe(8);
	});
});

describe('patternMarks', () => {
	const box = { x: 10, y: 20, width: 30, height: 40 };
	const points = (path: string) =>
		[...path.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
	const inside = ([x, y]: number[]) =>
		x! >= box.x - 1e-9 &&
		x! <= box.x + box.width + 1e-9 &&
		y! >= box.y - 1e-9 &&
		y! <= box.y + box.height + 1e-9;

	it('draws nothing over a solid series or an empty box', () => {
		expect(patternMarks('solid', box)).toEqual({ lines: '', dots: '' });
		expect(patternMarks('diagonal', { ...box, height: 0 })).toEqual({ lines: '', dots: '' });
	});

	it('keeps every line inside the bar', () => {
		for (const pattern of [
			'diagonal',
			'reverse-diagonal',
			'cross',
			'horizontal',
			'vertical',
			'grid'
		] as const) {
			const { lines, dots } = patternMarks(pattern, box);
			expect(lines, pattern).not.toBe('');
			expect(dots).toBe('');
			expect(points(lines).every(inside), pattern).toBe(true);
		}
	});

	it('puts lines on a grid of the spacing, so neighbouring bars line up', () => {
		expect(patternMarks('horizontal', box).lines).toBe(
			'M10,24L40,24M10,32L40,32M10,40L40,40M10,48L40,48M10,56L40,56'
		);
		expect(patternMarks('vertical', box).lines).toBe('M16,20L16,60M24,20L24,60M32,20L32,60');
		// "/" lines keep x + y constant.
		for (const [from, to] of pairs(points(patternMarks('diagonal', box).lines))) {
			expect(from[0]! + from[1]!).toBeCloseTo(to[0]! + to[1]!);
		}
		// "\" lines keep y − x constant.
		for (const [from, to] of pairs(points(patternMarks('reverse-diagonal', box).lines))) {
			expect(from[1]! - from[0]!).toBeCloseTo(to[1]! - to[0]!);
		}
	});

	it('draws whole dots only, inside the bar', () => {
		const { dots, lines } = patternMarks('dots', box);
		expect(lines).toBe('');
		// Squares of 3 centred on 12k + 6: 18 and 30 across; 30, 42 and 54 down.
		expect(dots.match(/M/g)).toHaveLength(2 * 3);
		expect(dots.startsWith('M16.5,28.5h3v3h-3z')).toBe(true);
		expect(patternMarks('dots', { x: 0, y: 0, width: 3, height: 3 }).dots).toBe('');
	});
});

function pairs<T>(list: T[]): [T, T][] {
	const result: [T, T][] = [];
	for (let index = 0; index + 1 < list.length; index += 2)
		result.push([list[index]!, list[index + 1]!]);
	return result;
}

import { scaleBand, scaleLinear } from 'd3-scale';

/**
 * The layout of the finance overview's stacked bar chart, as pure functions: the component only
 * draws what these return. Amounts arrive in integer euro cents; stacking sums them as integers
 * (exact), and only the pixel positions are floating point. Text that shows an amount is made
 * from the integers, never from a float of euros.
 */

export type ChartLocale = 'nl' | 'en';

export interface ChartSeries {
	key: string;
	label: string;
	/** Integer euro cents per year, in the order of `years`; negative for a cut. */
	values: number[];
}

export interface ChartInput {
	years: number[];
	series: ChartSeries[];
}

/** One series' part of one year's bar: from `fromCents` to `toCents` on the value axis. */
export interface StackSegment {
	key: string;
	label: string;
	seriesIndex: number;
	yearIndex: number;
	valueCents: number;
	fromCents: number;
	toCents: number;
}

export interface YearStack {
	year: number;
	segments: StackSegment[];
	/** Sum of the positive values (top of the bar) and of the negative ones (its bottom). */
	positiveCents: number;
	negativeCents: number;
	totalCents: number;
}

/** A value of a year that is missing or not a safe integer counts as nothing. */
function centsAt(values: number[], index: number): number {
	const value = values[index];
	return typeof value === 'number' && Number.isSafeInteger(value) ? value : 0;
}

/**
 * A diverging stack: per year, positive values stack upwards from zero and negative values
 * downwards from zero, each in the order of the series, so that a cut is drawn below the axis
 * and does not hide behind the additions. Zero values get no segment.
 */
export function stackByYear({ years, series }: ChartInput): YearStack[] {
	return years.map((year, yearIndex) => {
		let up = 0;
		let down = 0;
		const segments: StackSegment[] = [];
		series.forEach((entry, seriesIndex) => {
			const valueCents = centsAt(entry.values, yearIndex);
			if (valueCents === 0) return;
			const fromCents = valueCents > 0 ? up : down;
			const toCents = fromCents + valueCents;
			if (valueCents > 0) up = toCents;
			else down = toCents;
			segments.push({
				key: entry.key,
				label: entry.label,
				seriesIndex,
				yearIndex,
				valueCents,
				fromCents,
				toCents
			});
		});
		return { year, segments, positiveCents: up, negativeCents: down, totalCents: up + down };
	});
}

const CENTS_PER_MILLION = 100_000_000;

/** Cents as millions of euros, for positions on the axis only (never for text). */
export function centsToMillions(cents: number): number {
	return cents / CENTS_PER_MILLION;
}

function numberLocale(locale: ChartLocale): string {
	return locale === 'en' ? 'en-GB' : 'nl-NL';
}

/** "12345" cents as the exact decimal string "123.45", for Intl.NumberFormat's string input. */
function centsAsDecimal(cents: number): string {
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	const euros = Math.trunc(abs / 100);
	const rest = abs % 100;
	return `${sign}${euros}.${String(rest).padStart(2, '0')}`;
}

/**
 * The exact amount, "€ 414.000.000,00" in Dutch. Intl.NumberFormat reads a decimal string
 * exactly, so no euro value passes through a float.
 */
export function formatCents(cents: number, locale: ChartLocale = 'nl'): string {
	const format = new Intl.NumberFormat(numberLocale(locale), {
		style: 'currency',
		currency: 'EUR'
	});
	// A decimal string is read exactly (ES2023 Intl.NumberFormat); TypeScript's lib types lag.
	return format.format(centsAsDecimal(cents) as unknown as number);
}

const millionSuffix: Record<ChartLocale, string> = { nl: ' mln', en: 'm' };

/**
 * Millions with a given number of decimals from a decimal string, "€ 1.000 mln" in Dutch,
 * "€1,000m" in English; the sign is placed as the currency format places it.
 */
function formatMillionsDecimal(decimal: string, fractionDigits: number, locale: ChartLocale) {
	const format = new Intl.NumberFormat(numberLocale(locale), {
		style: 'currency',
		currency: 'EUR',
		minimumFractionDigits: fractionDigits,
		maximumFractionDigits: fractionDigits
	});
	return format.format(decimal as unknown as number) + millionSuffix[locale];
}

/**
 * An amount in millions with one decimal, rounded half away from zero in integer arithmetic:
 * 41_400_000_000 cents is "€ 414,0 mln".
 */
export function formatCentsInMillions(cents: number, locale: ChartLocale = 'nl'): string {
	const tenthOfMillion = CENTS_PER_MILLION / 10;
	const abs = Math.abs(cents);
	let tenths = Math.trunc(abs / tenthOfMillion);
	if ((abs % tenthOfMillion) * 2 >= tenthOfMillion) tenths += 1;
	const sign = cents < 0 && tenths > 0 ? '-' : '';
	const decimal = `${sign}${Math.trunc(tenths / 10)}.${tenths % 10}`;
	return formatMillionsDecimal(decimal, 1, locale);
}

/** Decimals a tick step needs: 500 → 0, 0.5 → 1, 0.25 → 2. */
export function tickPrecision(step: number): number {
	if (!(step > 0) || !Number.isFinite(step)) return 0;
	for (let digits = 0; digits < 8; digits += 1) {
		const scaled = step * 10 ** digits;
		if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, scaled)) return digits;
	}
	return 8;
}

/** A tick value (millions) as a label, with the decimals its step needs: "€ -500 mln". */
export function formatTick(millions: number, step: number, locale: ChartLocale = 'nl'): string {
	const digits = tickPrecision(step);
	// toFixed removes float noise such as 0.30000000000000004 before formatting.
	const decimal = (Object.is(millions, -0) ? 0 : millions).toFixed(digits);
	return formatMillionsDecimal(Number(decimal) === 0 ? '0' : decimal, digits, locale);
}

export interface ChartSize {
	width: number;
	height: number;
}

export interface AxisTick {
	millions: number;
	y: number;
	label: string;
}

export interface YearBand {
	year: number;
	x: number;
	width: number;
	/** Centre of the band, for the year's label. */
	centre: number;
}

export interface BarRect {
	key: string;
	label: string;
	seriesIndex: number;
	year: number;
	valueCents: number;
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface ChartLayout extends ChartSize {
	plot: { left: number; right: number; top: number; bottom: number };
	zeroY: number;
	ticks: AxisTick[];
	bands: YearBand[];
	bars: BarRect[];
	stacks: YearStack[];
}

export const defaultChartSize: ChartSize = { width: 640, height: 360 };

/** Rough width of a tick label in the chart's font size (12 units), to fit the left margin. */
const charWidth = 7;
const tickCount = 6;

/**
 * Scales, ticks and bar rectangles for a viewBox of `size`. The value axis always contains zero
 * (a chart of only cuts still starts at the axis) and is extended to nice round millions; with
 * nothing to show it spans 0 to 1 million so that the axis still draws.
 */
export function layoutChart(
	input: ChartInput,
	locale: ChartLocale = 'nl',
	size: ChartSize = defaultChartSize
): ChartLayout {
	const stacks = stackByYear(input);
	const minMillions = Math.min(0, ...stacks.map((stack) => centsToMillions(stack.negativeCents)));
	let maxMillions = Math.max(0, ...stacks.map((stack) => centsToMillions(stack.positiveCents)));
	if (minMillions === 0 && maxMillions === 0) maxMillions = 1;

	const top = 12;
	const bottom = size.height - 28;
	const value = scaleLinear()
		.domain([minMillions, maxMillions])
		.range([bottom, top])
		.nice(tickCount);
	const tickValues = value.ticks(tickCount);
	const [firstTick, secondTick] = tickValues;
	const step = firstTick !== undefined && secondTick !== undefined ? secondTick - firstTick : 1;
	const ticks = tickValues.map((millions) => ({
		millions,
		y: value(millions),
		label: formatTick(millions, step, locale)
	}));

	const longestLabel = Math.max(4, ...ticks.map((tick) => tick.label.length));
	const left = Math.ceil(longestLabel * charWidth) + 12;
	const right = size.width - 8;
	const band = scaleBand<string>()
		.domain(input.years.map(String))
		.range([left, right])
		.paddingInner(0.3)
		.paddingOuter(0.2);

	const bandOf = (year: number): YearBand => {
		const x = band(String(year)) ?? left;
		return { year, x, width: band.bandwidth(), centre: x + band.bandwidth() / 2 };
	};
	const bands = input.years.map(bandOf);
	const bars = stacks.flatMap((stack) => {
		const { x, width } = bandOf(stack.year);
		return stack.segments.map((segment) => {
			const yFrom = value(centsToMillions(segment.fromCents));
			const yTo = value(centsToMillions(segment.toCents));
			return {
				key: segment.key,
				label: segment.label,
				seriesIndex: segment.seriesIndex,
				year: stack.year,
				valueCents: segment.valueCents,
				x,
				y: Math.min(yFrom, yTo),
				width,
				height: Math.abs(yTo - yFrom)
			};
		});
	});

	return {
		...size,
		plot: { left, right, top, bottom },
		zeroY: value(0),
		ticks,
		bands,
		bars,
		stacks
	};
}

export interface ChartLabels {
	/** Before the text alternative's list of years. */
	perYear: string;
	total: string;
}

export const defaultChartLabels: Record<ChartLocale, ChartLabels> = {
	nl: { perYear: 'Per jaar gestapeld', total: 'totaal' },
	en: { perYear: 'Stacked per year', total: 'total' }
};

/**
 * The text alternative: every year with each series' exact amount and the year's total,
 * "Per jaar gestapeld: 2025: Gemeenten € 414.000.000,00, Provincies € 0,00; totaal € …. 2026: …".
 */
export function describeChart(
	{ years, series }: ChartInput,
	locale: ChartLocale = 'nl',
	labels: ChartLabels = defaultChartLabels[locale]
): string {
	if (years.length === 0 || series.length === 0) return `${labels.perYear}: –`;
	const perYear = years.map((year, yearIndex) => {
		const parts = series.map(
			(entry) => `${entry.label} ${formatCents(centsAt(entry.values, yearIndex), locale)}`
		);
		const total = series.reduce((sum, entry) => sum + centsAt(entry.values, yearIndex), 0);
		return `${year}: ${parts.join(', ')}; ${labels.total} ${formatCents(total, locale)}.`;
	});
	return `${labels.perYear}: ${perYear.join(' ')}`;
}

/** A bar's own title for mouse users: "2025, Gemeenten: € 414.000.000,00". */
export function barTitle(year: number, label: string, cents: number, locale: ChartLocale = 'nl') {
	return `${year}, ${label}: ${formatCents(cents, locale)}`;
}

/**
 * Eight calm colours, each at least 3:1 against white (WCAG 1.4.11), after the colour-blind-safe
 * Okabe–Ito set, darkened where needed, with the platform's slate and grey.
 */
export const seriesColours = [
	'#1d4e80',
	'#d55e00',
	'#009e73',
	'#b8659a',
	'#a87500',
	'#4b5663',
	'#8a5a9e',
	'#007c91'
] as const;

/**
 * Patterns drawn in white over the colour, so that colour is not the only carrier (WCAG 1.4.1).
 * Past eight series the pattern shifts by one, so colour and pattern together stay unique.
 */
export const seriesPatterns = [
	'solid',
	'diagonal',
	'dots',
	'reverse-diagonal',
	'horizontal',
	'vertical',
	'cross',
	'grid'
] as const;

export type SeriesPattern = (typeof seriesPatterns)[number];

export function seriesStyle(seriesIndex: number): { colour: string; pattern: SeriesPattern } {
	const patternIndex = seriesIndex + Math.floor(seriesIndex / seriesColours.length);
	return {
		colour: seriesColours[seriesIndex % seriesColours.length] ?? seriesColours[0],
		pattern: seriesPatterns[patternIndex % seriesPatterns.length] ?? 'solid'
	};
}

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** The white marks of a pattern inside a box: lines to stroke and dots to fill, as path data. */
export interface PatternMarks {
	lines: string;
	dots: string;
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * A pattern drawn as plain geometry inside one bar, not as an SVG <pattern>: Chromium prints a
 * <pattern> as images (megabytes per chart in a PDF), and lines print crisp at any size. The marks
 * sit on a grid of `spacing` in chart coordinates, so neighbouring segments line up.
 */
export function patternMarks(pattern: SeriesPattern, box: Box, spacing = 8): PatternMarks {
	const x0 = box.x;
	const y0 = box.y;
	const x1 = box.x + box.width;
	const y1 = box.y + box.height;
	const lines: string[] = [];
	const dots: string[] = [];
	if (box.width <= 0 || box.height <= 0) return { lines: '', dots: '' };
	const segment = (ax: number, ay: number, bx: number, by: number) =>
		lines.push(`M${round(ax)},${round(ay)}L${round(bx)},${round(by)}`);
	const multiplesBetween = (low: number, high: number) => {
		const found: number[] = [];
		for (let k = Math.floor(low / spacing) + 1; k * spacing < high; k += 1) found.push(k * spacing);
		return found;
	};
	const horizontal = () => {
		for (const y of multiplesBetween(y0, y1)) segment(x0, y, x1, y);
	};
	const vertical = () => {
		for (const x of multiplesBetween(x0, x1)) segment(x, y0, x, y1);
	};
	// "/": the lines x + y = c; "\": the lines y − x = c; each cut to the box.
	const diagonal = () => {
		for (const c of multiplesBetween(x0 + y0, x1 + y1)) {
			const from = Math.max(x0, c - y1);
			const to = Math.min(x1, c - y0);
			segment(from, c - from, to, c - to);
		}
	};
	const reverseDiagonal = () => {
		for (const c of multiplesBetween(y0 - x1, y1 - x0)) {
			const from = Math.max(x0, y0 - c);
			const to = Math.min(x1, y1 - c);
			segment(from, from + c, to, to + c);
		}
	};
	// Dots are small squares on a grid wider than the lines': a bar of 60 × 300 is 125 of them
	// (about 2 KB of path), where round dots on the lines' grid were 12 KB, and a chart has dozens
	// of bars (the totals page weighed 175 KB with them).
	const half = 1.5;
	const dotSpacing = spacing * 1.5;
	const dotGrid = () => {
		const centres = (low: number, high: number) => {
			const found: number[] = [];
			for (let k = Math.floor(low / dotSpacing); (k + 0.5) * dotSpacing <= high; k += 1) {
				const centre = (k + 0.5) * dotSpacing;
				if (centre - half >= low && centre + half <= high) found.push(centre);
			}
			return found;
		};
		for (const x of centres(x0, x1))
			for (const y of centres(y0, y1))
				dots.push(`M${round(x - half)},${round(y - half)}h${2 * half}v${2 * half}h${-2 * half}z`);
	};
	const draw: Record<SeriesPattern, () => void> = {
		solid: () => undefined,
		diagonal,
		'reverse-diagonal': reverseDiagonal,
		dots: dotGrid,
		horizontal,
		vertical,
		cross: () => {
			diagonal();
			reverseDiagonal();
		},
		grid: () => {
			horizontal();
			vertical();
		}
	};
	draw[pattern]();
	return { lines: lines.join(''), dots: dots.join('') };
}

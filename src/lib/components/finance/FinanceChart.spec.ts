import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import FinanceChart from './FinanceChart.svelte';

const million = 100_000_000; // cents

const props = {
	title: 'Totalen per jaar naar bestuurslaag',
	years: [2025, 2026],
	series: [
		{ key: 'gemeenten', label: 'Gemeenten', values: [414 * million, 1300 * million] },
		{ key: 'provincies', label: 'Provincies', values: [0, 25 * million] },
		{ key: 'korting', label: 'Opschalingskorting', values: [-675 * million, 0] }
	]
};

const plain = (text: string) => text.replaceAll('\u00a0', ' ').replaceAll('&nbsp;', ' ');

/** The first group of `pattern` in `text`, failing the test when it does not match. */
function group(text: string, pattern: RegExp): string {
	const found = text.match(pattern)?.[1];
	expect(found, String(pattern)).toBeDefined();
	return found ?? '';
}

/** The svg of the chart itself (the legend's swatches are small svgs of their own). */
function chartSvg(html: string): string {
	const match = html.match(/<svg[^>]*role="img"[\s\S]*?<\/svg>/);
	expect(match).not.toBeNull();
	return match![0];
}

describe('FinanceChart', () => {
	it('is a figure with a caption, and an image named by its title and described in text', () => {
		const { body } = render(FinanceChart, { props });
		expect(body).toMatch(
			/<figure[^>]*>[\s\S]*<figcaption[^>]*>Totalen per jaar naar bestuurslaag<\/figcaption>/
		);
		const svg = chartSvg(body);
		const labelledBy = group(svg, /aria-labelledby="([^"]+)"/);
		const describedBy = group(svg, /aria-describedby="([^"]+)"/);
		expect(svg).toContain(`<title id="${labelledBy}">Totalen per jaar naar bestuurslaag</title>`);
		const desc = plain(group(svg, new RegExp(`<desc id="${describedBy}">([^<]*)</desc>`)));
		expect(desc).toContain('2025: Gemeenten € 414.000.000,00, Provincies € 0,00');
		expect(desc).toContain('totaal € 1.325.000.000,00.');
	});

	it('draws one rect per non-zero value, each with its own title and none focusable', () => {
		const svg = chartSvg(render(FinanceChart, { props }).body);
		const bars = [
			...svg.matchAll(/<g[^>]*data-series="[^"]*"[^>]*><rect[^>]*>([\s\S]*?)<\/rect>/g)
		];
		expect(bars).toHaveLength(4);
		expect(plain(bars.map((bar) => bar[1]).join('|'))).toContain(
			'<title>2025, Opschalingskorting: € -675.000.000,00</title>'
		);
		expect(svg).not.toMatch(/tabindex/);
	});

	it('gives each series its own colour and pattern, and names them in a legend', () => {
		const { body } = render(FinanceChart, { props });
		const bars = [
			...chartSvg(body).matchAll(
				/<g[^>]*data-series="([^"]+)"[^>]*data-pattern="([^"]+)"[^>]*><rect[^>]*fill="([^"]+)"/g
			)
		];
		const styleOf = new Map(bars.map((bar) => [bar[1], `${bar[2]} ${bar[3]}`]));
		expect(styleOf.size).toBe(3);
		expect(new Set(styleOf.values()).size).toBe(3);
		// The second series is hatched: its marks are drawn as lines over the colour.
		expect(chartSvg(body)).toMatch(
			/data-series="provincies"[^>]*data-pattern="diagonal"[^>]*>[\s\S]*?<path class="oho-finance-chart__lines[^"]*" d="M/
		);
		const legend = group(body, /<ul[^>]*>([\s\S]*?)<\/ul>/);
		expect([...legend.matchAll(/<li\b/g)]).toHaveLength(3);
		expect(legend).toContain('Opschalingskorting');
		const swatches = [
			...legend.matchAll(/<svg[^>]*aria-hidden="true"[^>]*data-pattern="([^"]+)"/g)
		];
		expect(swatches.map((swatch) => swatch[1])).toEqual(['solid', 'diagonal', 'dots']);
	});

	it('labels the axes with years and Dutch millions', () => {
		const svg = plain(chartSvg(render(FinanceChart, { props }).body));
		expect(svg).toMatch(/<text[^>]*>2025<\/text>/);
		expect(svg).toMatch(/<text[^>]*>€ 0 mln<\/text>/);
		expect(svg).toMatch(/<text[^>]*>€ 1.000 mln<\/text>/);
	});

	it('takes its words from the labels prop and the locale', () => {
		const svg = chartSvg(
			render(FinanceChart, { props: { ...props, locale: 'en', labels: { total: 'Total' } } }).body
		);
		expect(svg).toContain('Stacked per year: 2025: Gemeenten €414,000,000.00');
		expect(svg).toContain('; Total €1,325,000,000.00.');
	});

	it('renders an empty chart without bars or legend', () => {
		const { body } = render(FinanceChart, { props: { title: 'Leeg', years: [], series: [] } });
		expect(chartSvg(body)).not.toMatch(/data-series/);
		expect(body).not.toContain('<ul');
		// With nothing to show the axis spans 0 to 1 million, so it still reads as an axis.
		expect(plain(body)).toMatch(/<text[^>]*>€ 0,0 mln<\/text>/);
	});
});

import { formatMillions, formatMoney } from '$lib/money';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/** Amounts in the page's language: exact ("€ 1.300.000.000,00") and in millions ("€ 1.300,0 mln"). */
const locale = () => (getLocale() === 'en' ? 'en-GB' : 'nl-NL');

export const exact = (cents: number) => formatMoney(cents, locale());
export const millions = (cents: number) => formatMillions(cents, locale());

/** A change with its sign: "+€ 50,0 mln", "−€ 50,0 mln" (a real minus), "€ 0,0 mln". */
export function signedMillions(cents: number): string {
	const text = formatMillions(Math.abs(cents), locale());
	return cents > 0 ? `+${text}` : cents < 0 ? `\u2212${text}` : text;
}

export function signedExact(cents: number): string {
	const text = formatMoney(Math.abs(cents), locale());
	return cents > 0 ? `+${text}` : cents < 0 ? `\u2212${text}` : text;
}

/** "2026: € 1.300,0 mln → € 1.250,0 mln (−€ 50,0 mln)": one year of a ledger entry. */
export const yearChange = (line: {
	year: number;
	fromCents: number;
	toCents: number;
	deltaCents: number;
}) =>
	m.finp_history_line({
		year: line.year,
		from: millions(line.fromCents),
		to: millions(line.toCents),
		change: signedMillions(line.deltaCents)
	});

/** "-675000000.00": the exact euros for a machine-readable value (integer maths, never a float). */
export function decimalEuros(cents: number): string {
	const abs = BigInt(Math.abs(cents));
	return `${cents < 0 ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

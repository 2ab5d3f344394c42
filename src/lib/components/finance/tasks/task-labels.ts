import { formatMillions, formatMoney } from '$lib/money';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/*
 * Words for the tasks' pages in the page's language (keys fintk_*): the stand of the
 * uitvoerbaarheidstoets, and the balance said in words, never by colour alone.
 */

export const feasibilityList = [
	'niet_gestart',
	'lopend',
	'afgerond',
	'niet_van_toepassing'
] as const;
export type Feasibility = (typeof feasibilityList)[number];

const feasibilityNames: Record<Feasibility, () => string> = {
	niet_gestart: m.fintk_udo_niet_gestart,
	lopend: m.fintk_udo_lopend,
	afgerond: m.fintk_udo_afgerond,
	niet_van_toepassing: m.fintk_udo_niet_van_toepassing
};

export const feasibilityLabel = (value: string) =>
	feasibilityNames[value as Feasibility]?.() ?? value;

/** The number format of the page's language. */
export const moneyLocale = () => (getLocale() === 'en' ? 'en-GB' : 'nl-NL');

export const money = (cents: number) => formatMoney(cents, moneyLocale());
export const millions = (cents: number) => formatMillions(cents, moneyLocale());

export type BalanceKind = 'shortfall' | 'surplus' | 'even' | 'no_need';

export function balanceKind(committedCents: number, needCents: number, reported: boolean) {
	if (!reported) return 'no_need' as const;
	const balance = committedCents - needCents;
	return balance < 0
		? ('shortfall' as const)
		: balance > 0
			? ('surplus' as const)
			: ('even' as const);
}

/** "tekort € 1.234,5 mln", "overschot € 3,0 mln", "in balans", "geen behoefte gemeld". */
export function balanceText(
	committedCents: number,
	needCents: number,
	reported: boolean,
	format: (cents: number) => string = millions
): string {
	const kind = balanceKind(committedCents, needCents, reported);
	const gap = Math.abs(committedCents - needCents);
	if (kind === 'shortfall') return m.fintk_balance_shortfall({ amount: format(gap) });
	if (kind === 'surplus') return m.fintk_balance_surplus({ amount: format(gap) });
	if (kind === 'even') return m.fintk_balance_even();
	return m.fintk_balance_no_need();
}

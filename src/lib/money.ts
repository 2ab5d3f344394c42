/**
 * Money as the platform keeps it: integer euro cents (`Cents`, a safe integer), parsed from and
 * shown in Dutch notation. Works in the browser and on the server (no server imports).
 *
 * Nothing here does floating point arithmetic on amounts: input is read digit by digit as
 * strings into a BigInt, and output is built from the integer euros and cents (Intl receives
 * them as an exact decimal string, never as a float).
 *
 * What `parseMoney` accepts (Dutch notation):
 * - digits with or without thousands separators: `1.234.567,89`, `1234567,89`. A dot is
 *   always a thousands separator, between groups of exactly three digits; the first group has
 *   one to three digits and does not start with 0.
 * - so `1.234` is read as thousands: € 1.234,00 (1234 euro), as Dutch notation says; `1.5` and
 *   `12.34` (a dot not followed by three digits) are refused as ambiguous, and so is `0.500`.
 * - a comma for the cents, with one or two digits: `1.234,5` is € 1.234,50; `1.234,-` (or
 *   `,--`) means whole euros.
 * - one sign before the amount, before or after the euro sign: `-`, `−` (U+2212), `–` (an
 *   en dash, as word processors write a minus) or `+`:
 *   `-675.000.000`, `− 675.000.000`, `€ -1.234,5`, `+12`.
 * - an optional euro sign before (or after) the amount, and spaces of any kind (also the
 *   non-breaking spaces `Intl` writes) around the sign, the euro sign and the amount; so what
 *   `formatMoney` and `formatMoneyPlain` write is read back exactly.
 * - at most ±9.000.000.000.000,00 (`MAX_CENTS`), well inside Number.MAX_SAFE_INTEGER cents.
 *
 * Refused, each with its own Dutch message for a form field: an empty field; English notation
 * (`1,234.56`, `1,234,567`); three digits after the comma (`12,345`, ambiguous: English
 * thousands or a typo); more than three; a dot after the comma (`1.234,5.6`); wrong groups
 * (`1.23.456`, `1234.567`, `1..234`); an ambiguous single dot (`1.5`); letters and other
 * characters; spaces inside the digits (`1 234`); two signs; a sign after the amount; amounts
 * beyond the limit.
 */

/** A safe integer of euro cents. */
export type Cents = number;

/** The largest amount `parseMoney` accepts, in cents: € 9.000.000.000.000,00. */
export const MAX_CENTS: Cents = 900_000_000_000_000;

export type ParseMoneyResult = { ok: true; cents: Cents } | { ok: false; message: string };

const EXAMPLE =
	'Vul een bedrag in zoals 1.234.567,89 (punten voor duizendtallen, een komma voor centen).';

/** The messages parseMoney gives, by reason; exported so that tests and forms can name them. */
export const moneyMessages = {
	empty: EXAMPLE,
	english:
		'Dit lijkt Engelse notatie. Gebruik punten voor duizendtallen en een komma voor centen, bijvoorbeeld 1.234,56.',
	threeDecimals:
		'Drie cijfers na de komma is niet eenduidig. Gebruik een komma alleen voor centen (1 of 2 cijfers, zoals 12,35) en een punt voor duizendtallen (zoals 12.345).',
	tooManyDecimals: 'Een bedrag heeft hooguit 2 cijfers na de komma (de centen).',
	missingDecimals:
		'Zet na de komma 1 of 2 cijfers voor de centen (of ,- voor hele euro’s), of laat de komma weg.',
	missingEuros: 'Zet een cijfer vóór de komma, bijvoorbeeld 0,50.',
	dotAfterComma:
		'Na de komma volgen alleen de centen (1 of 2 cijfers); daarna mag geen punt meer komen.',
	twoCommas: 'Gebruik één komma, voor de centen. ' + EXAMPLE,
	ambiguousDot:
		'Een punt staat voor duizendtallen en hoort gevolgd te worden door drie cijfers. Bedoelt u centen, gebruik dan een komma, bijvoorbeeld 1,5.',
	groups:
		'Punten staan tussen groepen van precies drie cijfers, zoals 1.234.567. Laat ze weg of zet ze op de juiste plaats.',
	characters: 'Een bedrag bestaat alleen uit cijfers, punten en een komma. ' + EXAMPLE,
	innerSpace: 'Laat de spaties binnen het bedrag weg. ' + EXAMPLE,
	twoSigns: 'Gebruik hooguit één teken (+ of −) vóór het bedrag.',
	signAfter: 'Zet het minteken vóór het bedrag, bijvoorbeeld -675.000.000.',
	twoEuroSigns: 'Gebruik het euroteken hooguit één keer.',
	tooLarge: 'Het bedrag is te groot: hooguit 9.000.000.000.000,00 euro (positief of negatief).'
} as const;

// A word processor's en dash (U+2013) counts as a minus too.
const SIGNS = new Set(['-', '+', '\u2212', '\u2013']);
const NEGATIVE = new Set(['-', '\u2212', '\u2013']);
const WHITESPACE = /\s/u;
const DIGITS = /^[0-9]+$/;

function refuse(message: string): ParseMoneyResult {
	return { ok: false, message };
}

/** Reads an amount in Dutch notation into integer cents; see the rules at the top of this file. */
export function parseMoney(text: string): ParseMoneyResult {
	const chars = [...text.trim()];
	if (chars.length === 0) return refuse(moneyMessages.empty);

	// Before the amount: whitespace, at most one sign and at most one euro sign, in any order.
	let start = 0;
	let signs = 0;
	let euros = 0;
	let negative = false;
	for (; start < chars.length; start++) {
		const c = chars[start] ?? '';
		if (WHITESPACE.test(c)) continue;
		if (SIGNS.has(c)) {
			signs++;
			negative = NEGATIVE.has(c);
		} else if (c === '€') euros++;
		else break;
	}
	// After the amount: whitespace and a euro sign (as in "1.234 €").
	let end = chars.length;
	for (; end > start; end--) {
		const c = chars[end - 1] ?? '';
		if (WHITESPACE.test(c)) continue;
		if (c === '€') euros++;
		else break;
	}
	if (signs > 1) return refuse(moneyMessages.twoSigns);
	if (euros > 1) return refuse(moneyMessages.twoEuroSigns);

	let body = chars.slice(start, end).join('');
	// ",-" and ",--" mean whole euros.
	let wholeEuros = false;
	const dash = /,[-\u2212\u2013]{1,2}$/u.exec(body);
	if (dash) {
		wholeEuros = true;
		body = body.slice(0, dash.index);
	}
	if (body === '') return refuse(moneyMessages.empty);
	if (/[-+\u2212\u2013]/u.test(body)) {
		return refuse(signs > 0 ? moneyMessages.twoSigns : moneyMessages.signAfter);
	}
	if (body.includes('€')) return refuse(moneyMessages.twoEuroSigns);
	if (!/^[0-9.,\s]+$/u.test(body)) return refuse(moneyMessages.characters);
	if (/\s/u.test(body)) return refuse(moneyMessages.innerSpace);

	const commas = body.split(',').length - 1;
	const lastDot = body.lastIndexOf('.');
	const firstComma = body.indexOf(',');
	if (wholeEuros && commas > 0) return refuse(moneyMessages.twoCommas);
	// English: commas between groups of three, a dot (if any) for the cents.
	if (/^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$/.test(body) && (commas > 1 || lastDot >= 0)) {
		return refuse(moneyMessages.english);
	}
	if (commas > 1) return refuse(moneyMessages.twoCommas);
	if (commas === 1 && lastDot > firstComma) {
		// "1,234.56" is English, "1.234,5.6" has a dot among the cents.
		return refuse(
			body.indexOf('.') > firstComma ? moneyMessages.english : moneyMessages.dotAfterComma
		);
	}

	const [integerPart = '', fraction = ''] = body.split(',');
	if (commas === 1) {
		if (integerPart === '') return refuse(moneyMessages.missingEuros);
		if (fraction.length === 0) return refuse(moneyMessages.missingDecimals);
		if (fraction.length === 3) return refuse(moneyMessages.threeDecimals);
		if (fraction.length > 3) return refuse(moneyMessages.tooManyDecimals);
	}

	let digits = integerPart;
	if (integerPart.includes('.')) {
		const groups = integerPart.split('.');
		if (groups.some((g) => g === '')) return refuse(moneyMessages.groups);
		const [first = '', ...rest] = groups;
		if (groups.length === 2 && rest[0]?.length !== 3) return refuse(moneyMessages.ambiguousDot);
		if (first.length > 3 || rest.some((g) => g.length !== 3)) return refuse(moneyMessages.groups);
		// "0.500" could be half a euro written with a decimal point.
		if (first.startsWith('0')) return refuse(moneyMessages.ambiguousDot);
		digits = groups.join('');
	}
	if (!DIGITS.test(digits) || (fraction !== '' && !DIGITS.test(fraction))) {
		return refuse(moneyMessages.characters);
	}

	const magnitude = BigInt(digits) * 100n + BigInt(fraction.padEnd(2, '0'));
	if (magnitude > BigInt(MAX_CENTS)) return refuse(moneyMessages.tooLarge);
	const cents = Number(magnitude);
	return { ok: true, cents: negative && cents !== 0 ? -cents : cents };
}

/** The sign, the whole euros (as a digit string) and the two cent digits of an amount. */
function split(cents: Cents): { negative: boolean; euros: string; cents: string } {
	if (!Number.isSafeInteger(cents)) {
		throw new RangeError(`Not a safe integer number of cents: ${cents}`);
	}
	const negative = cents < 0;
	const abs = BigInt(cents < 0 ? -cents : cents);
	return {
		negative,
		euros: (abs / 100n).toString(),
		cents: (abs % 100n).toString().padStart(2, '0')
	};
}

function groupThousands(digits: string): string {
	return digits.replace(/\B(?=(\d{3})+$)/g, '.');
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, fractionDigits: number): Intl.NumberFormat {
	const key = `${locale}|${fractionDigits}`;
	let nf = formatters.get(key);
	if (!nf) {
		nf = new Intl.NumberFormat(locale, {
			style: 'currency',
			currency: 'EUR',
			minimumFractionDigits: fractionDigits,
			maximumFractionDigits: fractionDigits
		});
		formatters.set(key, nf);
	}
	return nf;
}

/** An exact decimal string for Intl (which reads strings as exact decimals, not as floats). */
function decimal(negative: boolean, whole: string, fraction: string): `${number}` {
	return `${negative ? '-' : ''}${whole}.${fraction}` as `${number}`;
}

/** "€ 1.234.567,89": for display, exact to the cent for every safe integer. */
export function formatMoney(cents: Cents, locale = 'nl-NL'): string {
	const parts = split(cents);
	return formatter(locale, 2).format(decimal(parts.negative, parts.euros, parts.cents));
}

/**
 * "1.234.567,89", "-675.000.000,00": Dutch input notation without the euro sign, to prefill a
 * form field; parseMoney reads it back exactly.
 */
export function formatMoneyPlain(cents: Cents): string {
	const parts = split(cents);
	return `${parts.negative ? '-' : ''}${groupThousands(parts.euros)},${parts.cents}`;
}

const CENTS_PER_TENTH_MILLION = 10_000_000n;

/**
 * "€ 1.234,6 mln": millions with one decimal, rounded half away from zero on the integer
 * cents. Amounts of a billion and more stay in millions ("€ 3.012,0 mln"), so that figures in
 * one table compare at a glance. A non-breaking space keeps "mln" with its number.
 */
export function formatMillions(cents: Cents, locale = 'nl-NL'): string {
	const parts = split(cents);
	const abs = BigInt(parts.euros) * 100n + BigInt(parts.cents);
	let tenths = abs / CENTS_PER_TENTH_MILLION;
	if ((abs % CENTS_PER_TENTH_MILLION) * 2n >= CENTS_PER_TENTH_MILLION) tenths++;
	// An amount that rounds to nothing is shown without a minus.
	const negative = parts.negative && tenths > 0n;
	const text = formatter(locale, 1).format(
		decimal(negative, (tenths / 10n).toString(), (tenths % 10n).toString())
	);
	return `${text}\u00a0mln`;
}

/** The exact sum of amounts; throws a RangeError if a value or the sum is not a safe integer. */
export function sumCents(values: readonly Cents[]): Cents {
	let sum = 0n;
	for (const value of values) {
		if (!Number.isSafeInteger(value)) {
			throw new RangeError(`Not a safe integer number of cents: ${value}`);
		}
		sum += BigInt(value);
	}
	if (sum > BigInt(Number.MAX_SAFE_INTEGER) || sum < BigInt(Number.MIN_SAFE_INTEGER)) {
		throw new RangeError(`The sum ${sum} cents is beyond the safe integer range`);
	}
	return Number(sum);
}

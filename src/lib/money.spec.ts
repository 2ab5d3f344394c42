import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	MAX_CENTS,
	formatMillions,
	formatMoney,
	formatMoneyPlain,
	moneyMessages,
	parseMoney,
	sumCents
} from './money';

const cents = fc.integer({ min: -MAX_CENTS, max: MAX_CENTS });

function parsed(text: string): number {
	const result = parseMoney(text);
	if (!result.ok) throw new Error(`${JSON.stringify(text)} refused: ${result.message}`);
	return result.cents;
}

function refusal(text: string): string {
	const result = parseMoney(text);
	if (result.ok) throw new Error(`${JSON.stringify(text)} accepted as ${result.cents}`);
	return result.message;
}

describe('parseMoney and the formats round-trip exactly', () => {
	it('reads back what formatMoneyPlain writes', () => {
		fc.assert(fc.property(cents, (x) => parsed(formatMoneyPlain(x)) === x));
	});

	it('reads back what formatMoney writes, with its euro sign and spaces', () => {
		fc.assert(fc.property(cents, (x) => parsed(formatMoney(x)) === x));
	});

	it('reads random Dutch notation built from groups, and writes it back the same', () => {
		const digit = fc.constantFrom(...'0123456789');
		const group = fc.array(digit, { minLength: 3, maxLength: 3 }).map((d) => d.join(''));
		const first = fc.oneof(
			fc.constant('0'),
			fc
				.tuple(fc.constantFrom(...'123456789'), fc.array(digit, { maxLength: 2 }))
				.map(([d, rest]) => d + rest.join(''))
		);
		const space = fc.constantFrom('', ' ', '\u00a0', '\u202f', '  ');
		const notation = fc
			.record({
				sign: fc.constantFrom('', '-', '\u2212', '+'),
				euro: fc.constantFrom('', '€', '€ ', '€\u00a0'),
				signAfterEuro: fc.boolean(),
				first,
				groups: fc.array(group, { maxLength: 5 }),
				dots: fc.boolean(),
				fraction: fc.constantFrom('', ',-', ',--', ',d', ',dd'),
				fractionDigits: fc.array(digit, { minLength: 2, maxLength: 2 }),
				before: space,
				between: space,
				after: space
			})
			.filter((n) => n.first !== '0' || n.groups.length === 0 || !n.dots);
		fc.assert(
			fc.property(notation, (n) => {
				const integer = [n.first, ...n.groups].join(n.dots ? '.' : '');
				const decimals =
					n.fraction === ',d'
						? (n.fractionDigits[0] ?? '')
						: n.fraction === ',dd'
							? n.fractionDigits.join('')
							: '';
				const amount =
					integer + (decimals ? `,${decimals}` : n.fraction.startsWith(',-') ? n.fraction : '');
				const head = n.signAfterEuro ? n.euro + n.between + n.sign : n.sign + n.between + n.euro;
				const text = n.before + head + amount + n.after;

				const magnitude =
					BigInt([n.first, ...n.groups].join('')) * 100n + BigInt(decimals.padEnd(2, '0'));
				const negative = (n.sign === '-' || n.sign === '\u2212') && magnitude !== 0n;
				const result = parseMoney(text);
				if (magnitude > BigInt(MAX_CENTS)) {
					expect(result).toEqual({ ok: false, message: moneyMessages.tooLarge });
					return;
				}
				const expected = Number(negative ? -magnitude : magnitude);
				expect(result).toEqual({ ok: true, cents: expected });
				expect(parsed(formatMoneyPlain(expected))).toBe(expected);
			})
		);
	});

	it('refuses English notation with commas between groups and a decimal point', () => {
		const group = fc.integer({ min: 0, max: 999 }).map((g) => String(g).padStart(3, '0'));
		const english = fc
			.tuple(
				fc.integer({ min: 1, max: 999 }),
				fc.array(group, { minLength: 1, maxLength: 3 }),
				fc.integer({ min: 0, max: 99 })
			)
			.map(([head, groups, c]) => `${head},${groups.join(',')}.${String(c).padStart(2, '0')}`);
		fc.assert(
			fc.property(english, (text) => refusal(text) === moneyMessages.english),
			{ examples: [['1,234.56']] }
		);
	});
});

describe('parseMoney in Dutch notation', () => {
	const accepted: [string, number][] = [
		['1.234.567,89', 123456789],
		['1234567,89', 123456789],
		['€ 1.234.567', 123456700],
		['€1.234.567,-', 123456700],
		['1.234,--', 123400],
		['-675.000.000', -67500000000],
		['− 675.000.000', -67500000000],
		['– 675.000.000', -67500000000],
		['€ -1.234,5', -123450],
		['-€ 1.234,5', -123450],
		['  12,34  ', 1234],
		['\u00a0€\u00a01.234,56\u00a0', 123456],
		['1.234 €', 123400],
		['+12', 1200],
		['1.234', 123400],
		['1.234.567', 123456700],
		['0,5', 50],
		['0,05', 5],
		['0', 0],
		['-0,00', 0],
		['007', 700],
		['9.000.000.000.000,00', MAX_CENTS],
		['-9.000.000.000.000,00', -MAX_CENTS]
	];
	it.each(accepted)('reads %j as %d cents', (text, expected) => {
		expect(parseMoney(text)).toEqual({ ok: true, cents: expected });
	});

	it('reads -0 as plain 0, not as negative zero', () => {
		expect(Object.is(parsed('-0'), 0)).toBe(true);
	});

	const refused: [string, string][] = [
		['', moneyMessages.empty],
		['   ', moneyMessages.empty],
		['€', moneyMessages.empty],
		['-', moneyMessages.empty],
		['1.234,5.6', moneyMessages.dotAfterComma],
		['1,234.56', moneyMessages.english],
		['1,234,567', moneyMessages.english],
		['1.23.456', moneyMessages.groups],
		['1234.567', moneyMessages.groups],
		['1..234', moneyMessages.groups],
		['1.234.', moneyMessages.groups],
		['.234', moneyMessages.groups],
		['12,345', moneyMessages.threeDecimals],
		['1,2345', moneyMessages.tooManyDecimals],
		['1,', moneyMessages.missingDecimals],
		[',50', moneyMessages.missingEuros],
		['1,2,3', moneyMessages.twoCommas],
		['1,23,-', moneyMessages.twoCommas],
		['1.5', moneyMessages.ambiguousDot],
		['12.34', moneyMessages.ambiguousDot],
		['0.500', moneyMessages.ambiguousDot],
		['12abc', moneyMessages.characters],
		['EUR 12', moneyMessages.characters],
		['1e6', moneyMessages.characters],
		['١٢', moneyMessages.characters],
		['1 234', moneyMessages.innerSpace],
		['--5', moneyMessages.twoSigns],
		['+-5', moneyMessages.twoSigns],
		['- € -5', moneyMessages.twoSigns],
		['-5-', moneyMessages.twoSigns],
		['5-', moneyMessages.signAfter],
		['€ 5 €', moneyMessages.twoEuroSigns],
		['9.000.000.000.000,01', moneyMessages.tooLarge],
		['-9.000.000.000.000,01', moneyMessages.tooLarge],
		['99999999999999999999', moneyMessages.tooLarge]
	];
	it.each(refused)('refuses %j', (text, message) => {
		expect(parseMoney(text)).toEqual({ ok: false, message });
	});

	it('explains itself in Dutch, with an example', () => {
		expect(refusal('')).toBe(
			'Vul een bedrag in zoals 1.234.567,89 (punten voor duizendtallen, een komma voor centen).'
		);
		expect(refusal('1,234.56')).toMatch(/Engelse notatie/);
	});
});

describe('formatMoney', () => {
	it('shows euros in Dutch, exact to the cent at the largest amounts', () => {
		const nbsp = /[\s\u00a0\u202f]/gu;
		expect(formatMoney(123456789).replace(nbsp, ' ')).toBe('€ 1.234.567,89');
		expect(formatMoney(-67500000000).replace(nbsp, ' ')).toBe('€ -675.000.000,00');
		expect(formatMoney(-50).replace(nbsp, ' ')).toBe('€ -0,50');
		expect(formatMoney(900_000_000_000_001).replace(nbsp, ' ')).toBe('€ 9.000.000.000.000,01');
		expect(formatMoney(Number.MAX_SAFE_INTEGER).replace(nbsp, ' ')).toBe('€ 90.071.992.547.409,91');
		expect(formatMoney(-Number.MAX_SAFE_INTEGER).replace(nbsp, ' ')).toBe(
			'€ -90.071.992.547.409,91'
		);
	});

	it('follows the locale', () => {
		expect(formatMoney(-123450, 'en')).toBe('-€1,234.50');
	});

	it('refuses what is not a safe integer of cents', () => {
		expect(() => formatMoney(0.5)).toThrow(RangeError);
		expect(() => formatMoney(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
		expect(() => formatMoneyPlain(Number.NaN)).toThrow(RangeError);
	});
});

describe('formatMoneyPlain', () => {
	it('writes Dutch input notation without the euro sign', () => {
		expect(formatMoneyPlain(123456789)).toBe('1.234.567,89');
		expect(formatMoneyPlain(-67500000000)).toBe('-675.000.000,00');
		expect(formatMoneyPlain(5)).toBe('0,05');
		expect(formatMoneyPlain(-5)).toBe('-0,05');
		expect(formatMoneyPlain(0)).toBe('0,00');
		expect(formatMoneyPlain(100000)).toBe('1.000,00');
	});
});

describe('formatMillions', () => {
	const euro = 100;
	const cases: [number, string][] = [
		[1_234_550_000 * euro, '€ 1.234,6 mln'],
		[1_234_550_000 * euro - 1, '€ 1.234,5 mln'],
		[-1_234_550_000 * euro, '€ -1.234,6 mln'],
		[-1_234_550_000 * euro + 1, '€ -1.234,5 mln'],
		[3_012_000_000 * euro, '€ 3.012,0 mln'],
		[414_000_000 * euro, '€ 414,0 mln'],
		[-675_000_000 * euro, '€ -675,0 mln'],
		[50_000 * euro, '€ 0,1 mln'],
		[49_999 * euro + 99, '€ 0,0 mln'],
		[-49_999 * euro, '€ 0,0 mln'],
		[0, '€ 0,0 mln'],
		[Number.MAX_SAFE_INTEGER, '€ 90.071.992,5 mln']
	];
	it.each(cases)('shows %d cents as %j', (value, expected) => {
		expect(formatMillions(value).replace(/[\u00a0\u202f]/gu, ' ')).toBe(expected);
	});

	it('follows the locale', () => {
		expect(formatMillions(1_234_550_000 * euro, 'en').replace(/\u00a0/gu, ' ')).toBe(
			'€1,234.6 mln'
		);
	});

	it('rounds to the nearest tenth of a million, halves away from zero', () => {
		const tenth = 10_000_000n; // cents in € 0,1 mln
		fc.assert(
			fc.property(fc.integer({ min: -MAX_CENTS, max: MAX_CENTS }), (x) => {
				const text = formatMillions(x);
				expect(text).toMatch(/\u00a0mln$/u);
				// Read the shown figure back, as euros with one decimal: tenths of a million.
				const shown = BigInt(parsed(text.replace(/mln$/u, ''))) / 10n;
				const exact = BigInt(x);
				const error = exact - shown * tenth;
				const twice = 2n * (error < 0n ? -error : error);
				expect(twice <= tenth).toBe(true);
				// A tie goes away from zero: the shown figure is then the larger in size.
				if (twice === tenth) expect(error < 0n).toBe(exact > 0n);
			})
		);
	});

	it('rounds exact halves of a tenth away from zero', () => {
		const half = 5_000_000; // cents in € 0,05 mln
		const tie = fc
			.tuple(fc.integer({ min: 0, max: 89_999_999 }), fc.boolean())
			.map(([tenths, negative]) => (negative ? -1 : 1) * (tenths * 2 * half + half));
		fc.assert(
			fc.property(tie, (x) => {
				const tenths = (Math.abs(x) - half) / (2 * half) + 1;
				const sign = x < 0 ? -1 : 1;
				const shown = parsed(formatMillions(x).replace(/mln$/u, '')) / 10;
				expect(shown).toBe(sign * tenths);
			})
		);
	});
});

describe('sumCents', () => {
	it('sums exactly, as BigInt does', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: -MAX_CENTS, max: MAX_CENTS })), (values) => {
				expect(BigInt(sumCents(values))).toBe(values.reduce((s, v) => s + BigInt(v), 0n));
			})
		);
	});

	it('throws when the sum leaves the safe integer range', () => {
		expect(() => sumCents([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
		expect(() => sumCents([Number.MIN_SAFE_INTEGER, -1])).toThrow(RangeError);
		expect(() =>
			sumCents([
				MAX_CENTS,
				MAX_CENTS,
				MAX_CENTS,
				MAX_CENTS,
				MAX_CENTS,
				MAX_CENTS,
				MAX_CENTS,
				MAX_CENTS,
				MAX_CENTS,
				MAX_CENTS,
				MAX_CENTS
			])
		).toThrow(RangeError);
	});

	it('keeps a sum exact when only a partial sum leaves the range', () => {
		expect(sumCents([Number.MAX_SAFE_INTEGER, 2, -3])).toBe(Number.MAX_SAFE_INTEGER - 1);
		expect(sumCents([])).toBe(0);
	});

	it('refuses values that are not safe integers of cents', () => {
		expect(() => sumCents([10, 0.1])).toThrow(RangeError);
		expect(() => sumCents([Number.NaN])).toThrow(RangeError);
	});
});

import { describe, expect, it } from 'vitest';
import { findUnfitText, freeText, unfitCharacter, unfitTextMessage } from './text';

const refused = [
	...Array.from({ length: 32 }, (_, code) => code).filter((code) => ![9, 10, 13].includes(code)),
	0x7f
].map((code) => String.fromCharCode(code));

describe('unfitCharacter', () => {
	it('refuses every C0 control character except tab, LF and CR, and DEL', () => {
		for (const char of refused) expect(unfitCharacter(`voor${char}na`), char).not.toBeNull();
		expect(unfitCharacter('a\u0000b')).toEqual({ codePoint: 'U+0000', kind: 'control' });
		expect(unfitCharacter('\u007f')).toEqual({ codePoint: 'U+007F', kind: 'control' });
	});

	it('keeps tab, line breaks and real text: accents, emoji, zero-width joiners, C1', () => {
		for (const value of [
			'Regel één\r\nRegel twee\tmet tab',
			'Financiële verhoudingen – € 3 mld',
			'👩‍👩‍👧 en 🇳🇱',
			'Zoë\u200dAït',
			'\u0085\u009f',
			''
		])
			expect(unfitCharacter(value), value).toBeNull();
	});

	it('refuses lone surrogates, high or low, and keeps a proper pair', () => {
		expect(unfitCharacter('a\ud800b')).toEqual({ codePoint: 'U+D800', kind: 'surrogate' });
		expect(unfitCharacter('a\udc00')).toEqual({ codePoint: 'U+DC00', kind: 'surrogate' });
		expect(unfitCharacter('\ud83d')).not.toBeNull();
		expect(unfitCharacter('\ud83d\ude00')).toBeNull();
	});
});

describe('unfitTextMessage', () => {
	it('names the field and the character in Dutch', () => {
		expect(unfitTextMessage('De titel', 'x\u0000')).toMatch(
			/^De titel bevat een onzichtbaar stuurteken \(U\+0000\)\. Haal het weg/
		);
		expect(unfitTextMessage('De titel', '\udfff')).toMatch(/half teken \(U\+DFFF\)/);
		expect(unfitTextMessage('De titel', 'Goed')).toBeNull();
	});
});

describe('freeText()', () => {
	const title = freeText('De titel', 'Vul een titel in.')
		.trim()
		.min(3, { error: 'Te kort.' })
		.max(10, { error: 'Te lang.' });

	it('refuses unfit characters first, with the message at the field', () => {
		const parsed = title.safeParse('\u000b\u0000ab');
		expect(parsed.success).toBe(false);
		expect(parsed.error!.issues[0]!.message).toMatch(/^De titel bevat .*U\+000B/);
	});

	it('leaves the other checks and the trim as they were', () => {
		expect(title.safeParse('  Jeugdzorg ').data).toBe('Jeugdzorg');
		expect(title.safeParse('ab').error!.issues[0]!.message).toBe('Te kort.');
		expect(title.safeParse(3).error!.issues[0]!.message).toBe('Vul een titel in.');
	});
});

describe('findUnfitText', () => {
	it('finds a control character in any string, however deep, with its path', () => {
		expect(findUnfitText({ title: 'Goed', summary: 'Slecht\u0000' })).toEqual({
			field: 'summary',
			message: expect.stringMatching(/^Het veld "summary" bevat .*U\+0000/)
		});
		expect(findUnfitText({ a: [1, { b: ['ok', 'x\u0001'] }] })?.field).toBe('a.1.b.1');
		expect(findUnfitText({ itemPositions: { ['id\u0000']: 'ok' } })).toEqual({
			field: 'itemPositions.id\\u0000',
			message: expect.stringMatching(/^De naam van het veld "itemPositions\.id\\u0000" bevat/)
		});
	});

	it('names the first offender in document order', () => {
		expect(findUnfitText({ a: 'ok', b: '\u0000', c: '\u0000' })?.field).toBe('b');
		expect(findUnfitText(['\u0000', '\u0000'])?.field).toBe('0');
	});

	it('lets clean values through, numbers, booleans and null included', () => {
		expect(findUnfitText({ a: 1, b: true, c: null, d: ['x\ty', { e: 'Zoë' }] })).toBeNull();
		expect(findUnfitText('\u0000')?.message).toMatch(/^De tekst bevat/);
	});

	it('walks a body nested 100,000 deep without running out of stack', () => {
		const text = '['.repeat(100_000) + '"\\u0000"' + ']'.repeat(100_000);
		const found = findUnfitText(JSON.parse(text));
		expect(found?.field).toBe(Array(100_000).fill('0').join('.'));
	});
});

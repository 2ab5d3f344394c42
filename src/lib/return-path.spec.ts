import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
	it('keeps a path on this site, with its query and fragment', () => {
		expect(safeReturnPath('/mijn-account')).toBe('/mijn-account');
		expect(safeReturnPath('/beheer/audit?type=auth.logout.v1#x')).toBe(
			'/beheer/audit?type=auth.logout.v1#x'
		);
		expect(safeReturnPath('/en/beheer/personen')).toBe('/en/beheer/personen');
	});

	it('refuses anything that could leave the site', () => {
		for (const raw of [
			'https://evil.example/',
			'//evil.example/pad',
			'/\\evil.example',
			'\\\\evil.example',
			'javascript:alert(1)',
			'mijn-account',
			'/pad met spatie',
			'/\tevil',
			''
		]) {
			expect(safeReturnPath(raw), raw).toBeNull();
		}
		// Encoded, a CR LF is only text in a path of this site (no header can be split by it): kept
		// as it came, still encoded.
		expect(safeReturnPath('/%0d%0aSet-Cookie:x')).toBe('/%0d%0aSet-Cookie:x');
		expect(safeReturnPath('https://evil.example/')).toBeNull();
		expect(safeReturnPath('//evil.example/pad')).toBeNull();
		expect(safeReturnPath('/\\evil.example')).toBeNull();
		expect(safeReturnPath('/\tevil')).toBeNull();
		expect(safeReturnPath(null)).toBeNull();
	});

	it('does not send people back to the sign-in pages', () => {
		expect(safeReturnPath('/inloggen')).toBeNull();
		expect(safeReturnPath('/en/inloggen/tweede-stap')).toBeNull();
		expect(safeReturnPath('/uitloggen')).toBeNull();
	});
});

import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers';

describe('securityHeaders', () => {
	it('sets the baseline headers on every response', () => {
		const headers = securityHeaders(new URL('http://localhost:3000/'));
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
		expect(headers['permissions-policy']).toContain('camera=()');
		expect(headers['x-frame-options']).toBe('DENY');
	});

	it('adds Strict-Transport-Security only when served over https', () => {
		expect(
			securityHeaders(new URL('http://localhost/'))['strict-transport-security']
		).toBeUndefined();
		expect(
			securityHeaders(new URL('https://overleg.example.nl/'))['strict-transport-security']
		).toMatch(/max-age=\d+/);
	});
});

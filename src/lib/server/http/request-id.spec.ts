import { describe, expect, it } from 'vitest';
import { requestIdFrom } from './request-id';

describe('requestIdFrom', () => {
	it('keeps a well-formed id from the caller so logs line up', () => {
		expect(requestIdFrom(new Headers({ 'x-request-id': 'proxy-1234abcd' }))).toBe('proxy-1234abcd');
	});

	it('replaces a missing or odd id with a fresh UUID', () => {
		const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
		expect(requestIdFrom(new Headers())).toMatch(uuid);
		expect(requestIdFrom(new Headers({ 'x-request-id': '<script>alert(1)</script>' }))).toMatch(
			uuid
		);
		expect(requestIdFrom(new Headers({ 'x-request-id': 'short' }))).toMatch(uuid);
	});
});

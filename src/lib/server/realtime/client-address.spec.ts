import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, resetConfig } from '../config';
import { clientAddress } from './client-address';

const request = (headers: Record<string, string>, peer = '192.0.2.10') =>
	({ headers, socket: { remoteAddress: peer } }) as unknown as IncomingMessage;

function configure(env: Record<string, string>) {
	for (const [name, value] of Object.entries(env)) process.env[name] = value;
	resetConfig();
}

afterEach(() => {
	for (const name of ['ADDRESS_HEADER', 'XFF_DEPTH']) delete process.env[name];
	resetConfig();
});

describe('clientAddress: the address the rate limits count', () => {
	it('without a trusted proxy: the peer, whatever the headers say', () => {
		expect(clientAddress(request({ 'x-forwarded-for': '198.51.100.1' }))).toBe('192.0.2.10');
	});

	it('behind one: the entry XFF_DEPTH from the right, not what the client wrote before it', () => {
		configure({ ADDRESS_HEADER: 'X-Forwarded-For' });
		expect(clientAddress(request({ 'x-forwarded-for': '198.51.100.1, 203.0.113.7' }))).toBe(
			'203.0.113.7'
		);
		configure({ XFF_DEPTH: '2' });
		expect(clientAddress(request({ 'x-forwarded-for': '198.51.100.1, 203.0.113.7' }))).toBe(
			'198.51.100.1'
		);
		// Shorter than the proxies trusted, or missing: unknown (adapter-node refuses to say).
		expect(clientAddress(request({ 'x-forwarded-for': '203.0.113.7' }))).toBeNull();
		expect(clientAddress(request({}))).toBeNull();
	});

	it('another header holds one address as it is', () => {
		configure({ ADDRESS_HEADER: 'x-real-ip' });
		expect(clientAddress(request({ 'x-real-ip': '203.0.113.9' }))).toBe('203.0.113.9');
	});
});

describe('the settings', () => {
	it('default to 20 public sockets per address and one trusted proxy, no header', () => {
		const cfg = parseConfig({});
		expect(cfg.PUBLIC_SOCKETS_PER_IP).toBe(20);
		expect(cfg.XFF_DEPTH).toBe(1);
		expect(cfg.ADDRESS_HEADER).toBeUndefined();
		expect(parseConfig({ PUBLIC_SOCKETS_PER_IP: '200' }).PUBLIC_SOCKETS_PER_IP).toBe(200);
	});

	it.each([
		['PUBLIC_SOCKETS_PER_IP', 'veel', /PUBLIC_SOCKETS_PER_IP="veel": expected a number/],
		['PUBLIC_SOCKETS_PER_IP', '0', /PUBLIC_SOCKETS_PER_IP="0": expected at least 1 connection/],
		['PUBLIC_SOCKETS_PER_IP', '2.5', /expected a whole number of connections/],
		['XFF_DEPTH', '0', /XFF_DEPTH="0": expected at least 1 proxy/],
		['ADDRESS_HEADER', 'x forwarded', /ADDRESS_HEADER="x forwarded": expected an HTTP header/]
	])('refuses %s=%s', (name, value, message) => {
		expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
		expect(() => parseConfig({ [name]: value })).toThrow(message);
	});
});

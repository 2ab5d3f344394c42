import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

describe('parseConfig', () => {
	it('defaults to the embedded engine with demo data in ./data', () => {
		const cfg = parseConfig({});
		expect(cfg.engine).toBe('pglite');
		expect(cfg.DATA_DIR).toBe('./data');
		expect(cfg.PORT).toBe(3000);
		expect(cfg.demo).toBe(true);
		expect(cfg.LOG_LEVEL).toBe('info');
		expect(cfg.RATE_LIMIT_PER_IP).toBe(30);
	});

	it('chooses PostgreSQL when DATABASE_URL is set, without demo data unless asked', () => {
		const cfg = parseConfig({ DATABASE_URL: 'postgres://app@db.internal:5432/overleg' });
		expect(cfg.engine).toBe('postgres');
		expect(cfg.demo).toBe(false);
		expect(parseConfig({ DATABASE_URL: 'postgresql://x@y/z', DEMO: 'true' }).demo).toBe(true);
	});

	it('publishes as BZK unless another TOOI organisation is configured', () => {
		expect(parseConfig({}).PUBLISHER_TOOI).toBe(
			'https://identifier.overheid.nl/tooi/id/ministerie/mnre1034'
		);
		const fin = 'https://identifier.overheid.nl/tooi/id/ministerie/mnre1090';
		expect(parseConfig({ PUBLISHER_TOOI: fin }).PUBLISHER_TOOI).toBe(fin);
	});

	it('treats empty values as unset', () => {
		expect(parseConfig({ DATABASE_URL: '', PORT: ' ' }).engine).toBe('pglite');
	});

	it.each([
		['PORT', 'abc', /PORT="abc": expected a port number/],
		['PORT', '70000', /PORT="70000": expected a port number from 1 to 65535/],
		['DATABASE_URL', 'mysql://root@localhost/x', /DATABASE_URL=.*postgres:\/\//],
		['ORIGIN', 'overleg.example.nl', /ORIGIN=.*public address/],
		['REDIS_URL', 'http://localhost:6379', /REDIS_URL=.*redis:\/\//],
		['REDIS_PREFIX', 'Oho:prod', /REDIS_PREFIX="Oho:prod": expected letters, digits/],
		['LOG_LEVEL', 'loud', /LOG_LEVEL="loud"/],
		['DEMO', 'yes', /DEMO="yes"/],
		['DATABASE_PREPARE', 'yes', /DATABASE_PREPARE="yes": expected true or false/],
		['RATE_LIMIT_PER_IP', 'many', /RATE_LIMIT_PER_IP="many": expected a number of attempts/],
		['RATE_LIMIT_PER_IP', '2', /RATE_LIMIT_PER_IP="2": expected at least 5 attempts/],
		['PUBLISHER_TOOI', 'BZK', /PUBLISHER_TOOI="BZK": expected a TOOI organisation URI/]
	])('rejects %s=%s with a message naming the variable', (name, value, pattern) => {
		let caught: unknown;
		try {
			parseConfig({ [name]: value });
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(ConfigError);
		expect((caught as ConfigError).message).toMatch(pattern);
	});

	it('names every wrong variable at once', () => {
		expect(() => parseConfig({ PORT: '-1', LOG_LEVEL: 'x' })).toThrowError(/PORT[\s\S]*LOG_LEVEL/);
	});
});

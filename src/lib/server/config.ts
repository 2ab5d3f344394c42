import { z } from 'zod';

/**
 * The environment, parsed once with zod. A wrong value stops the process with a message that
 * names the variable and what is expected, instead of failing later somewhere less obvious.
 */
const emptyAsUndefined = (value: unknown) =>
	typeof value === 'string' && value.trim() === '' ? undefined : value;

const postgresUrl = z
	.url({
		protocol: /^postgres(ql)?$/,
		error: 'a postgres:// address, e.g. postgres://user@host:5432/db'
	})
	.optional();

export const configSchema = z.object({
	NODE_ENV: z.preprocess(
		emptyAsUndefined,
		z.enum(['development', 'production', 'test']).default('development')
	),
	DATABASE_URL: z.preprocess(emptyAsUndefined, postgresUrl),
	DATA_DIR: z.preprocess(emptyAsUndefined, z.string().min(1).default('./data')),
	/**
	 * Whether the app's reads on PostgreSQL are prepared statements (postgres.js's own default): the
	 * server plans each query text once per connection instead of on every request. Off only
	 * behind a connection pooler that cannot keep them (PgBouncer in transaction mode before 1.21).
	 */
	DATABASE_PREPARE: z.preprocess(
		emptyAsUndefined,
		z.enum(['true', 'false'], { error: 'true or false' }).default('true')
	),
	PORT: z.preprocess(
		emptyAsUndefined,
		z.coerce
			.number({ error: 'a port number from 1 to 65535' })
			.int({ error: 'a whole port number from 1 to 65535' })
			.min(1, { error: 'a port number from 1 to 65535' })
			.max(65535, { error: 'a port number from 1 to 65535' })
			.default(3000)
	),
	HOST: z.preprocess(emptyAsUndefined, z.string().min(1).default('0.0.0.0')),
	ORIGIN: z.preprocess(
		emptyAsUndefined,
		z
			.url({
				protocol: /^https?$/,
				error: 'the public address of the app, e.g. https://overleg.example.nl'
			})
			.optional()
	),
	REDIS_URL: z.preprocess(
		emptyAsUndefined,
		z.url({ protocol: /^rediss?$/, error: 'a redis:// or rediss:// address' }).optional()
	),
	/**
	 * The start of every Redis key and stream the app uses. Installations that share one Redis
	 * (acceptance beside production, or CI runs at once) each need their own, or they hear each
	 * other's events.
	 */
	REDIS_PREFIX: z.preprocess(
		emptyAsUndefined,
		z
			.string()
			.regex(/^[a-z0-9][a-z0-9_.-]{0,39}$/, {
				error: 'letters, digits, dot, dash or underscore, at most 40 characters'
			})
			.default('oho')
	),
	LOG_LEVEL: z.preprocess(
		emptyAsUndefined,
		z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')
	),
	/**
	 * Sign-in, second-step and invitation attempts per IP address per 15 minutes. Raise it when
	 * many people share one office address (and in the e2e tests, which all come from 127.0.0.1).
	 */
	RATE_LIMIT_PER_IP: z.preprocess(
		emptyAsUndefined,
		z.coerce
			.number({ error: 'a number of attempts' })
			.int({ error: 'a whole number of attempts' })
			.min(5, { error: 'at least 5 attempts' })
			.max(1_000_000, { error: 'at most 1000000 attempts' })
			.default(30)
	),
	/**
	 * Anonymous sockets of the public pages (the /public namespace) per IP address, per process:
	 * enough for a household or an office behind one address, too few to exhaust the server.
	 */
	PUBLIC_SOCKETS_PER_IP: z.preprocess(
		emptyAsUndefined,
		z.coerce
			.number({ error: 'a number of connections' })
			.int({ error: 'a whole number of connections' })
			.min(1, { error: 'at least 1 connection' })
			.max(100_000, { error: 'at most 100000 connections' })
			.default(20)
	),
	/**
	 * adapter-node's client address (read here too, so that the public socket counts the address
	 * the rate limits do): the header a trusted proxy puts it in, e.g. x-forwarded-for ...
	 */
	ADDRESS_HEADER: z.preprocess(
		emptyAsUndefined,
		z
			.string()
			.regex(/^[A-Za-z0-9-]+$/, { error: 'an HTTP header name, e.g. x-forwarded-for' })
			.transform((name) => name.toLowerCase())
			.optional()
	),
	/** ... and for x-forwarded-for, how many proxies from the right end of it are trusted. */
	XFF_DEPTH: z.preprocess(
		emptyAsUndefined,
		z.coerce
			.number({ error: 'a number of proxies' })
			.int({ error: 'a whole number of proxies' })
			.min(1, { error: 'at least 1 proxy' })
			.max(20, { error: 'at most 20 proxies' })
			.default(1)
	),
	/** Seed demo data into an empty database. Defaults to on for the embedded engine only. */
	DEMO: z.preprocess(emptyAsUndefined, z.enum(['true', 'false']).optional()),
	/** Sessions end after this much inactivity (sliding) ... */
	SESSION_IDLE_MINUTES: z.preprocess(
		emptyAsUndefined,
		z.coerce
			.number({ error: 'a number of minutes' })
			.int()
			.min(5)
			.max(24 * 60)
			.default(120)
	),
	/** ... and in any case this long after login. */
	SESSION_MAX_HOURS: z.preprocess(
		emptyAsUndefined,
		z.coerce
			.number({ error: 'a number of hours' })
			.int()
			.min(1)
			.max(24 * 30)
			.default(12)
	),
	/** smtp:// or smtps:// address for outgoing mail; without it invitation links go to the log. */
	SMTP_URL: z.preprocess(
		emptyAsUndefined,
		z.url({ protocol: /^smtps?$/, error: 'an smtp:// or smtps:// address' }).optional()
	),
	MAIL_FROM: z.preprocess(
		emptyAsUndefined,
		z.string().min(3).default('Overhedenoverleg <noreply@overhedenoverleg.example>')
	),
	/**
	 * The publisher of the published besluitenlijsten and agendas in their DiWoo metadata and ORI
	 * JSON: the TOOI URI of the secretariat's host organisation (BZK by default).
	 */
	PUBLISHER_TOOI: z.preprocess(
		emptyAsUndefined,
		z
			.string()
			.regex(/^https:\/\/identifier\.overheid\.nl\/tooi\/id\/[a-z_]+\/[a-z0-9_]+$/, {
				error:
					'a TOOI organisation URI, e.g. https://identifier.overheid.nl/tooi/id/ministerie/mnre1034'
			})
			.default('https://identifier.overheid.nl/tooi/id/ministerie/mnre1034')
	),
	/** Where the committed SQL migrations live. */
	MIGRATIONS_DIR: z.preprocess(emptyAsUndefined, z.string().min(1).default('./drizzle'))
});

export type Config = z.infer<typeof configSchema> & {
	demo: boolean;
	engine: 'pglite' | 'postgres';
};

export class ConfigError extends Error {
	constructor(public readonly issues: string[]) {
		super(`Invalid configuration:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
		this.name = 'ConfigError';
	}
}

/** Parses an environment; throws a ConfigError naming every wrong variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
	const result = configSchema.safeParse(env);
	if (!result.success) {
		throw new ConfigError(
			result.error.issues.map((issue) => {
				const name = issue.path.join('.') || '(environment)';
				return `${name}=${JSON.stringify(env[name] ?? '')}: expected ${issue.message}`;
			})
		);
	}
	const engine = result.data.DATABASE_URL ? 'postgres' : 'pglite';
	const demo = result.data.DEMO ? result.data.DEMO === 'true' : engine === 'pglite';
	return { ...result.data, engine, demo };
}

let cached: Config | undefined;

/** The configuration of this process, parsed on first use. */
export function config(): Config {
	cached ??= parseConfig(process.env);
	return cached;
}

/** For tests that change the environment. */
export function resetConfig(): void {
	cached = undefined;
}

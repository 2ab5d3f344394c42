import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';

/**
 * One structured JSON logger for the process. The level is read straight from the environment
 * (not through config()) so that a configuration error itself can still be logged.
 *
 * In development (`npm run dev`) the lines are made readable by pino-pretty, a development
 * dependency; a production build keeps JSON, for the log collector, and never loads it.
 */
const globalKey = Symbol.for('overhedenoverleg.logger');
type WithLogger = typeof globalThis & { [globalKey]?: Logger };

/** Vite's flag: true under the dev server, false in the production build, absent under tsx. */
const development = import.meta.env?.DEV === true && !process.env.VITEST;

/**
 * Readable lines for a person at a console: time, level and message, the other fields below. A
 * stream in this thread, loaded by path: pino's worker transports cannot find a module from code
 * that Vite evaluates.
 */
function readableLines(): DestinationStream {
	const pretty = createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;
	return pretty({
		colorize: true,
		singleLine: true,
		translateTime: 'SYS:HH:MM:ss',
		ignore: 'pid,hostname,service'
	});
}

function createLogger(): Logger {
	const level = process.env.LOG_LEVEL || (process.env.VITEST ? 'silent' : 'info');
	const options = {
		level,
		base: { service: 'overhedenoverleg' },
		timestamp: pino.stdTimeFunctions.isoTime,
		redact: {
			paths: ['req.headers.cookie', 'req.headers.authorization', '*.password'],
			censor: '[verborgen]'
		}
	};
	if (development) return pino(options, readableLines());
	// The level as a word ("info"), as log collectors read it; pino-pretty wants the number.
	return pino({ ...options, formatters: { level: (label) => ({ level: label }) } });
}

export const logger: Logger = ((globalThis as WithLogger)[globalKey] ??= createLogger());

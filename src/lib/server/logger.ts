import { pino, type Logger } from 'pino';

/**
 * One structured JSON logger for the process. The level is read straight from the environment
 * (not through config()) so that a configuration error itself can still be logged.
 */
const globalKey = Symbol.for('overhedenoverleg.logger');
type WithLogger = typeof globalThis & { [globalKey]?: Logger };

function createLogger(): Logger {
	const level = process.env.LOG_LEVEL || (process.env.VITEST ? 'silent' : 'info');
	return pino({
		level,
		base: { service: 'overhedenoverleg' },
		timestamp: pino.stdTimeFunctions.isoTime,
		formatters: { level: (label) => ({ level: label }) },
		redact: {
			paths: ['req.headers.cookie', 'req.headers.authorization', '*.password'],
			censor: '[verborgen]'
		}
	});
}

export const logger: Logger = ((globalThis as WithLogger)[globalKey] ??= createLogger());

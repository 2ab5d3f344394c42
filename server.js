// Production entry: the SvelteKit (adapter-node) handler and socket.io (src/lib/server/realtime) on
// one Node HTTP server. Start with `npm run build && npm start`.
import { createServer } from 'node:http';

/** The page every request gets while the app starts. */
const STARTING_PAGE = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2">
<title>Database wordt gestart…</title></head>
<body style="font-family: system-ui, sans-serif; margin: 3rem; max-width: 40rem">
<h1>De database wordt gestart…</h1>
<p>Het platform is zo klaar. Deze pagina ververst zichzelf.</p>
</body></html>
`;

const SHUTDOWN_TIMEOUT_MS = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 30_000);

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';

// adapter-node assumes https when it is not told the public origin; a local `npm start` is plain
// http, so default ORIGIN to it (production sets ORIGIN, or PROTOCOL_HEADER behind a proxy).
if (!process.env.ORIGIN && !process.env.PROTOCOL_HEADER) {
	process.env.ORIGIN = `http://localhost:${port}`;
}

// adapter-node refuses request bodies over 512 KB by default; attachments may be 25 MB, plus the
// multipart envelope. Read by the handler when it is imported, so set before that.
process.env.BODY_SIZE_LIMIT ??= '26M';

// The path is a variable so that the type-checker does not descend into the generated build.
const handlerModule = './build/handler.js';
/**
 * Until the app is ready (on a fresh machine the embedded database is created, migrated and given
 * its demo data first) every request gets a short Dutch page that says so, and asks again.
 * @type {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void}
 */
let handler = (_req, res) => {
	res.writeHead(503, {
		'content-type': 'text/html; charset=utf-8',
		'retry-after': '2',
		'cache-control': 'no-store'
	});
	res.end(STARTING_PAGE);
};
const server = createServer((req, res) => handler(req, res));
// Keep-alive connections must not outlive a proxy's idle timeout by much.
server.keepAliveTimeout = 65_000;
// The app's init hook attaches socket.io to this server (same port, path /socket.io).
/** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis))[
	Symbol.for('overhedenoverleg.http-server')
] = server;

const shown = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
await new Promise((resolve, reject) => {
	server.once('error', reject);
	server.listen(port, host, () => resolve(undefined));
});
log('info', 'database wordt gestart…', { port, host });

try {
	// Importing the handler runs the app's `init` hook: the environment is parsed and the database
	// opened, migrated and seeded. A wrong setting stops the process here with a clear message.
	({ handler } = await import(handlerModule));
} catch (error) {
	const message = error instanceof Error ? error.message : String(error);
	process.stderr.write(
		JSON.stringify({
			level: 'fatal',
			time: new Date().toISOString(),
			msg: 'startup failed',
			error: message
		}) + '\n'
	);
	process.stderr.write(`\nThe app could not start:\n${message}\n`);
	process.exit(1);
}

// The address is printed once the home page answers, so that whoever opens it finds the app.
await homePageAnswers();
log('info', `listening on ${shown}`, { port, host, url: shown });

/** Asks this server for its home page until it answers (a fresh start compiles and reads first). */
async function homePageAnswers() {
	const local = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}/`;
	for (let attempt = 0; attempt < 120; attempt++) {
		try {
			const response = await fetch(local, { redirect: 'manual' });
			await response.body?.cancel();
			if (response.status < 500) return;
		} catch {
			// Not answering yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	log('warn', 'the home page did not answer within a minute', {});
}

let stopping = false;

/** @param {string} signal */
async function shutdown(signal) {
	if (stopping) return;
	stopping = true;
	log('info', 'shutting down: no new connections, finishing requests in flight', { signal });

	const forced = setTimeout(() => {
		log('warn', 'requests still running after the timeout; closing their connections', {});
		server.closeAllConnections();
	}, SHUTDOWN_TIMEOUT_MS);
	forced.unref();

	// Live connections first: they would keep the server open. Clients reconnect elsewhere.
	const registry = /** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis));
	const realtime = /** @type {{ close(): Promise<void> } | undefined} */ (
		registry[Symbol.for('overhedenoverleg.realtime')]
	);
	await realtime?.close().catch(() => undefined);

	await new Promise((resolve) => {
		server.close(() => resolve(undefined));
		server.closeIdleConnections();
	});
	clearTimeout(forced);

	try {
		const runHooks = registry[Symbol.for('overhedenoverleg.shutdown')];
		if (typeof runHooks === 'function') await runHooks();
		log('info', 'stopped cleanly', {});
		process.exit(0);
	} catch (error) {
		log('error', 'shutdown incomplete', { error: String(error) });
		process.exit(1);
	}
}

// A library that leaves a promise unhandled (say, a Redis client while Redis is away) must not
// take every request of this process down with it: log it loudly and go on.
process.on('unhandledRejection', (reason) => {
	log('error', 'unhandled rejection', {
		error: reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)
	});
});

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

/**
 * JSON lines for a log collector; at a terminal a readable line instead, for the person who
 * started the app.
 * @param {string} level
 * @param {string} msg
 * @param {Record<string, unknown>} fields
 */
function log(level, msg, fields) {
	if (process.env.LOG_LEVEL === 'silent') return;
	if (process.stdout.isTTY) {
		const time = new Date().toLocaleTimeString('nl-NL', { hour12: false });
		process.stdout.write(`${time} ${level.toUpperCase().padEnd(5)} ${msg}\n`);
		return;
	}
	process.stdout.write(
		JSON.stringify({
			level,
			time: new Date().toISOString(),
			service: 'overhedenoverleg',
			msg,
			...fields
		}) + '\n'
	);
}

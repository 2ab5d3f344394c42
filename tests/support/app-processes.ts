/**
 * Real app processes (the production build, `node server.js`) and small TCP proxies between them
 * and their services, for the fault tests of tests/integration/realtime and for
 * `npm run bench:realtime`. Needs `npm run build` first (`npm test` does it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, Socket, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createServerDatabase } from './server-database';

export const POSTGRES_SERVER =
	process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_SERVER = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * The Redis prefix of this test file's processes. Test files run at once, each with its own
 * database but one Redis: with one stream, a file's clients received another file's events
 * (ids from another database), as a CI run showed.
 */
export const REDIS_PREFIX = `oho-test-${process.pid}-${randomUUID().slice(0, 8)}`;

export function requireBuild(): void {
	if (!existsSync('build/handler.js')) {
		throw new Error('No production build in build/: run `npm run build` first (npm test does).');
	}
}

/** A new, empty database on the PostgreSQL server; `drop` removes it. */
export function createDatabase(label: string) {
	return createServerDatabase(POSTGRES_SERVER, label);
}

export interface AppProcess {
	url: string;
	port: number;
	child: ChildProcess;
	/** The last few KB the process wrote (stdout and stderr). */
	output(): string;
	/** SIGKILL: the process dies without closing anything. */
	kill(): Promise<void>;
	/** SIGTERM and wait for the exit. */
	stop(): Promise<void>;
}

/**
 * Ports handed out in this process are never handed out again: fetch keeps idle connections per
 * address, and a new server on a dead one's port would meet them (ECONNRESET).
 */
const usedPorts = new Set<number>();

export async function freePort(): Promise<number> {
	for (;;) {
		const server = createServer();
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		await new Promise((resolve) => server.close(resolve));
		if (!usedPorts.has(port)) {
			usedPorts.add(port);
			return port;
		}
	}
}

/** Starts `node server.js` and waits until /readyz says ready. */
export async function startApp(options: {
	databaseUrl: string;
	redisUrl?: string;
	port?: number;
	env?: Record<string, string>;
}): Promise<AppProcess> {
	requireBuild();
	const port = options.port ?? (await freePort());
	const url = `http://127.0.0.1:${port}`;
	let output = '';
	const child = spawn(process.execPath, ['server.js'], {
		env: {
			...process.env,
			DATABASE_URL: options.databaseUrl,
			REDIS_URL: options.redisUrl ?? '',
			REDIS_PREFIX,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			DEMO: 'false',
			LOG_LEVEL: 'warn',
			RATE_LIMIT_PER_IP: '100000',
			SHUTDOWN_TIMEOUT_MS: '2000',
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
	child.stderr!.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
	let stopping = false;
	const exited = new Promise<void>((resolve) =>
		child.once('exit', (code, signal) => {
			// A process that dies unasked is a finding: show why.
			if (!stopping) console.error(`server.js on ${port} exited (${code ?? signal}):\n${output}`);
			resolve();
		})
	);
	const until = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server.js exited at start:\n${output}`);
		const ready = await fetch(`${url}/readyz`).then(
			(response) => response.ok,
			() => false
		);
		if (ready) break;
		if (Date.now() > until) {
			child.kill('SIGKILL');
			throw new Error(`server.js did not become ready:\n${output}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	return {
		url,
		port,
		child,
		output: () => output,
		async kill() {
			stopping = true;
			if (child.exitCode === null) child.kill('SIGKILL');
			await exited;
		},
		async stop() {
			stopping = true;
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
		}
	};
}

export interface Proxy {
	port: number;
	/** Ends every connection and refuses new ones, as a dead network or a stopped server would. */
	cut(): Promise<void>;
	restore(): Promise<void>;
	close(): Promise<void>;
}

/**
 * A TCP proxy on a fixed local port to `target` (host:port), that a test can cut and restore.
 * `latencyMs` holds every chunk back that long in each direction (order kept): a slow link to
 * Redis makes the window in which another process's event is still on its way wide enough to
 * hit on purpose.
 */
export async function startProxy(
	target: { host: string; port: number },
	options: { latencyMs?: number } = {}
): Promise<Proxy> {
	const latency = options.latencyMs ?? 0;
	const connections = new Set<Socket>();
	let server: Server | null = null;
	const port = await freePort();

	async function listen() {
		const listening: Server = createServer((client) => {
			// A connection the kernel accepted just before a cut is handed over after it: refuse it,
			// or it would slip through the cut.
			if (server !== listening) {
				client.destroy();
				return;
			}
			const upstream = new Socket();
			connections.add(client);
			connections.add(upstream);
			const forget = () => {
				connections.delete(client);
				connections.delete(upstream);
				client.destroy();
				upstream.destroy();
			};
			client.on('error', forget).on('close', forget);
			upstream.on('error', forget).on('close', forget);
			upstream.connect(target.port, target.host, () => {
				relay(client, upstream, latency);
				relay(upstream, client, latency);
			});
		});
		server = listening;
		await new Promise<void>((resolve) => listening.listen(port, '127.0.0.1', resolve));
	}

	async function cut() {
		const closing = server;
		server = null;
		for (const socket of connections) socket.destroy();
		connections.clear();
		if (closing) await new Promise((resolve) => closing.close(resolve));
	}

	await listen();
	return {
		port,
		cut,
		async restore() {
			if (!server) await listen();
		},
		close: cut
	};
}

/** Copies `from` to `to`, each chunk `latencyMs` later (timers of one delay fire in order). */
function relay(from: Socket, to: Socket, latencyMs: number) {
	if (latencyMs <= 0) return void from.pipe(to);
	from.on('data', (chunk) => setTimeout(() => to.writable && to.write(chunk), latencyMs));
	from.on('end', () => setTimeout(() => to.end(), latencyMs));
}

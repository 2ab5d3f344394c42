import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Server as HttpServer } from 'node:http';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * `npm run dev`: socket.io on the dev server's own HTTP server, like server.js in production. The
 * realtime module is loaded through Vite's SSR module runner, so it shares the database, session
 * and event code (and their singletons) with the pages.
 */
function realtimeDevServer(): Plugin {
	return {
		name: 'overhedenoverleg-realtime',
		apply: 'serve',
		configureServer(server) {
			const httpServer = server.httpServer as HttpServer | null;
			if (!httpServer) return;
			httpServer.once('listening', () => {
				server
					.ssrLoadModule('/src/lib/server/realtime/server.ts')
					.then((realtime) => realtime.attachRealtime(httpServer))
					.catch((error: unknown) => server.config.logger.error(`realtime: ${String(error)}`));
			});
		}
	};
}

/**
 * Files about the embedded engine alone. A run narrowed to PostgreSQL (TEST_ENGINES=postgres, the
 * second pass of .ci/run, after a full pass on the embedded engine) leaves them out.
 */
const embeddedOnly = [
	'tests/integration/embedded-engine.spec.ts',
	'tests/integration/demo-guard.spec.ts'
];
const pgliteUnderTest = !process.env.TEST_ENGINES || process.env.TEST_ENGINES.includes('pglite');
/**
 * Files that need a PostgreSQL server by nature (several app processes on one database, concurrent
 * transactions); they run whenever DATABASE_URL is set, as in the PostgreSQL pass of .ci/run.
 */
const serverOnly = [
	'tests/integration/realtime/processes.spec.ts',
	'tests/integration/realtime/cross-process.spec.ts',
	'tests/integration/realtime/public-processes.spec.ts',
	'tests/integration/event-order.spec.ts',
	'tests/integration/notifications/processes.spec.ts',
	'tests/integration/agreements/reminders-processes.spec.ts'
];

export default defineConfig({
	plugins: [
		sveltekit(),
		realtimeDevServer(),
		// Under Vitest the messages are already compiled (npm install's `prepare` does it), and the
		// plugin's file watcher would keep the test process from exiting.
		...(process.env.VITEST
			? []
			: [
					paraglideVitePlugin({
						project: './project.inlang',
						outdir: './src/lib/paraglide',
						strategy: ['url', 'baseLocale']
					})
				])
	],
	test: {
		include: ['src/**/*.spec.ts', 'tests/integration/**/*.spec.ts'],
		exclude: [
			'**/node_modules/**',
			...(pgliteUnderTest ? [] : embeddedOnly),
			...(process.env.DATABASE_URL ? [] : serverOnly)
		],
		environment: 'node',
		// Files run in parallel, two at a time (Vitest's default on two cores would be one). Each has
		// its own database: a folder or memory on the embedded engine, and on PostgreSQL a database
		// made for the file (tests/integration/per-file-database.ts).
		maxWorkers: Number(process.env.VITEST_MAX_WORKERS ?? 2),
		setupFiles: ['tests/integration/per-file-database.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});

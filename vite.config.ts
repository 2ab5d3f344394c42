import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		sveltekit(),
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
		environment: 'node',
		// Integration tests share one PostgreSQL database when DATABASE_URL is set;
		// each file then works in its own schema-free database namespace (see tests/integration/setup.ts).
		fileParallelism: false,
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});

import { config, ConfigError, type Config } from '../src/lib/server/config';
import { openDatabase, type DatabaseHandle } from '../src/lib/server/db/database';

/** Opens the configured database for a command-line script, with a clear message on failure. */
export async function openConfiguredDatabase(): Promise<{ cfg: Config; handle: DatabaseHandle }> {
	const cfg = config();
	const handle = await openDatabase(
		cfg.DATABASE_URL
			? { engine: 'postgres', url: cfg.DATABASE_URL, maxConnections: 2 }
			: { engine: 'pglite', dataDir: cfg.DATA_DIR }
	);
	return { cfg, handle };
}

/** Runs a script body; any error ends the process with exit code 1 and a readable message. */
export function runScript(name: string, body: () => Promise<void>): void {
	body().catch((error: unknown) => {
		const message =
			error instanceof ConfigError || error instanceof Error ? error.message : String(error);
		process.stderr.write(`${name} failed:\n${message}\n`);
		process.exit(1);
	});
}

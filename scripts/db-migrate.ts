import { migrateDatabase, migrationState } from '../src/lib/server/db/migrate';
import { openConfiguredDatabase, runScript } from './cli';

runScript('db:migrate', async () => {
	const { cfg, handle } = await openConfiguredDatabase();
	try {
		await migrateDatabase(handle, cfg.MIGRATIONS_DIR);
		const state = await migrationState(handle, cfg.MIGRATIONS_DIR);
		console.log(
			`Migrated ${handle.location} (${handle.engine}): ${state.applied}/${state.expected} migrations applied.`
		);
	} finally {
		await handle.close();
	}
});

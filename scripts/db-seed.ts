import { migrateDatabase } from '../src/lib/server/db/migrate';
import { seedDatabase } from '../src/lib/server/db/seed';
import { openConfiguredDatabase, runScript } from './cli';

runScript('db:seed', async () => {
	const { cfg, handle } = await openConfiguredDatabase();
	try {
		await migrateDatabase(handle, cfg.MIGRATIONS_DIR);
		const report = await seedDatabase(handle.db, { demo: cfg.demo });
		console.log(
			`Seeded ${handle.location} (${handle.engine}, demo ${cfg.demo ? 'on' : 'off'}):`,
			report
		);
	} finally {
		await handle.close();
	}
});

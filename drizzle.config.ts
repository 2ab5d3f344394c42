import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates SQL from the schema here; it never needs a live database.
export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/schema/index.ts',
	out: './drizzle',
	casing: 'snake_case',
	strict: true,
	verbose: true
});

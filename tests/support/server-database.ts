import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

/**
 * A new, empty database on a PostgreSQL server, named `oho_<label>_<random>`; `drop` removes it
 * (with force: connections still open to it are ended). For the tests' own databases, the fault
 * tests' and the benchmark's.
 */
export async function createServerDatabase(serverUrl: string, label: string) {
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	const name = `oho_${label}_${randomBytes(6).toString('hex')}`;
	await admin.unsafe(`create database ${name}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return {
		name,
		url: url.toString(),
		async drop() {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end({ timeout: 5 });
		}
	};
}

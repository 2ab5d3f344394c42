// Creates or drops the PostgreSQL database of one CI run. Usage:
//   node scripts/ci-database.mjs create|drop|url <server-url> <database-name>
import postgres from 'postgres';

const [action, serverUrl, name] = process.argv.slice(2);
if (
	!['create', 'drop', 'url'].includes(action ?? '') ||
	!serverUrl ||
	!/^[a-z0-9_]+$/.test(name ?? '')
) {
	console.error('usage: node scripts/ci-database.mjs create|drop|url <server-url> <database-name>');
	process.exit(2);
}

const target = new URL(serverUrl);
target.pathname = `/${name}`;
if (action === 'url') {
	console.log(target.toString());
	process.exit(0);
}

const sql = postgres(serverUrl, { max: 1, connect_timeout: 10, onnotice: () => {} });
try {
	if (action === 'create') {
		await sql.unsafe(`create database ${name}`);
		console.log(`created database ${name}`);
	} else {
		await sql.unsafe(`drop database if exists ${name} with (force)`);
		console.log(`dropped database ${name}`);
	}
} catch (error) {
	console.error(
		`PostgreSQL at ${new URL(serverUrl).host} could not ${action} ${name}: ${error.message}`
	);
	process.exitCode = 1;
} finally {
	await sql.end({ timeout: 5 });
}

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * PGlite serves exactly one process: two processes writing the same data folder would silently
 * lose writes. A lock file holding the owner's process id makes the second one stop with a clear
 * message instead. A lock left by a process that no longer runs is taken over.
 */
export const LOCK_FILE = 'overhedenoverleg.lock';

export class DataDirLockedError extends Error {
	constructor(
		public readonly dataDir: string,
		public readonly ownerPid: number
	) {
		super(
			`The embedded database in ${dataDir} is already in use by process ${ownerPid}. ` +
				`The embedded engine (PGlite) serves one process only: stop that process first, ` +
				`or set DATABASE_URL to run several processes against PostgreSQL. ` +
				`If no such process runs, remove ${join(dataDir, LOCK_FILE)}.`
		);
		this.name = 'DataDirLockedError';
	}
}

const held = new Set<string>();

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

export function acquireDataDirLock(dataDir: string): void {
	const dir = resolve(dataDir);
	mkdirSync(dir, { recursive: true });
	const file = join(dir, LOCK_FILE);
	try {
		writeFileSync(file, String(process.pid), { flag: 'wx' });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		const owner = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
		if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
			throw new DataDirLockedError(dir, owner);
		}
		writeFileSync(file, String(process.pid));
	}
	held.add(file);
}

export function releaseDataDirLock(dataDir: string): void {
	const file = join(resolve(dataDir), LOCK_FILE);
	if (!held.delete(file)) return;
	rmSync(file, { force: true });
}

// A crash still leaves the folder usable: the next start sees a dead owner and takes over.
process.once('exit', () => {
	for (const file of held) rmSync(file, { force: true });
});

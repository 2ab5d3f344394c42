// .ci/run: after `npm install` from the lock, check that the install is still exactly what the lock
// said. The registry here may gain optional binaries for other platforms over time (npm then adds
// their entries to the lock); those are allowed. Any other change (a version, a removed or a new
// required package) fails.
import { readFileSync } from 'node:fs';

const [beforePath, afterPath] = process.argv.slice(2);
const before = JSON.parse(readFileSync(beforePath, 'utf8')).packages ?? {};
const after = JSON.parse(readFileSync(afterPath, 'utf8')).packages ?? {};
const problems = [];

for (const [name, entry] of Object.entries(before)) {
	if (!(name in after)) problems.push(`removed: ${name}`);
	else if (JSON.stringify(entry) !== JSON.stringify(after[name])) {
		// The root entry and a package's optionalDependencies may list more other-platform packages.
		const { optionalDependencies: _before, ...restBefore } = entry;
		const { optionalDependencies: _after, ...restAfter } = after[name];
		if (JSON.stringify(restBefore) !== JSON.stringify(restAfter))
			problems.push(`changed: ${name || '(root)'}`);
	}
}
for (const [name, entry] of Object.entries(after)) {
	if (!(name in before) && entry.optional !== true) problems.push(`added, not optional: ${name}`);
}

if (problems.length > 0) {
	console.error(`npm install changed package-lock.json:\n  ${problems.join('\n  ')}`);
	process.exit(1);
}

// `npm test`: the production build (the fault tests run real app processes, the e2e tests drive
// it), then Vitest (unit and integration), then Playwright. E2E_PREBUILT=1 says build/ is current
// already (.ci/run builds once for both engines).
import { spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const env = { ...process.env };

function run(args) {
	const result = spawnSync(npm, args, { stdio: 'inherit', env });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

if (env.E2E_PREBUILT !== '1') {
	run(['run', 'build']);
	env.E2E_PREBUILT = '1';
}
run(['run', 'test:unit']);
run(['run', 'test:e2e']);

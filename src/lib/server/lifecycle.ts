/**
 * Shutdown hooks shared with server.js. The SvelteKit bundle and server.js are separate module
 * graphs, so the registry lives on globalThis under a well-known symbol; server.js calls
 * `globalThis[Symbol.for('overhedenoverleg.shutdown')]()` after the HTTP server stopped accepting.
 */
type Hook = { name: string; run: () => Promise<void> };
const registryKey = Symbol.for('overhedenoverleg.shutdown-hooks');
const shutdownKey = Symbol.for('overhedenoverleg.shutdown');
type Registry = typeof globalThis & {
	[registryKey]?: Hook[];
	[shutdownKey]?: () => Promise<void>;
};

const registry = globalThis as Registry;
const hooks: Hook[] = (registry[registryKey] ??= []);

/** Registers (or replaces, by name) something to run when the process shuts down. */
export function onShutdown(name: string, run: () => Promise<void>): void {
	const index = hooks.findIndex((hook) => hook.name === name);
	if (index >= 0) hooks.splice(index, 1);
	hooks.push({ name, run });
}

/** Runs the hooks in reverse order of registration; one failing does not stop the others. */
export async function runShutdownHooks(): Promise<string[]> {
	const failures: string[] = [];
	for (const hook of [...hooks].reverse()) {
		try {
			await hook.run();
		} catch (error) {
			failures.push(`${hook.name}: ${(error as Error).message}`);
		}
	}
	hooks.length = 0;
	return failures;
}

registry[shutdownKey] = async () => {
	const failures = await runShutdownHooks();
	if (failures.length > 0) throw new Error(`Shutdown incomplete: ${failures.join('; ')}`);
};

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The database module is loaded by nearly everything; a module it loads that loads it again sees
 * it half-initialised (the cycle db → seed → demo → agenda → events → db did, and needed
 * "pure imports only" comments to stay safe). These tests walk the static imports, the way the
 * bundler and Node load them; `import type` is erased and a dynamic `import()` runs later, so
 * neither counts.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const src = (path: string) => join(root, 'src', path);

// `import … from '…'`, `export … from '…'` and `import '…'`, over several lines; group 1 marks
// type-only ones. `[^'";]` keeps a match within one statement.
const importStatement = /^(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

function resolveSpecifier(from: string, specifier: string): string | null {
	let base: string;
	if (specifier.startsWith('.')) base = resolve(dirname(from), specifier);
	else if (specifier.startsWith('$lib/')) base = src(`lib/${specifier.slice(5)}`);
	else return null; // a package or a SvelteKit virtual module: not ours to walk
	for (const candidate of [base, `${base}.ts`, `${base}.js`, join(base, 'index.ts')]) {
		if (/\.(ts|js)$/.test(candidate) && existsSync(candidate)) return candidate;
	}
	throw new Error(`${relative(root, from)}: cannot resolve ${specifier}`);
}

function staticImports(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const found: string[] = [];
	for (const [, typeOnly, specifier] of text.matchAll(importStatement)) {
		if (typeOnly) continue;
		const target = resolveSpecifier(file, specifier!);
		if (target) found.push(target);
	}
	return found;
}

/** A chain of static imports from `start` to `target` (both included), or null if there is none. */
function importPath(start: string, target: string): string[] | null {
	const seen = new Set<string>();
	const walk = (file: string, trail: string[]): string[] | null => {
		for (const next of staticImports(file)) {
			if (next === target) return [...trail, next];
			if (seen.has(next)) continue;
			seen.add(next);
			const found = walk(next, [...trail, next]);
			if (found) return found;
		}
		return null;
	};
	return walk(start, [start]);
}

const shown = (path: string[] | null) => path?.map((file) => relative(root, file)).join(' → ');

describe('static imports', () => {
	it('see the import statements the walk relies on', () => {
		// The walk is only as good as its pattern: it must see seed.ts, and no type-only import.
		const db = staticImports(src('lib/server/db/index.ts'));
		expect(db).toContain(src('lib/server/db/seed.ts'));
		expect(db).toContain(src('lib/server/db/database.ts'));
		expect(staticImports(src('lib/server/meetings/demo.ts'))).not.toContain(
			src('lib/server/db/index.ts')
		);
	});

	it('never lead from the database module back to itself', () => {
		const db = src('lib/server/db/index.ts');
		expect(shown(importPath(db, db))).toBeUndefined();
	});

	it('do not load the demo agenda at start-up: it is imported only in demo mode', () => {
		const demo = src('lib/server/meetings/demo.ts');
		expect(shown(importPath(src('hooks.server.ts'), demo))).toBeUndefined();
	});
});

import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../src/lib/server/openapi/document';
import type { Operation } from '../../../src/lib/server/openapi/operation';
import { api } from '../../../src/lib/server/openapi/operations';
import { routeModules, routePathOf } from './harness';

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

describe('the OpenAPI document', () => {
	const document = openApiDocument() as unknown as {
		openapi: string;
		info: { title: string; version: string };
		paths: Record<string, Record<string, Record<string, unknown>>>;
		components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
	};

	it('is OpenAPI 3.1 with info, paths and components', () => {
		expect(document.openapi).toBe('3.1.0');
		expect(document.info.title).toBeTruthy();
		expect(Object.keys(document.paths).length).toBeGreaterThan(20);
		expect(Object.keys(document.components.schemas)).toEqual(
			expect.arrayContaining(['Meeting', 'AgendaItem', 'Agenda', 'Problem'])
		);
		expect(Object.keys(document.components.securitySchemes)).toEqual([
			'bearerToken',
			'sessionCookie'
		]);
	});

	it('describes every method of every route file under src/routes/api/v1, and nothing else', () => {
		const fromFiles = Object.entries(routeModules).flatMap(([file, module]) => {
			const path = routePathOf(file).replace(/\[(\w+)\]/g, '{$1}');
			return methods.filter((method) => module[method]).map((method) => `${method} ${path}`);
		});
		const fromDocument = Object.entries(document.paths).flatMap(([path, item]) =>
			Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`)
		);
		expect(fromFiles.length).toBeGreaterThan(30);
		expect(fromDocument.sort()).toEqual(fromFiles.sort());
	});

	it('gives every operation an id, a summary and responses; path parameters are declared', () => {
		const ids = new Set<string>();
		for (const [path, item] of Object.entries(document.paths)) {
			for (const [method, operation] of Object.entries(item)) {
				const where = `${method} ${path}`;
				expect(operation.operationId, where).toBeTypeOf('string');
				expect(ids.has(operation.operationId as string), where).toBe(false);
				ids.add(operation.operationId as string);
				expect(operation.summary, where).toBeTypeOf('string');
				const responses = operation.responses as Record<string, { description: string }>;
				const codes = Object.keys(responses);
				expect(
					codes.some((code) => code.startsWith('2')),
					where
				).toBe(true);
				for (const code of codes) expect(responses[code]!.description, where).toBeTruthy();
				const parameters = (operation.parameters ?? []) as { in: string; name: string }[];
				for (const name of path.match(/\{(\w+)\}/g) ?? []) {
					expect(
						parameters.some((p) => p.in === 'path' && `{${p.name}}` === name),
						where
					).toBe(true);
				}
			}
		}
	});

	it('every $ref points at a component that exists; every operation declares its security', () => {
		const refs: string[] = [];
		const walk = (node: unknown) => {
			if (!node || typeof node !== 'object') return;
			for (const [key, value] of Object.entries(node)) {
				if (key === '$ref' && typeof value === 'string') refs.push(value);
				else walk(value);
			}
		};
		walk(document);
		expect(refs.length).toBeGreaterThan(20);
		for (const ref of new Set(refs)) {
			const match = /^#\/components\/schemas\/(.+)$/.exec(ref);
			expect(match, ref).not.toBeNull();
			expect(document.components.schemas[match![1]!], ref).toBeDefined();
		}
		const security = (document as unknown as { security: Record<string, string[]>[] }).security;
		expect(security.flatMap((entry) => Object.keys(entry)).sort()).toEqual([
			'bearerToken',
			'sessionCookie'
		]);
	});

	it('runs in each route file the very operation the document gives its method and path', () => {
		let checked = 0;
		for (const [file, module] of Object.entries(routeModules)) {
			const path = routePathOf(file).replace(/\[(\w+)\]/g, '{$1}');
			for (const method of methods) {
				const handler = module[method] as { operation?: Operation } | undefined;
				// The document itself is public and no endpoint: it has no reader to project for.
				if (!handler || path === '/api/v1/openapi.json') continue;
				expect(handler.operation, `${method} ${path} runs through endpoint()`).toBeDefined();
				expect(`${handler.operation!.method} ${handler.operation!.path}`).toBe(
					`${method.toLowerCase()} ${path}`
				);
				checked++;
			}
		}
		expect(checked).toBe(Object.keys(api).length - 1);
	});

	it('names every JSON answer and closes every object in it: a field it does not name is an error', () => {
		const schemas = document.components.schemas as Record<string, Record<string, unknown>>;
		const open: string[] = [];
		const seen = new Set<unknown>();
		const walk = (node: unknown, where: string) => {
			if (!node || typeof node !== 'object' || seen.has(node)) return;
			seen.add(node);
			const schema = node as Record<string, unknown>;
			if (typeof schema.$ref === 'string') {
				const name = schema.$ref.split('/').pop()!;
				walk(schemas[name], name);
			}
			if (schema.properties && schema.additionalProperties !== false) open.push(where);
			for (const [key, child] of Object.entries(schema)) walk(child, `${where}.${key}`);
		};
		for (const [path, item] of Object.entries(document.paths)) {
			for (const [method, operation] of Object.entries(item)) {
				const responses = operation.responses as Record<
					string,
					{ content?: Record<string, { schema: { $ref?: string } }> }
				>;
				for (const [status, response] of Object.entries(responses)) {
					const json = response.content?.['application/json'];
					if (!json) continue;
					expect(json.schema.$ref, `${method} ${path} ${status} has a named shape`).toMatch(
						/^#\/components\/schemas\//
					);
					walk(json.schema, `${method} ${path} ${status}`);
				}
			}
		}
		expect(open).toEqual([]);
		expect(seen.size).toBeGreaterThan(50);
	});

	it('asks If-Match on versioned writes and answers them with 412 and 428', () => {
		const patch = document.paths['/api/v1/items/{id}']!.patch!;
		const parameters = patch.parameters as { in: string; name: string }[];
		expect(parameters).toContainEqual(expect.objectContaining({ in: 'header', name: 'if-match' }));
		expect(Object.keys(patch.responses as object)).toEqual(
			expect.arrayContaining(['200', '400', '401', '403', '404', '409', '412', '428'])
		);
	});

	it('reuses the request schemas of the verbs: the Dutch field rules show up', () => {
		const body = document.paths['/api/v1/meetings']!.post!.requestBody as {
			content: Record<
				string,
				{ schema: { properties: Record<string, unknown>; required: string[] } }
			>;
		};
		const schema = body.content['application/json']!.schema;
		expect(schema.required).toEqual(
			expect.arrayContaining(['kind', 'title', 'startsAt', 'endsAt'])
		);
		expect(schema.properties.startsAt).toEqual({ type: 'string', format: 'date-time' });
	});
});

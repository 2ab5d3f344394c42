import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import type { Actor } from '../../../src/lib/server/access';
import { openApiDocument } from '../../../src/lib/server/openapi/document';
import { call, type Answer, type CallOptions } from './harness';

/*
 * Checks real answers against the OpenAPI document: the document is added to ajv (JSON Schema
 * 2020-12, as OpenAPI 3.1 uses) as it is served, and each answer is validated against the schema
 * found at its operation, status and media type, so `$ref`s resolve to the document's components.
 */

interface Documented {
	operationId: string;
	responses: Record<
		string,
		{ headers?: Record<string, unknown>; content?: Record<string, { schema: unknown }> }
	>;
}

const document = openApiDocument() as unknown as {
	paths: Record<string, Record<string, Documented>>;
};
const BASE = 'https://overhedenoverleg.test/openapi.json';
// strict: false, for the document's OpenAPI keywords (example) that are no JSON Schema keywords.
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(document as object, BASE);

/** Every operation of the document by operationId. */
export const documented = new Map(
	Object.entries(document.paths).flatMap(([path, item]) =>
		Object.entries(item).map(([method, operation]) => [
			operation.operationId,
			{ path, method, operation }
		])
	)
);

/** The operations a contract call answered with their documented success. */
export const covered = new Set<string>();

const pointer = (...tokens: string[]) =>
	tokens
		.map((token) => encodeURIComponent(token.replace(/~/g, '~0').replace(/\//g, '~1')))
		.join('/');

const validators = new Map<string, ValidateFunction>();

/** The document's schema for one answer of one operation, compiled once. */
export function validatorFor(operationId: string, status: string, mediaType: string) {
	const key = `${operationId} ${status} ${mediaType}`;
	let validate = validators.get(key);
	if (!validate) {
		const { path, method } = documented.get(operationId)!;
		const ref = pointer('paths', path, method, 'responses', status, 'content', mediaType, 'schema');
		validate = ajv.compile({ $ref: `${BASE}#/${ref}` });
		validators.set(key, validate);
	}
	return validate;
}

/** Each way an answer differs from the document, readable: "/items/0 must NOT have …: search". */
export const describeErrors = (validate: ValidateFunction) =>
	(validate.errors ?? []).map((error) => {
		const extra =
			error.keyword === 'additionalProperties'
				? `: ${(error.params as { additionalProperty: string }).additionalProperty}`
				: '';
		return `${error.instancePath || '/'} ${error.message}${extra}`;
	});

export interface ContractOptions extends CallOptions {
	/** Fills the path's `{id}`. */
	id?: string;
	/** Appended to the path, with its `?`. */
	query?: string;
	/** An error status the case means to provoke; by default the documented success. */
	status?: number;
}

/**
 * Calls one operation of the document as `who` (null: nobody signed in) and checks the answer
 * against the document: the status it expects, which the document must list for the operation;
 * the body against the schema for that status; the ETag where the document promises one.
 */
export async function contract(
	operationId: string,
	who: Actor | null,
	options: ContractOptions = {}
): Promise<Answer> {
	const entry = documented.get(operationId);
	expect(entry, `${operationId} is in the document`).toBeDefined();
	const { path, method, operation } = entry!;
	const url = path.replace('{id}', options.id ?? '') + (options.query ?? '');
	const answer = await call(method.toUpperCase(), url, { ...options, actor: who ?? undefined });
	const success = Object.keys(operation.responses).find((code) => code.startsWith('2'))!;
	const status = String(options.status ?? success);
	expect(String(answer.status), `${operationId}: ${JSON.stringify(answer.body)}`).toBe(status);
	const response = operation.responses[status];
	expect(response, `${operationId} documents ${status}`).toBeDefined();
	const [mediaType] = Object.keys(response!.content ?? {});
	if (mediaType && /json/.test(mediaType)) {
		expect(answer.headers.get('content-type')).toBe(mediaType);
		const validate = validatorFor(operationId, status, mediaType);
		const valid = validate(JSON.parse(new TextDecoder().decode(answer.bytes)));
		// Soft, so that one run lists every answer that differs from the document.
		expect
			.soft(valid, `${operationId} ${status}:\n${describeErrors(validate).join('\n')}`)
			.toBe(true);
	}
	if (response!.headers?.ETag)
		expect(answer.headers.get('etag'), `${operationId} ETag`).toBe(`"${answer.body.version}"`);
	if (status === success) covered.add(operationId);
	return answer;
}

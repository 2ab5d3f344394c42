import { z } from 'zod';
import {
	createDocument,
	type CreateDocumentOptions,
	type ZodOpenApiOperationObject,
	type ZodOpenApiPathsObject,
	type ZodOpenApiResponsesObject
} from 'zod-openapi';
import { SESSION_COOKIE } from '../auth/cookie';
import type { Operation } from './operation';
import { operations } from './operations';
import { problemResponse } from './schemas';

const errorTexts: Record<number, string> = {
	400: 'Ongeldige invoer: errors noemt elk fout veld',
	401: 'Niet aangemeld',
	403: 'U mag dit zien maar niet doen (of: alleen-lezen token, verzoek van een andere website)',
	404: 'Bestaat niet, of u mag het niet zien',
	409: 'Kan niet in de huidige status',
	412: 'Uw versie is verouderd: changedFields noemt wat er sindsdien veranderde',
	413: 'Te veel gegevens',
	415: 'Verkeerd inhoudstype: stuur JSON (of multipart/form-data voor een bijlage)',
	428: 'If-Match ontbreekt',
	429: 'Te veel verzoeken: probeer het na Retry-After seconden opnieuw'
};

function responsesOf(op: Operation): ZodOpenApiResponsesObject {
	const status = op.status ?? 200;
	const responses: ZodOpenApiResponsesObject = {
		[status]: {
			description: status === 201 ? 'Aangemaakt' : 'Gelukt',
			...(op.etag
				? {
						headers: {
							ETag: {
								description: 'De versie, tussen aanhalingstekens; stuur hem terug in If-Match.',
								schema: { type: 'string', example: '"3"' }
							}
						}
					}
				: {}),
			...(op.response
				? { content: { [op.responseMediaType ?? 'application/json']: { schema: op.response } } }
				: {})
		}
	};
	// A public operation asks no account, so it never answers 401.
	for (const code of op.public ? op.errors : [401, ...op.errors]) {
		responses[String(code) as `${1 | 2 | 3 | 4 | 5}${string}`] = {
			description: errorTexts[code] ?? 'Fout',
			content: { 'application/problem+json': { schema: problemResponse } }
		};
	}
	return responses;
}

function operationObject(op: Operation): ZodOpenApiOperationObject {
	return {
		operationId: op.operationId,
		summary: op.summary,
		...(op.description ? { description: op.description } : {}),
		tags: [op.tag],
		// Per operation: the public ones need no account; the rest take the document's global security.
		...(op.public ? { security: [] } : {}),
		requestParams: {
			...(op.id ? { path: z.object({ id: z.uuid().meta({ description: op.id }) }) } : {}),
			...(op.query ? { query: op.query } : {}),
			...(op.ifMatch
				? {
						header: z.object({
							'if-match': z
								.string()
								.meta({ description: 'De versie die u bewerkt, als ETag', example: '"3"' })
						})
					}
				: {})
		},
		...(op.body
			? {
					requestBody: {
						required: op.ifMatch ? false : true,
						content: {
							[op.bodyMediaType ?? 'application/json']: { schema: op.body },
							...(op.multipartBody ? { 'multipart/form-data': { schema: op.multipartBody } } : {})
						}
					}
				}
			: {}),
		responses: responsesOf(op)
	};
}

const schemaOptions: CreateDocumentOptions = {
	override: ({ jsonSchema, zodSchema }) => {
		const type = zodSchema._zod.def.type;
		// A Date in a request schema is sent as an ISO 8601 string.
		if (type === 'date') {
			jsonSchema.type = 'string';
			jsonSchema.format = 'date-time';
		}
		// zod spells its ISO formats out as long patterns; the format says it more readably.
		if (['date-time', 'date', 'uuid'].includes(String(jsonSchema.format)))
			delete jsonSchema.pattern;
		// z.int() states the safe-integer range as bounds: true, but noise on the docs page.
		if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
		if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
	}
};

/** A Date or an ISO string (the verbs take both) reads as one ISO string: drop repeated anyOf. */
function collapseRepeats(node: unknown): void {
	if (!node || typeof node !== 'object') return;
	for (const child of Object.values(node)) collapseRepeats(child);
	const schema = node as Record<string, unknown>;
	const options = schema.anyOf;
	if (Array.isArray(options) && options.length > 1) {
		if (new Set(options.map((option) => JSON.stringify(option))).size === 1) {
			delete schema.anyOf;
			Object.assign(schema, options[0]);
		}
	}
}

let cached: ReturnType<typeof createDocument> | undefined;

/** The OpenAPI 3.1 document, built once from the operations and their zod schemas. */
export function openApiDocument() {
	if (cached) return cached;
	const paths: ZodOpenApiPathsObject = {};
	for (const op of operations) {
		paths[op.path] = { ...paths[op.path], [op.method]: operationObject(op) };
	}
	cached = createDocument(
		{
			openapi: '3.1.0',
			info: {
				title: 'Overhedenoverleg API',
				version: '1.0.0',
				description:
					'De vergaderingen en de gezamenlijke agenda van het Overhedenoverleg als JSON. Zie /api/docs voor uitleg.'
			},
			servers: [{ url: '/' }],
			tags: [...new Set(operations.map((op) => op.tag))].map((name) => ({ name })),
			security: [{ bearerToken: [] }, { sessionCookie: [] }],
			components: {
				securitySchemes: {
					bearerToken: {
						type: 'http',
						scheme: 'bearer',
						description: 'Een API-token uit "Mijn account" (alleen lezen, of lezen en schrijven).'
					},
					sessionCookie: {
						type: 'apiKey',
						in: 'cookie',
						name: SESSION_COOKIE,
						description: 'De sessie van de browser (schrijven alleen met Content-Type JSON).'
					}
				}
			},
			paths
		},
		schemaOptions
	);
	collapseRepeats(cached.paths);
	return cached;
}

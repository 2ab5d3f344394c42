import type { CallOptions } from './harness';

/**
 * Malformed requests for one operation of the OpenAPI document, derived from its parameters and
 * request body: a fixed list (no randomness), so a failure names a case that can be replayed.
 */

export interface JsonSchema {
	type?: string | string[];
	enum?: unknown[];
	anyOf?: JsonSchema[];
	format?: string;
	properties?: Record<string, JsonSchema>;
	items?: JsonSchema;
	minimum?: number;
	$ref?: string;
}

export interface DocumentOperation {
	parameters?: { in: string; name: string; schema?: JsonSchema }[];
	requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

export interface Case {
	name: string;
	path: string;
	options: CallOptions;
	/** Send with the operation's current ETag in If-Match (a stale one would hide the write). */
	currentVersion?: boolean;
	/** Send with the actor's API token instead of the session. */
	viaToken?: boolean;
	/** Send with this (not valid) Bearer token, and no session. */
	badToken?: string;
}

/** The ids an operation's fields and path may name: real rows made for the sweep. */
export interface Ids {
	meeting: string;
	item: string;
	comment: string;
}

const NUL = '\u0000';
const KB10 = 'x'.repeat(10_000);
const KB300 = 'x'.repeat(300_000);
const HOUR = 3_600_000;
const soon = Date.now() + 40 * 24 * HOUR;

/** Values of the wrong type or shape, for any field or parameter. */
const badValues: [string, unknown][] = [
	['number', 12345],
	['negative', -1],
	['fraction', 1.5],
	['huge number', 1e308],
	['boolean', true],
	['null', null],
	['array', ['a', 'b']],
	['object', { $gt: '' }],
	['empty string', ''],
	['text', 'tekst'],
	['NUL', `a${NUL}b`],
	['DEL and escape', '\u007f\u001b[31m'],
	['lone surrogate', 'a\ud800b'],
	['10 kB', KB10],
	['digits', '9'.repeat(400)],
	['impossible date', '2027-02-30T10:00:00+01:00'],
	['year zero', '0000-00-00T00:00:00Z'],
	['far future', '+275760-09-13T00:00:00Z']
];

/** Query parameter values (strings by nature). */
const badParams: [string, string][] = [
	['text', 'abc'],
	['negative', '-1'],
	['zero', '0'],
	['overflow', '1e309'],
	['digits', '9'.repeat(30)],
	['empty', ''],
	['NUL', `a${NUL}b`],
	['10 kB', KB10],
	['impossible date', '2027-02-30'],
	['last day', '9999-12-31'],
	['first day', '0000-01-01'],
	['year one', '0001-01-01'],
	['brackets', '[]']
];

/** `If-Match` values that are not one version as an ETag. */
export const badIfMatch = [
	'abc',
	'"0"',
	'"-1"',
	'"1.5"',
	'"99999999999"',
	'W/"1"',
	'*',
	'"1", "2"',
	'',
	'"',
	KB10
];

/** Bearer tokens that are not ours: wrong shape, an id that is no uuid, too long. */
export const badTokens = [
	'x',
	'oho_',
	'oho_.',
	`oho_${'f'.repeat(36)}.abc`,
	`oho_${'-'.repeat(36)}.abc`,
	'oho_00000000-0000-4000-8000-000000000000.abc',
	`oho_${'a'.repeat(300)}`,
	KB10
];

/** Ids in a path that name nothing (or nothing sane). `%00` reaches a handler decoded elsewhere. */
export const badIds = [
	'not-a-uuid',
	'00000000-0000-4000-8000-000000000000',
	'%00',
	'x'.repeat(5000),
	'%20',
	'00000000-0000-0000-0000-000000000000',
	'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz'
];

/** Ids handed to a handler as SvelteKit would after decoding the path. */
export const decodedBadIds = [NUL, `${NUL}${'a'.repeat(35)}`, '\ud800', ' ', '\n'];

function resolve(schema: JsonSchema, components: Record<string, JsonSchema>): JsonSchema {
	return schema.$ref ? resolve(components[schema.$ref.split('/').pop()!]!, components) : schema;
}

/** A plausible valid value for a field, so that only the mutated field is wrong. */
function sample(
	name: string,
	schema: JsonSchema,
	ids: Ids,
	components: Record<string, JsonSchema>
): unknown {
	const s = resolve(schema, components);
	if (s.anyOf)
		return sample(name, s.anyOf.find((o) => o.type !== 'null') ?? s.anyOf[0]!, ids, components);
	if (s.enum) return s.enum[0];
	const type = Array.isArray(s.type) ? s.type[0] : s.type;
	if (type === 'string') {
		if (s.format === 'uuid')
			return /meeting/i.test(name) ? ids.meeting : /parent/i.test(name) ? ids.comment : ids.item;
		if (s.format === 'date') return '2027-01-15';
		if (s.format === 'date-time') {
			const offset =
				name === 'endsAt' ? 2 * HOUR : name === 'proposalDeadline' ? -7 * 24 * HOUR : 0;
			return new Date(soon + offset).toISOString();
		}
		if (/url/i.test(name)) return 'https://overleg.example/vergadering';
		return 'Een geldige tekst voor dit veld';
	}
	if (type === 'integer' || type === 'number') return Math.max(s.minimum ?? 1, 1) + 9;
	if (type === 'boolean') return true;
	if (type === 'array') return [sample(name, s.items ?? {}, ids, components)];
	if (type === 'object') return sampleObject(s, ids, components);
	return 'x';
}

function sampleObject(schema: JsonSchema, ids: Ids, components: Record<string, JsonSchema>) {
	return Object.fromEntries(
		Object.entries(schema.properties ?? {}).map(([name, field]) => [
			name,
			sample(name, field, ids, components)
		])
	);
}

/** Every malformed request for one operation at `path` (its `{id}` already filled in). */
export function casesFor(
	operation: DocumentOperation,
	method: string,
	path: string,
	ids: Ids,
	components: Record<string, JsonSchema>
): Case[] {
	const cases: Case[] = [];
	const query = (operation.parameters ?? []).filter((p) => p.in === 'query');
	for (const parameter of query) {
		for (const [label, value] of badParams) {
			const search = new URLSearchParams({ [parameter.name]: value });
			cases.push({ name: `?${parameter.name}= ${label}`, path: `${path}?${search}`, options: {} });
		}
		cases.push({
			name: `?${parameter.name} twice`,
			path: `${path}?${parameter.name}=a&${parameter.name}=b`,
			options: {}
		});
	}
	cases.push({ name: '?unknown name with NUL', path: `${path}?a%00b=1`, options: {} });

	const content = operation.requestBody?.content ?? {};
	const json = content['application/json']?.schema;
	if (json) {
		const schema = resolve(json, components);
		const valid = sampleObject(schema, ids, components);
		const send = (name: string, options: CallOptions): Case => ({
			name,
			path,
			options,
			currentVersion: true
		});
		for (const field of Object.keys(schema.properties ?? {})) {
			for (const [label, value] of badValues)
				cases.push(send(`${field}: ${label}`, { body: { ...valid, [field]: value } }));
			cases.push(send(`${field}: missing`, { body: { ...valid, [field]: undefined } }));
		}
		const strings = Object.fromEntries(Object.keys(valid).map((field) => [field, KB10]));
		cases.push(send('every field 10 kB', { body: strings }));
		cases.push(send('one field 300 kB', { body: { ...valid, extra: KB300 } }));
		cases.push(
			send('NUL in every field', {
				body: Object.fromEntries(Object.keys(valid).map((f) => [f, NUL]))
			})
		);
		cases.push(send('NUL in a key', { body: { ...valid, [`k${NUL}`]: 'x' } }));
		cases.push(
			send('5000 keys', {
				body: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i]))
			})
		);
	}
	if (method !== 'GET' && !content['multipart/form-data']) {
		const raw = (name: string, body: string, type?: string): Case[] =>
			[false, true].map((viaToken) => ({
				name: `${name}${viaToken ? ' (token)' : ''}`,
				path,
				viaToken,
				currentVersion: true,
				options: { raw: body, ...(type !== undefined ? { headers: { 'content-type': type } } : {}) }
			}));
		cases.push(
			...raw('truncated JSON', '{"a":'),
			...raw('JSON null', 'null'),
			...raw('JSON array', '[1,2]'),
			...raw('JSON string', '"x"'),
			...raw('JSON number', '12'),
			...raw('empty body', ''),
			...raw('proto key', '{"__proto__":{"admin":true},"constructor":{"prototype":{}}}'),
			...raw('duplicate keys', '{"a":1,"a":"\\u0000"}'),
			...raw('deep nesting', `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`),
			...raw('escaped NUL', '{"a":"\\u0000"}'),
			...raw('text/plain', '{"a":1}', 'text/plain'),
			...raw('multipart without boundary', '--x\r\n\r\n', 'multipart/form-data'),
			...raw('form urlencoded', 'a=b', 'application/x-www-form-urlencoded'),
			...raw('no content type', '{"a":1}', ''),
			...raw('charset latin1', '{"a":"\u00e9"}', 'application/json; charset=latin1'),
			...raw('json suffix type', '{"a":1}', 'application/problem+json')
		);
	}
	if (content['multipart/form-data']) cases.push(...uploadCases(path));
	return cases;
}

function fileForm(name: string, bytes: string | Uint8Array, field = 'file') {
	const form = new FormData();
	form.set(field, new File([bytes as BlobPart], name));
	return form;
}

/** A multipart upload gone wrong in each way a client can get it wrong. */
function uploadCases(path: string): Case[] {
	const form = (name: string, body: FormData): Case => ({ name, path, options: { form: body } });
	const raw = (name: string, body: string, type: string): Case => ({
		name,
		path,
		options: { raw: body, headers: { 'content-type': type } }
	});
	const textField = new FormData();
	textField.set('file', 'geen bestand');
	const boundary = 'grens';
	return [
		form('no file field', new FormData()),
		form('file as text', textField),
		form('empty file', fileForm('leeg.pdf', '')),
		form('NUL in file name', fileForm(`brief${NUL}.pdf`, '%PDF-1.4\n')),
		form('10 kB file name', fileForm(`${KB10}.pdf`, '%PDF-1.4\n')),
		form('file name only dots', fileForm('...', '%PDF-1.4\n')),
		form('other field name', fileForm('a.pdf', '%PDF-1.4\n', 'bestand')),
		raw('multipart without boundary', '--x\r\n\r\n', 'multipart/form-data'),
		raw(
			'truncated multipart',
			`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF`,
			`multipart/form-data; boundary=${boundary}`
		),
		raw('JSON instead of a form', '{"file":"x"}', 'application/json'),
		raw('text/plain', 'x', 'text/plain'),
		raw('no content type', 'x', '')
	];
}

/*
 * Turns the OpenAPI document into plain rows for the docs page: each operation with its
 * parameters, request and response fields, and the shared shapes (components) once each. Nested
 * fields read as "meeting.title" and "items[].id"; a shared shape is a link, not repeated.
 */

type Schema = Record<string, unknown>;

export interface FieldRow {
	name: string;
	type: string;
	/** Component name when the type is a shared shape (for a link). */
	ref: string | null;
	required: boolean;
	notes: string;
}

export interface ReadableOperation {
	id: string;
	method: string;
	path: string;
	summary: string;
	description: string | null;
	parameters: FieldRow[];
	body: { mediaType: string; ref: string | null; fields: FieldRow[] } | null;
	response: { status: string; mediaType: string | null; ref: string | null; fields: FieldRow[] };
	errors: { status: string; description: string }[];
	ifMatch: boolean;
}

const refName = (schema: Schema) =>
	typeof schema.$ref === 'string' ? schema.$ref.split('/').pop()! : null;

function typeOf(schema: Schema): { type: string; ref: string | null } {
	const ref = refName(schema);
	if (ref) return { type: ref, ref };
	const options = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
	if (options) {
		const parts = options.map(typeOf);
		return {
			type: parts.map((part) => part.type).join(' of '),
			ref: parts.find((part) => part.ref)?.ref ?? null
		};
	}
	if (schema.type === 'array') {
		const inner = typeOf((schema.items ?? {}) as Schema);
		return { type: `lijst van ${inner.type}`, ref: inner.ref };
	}
	if ('const' in schema) return { type: JSON.stringify(schema.const), ref: null };
	const base = Array.isArray(schema.type) ? schema.type.join(' of ') : String(schema.type ?? 'any');
	return { type: schema.format ? `${base} (${schema.format})` : base, ref: null };
}

function notesOf(schema: Schema): string {
	const notes: string[] = [];
	const options = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
	const source = options?.find((option) => option.type !== 'null') ?? schema;
	if (typeof schema.description === 'string') notes.push(schema.description);
	if (Array.isArray(source.enum)) notes.push(`een van: ${source.enum.join(', ')}`);
	if (source.minLength !== undefined) notes.push(`minstens ${source.minLength} tekens`);
	if (source.maxLength !== undefined) notes.push(`hoogstens ${source.maxLength} tekens`);
	if (source.minimum !== undefined) notes.push(`vanaf ${source.minimum}`);
	if (source.maximum !== undefined) notes.push(`tot en met ${source.maximum}`);
	if (source.minItems !== undefined) notes.push(`minstens ${source.minItems} stuks`);
	if (schema.default !== undefined) notes.push(`standaard ${JSON.stringify(schema.default)}`);
	return notes.join('; ');
}

const MAX_DEPTH = 3;

/** The fields of a schema as rows; shared shapes stop the descent (they have their own table). */
export function fieldsOf(schema: Schema | undefined, prefix = '', depth = 0): FieldRow[] {
	if (!schema || refName(schema) || depth > MAX_DEPTH) return [];
	if (schema.type === 'array') return fieldsOf(schema.items as Schema, `${prefix}[].`, depth + 1);
	const properties = schema.properties as Record<string, Schema> | undefined;
	if (!properties) return [];
	const required = new Set((schema.required as string[] | undefined) ?? []);
	return Object.entries(properties).flatMap(([key, property]) => {
		const name = `${prefix}${key}`;
		const row: FieldRow = {
			name,
			...typeOf(property),
			required: required.has(key),
			notes: notesOf(property)
		};
		const inner =
			property.type === 'array' ? (property.items as Schema | undefined) : (property as Schema);
		const nested = inner && !refName(inner) && inner.properties ? inner : undefined;
		const childPrefix = property.type === 'array' ? `${name}[].` : `${name}.`;
		return [row, ...(nested ? fieldsOf(nested, childPrefix, depth + 1) : [])];
	});
}

interface Operation {
	operationId: string;
	summary: string;
	description?: string;
	tags: string[];
	parameters?: {
		name: string;
		in: string;
		required?: boolean;
		description?: string;
		schema: Schema;
	}[];
	requestBody?: { content: Record<string, { schema: Schema }> };
	responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
}

const placeNames: Record<string, string> = { path: 'pad', query: 'query', header: 'header' };

function readable(method: string, path: string, op: Operation): ReadableOperation {
	const [bodyType, body] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
	const success = Object.entries(op.responses).find(([status]) => status.startsWith('2'))!;
	const [responseType, response] = Object.entries(success[1].content ?? {})[0] ?? [];
	return {
		id: op.operationId,
		method: method.toUpperCase(),
		path,
		summary: op.summary,
		description: op.description ?? null,
		parameters: (op.parameters ?? []).map((parameter) => ({
			name: `${parameter.name} (${placeNames[parameter.in] ?? parameter.in})`,
			...typeOf(parameter.schema),
			required: parameter.required ?? false,
			notes: [...new Set([parameter.description, notesOf(parameter.schema)])]
				.filter(Boolean)
				.join('; ')
		})),
		body: body
			? { mediaType: bodyType!, ref: refName(body.schema), fields: fieldsOf(body.schema) }
			: null,
		response: {
			status: success[0],
			mediaType: responseType ?? null,
			ref: response ? typeOf(response.schema).ref : null,
			fields: response ? fieldsOf(response.schema) : []
		},
		errors: Object.entries(op.responses)
			.filter(([status]) => !status.startsWith('2'))
			.map(([status, answer]) => ({ status, description: answer.description })),
		ifMatch: (op.parameters ?? []).some((parameter) => parameter.name === 'if-match')
	};
}

/** Operations grouped by tag in document order, and the shared shapes with their fields. */
export function readableDocument(document: {
	paths?: Record<string, Record<string, unknown>>;
	components?: { schemas?: Record<string, unknown> };
}) {
	const groups = new Map<string, ReadableOperation[]>();
	for (const [path, item] of Object.entries(document.paths ?? {})) {
		for (const [method, op] of Object.entries(item)) {
			const operation = op as Operation;
			const tag = operation.tags[0] ?? 'Overig';
			groups.set(tag, [...(groups.get(tag) ?? []), readable(method, path, operation)]);
		}
	}
	const schemas = Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => ({
		name,
		description: ((schema as Schema).description as string | undefined) ?? null,
		type: typeOf(schema as Schema).type,
		notes: notesOf({ ...(schema as Schema), description: undefined }),
		fields: fieldsOf(schema as Schema)
	}));
	return {
		groups: [...groups].map(([tag, operations]) => ({ tag, operations })),
		schemas
	};
}

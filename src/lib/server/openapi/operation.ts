import type { z } from 'zod';

/**
 * One operation of the API, as the document and the docs page describe it, and as its route runs
 * it: `endpoint()` takes the same object, so If-Match, the body, the status and the answer's
 * shape cannot differ between the route and the document.
 */
export interface OperationSpec<Answer extends z.ZodType = z.ZodType> {
	method: 'get' | 'post' | 'put' | 'patch' | 'delete';
	/** OpenAPI path with `{id}`, e.g. /api/v1/items/{id}/submit. */
	path: string;
	tag: string;
	summary: string;
	description?: string;
	/** The path has an `{id}`: what it identifies. */
	id?: string;
	query?: z.ZodObject;
	/** The request body; without one the route reads none. */
	body?: z.ZodType;
	/** Bodies other than JSON (attachments). */
	bodyMediaType?: 'multipart/form-data';
	/**
	 * A JSON body may instead come as multipart/form-data with files (a progress report with its
	 * attachments), described by this schema; the handler reads that form itself.
	 */
	multipartBody?: z.ZodType;
	/**
	 * The answer's projection: what that reader may see, named fields only. `endpoint()` passes the
	 * handler's data through it (unknown keys are stripped, times become ISO strings), and the
	 * document's response schema is generated from it.
	 */
	response: Answer;
	/** Media type of a non-JSON answer (a download): the handler answers with a Response. */
	responseMediaType?: string;
	status?: 200 | 201;
	/** A write against a version: If-Match required (428 without, 412 when stale). */
	ifMatch?: boolean;
	/** The answer carries its `version` as ETag. */
	etag?: boolean;
	/** Error statuses beyond 401 that this operation may answer. */
	errors: number[];
	/**
	 * Anyone may call it, without an account (the published besluitenlijsten): `security: []` in
	 * the document, run by publicEndpoint() without an actor, GET only, cacheable, limited per IP.
	 */
	public?: true;
}

export interface Operation<Answer extends z.ZodType = z.ZodType> extends OperationSpec<Answer> {
	operationId: string;
}

/** Operations keyed by their operationId, which each one also carries (for the document). */
export function operationsOf<Specs extends Record<string, OperationSpec>>(
	specs: Specs
): { [Id in keyof Specs]: Specs[Id] & { operationId: Id } } {
	return Object.fromEntries(
		Object.entries(specs).map(([operationId, spec]) => [operationId, { ...spec, operationId }])
	) as { [Id in keyof Specs]: Specs[Id] & { operationId: Id } };
}

/** The usual errors of a write on something identified by id. */
export const writeErrors = [400, 403, 404, 409, 413, 415];
export const versionedErrors = [...writeErrors, 412, 428];
export const readErrors = [404];

import type { z } from 'zod';

/** One operation of the API, as the document and the docs page describe it. */
export interface Operation {
	method: 'get' | 'post' | 'put' | 'patch' | 'delete';
	/** OpenAPI path with `{id}`, e.g. /api/v1/items/{id}/submit. */
	path: string;
	operationId: string;
	tag: string;
	summary: string;
	description?: string;
	/** The path has an `{id}`: what it identifies. */
	id?: string;
	query?: z.ZodObject;
	body?: z.ZodType;
	/** Bodies other than JSON (attachments). */
	bodyMediaType?: string;
	response?: z.ZodType;
	/** Media type of a non-JSON answer (a download). */
	responseMediaType?: string;
	status?: 200 | 201 | 204;
	/** A write against a version: If-Match required (428 without, 412 when stale). */
	ifMatch?: boolean;
	/** The answer carries the version as ETag. */
	etag?: boolean;
	/** Error statuses beyond 401 that this operation may answer. */
	errors: number[];
}

/** The usual errors of a write on something identified by id. */
export const writeErrors = [400, 403, 404, 409, 413, 415];
export const versionedErrors = [...writeErrors, 412, 428];
export const readErrors = [404];

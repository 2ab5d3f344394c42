import type { RequestEvent } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/lib/server/access';
import { addComment } from '../../../src/lib/server/agenda';
import { uploadAttachment } from '../../../src/lib/server/attachments';
import { openApiDocument } from '../../../src/lib/server/openapi/document';
import { createTeam, openMeetingFor, placedItem, type Team } from '../agenda/fixtures';
import { samples } from '../attachments/sample-files';
import { useProcessDatabase } from '../process-env';
import { call, ORIGIN, routeModules, tokenFor, type CallOptions } from './harness';
import {
	badIds,
	badIfMatch,
	badTokens,
	casesFor,
	decodedBadIds,
	type Case,
	type DocumentOperation,
	type Ids,
	type JsonSchema
} from './malformed-cases';

useProcessDatabase();

/**
 * Every operation of the OpenAPI document, sent malformed requests a client can send: wrong types
 * in every field and parameter, huge strings, control characters, wrong content types, bad ids
 * and bad If-Match values. None may answer 5xx (or throw, which SvelteKit answers with 500), and
 * every refusal is a problem document.
 */
const document = openApiDocument() as unknown as {
	paths: Record<string, Record<string, DocumentOperation>>;
	components: { schemas: Record<string, JsonSchema> };
};
const operations = Object.entries(document.paths).flatMap(([template, item]) =>
	Object.entries(item).map(([method, operation]) => ({
		method: method.toUpperCase(),
		template,
		operation
	}))
);

let team: Team;
const tokens = new Map<Actor, string>();
beforeAll(async () => {
	team = await createTeam();
	for (const actor of [team.vngMedewerker, team.vngBestuurder, team.secretariaat])
		tokens.set(actor, await tokenFor(actor, 'write'));
});

/** Who tries the operation: one who may, so that the request gets past the gate to the parsing. */
function actorFor(template: string): Actor {
	if (/approvals|reviews/.test(template)) return team.vngBestuurder;
	// Whoever records the money, so that a finance write reaches its input's checks.
	if (/^\/api\/v1\/finance/.test(template)) return team.finMedewerker;
	if (/^\/api\/v1\/(meetings|secretariat)/.test(template)) return team.secretariaat;
	if (/\/(place|defer|decline|treat|approve-late)$/.test(template)) return team.secretariaat;
	return team.vngMedewerker;
}

/** Fresh rows per operation, so one operation's successes never change another's ground. */
async function freshIds(): Promise<Ids & { attachment: string }> {
	const meeting = await openMeetingFor(team);
	const item = await placedItem(team, team.vngMedewerker, meeting.id);
	const comment = await addComment(team.vngMedewerker, item.id, { body: 'Een reactie' });
	const attachment = await uploadAttachment(team.vngMedewerker, item.id, {
		filename: 'brief.pdf',
		bytes: samples.pdf
	});
	return { meeting: meeting.id, item: item.id, comment: comment.id, attachment: attachment.id };
}

function idFor(template: string, ids: Ids & { attachment: string }) {
	if (template.startsWith('/api/v1/meetings/')) return ids.meeting;
	if (template.startsWith('/api/v1/comments/')) return ids.comment;
	if (template.startsWith('/api/v1/attachments/')) return ids.attachment;
	return ids.item;
}

/** The resource whose ETag an If-Match write must carry. */
const versionedResource = (path: string) =>
	/^\/api\/v1\/(items|meetings)\/[^/?]+/.exec(path)?.[0] ?? null;

/** Null when the answer is fine, else what was wrong with it. */
async function verdict(method: string, path: string, options: CallOptions): Promise<string | null> {
	let answer;
	try {
		answer = await call(method, path, options);
	} catch (caught) {
		return `threw ${String(caught).slice(0, 160)}`;
	}
	if (answer.status >= 500) return `${answer.status} ${JSON.stringify(answer.body).slice(0, 160)}`;
	if (answer.status < 400) return null;
	if (answer.headers.get('content-type') !== 'application/problem+json')
		return `${answer.status} with ${answer.headers.get('content-type')}`;
	if (answer.body.status !== answer.status || typeof answer.body.title !== 'string')
		return `${answer.status}: not a problem document`;
	return null;
}

async function currentVersion(resource: string, actor: Actor): Promise<string> {
	const answer = await call('GET', resource, { actor });
	return answer.headers.get('etag') ?? '"1"';
}

/** SvelteKit decodes path parameters before a handler sees them; the harness cannot send NUL. */
async function decodedIdVerdict(method: string, template: string, id: string, actor: Actor) {
	const file = `/src/routes${template.replace('{id}', '[id]')}/+server.ts`;
	const handler = routeModules[file]?.[method];
	if (!handler) return 'no handler';
	// The URL only carries the request; the handler reads the id from params, as in SvelteKit.
	const url = new URL(template.replace('{id}', 'decoded'), ORIGIN);
	const write = method !== 'GET' && method !== 'DELETE';
	const headers = new Headers(
		write ? { 'content-type': 'application/json', 'if-match': '"1"' } : {}
	);
	const log = { info() {}, warn() {}, error() {}, debug() {}, child: () => log };
	const event = {
		request: new Request(url, { method, headers, body: write ? '{}' : undefined }),
		url,
		params: { id },
		route: { id: template },
		locals: { requestId: 'malformed', log, actor, session: null },
		cookies: { get: () => undefined, getAll: () => [], set() {}, delete() {}, serialize: () => '' },
		getClientAddress: () => '192.0.2.40',
		setHeaders() {}
	} as unknown as RequestEvent;
	try {
		const response = await handler(event as never);
		if (response.status >= 500) return `${response.status}`;
		if (
			response.status >= 400 &&
			response.headers.get('content-type') !== 'application/problem+json'
		)
			return `${response.status} with ${response.headers.get('content-type')}`;
		return null;
	} catch (caught) {
		return `threw ${String(caught).slice(0, 160)}`;
	}
}

describe('malformed requests to every operation of the OpenAPI document', () => {
	it('covers the whole document', () => {
		expect(operations.length).toBeGreaterThan(30);
	});

	for (const { method, template, operation } of operations) {
		it(`${method} ${template}: never 5xx, every refusal a problem document`, async () => {
			const ids = await freshIds();
			const actor = actorFor(template);
			const path = template.replace('{id}', idFor(template, ids));
			const cases: Case[] = casesFor(operation, method, path, ids, document.components.schemas);
			const takesVersion = (operation.parameters ?? []).some((p) => p.name === 'if-match');
			if (template.includes('{id}')) {
				for (const id of badIds)
					cases.push({
						name: `id ${id.slice(0, 40)}`,
						path: template.replace('{id}', id),
						options: {}
					});
			}
			for (const token of badTokens)
				cases.push({ name: `Bearer ${token.slice(0, 50)}`, path, options: {}, badToken: token });
			if (takesVersion) {
				for (const value of badIfMatch)
					cases.push({ name: `If-Match ${value.slice(0, 20)}`, path, options: { ifMatch: value } });
			}

			const failures: string[] = [];
			for (const entry of cases) {
				const options: CallOptions = entry.badToken
					? { ...entry.options, token: entry.badToken }
					: entry.viaToken
						? { ...entry.options, token: tokens.get(actor) }
						: { ...entry.options, actor };
				// A browser names its Origin on every write (the CSRF guard asks it of uploads).
				if (!options.token) options.headers = { origin: ORIGIN, ...options.headers };
				const resource = versionedResource(entry.path);
				if (takesVersion && entry.currentVersion && resource && options.ifMatch === undefined)
					options.ifMatch = await currentVersion(resource, actor);
				const wrong = await verdict(method, entry.path, options);
				if (wrong) failures.push(`${entry.name}: ${wrong}`);
			}
			if (template.includes('{id}')) {
				for (const id of decodedBadIds) {
					const wrong = await decodedIdVerdict(method, template, id, actor);
					if (wrong) failures.push(`decoded id ${JSON.stringify(id)}: ${wrong}`);
				}
			}
			expect(cases.length).toBeGreaterThan(template.includes('{id}') ? 5 : 0);
			expect(failures).toEqual([]);
		});
	}
});

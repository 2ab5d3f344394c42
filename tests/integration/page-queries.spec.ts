import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { authenticate } from '../../src/lib/server/auth/handle';
import { closeDatabase, useDb } from '../../src/lib/server/db';
import { createApiToken } from '../../src/lib/server/identity/account';
import { login } from '../../src/lib/server/identity/auth';
import { resolveSession } from '../../src/lib/server/identity/session-lookup';
import { newestEventId, noteDelivered } from '../../src/lib/server/realtime/live';
import { load as layoutLoad } from '../../src/routes/+layout.server';
import { context, createPerson, PASSWORD } from './identity/fixtures';
import { useProcessDatabase } from './process-env';
import { countQueries } from './query-count';

useProcessDatabase();

/*
 * What every signed-in page costs before its own load: the session lookup (one statement,
 * prepared) and the header's layout, which asks the database nothing.
 */

async function signedInLocals(token: string) {
	const cookies = { get: () => token, set: () => {}, delete: () => {} } as unknown as Cookies;
	const event = {
		url: new URL('http://localhost/vergaderingen'),
		request: new Request('http://localhost/vergaderingen'),
		cookies,
		locals: {}
	} as unknown as RequestEvent;
	await authenticate({ event, resolve: async () => new Response('ok') });
	return event.locals;
}

async function logNewest(): Promise<number> {
	const db = await useDb();
	const rows = await db.execute(sql`select coalesce(max(id), 0)::int as id from event`);
	const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: unknown[] }).rows;
	return Number((list[0] as { id: number }).id);
}

describe('a signed-in page before its own load', () => {
	it('looks the session up in one statement and shows the header without a query', async () => {
		const { email, actor } = await createPerson('medewerker', 'ipo');
		const { token } = await login({ email, password: PASSWORD }, context);
		await newestEventId(); // the first use reads the log's newest id; every later one remembers
		let locals: App.Locals | undefined;
		const lookup = await countQueries(async () => {
			locals = await signedInLocals(token);
		});
		expect(lookup).toBe(1);
		expect(locals!.session?.organisationName).toBe('Interprovinciaal Overleg');
		let data: Awaited<ReturnType<typeof layoutLoad>> | undefined;
		const header = await countQueries(async () => {
			data = await layoutLoad({ locals } as never);
		});
		expect(header).toBe(0);
		expect(data).toMatchObject({
			viewer: {
				personId: actor.personId,
				name: actor.name,
				role: 'medewerker',
				organisationName: 'Interprovinciaal Overleg',
				mayAdminister: false
			},
			live: { since: await logNewest() }
		});
	});

	it('nobody signed in: no viewer, nothing asked', async () => {
		const locals = { actor: null, session: null } as unknown as App.Locals;
		expect(await countQueries(async () => layoutLoad({ locals } as never))).toBe(0);
		expect(await layoutLoad({ locals } as never)).toEqual({ viewer: null, live: null });
	});
});

describe('where a fresh page starts listening (newestEventId)', () => {
	it('follows the events this process commits, without asking the database', async () => {
		const { actor } = await createPerson('medewerker');
		await newestEventId();
		await createApiToken(actor, { name: 'Koppeling', scope: 'read' }, context);
		let since = 0;
		expect(await countQueries(async () => (since = await newestEventId()))).toBe(0);
		expect(since).toBe(await logNewest());
		expect(since).toBeGreaterThan(0);
	});

	it('moves up with what reaches it from other processes, never down', async () => {
		const start = await newestEventId();
		noteDelivered(start + 5);
		noteDelivered(start + 2);
		expect(await newestEventId()).toBe(start + 5);
	});

	it('starts again from the log of a reopened database, whose statements are its own', async () => {
		const { email } = await createPerson('bestuurder', 'vng');
		const { token } = await login({ email, password: PASSWORD }, context);
		noteDelivered((await newestEventId()) + 100);
		await closeDatabase();
		// The next use opens the handle again: what the old one knew, and prepared, is not reused.
		expect(await newestEventId()).toBe(await logNewest());
		expect((await resolveSession(token))?.organisationName).toBe(
			'Vereniging van Nederlandse Gemeenten'
		);
	});
});

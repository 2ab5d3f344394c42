import { json } from '@sveltejs/kit';
import { readiness } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** Readiness: the database is reachable and every committed migration is applied. */
export const GET: RequestHandler = async ({ locals }) => {
	const headers = { 'cache-control': 'no-store' };
	try {
		const state = await readiness();
		return json(
			{
				status: state.ready ? 'ready' : 'not-ready',
				database: { engine: state.engine, reachable: true, migrations: state.migrations }
			},
			{ status: state.ready ? 200 : 503, headers }
		);
	} catch (error) {
		locals.log.warn({ err: error }, 'readiness check failed');
		return json({ status: 'not-ready', database: { reachable: false } }, { status: 503, headers });
	}
};

import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** Liveness: the process runs and answers. It deliberately does not touch the database. */
export const GET: RequestHandler = () =>
	json(
		{ status: 'ok', uptimeSeconds: Math.round(process.uptime()) },
		{ headers: { 'cache-control': 'no-store' } }
	);

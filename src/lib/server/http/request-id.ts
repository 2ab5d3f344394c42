import { randomUUID } from 'node:crypto';

/** A caller (a proxy, a koepel's system) may pass its own id so logs line up; anything odd is replaced. */
const acceptable = /^[A-Za-z0-9._-]{8,128}$/;

export function requestIdFrom(headers: Headers): string {
	const given = headers.get('x-request-id');
	return given && acceptable.test(given) ? given : randomUUID();
}

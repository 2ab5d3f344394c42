import type { IncomingHttpHeaders } from 'node:http';
import type { Actor } from '../access';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '../auth/cookie';
import { splitToken } from '../auth/tokens';
import { config } from '../config';
import { API_TOKEN_PREFIX, authenticateApiToken } from '../identity/account';
import { resolveSession } from '../identity/session-lookup';

/** Who a socket speaks for, and what ends it. */
export interface SocketIdentity {
	actor: Actor;
	/** Through the session cookie: the session whose end disconnects the socket. */
	sessionId: string | null;
	/** Through an API token: the token whose revocation disconnects the socket. */
	tokenId: string | null;
	/** When the session must be looked at again (its idle expiry as last known). */
	recheckAt: number | null;
}

/** A refused handshake: `message` reaches the client in `connect_error` (Dutch, calm). */
export class HandshakeRefused extends Error {
	constructor(
		message: string,
		readonly code: 'unauthorized' | 'origin' | 'unavailable'
	) {
		super(message);
		this.name = 'HandshakeRefused';
	}
}

export interface Handshake {
	headers: IncomingHttpHeaders;
	/** socket.io's `auth` object; machine clients put `{ token: 'oho_…' }` there. */
	auth: Record<string, unknown>;
}

/**
 * The session cookie (browsers) or an API token (machine clients) — nothing else. A cookie is
 * only taken from this app's own pages: the Origin must be ours, or the browser must say the
 * request is same-origin (long-polling GETs carry no Origin), so another site cannot open a
 * socket with a visitor's cookie.
 */
export async function authenticateHandshake(handshake: Handshake): Promise<SocketIdentity> {
	const token = bearerToken(handshake);
	if (token) {
		const actor = await authenticateApiToken(token);
		if (!actor)
			throw new HandshakeRefused(
				'Deze API-sleutel is onbekend, verlopen of ingetrokken.',
				'unauthorized'
			);
		return {
			actor,
			sessionId: null,
			tokenId: splitToken(token, API_TOKEN_PREFIX)?.id ?? null,
			recheckAt: null
		};
	}

	if (!sameOrigin(handshake.headers)) {
		throw new HandshakeRefused(
			'Verbinding geweigerd: deze pagina hoort niet bij het Overhedenoverleg.',
			'origin'
		);
	}
	const cookieToken =
		readCookie(handshake.headers.cookie, SECURE_SESSION_COOKIE) ??
		readCookie(handshake.headers.cookie, SESSION_COOKIE);
	const valid = cookieToken ? await resolveSession(cookieToken) : null;
	if (!valid || !valid.session.twoFactorVerified) {
		throw new HandshakeRefused('U bent niet (meer) ingelogd. Log opnieuw in.', 'unauthorized');
	}
	return {
		actor: valid.actor,
		sessionId: valid.session.id,
		tokenId: null,
		recheckAt: valid.session.expiresAt.getTime()
	};
}

function bearerToken(handshake: Handshake): string | null {
	const fromAuth = handshake.auth.token;
	if (typeof fromAuth === 'string' && fromAuth.length > 0) return fromAuth.trim();
	const header = handshake.headers.authorization;
	if (!header) return null;
	const [scheme, value] = header.split(' ', 2);
	return scheme?.toLowerCase() === 'bearer' && value ? value.trim() : null;
}

/** The app's public origin: ORIGIN when set, else what the request says it was sent to. */
function expectedOrigin(headers: IncomingHttpHeaders): string | null {
	const configured = config().ORIGIN;
	if (configured) return new URL(configured).origin;
	const host = headers.host;
	if (!host) return null;
	const forwarded = headers['x-forwarded-proto'];
	const protocol = typeof forwarded === 'string' ? forwarded.split(',')[0]!.trim() : 'http';
	return `${protocol}://${host}`;
}

export function sameOrigin(headers: IncomingHttpHeaders): boolean {
	const origin = headers.origin;
	if (origin) return origin === expectedOrigin(headers);
	return headers['sec-fetch-site'] === 'same-origin';
}

export function readCookie(header: string | undefined, name: string): string | undefined {
	if (!header) return undefined;
	for (const part of header.split(';')) {
		const at = part.indexOf('=');
		if (at < 0 || part.slice(0, at).trim() !== name) continue;
		try {
			return decodeURIComponent(part.slice(at + 1).trim());
		} catch {
			return undefined;
		}
	}
	return undefined;
}

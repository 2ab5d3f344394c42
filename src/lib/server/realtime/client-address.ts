import type { IncomingMessage } from 'node:http';
import { config } from '../config';

/**
 * The client's address of a socket's handshake, by adapter-node's rule, which gives the HTTP
 * requests theirs (event.getClientAddress(), what the rate limits count): with ADDRESS_HEADER
 * set, that header of the trusted proxy (for x-forwarded-for the entry XFF_DEPTH from the right,
 * since entries further left are whatever the client wrote); else the peer of the connection.
 * Null where adapter-node refuses to say (the header missing or too short): counted as one
 * address, 'unknown', as the rate limits do.
 */
export function clientAddress(request: IncomingMessage): string | null {
	const { ADDRESS_HEADER: header, XFF_DEPTH: depth } = config();
	if (!header) return request.socket?.remoteAddress ?? null;
	const value = request.headers[header];
	if (value === undefined) return null;
	const text = Array.isArray(value) ? value.join(',') : value;
	if (header !== 'x-forwarded-for') return text;
	const addresses = text.split(',');
	if (depth > addresses.length) return null;
	return addresses[addresses.length - depth]!.trim() || null;
}

import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { resetConfig } from '../../../src/lib/server/config';

export interface ReceivedMail {
	to: string[];
	subject: string;
	raw: string;
	/** The message with its quoted-printable parts decoded: what a reader sees, to search in. */
	body: string;
}

/**
 * A real SMTP server for the tests, a sink: it accepts every message and keeps it, so a test
 * counts what arrived. SMTP_URL points at it while it runs.
 */
export async function startSmtpSink(port = 0) {
	const received: ReceivedMail[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				const raw = Buffer.concat(chunks).toString('utf8');
				received.push({
					to: session.envelope.rcptTo.map((address) => address.address),
					subject: decodeSubject(raw),
					raw,
					body: decodeQuotedPrintable(raw)
				});
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const address = server.server.address() as AddressInfo;
	process.env.SMTP_URL = `smtp://127.0.0.1:${address.port}`;
	resetConfig();
	return {
		port: address.port,
		received,
		to: (email: string) => received.filter((mail) => mail.to.includes(email)),
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;

/** The Subject header, its folded lines joined and its encoded words (RFC 2047) decoded. */
function decodeSubject(raw: string): string {
	const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
	return header
		.replace(/\r?\n[ \t]/g, ' ')
		.replace(/=\?utf-8\?([qb])\?([^?]*)\?=\s*/gi, (_, encoding: string, text: string) =>
			encoding.toLowerCase() === 'b'
				? Buffer.from(text, 'base64').toString('utf8')
				: Buffer.from(
						text
							.replace(/_/g, ' ')
							.replace(/=([0-9a-f]{2})/gi, (__, hex: string) =>
								String.fromCharCode(parseInt(hex, 16))
							),
						'latin1'
					).toString('utf8')
		)
		.trim();
}

function decodeQuotedPrintable(raw: string): string {
	const bytes = raw
		.replace(/=\r?\n/g, '')
		.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
	return Buffer.from(bytes, 'latin1').toString('utf8');
}

// @ts-check
import { createServer } from 'node:http';
import { SMTPServer } from 'smtp-server';

/*
 * The e2e server's mail server: a sink that accepts every message and keeps it, started by
 * playwright.config.ts before the app (webServer), which sends through it (SMTP_URL). The tests
 * run in other processes, so they read what arrived over HTTP: GET /messages answers the messages
 * as JSON, oldest first ({ to, subject, body }); GET / says it is ready.
 */

const smtpPort = Number(process.env.MAIL_SINK_SMTP_PORT);
const httpPort = Number(process.env.MAIL_SINK_HTTP_PORT);

/** @type {{ to: string[]; subject: string; body: string }[]} */
const received = [];

const smtp = new SMTPServer({
	authOptional: true,
	disabledCommands: ['STARTTLS', 'AUTH'],
	logger: false,
	onData(stream, session, callback) {
		/** @type {Buffer[]} */
		const chunks = [];
		stream.on('data', (chunk) => chunks.push(chunk));
		stream.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			received.push({
				to: session.envelope.rcptTo.map((address) => address.address),
				subject: decodeSubject(raw),
				body: decodeQuotedPrintable(raw)
			});
			callback();
		});
	}
});

const http = createServer((request, response) => {
	const body = request.url === '/messages' ? JSON.stringify(received) : '"ready"';
	response.writeHead(200, { 'content-type': 'application/json' }).end(body);
});

smtp.listen(smtpPort, '127.0.0.1', () => http.listen(httpPort, '127.0.0.1'));

for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		http.close();
		smtp.close(() => process.exit(0));
	});
}

/** The Subject header, its folded lines joined and its encoded words (RFC 2047) decoded. */
function decodeSubject(/** @type {string} */ raw) {
	const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
	return header
		.replace(/\r?\n[ \t]/g, ' ')
		.replace(/=\?utf-8\?([qb])\?([^?]*)\?=\s*/gi, (_, encoding, text) =>
			encoding.toLowerCase() === 'b'
				? Buffer.from(text, 'base64').toString('utf8')
				: Buffer.from(
						text
							.replace(/_/g, ' ')
							.replace(/=([0-9a-f]{2})/gi, (/** @type {string} */ __, hex) =>
								String.fromCharCode(parseInt(hex, 16))
							),
						'latin1'
					).toString('utf8')
		)
		.trim();
}

/** The message with its quoted-printable parts decoded: what a reader sees, to search in. */
function decodeQuotedPrintable(/** @type {string} */ raw) {
	const bytes = raw
		.replace(/=\r?\n/g, '')
		.replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
	return Buffer.from(bytes, 'latin1').toString('utf8');
}

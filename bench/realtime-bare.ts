/**
 * The baseline of `npm run bench:realtime`: a bare socket.io server (no app, no database, no
 * authentication). POST /emit broadcasts its JSON body as an `event` to every socket, as the app
 * does with a committed event. Started by bench/realtime.ts on BARE_PORT.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.BARE_PORT ?? 4395);
const http = createServer((request, response) => {
	if (request.method !== 'POST' || request.url !== '/emit') {
		response.writeHead(404).end();
		return;
	}
	let body = '';
	request.on('data', (chunk) => (body += chunk));
	request.on('end', () => {
		io.to('participants').emit('event', JSON.parse(body));
		response.writeHead(204).end();
	});
});
const io = new Server(http, { path: '/socket.io', serveClient: false });
io.on('connection', (socket) => {
	void socket.join('participants');
	socket.emit('welcome', { personId: '', organisationId: '', lastEventId: 0 });
	socket.on('replay', (_request: unknown, ack: (answer: unknown) => void) =>
		ack({ ok: true, events: [], lastEventId: 0, tooFarBehind: false })
	);
});
http.listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));

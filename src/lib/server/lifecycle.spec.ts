import { describe, expect, it } from 'vitest';
import { onShutdown, runShutdownHooks } from './lifecycle';

describe('shutdown hooks', () => {
	it('run in reverse order, once, and a failing one does not stop the rest', async () => {
		const ran: string[] = [];
		onShutdown('database', async () => void ran.push('database'));
		onShutdown('realtime', async () => {
			ran.push('realtime');
			throw new Error('socket server already closed');
		});
		onShutdown('mail', async () => void ran.push('mail'));
		const failures = await runShutdownHooks();
		expect(ran).toEqual(['mail', 'realtime', 'database']);
		expect(failures).toEqual(['realtime: socket server already closed']);
		expect(await runShutdownHooks()).toEqual([]);
		expect(ran).toHaveLength(3);
	});

	it('replace an earlier hook of the same name (a dev-server reload)', async () => {
		const ran: string[] = [];
		onShutdown('database', async () => void ran.push('old'));
		onShutdown('database', async () => void ran.push('new'));
		await runShutdownHooks();
		expect(ran).toEqual(['new']);
	});
});

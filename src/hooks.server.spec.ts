import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { handleError } from './hooks.server';

function fakeEvent() {
	const log = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };
	const event = {
		locals: { log, requestId: 'req-1' },
		url: new URL('http://localhost/vergaderingen')
	};
	return { event: event as unknown as RequestEvent, log };
}

describe('handleError', () => {
	it('logs an unexpected error with an id and answers calmly in Dutch, quoting that id', async () => {
		const { event, log } = fakeEvent();
		const result = await handleError({
			error: new Error('connection reset'),
			event,
			status: 500,
			message: 'Internal Error'
		});
		expect(result?.errorId).toMatch(/^[0-9a-f-]{36}$/);
		expect(result?.message).toMatch(/Er ging aan onze kant iets mis/);
		expect(result?.message).not.toContain('connection reset');
		expect(log.error).toHaveBeenCalledOnce();
		expect(log.error.mock.calls[0]?.[0]).toMatchObject({ errorId: result?.errorId, status: 500 });
	});

	it('answers a missing page without logging it as a fault', async () => {
		const { event, log } = fakeEvent();
		const result = await handleError({
			error: new Error('Not found'),
			event,
			status: 404,
			message: 'Not Found'
		});
		expect(result?.message).toBe('Deze pagina bestaat niet (meer).');
		expect(result?.errorId).toBeUndefined();
		expect(log.error).not.toHaveBeenCalled();
	});
});

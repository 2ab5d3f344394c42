import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/lib/server/access';
import { InvalidInputError } from '../../../src/lib/server/kernel/errors';
import { readAudit } from '../../../src/lib/server/identity/audit';
import { useProcessDatabase } from '../process-env';
import { createPerson } from './fixtures';

useProcessDatabase();

/**
 * The audit page's filter comes from its address, so anyone can type anything in it. What the
 * database cannot take (the year 0, a NUL) is a message, not a 500.
 */
let beheerder: Actor;
beforeAll(async () => {
	beheerder = (await createPerson('beheerder')).actor;
});

async function refusal(input: Record<string, string>) {
	const caught = await readAudit(beheerder, input).then(
		() => null,
		(error: unknown) => error
	);
	expect(caught, JSON.stringify(input)).toBeInstanceOf(InvalidInputError);
	return (caught as InvalidInputError).fields;
}

describe('readAudit with filters from the address bar', () => {
	it('refuses the year 0000, which PostgreSQL does not have, and the years before 1000', async () => {
		expect((await refusal({ from: '0000-01-01' })).from).toMatch(/jjjj-mm-dd, vanaf het jaar 1000/);
		expect((await refusal({ from: '0001-01-01' })).from).toMatch(/vanaf het jaar 1000/);
		expect((await refusal({ to: '0000-12-31' })).to).toMatch(/jjjj-mm-dd/);
	});

	it('refuses a NUL in the event type', async () => {
		expect((await refusal({ type: 'auth.\u0000' })).type).toMatch(/stuurteken/);
	});

	it('still reads the far past and the far future', async () => {
		const page = await readAudit(beheerder, { from: '1000-01-01', to: '9999-12-31' });
		expect(Array.isArray(page.events)).toBe(true);
	});
});

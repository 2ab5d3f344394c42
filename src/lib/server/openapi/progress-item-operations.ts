import { itemResponse } from './item-schemas';
import { operationsOf, writeErrors } from './operation';

/**
 * "Voortgang afspraken" (server/agreements/agenda-item.ts): the standard item on a coming
 * meeting's draft agenda, with the register's overview as its summary.
 */
export const progressItemOperations = operationsOf({
	proposeProgressItem: {
		method: 'post',
		path: '/api/v1/meetings/{id}/progress-item',
		tag: 'Agenda',
		summary: 'Het punt Voortgang afspraken voorstellen (secretariaat)',
		description:
			'Een ingediend agendapunt ter informatie, met als samenvatting een overzicht uit het register van afspraken: verlopen, termijn vóór de vergadering en afgerond sinds de vorige vergadering van dezelfde soort. Vertrouwelijk tenzij elke genoemde afspraak openbaar is. Eén per vergadering: een tweede wordt geweigerd (409) zolang het eerste niet is ingetrokken of afgewezen. Zonder body.',
		id: 'De vergadering',
		response: itemResponse,
		status: 201,
		etag: true,
		errors: writeErrors
	}
});

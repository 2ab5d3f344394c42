import { overviewResponse } from './item-schemas';
import { operationsOf } from './operation';
import { documentResponse, meResponse, reviewsResponse } from './schemas';

export const generalOperations = operationsOf({
	me: {
		method: 'get',
		path: '/api/v1/me',
		tag: 'Algemeen',
		summary: 'Namens wie het token of de sessie handelt',
		response: meResponse,
		errors: []
	},
	toReview: {
		method: 'get',
		path: '/api/v1/me/reviews',
		tag: 'Agenda',
		summary: 'Ter beoordeling: agenda’s die op de eigen partij wachten (bestuurder)',
		description: 'Agenda’s in afstemming waarop de eigen partij (nog) geen geldig akkoord gaf.',
		response: reviewsResponse,
		errors: [403]
	},
	secretariatOverview: {
		method: 'get',
		path: '/api/v1/secretariat/overview',
		tag: 'Agenda',
		summary: 'Het open werk van het secretariaat',
		response: overviewResponse,
		errors: [403]
	},
	openapi: {
		method: 'get',
		path: '/api/v1/openapi.json',
		tag: 'Algemeen',
		summary: 'Dit document (OpenAPI 3.1)',
		response: documentResponse,
		errors: []
	}
});

import { FORM_WRONG_TYPE } from './form-body';

/**
 * What handleError answers for a 4xx that SvelteKit raised itself (no form actions here, a body
 * over the size limit, a form action sent JSON): the client's mistake, said calmly in Dutch,
 * without the error id that is meant for our own faults.
 */
export function clientErrorMessage(status: number): string {
	switch (status) {
		case 404:
			return 'Deze pagina bestaat niet (meer).';
		case 405:
			return 'Dit adres neemt dit soort verzoek niet aan. Ga terug naar de pagina en probeer het opnieuw.';
		case 413:
			return 'Wat u verstuurde is te groot. Een bijlage mag ten hoogste 25 MB zijn.';
		case 415:
			return FORM_WRONG_TYPE;
		default:
			return 'Dit verzoek kunnen we niet verwerken. Ga terug naar de pagina en probeer het opnieuw.';
	}
}

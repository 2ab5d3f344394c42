import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/**
 * The verbs answer bad input in Dutch. On the English pages we show the English text for the
 * messages we know; anything else stays Dutch and is marked `lang="nl"` so that a screen reader
 * pronounces it right.
 */
export interface ShownText {
	text: string;
	lang?: 'nl';
}

const known: Record<string, () => string> = {
	'Het e-mailadres of het wachtwoord klopt niet.': m.auth_err_login_failed,
	'Deze code klopt niet.': m.auth_err_code_wrong,
	'Deze code klopt niet. Controleer de tijd op uw telefoon en probeer het opnieuw.':
		m.auth_err_code_wrong_time,
	'Deze code klopt niet. Controleer of de tijd op uw telefoon goed staat.':
		m.auth_err_code_wrong_enrol,
	'Vul de code in.': m.auth_err_code_missing,
	'Vul de code uit uw app of een herstelcode in.': m.auth_err_code_or_recovery,
	'Deze code is te lang.': m.auth_err_code_too_long,
	'Vul de code uit uw app in.': m.auth_err_code_app,
	'Vul de zes cijfers uit uw app in.': m.auth_err_code_six,
	'De sleutel ontbreekt. Begin opnieuw.': m.auth_err_key_missing,
	'De sleutel is niet geldig. Begin opnieuw.': m.auth_err_key_invalid,
	'Vul uw e-mailadres in.': m.auth_err_email_own_missing,
	'Vul een e-mailadres in.': m.auth_err_email_missing,
	'Dit e-mailadres is te lang.': m.auth_err_email_too_long,
	'Vul een geldig e-mailadres in, zoals naam@organisatie.nl.': m.auth_err_email_invalid,
	'Vul een wachtwoord in.': m.auth_err_password_missing,
	'Dit wachtwoord is te lang.': m.auth_err_password_too_long,
	'Dit wachtwoord komt te vaak voor of is te makkelijk te raden. Kies een ander, bijvoorbeeld een zin van een paar woorden.':
		m.auth_err_password_common,
	'Gebruik uw naam of e-mailadres niet in uw wachtwoord.': m.auth_err_password_personal,
	'Herhaal het wachtwoord.': m.auth_err_password_repeat,
	'De twee wachtwoorden zijn niet gelijk.': m.auth_err_password_mismatch,
	'Herhaal het nieuwe wachtwoord.': m.auth_err_new_password_repeat,
	'De twee nieuwe wachtwoorden zijn niet gelijk.': m.auth_err_new_password_mismatch,
	'Uw huidige wachtwoord klopt niet.': m.auth_err_current_password_wrong,
	'Vul uw naam in.': m.auth_err_name_missing,
	'Vul uw volledige naam in.': m.auth_err_name_full,
	'Deze naam is te lang.': m.auth_err_name_too_long,
	'Deze uitnodiging is niet (meer) geldig. Vraag het secretariaat om een nieuwe.':
		m.auth_err_invitation_invalid,
	'Deze uitnodiging is al gebruikt.': m.auth_err_invitation_used,
	'Er is al een account met dit e-mailadres. Log in of vraag een nieuw wachtwoord aan.':
		m.auth_err_account_exists_login,
	'Er is al een account met dit e-mailadres.': m.auth_err_account_exists,
	'Kies een organisatie.': m.auth_err_organisation_missing,
	'Kies een organisatie uit de lijst.': m.auth_err_organisation_unknown,
	'Kies een rol.': m.auth_err_role_missing,
	'Deze persoon bestaat niet.': m.auth_err_person_unknown,
	'Geef het token een naam.': m.auth_err_token_name_missing,
	'Geef het token een naam van minstens twee tekens.': m.auth_err_token_name_short,
	'Kies alleen lezen of lezen en schrijven.': m.auth_err_token_scope,
	'Kies een geldigheidsduur.': m.auth_err_token_days_missing,
	'Kies een geldigheidsduur van 1 tot 365 dagen.': m.auth_err_token_days_range,
	'Kies een persoon uit de lijst.': m.auth_err_audit_person,
	'Kies een soort gebeurtenis uit de lijst.': m.auth_err_audit_type,
	'Vul een datum in als jjjj-mm-dd.': m.auth_err_audit_date,
	'De einddatum ligt vóór de begindatum.': m.auth_err_audit_range,
	'U mag dit niet doen.': m.auth_err_forbidden,
	'Dit token bestaat niet (meer).': m.auth_err_token_gone,
	'De link naar oudere gebeurtenissen klopt niet.': m.auth_err_audit_older
};

export function serverText(text: string): ShownText {
	if (getLocale() === 'nl') return { text };
	const exact = known[text];
	if (exact) return { text: exact() };
	const rate = /^Te veel pogingen\. Probeer het over (\d+) (minuut|minuten) opnieuw\.$/.exec(text);
	if (rate) {
		return {
			text:
				rate[1] === '1'
					? m.auth_err_rate_limited_one()
					: m.auth_err_rate_limited({ minutes: rate[1]! })
		};
	}
	const short = /^Kies een wachtwoord van minstens (\d+) tekens\.$/.exec(text);
	if (short) return { text: m.auth_err_password_short({ count: short[1]! }) };
	return { text, lang: 'nl' };
}

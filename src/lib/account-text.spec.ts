import { afterEach, describe, expect, it } from 'vitest';
import { baseLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { eventDetails, eventLabel, eventSubject } from './audit-labels';
import { serverText } from './server-text';
import { describeDevice } from './user-agent';

const inLocale = (locale: 'nl' | 'en') => overwriteGetLocale(() => locale);
afterEach(() => overwriteGetLocale(() => baseLocale));

describe('describeDevice', () => {
	it('names browser and system in plain words', () => {
		inLocale('nl');
		expect(
			describeDevice(
				'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 Edg/130.0'
			)
		).toBe('Edge op Windows');
		expect(
			describeDevice(
				'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'
			)
		).toBe('Safari op iPhone');
		expect(describeDevice(null)).toBe('Onbekend apparaat');
		inLocale('en');
		expect(describeDevice('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko Firefox/128.0')).toBe(
			'Firefox on Linux'
		);
	});
});

describe('serverText', () => {
	it('leaves Dutch as it is on the Dutch pages', () => {
		inLocale('nl');
		expect(serverText('Vul uw naam in.')).toEqual({ text: 'Vul uw naam in.' });
	});

	it('translates the messages it knows and marks the rest as Dutch', () => {
		inLocale('en');
		expect(serverText('Het e-mailadres of het wachtwoord klopt niet.').text).toBe(
			'The email address or the password is not correct.'
		);
		expect(serverText('Te veel pogingen. Probeer het over 7 minuten opnieuw.').text).toBe(
			'Too many attempts. Try again in 7 minutes.'
		);
		expect(serverText('Kies een wachtwoord van minstens 12 tekens.').text).toBe(
			'Choose a password of at least 12 characters.'
		);
		expect(serverText('Iets nieuws van de server.')).toEqual({
			text: 'Iets nieuws van de server.',
			lang: 'nl'
		});
	});
});

describe('audit labels', () => {
	it('say what happened and the details in words, without internal ids', () => {
		inLocale('nl');
		expect(eventLabel('auth.login_failed.v1')).toBe('Inloggen mislukt');
		expect(eventLabel('agenda.something.v1')).toBe('agenda.something.v1');
		expect(
			eventDetails({ reason: 'wrong_password', ipAddress: '10.0.0.1', sessionId: 'abc' })
		).toEqual(['reden: verkeerd wachtwoord', 'IP-adres: 10.0.0.1']);
		expect(eventDetails({ from: 'medewerker', to: 'beheerder' })).toEqual([
			'van Medewerker naar Beheerder'
		]);
		expect(eventSubject('email iemand@example.nl')).toBe('iemand@example.nl');
		expect(eventSubject('Sanne de Vries')).toBe('Sanne de Vries');
	});
});

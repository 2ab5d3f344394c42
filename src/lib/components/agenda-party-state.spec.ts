import { afterEach, describe, expect, it } from 'vitest';
import type { PartyApprovalState } from '$lib/agenda/meeting-view';
import { baseLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import {
	approvalIntro,
	nothingToDo,
	partyStates,
	partyStep,
	partyStepLabel,
	partyTaskLabel,
	viewerOf,
	type PartyStep
} from './agenda-party-state';

afterEach(() => overwriteGetLocale(() => baseLocale));

const words: PartyApprovalState[] = ['open', 'akkoord', 'bezwaar', 'opnieuw_beoordelen'];

/** Per meeting status, the step for each word in the order of `words`. */
const table: [status: string, steps: PartyStep[]][] = [
	['gepland', ['not_asked', 'not_asked', 'not_asked', 'not_asked']],
	['open_voor_voorstellen', ['not_asked', 'not_asked', 'not_asked', 'not_asked']],
	['agenda_in_afstemming', ['awaiting', 'akkoord', 'bezwaar', 'review']],
	['agenda_vastgesteld', ['none', 'akkoord', 'bezwaar', 'none']],
	['gehouden', ['none', 'akkoord', 'bezwaar', 'none']],
	['geannuleerd', ['none', 'akkoord', 'bezwaar', 'none']]
];

describe('partyStep', () => {
	for (const [status, steps] of table)
		it(`gives one state per word while the meeting is ${status}`, () => {
			expect(words.map((word) => partyStep(status, word))).toEqual(steps);
		});
});

describe('partyStates', () => {
	it('asks a task only of a party that has something to do for its word', () => {
		const states = partyStates('agenda_in_afstemming', [
			{ party: 'rijk', state: 'open' },
			{ party: 'vng', state: 'akkoord' },
			{ party: 'ipo', state: 'bezwaar' },
			{ party: 'uvw', state: 'opnieuw_beoordelen' }
		]);
		expect(states).toEqual([
			{ party: 'rijk', step: 'awaiting', task: 'approve' },
			{ party: 'vng', step: 'akkoord', task: null },
			{ party: 'ipo', step: 'bezwaar', task: 'reconsider' },
			{ party: 'uvw', step: 'review', task: 'review' }
		]);
	});

	it('asks nothing before the afstemming or after the agenda is adopted', () => {
		for (const status of ['open_voor_voorstellen', 'agenda_vastgesteld'])
			expect(
				partyStates(status, [
					{ party: 'rijk', state: 'open' },
					{ party: 'vng', state: 'akkoord' }
				]).map((row) => row.task)
			).toEqual([null, null]);
	});
});

describe('the words of a state', () => {
	it('has one distinct word per state, and a to-do line that does not contradict it', () => {
		overwriteGetLocale(() => 'nl');
		const steps: PartyStep[] = ['not_asked', 'awaiting', 'akkoord', 'bezwaar', 'review', 'none'];
		const labels = steps.map(partyStepLabel);
		expect(labels).toEqual([
			'Nog niet gevraagd',
			'Nog geen oordeel',
			'Akkoord',
			'Bezwaar',
			'Opnieuw beoordelen',
			'Geen oordeel gegeven'
		]);
		expect(new Set(labels).size).toBe(steps.length);
		// Nothing asked yet is not "done": "Niets meer" only once the party did its part.
		expect(nothingToDo('not_asked')).toBe('Nog niets');
		expect(nothingToDo('akkoord')).toBe('Niets meer');
		expect(partyTaskLabel('reconsider')).toBe('Akkoord geven zodra de agenda is aangepast');
		overwriteGetLocale(() => 'en');
		expect(partyStepLabel('awaiting')).toBe('No decision yet');
	});
});

describe('viewerOf', () => {
	it('tells the secretariat from a party’s bestuurder and its staff', () => {
		expect(viewerOf('secretariaat', null, false)).toBe('secretariaat');
		expect(viewerOf('bestuurder', 'vng', true)).toBe('bestuurder');
		expect(viewerOf('bestuurder', 'vng', false)).toBe('bestuurder');
		// A medewerker with a bestuurder's delegation speaks for the party.
		expect(viewerOf('medewerker', 'rijk', true)).toBe('bestuurder');
		expect(viewerOf('medewerker', 'rijk', false)).toBe('medewerker');
		expect(viewerOf('beheerder', null, false)).toBe('reader');
	});
});

describe('approvalIntro', () => {
	it('tells the secretariat how to proceed, and only the secretariat', () => {
		overwriteGetLocale(() => 'nl');
		const status = 'agenda_in_afstemming';
		expect(approvalIntro('secretariaat', status, null)).toBe(
			'Als alle vier partijen akkoord gaven op de agenda zoals die nu is, kunt u haar vaststellen.'
		);
		expect(approvalIntro('bestuurder', status, 'vng')).toMatch(
			/^Geef namens VNG akkoord of maak bezwaar/
		);
		expect(approvalIntro('medewerker', status, 'ipo')).toMatch(
			/^De bestuurder van IPO geeft akkoord/
		);
		for (const viewer of ['bestuurder', 'medewerker', 'reader'] as const)
			expect(approvalIntro(viewer, status, 'vng')).not.toMatch(/kunt u haar vaststellen/);
		expect(approvalIntro('secretariaat', 'open_voor_voorstellen', null)).toBe(
			'Breng de agenda in afstemming om het akkoord van de partijen te vragen.'
		);
		expect(approvalIntro('bestuurder', 'open_voor_voorstellen', 'uvw')).toMatch(
			/^Zodra het secretariaat de agenda in afstemming brengt, geeft u namens UvW/
		);
		expect(approvalIntro('medewerker', 'gehouden', 'rijk')).toBe(
			'De agenda is vastgesteld met het akkoord van alle vier partijen.'
		);
	});
});

import { describe, expect, it } from 'vitest';
import type { PublishedDecision } from '../../decisions/published';
import {
	besluitenlijstBook,
	besluitenlijstFilename,
	type BesluitenlijstSource
} from './besluitenlijst';
import { toCsv } from './spreadsheet';

const decision = (overrides: Partial<PublishedDecision>): PublishedDecision => ({
	id: 'd',
	meetingId: 'm',
	itemId: 'i',
	agendaNumber: 1,
	itemTitle: 'Jeugdzorg',
	outcome: 'aangenomen',
	dicta: [],
	explanation: null,
	hamerstuk: false,
	dealtOrder: 1,
	commitments: [],
	carriedOver: null,
	...overrides
});

const source: BesluitenlijstSource = {
	// 23:30 UTC on 11 May is 12 May in Amsterdam: the file is named after the Dutch day.
	meeting: {
		title: 'Overhedenoverleg voorjaar',
		kind: 'ambtelijk_voorportaal',
		startsAt: '2026-05-11T23:30:00Z'
	},
	state: 'Concept',
	decisions: [
		decision({
			agendaNumber: 3,
			itemTitle: 'Uitvoerbaarheidstoets',
			outcome: 'aangehouden',
			dealtOrder: 2,
			carriedOver: {
				at: '2026-05-12T10:00:00Z',
				toMeetingId: null,
				toMeetingTitle: null,
				reason: 'Stukken ontbreken'
			}
		}),
		decision({
			agendaNumber: 2,
			dealtOrder: 1,
			hamerstuk: true,
			dicta: ['de verdeling vast te stellen;', 'de Kamer te informeren.'],
			commitments: [
				{
					id: 'c1',
					party: 'rijk',
					holder: 'Minister van BZK',
					description: 'stuurt de brief',
					dueDate: '2026-07-01'
				},
				{
					id: 'c2',
					party: null,
					holder: 'Het secretariaat',
					description: 'plant het BOFv',
					dueDate: null
				}
			]
		})
	]
};

describe('the besluitenlijst as a spreadsheet', () => {
	it('has a row per decision in the order dealt with, the dicta numbered one per line', () => {
		const [list] = besluitenlijstBook(source).sheets;
		expect(list!.rows.map((row) => row.number)).toEqual([2, 3]);
		expect(list!.rows[0]).toMatchObject({
			outcome: 'Aangenomen',
			dicta: '1. de verdeling vast te stellen;\n2. de Kamer te informeren.',
			hamerstuk: 'ja',
			commitments:
				'Minister van BZK (Rijk): stuurt de brief (uiterlijk 01-07-2026)\nHet secretariaat: plant het BOFv',
			carriedOver: null
		});
		expect(list!.rows[1]).toMatchObject({
			outcome: 'Aangehouden',
			hamerstuk: 'nee',
			carriedOver: 'Naar nog te agenderen: Stukken ontbreken'
		});
	});

	it('has a Toezeggingen sheet with one row per commitment, its date a date column', () => {
		const [, promised] = besluitenlijstBook(source).sheets;
		expect(promised!.name).toBe('Toezeggingen');
		expect(promised!.columns.find((column) => column.key === 'dueDate')?.kind).toBe('date');
		expect(promised!.rows).toEqual([
			{
				number: 2,
				title: 'Jeugdzorg',
				party: 'Rijk',
				holder: 'Minister van BZK',
				description: 'stuurt de brief',
				dueDate: '2026-07-01'
			},
			{
				number: 2,
				title: 'Jeugdzorg',
				party: null,
				holder: 'Het secretariaat',
				description: 'plant het BOFv',
				dueDate: null
			}
		]);
		expect(toCsv(promised!).split('\r\n')[1]).toBe(
			'2;Jeugdzorg;Rijk;Minister van BZK;stuurt de brief;01-07-2026'
		);
	});

	it('is named after the kind of meeting and its day in Amsterdam, and the version asked for', () => {
		expect(besluitenlijstFilename(source, 'xlsx')).toBe(
			'besluitenlijst-ambtelijk-voorportaal-2026-05-12.xlsx'
		);
		expect(besluitenlijstFilename({ ...source, version: 2 }, 'csv')).toBe(
			'besluitenlijst-ambtelijk-voorportaal-2026-05-12-versie-2.csv'
		);
		expect(besluitenlijstBook(source).title).toBe(
			'Besluitenlijst Overhedenoverleg voorjaar, 12 mei 2026'
		);
	});
});

import type { Publication } from '../index';

/**
 * A published besluitenlijst as the unit tests of the formats read it: two openbare items with a
 * decision each (one a hamerstuk, one with a toezegging), one item left out as vertrouwelijk, a
 * party that did not answer, and a second version that corrects the first.
 */
export function samplePublication(overrides: Partial<Publication['version']> = {}): Publication {
	const meetingId = '0b7f3c2e-5a43-4e0c-9a57-7d1f2c1e9a01';
	const version = {
		number: 2,
		publishedAt: '2026-12-08T09:15:00.000Z',
		reason: 'Correctie procedurele fout',
		reasonCode: 'c_c77c86e0',
		note: 'Punt 2 was aangenomen, niet ter kennisgeving.',
		...overrides
	};
	return {
		list: {
			meeting: {
				id: meetingId,
				title: 'Overhedenoverleg najaar',
				kind: 'overhedenoverleg',
				// 1 December 2026, 10:00 in Amsterdam (UTC+1 in winter).
				startsAt: '2026-12-01T09:00:00.000Z',
				endsAt: '2026-12-01T11:00:00.000Z',
				location: 'Den Haag, Ministerie van BZK',
				chair: 'Minister Anouk Jansen'
			},
			agenda: [
				{
					id: 'a1000000-0000-4000-8000-000000000001',
					number: 1,
					title: 'Jeugdzorg en de opschalingskorting op het Gemeentefonds',
					purpose: 'besluitvorming',
					summary: 'Afspraken over € 414 mln in 2025 en circa € 1,3 mld per jaar daarna.',
					proposingParty: 'vng',
					attachments: [
						{
							id: 'f1000000-0000-4000-8000-000000000001',
							filename: 'Brief jeugdzorg.pdf',
							mediaType: 'application/pdf',
							size: 12345
						}
					]
				},
				{
					id: 'a1000000-0000-4000-8000-000000000002',
					number: 2,
					title: 'Uitvoerbaarheidstoets decentrale overheden (UDO): eerste ervaringen',
					purpose: 'informatie',
					summary: '',
					proposingParty: 'rijk',
					attachments: []
				}
			],
			decisions: [
				{
					id: 'd1000000-0000-4000-8000-000000000002',
					meetingId,
					itemId: 'a1000000-0000-4000-8000-000000000002',
					agendaNumber: 2,
					itemTitle: 'Uitvoerbaarheidstoets decentrale overheden (UDO): eerste ervaringen',
					outcome: 'aangenomen',
					dicta: ['kennis te nemen van de eerste ervaringen met de UDO.'],
					explanation: null,
					hamerstuk: true,
					dealtOrder: 1,
					commitments: [],
					carriedOver: null
				},
				{
					id: 'd1000000-0000-4000-8000-000000000001',
					meetingId,
					itemId: 'a1000000-0000-4000-8000-000000000001',
					agendaNumber: 1,
					itemTitle: 'Jeugdzorg en de opschalingskorting op het Gemeentefonds',
					outcome: 'aangenomen_met_wijziging',
					dicta: [
						'de afspraken over de jeugdzorg vast te stellen;',
						'de BOFv te vragen de verwerking in de meicirculaire voor te bereiden.'
					],
					explanation: 'Met de wijziging dat de Wmo-middelen apart worden gevolgd.',
					hamerstuk: false,
					dealtOrder: 2,
					commitments: [
						{
							id: 'c1000000-0000-4000-8000-000000000001',
							party: 'rijk',
							holder: 'Ministerie van Financiën',
							description: 'zoekt compensatie voor 50% van de tekorten 2023–2024',
							dueDate: '2027-03-01'
						}
					],
					carriedOver: null
				}
			],
			adoptedAt: '2026-12-05T14:00:00.000Z',
			noResponseParties: ['uvw'],
			confidentialItems: 1
		},
		version,
		versions: [
			version,
			{
				number: 1,
				publishedAt: '2026-12-06T10:00:00.000Z',
				reason: null,
				reasonCode: null,
				note: null
			}
		]
	};
}

import { describe, expect, it } from 'vitest';
import { oriPublicatie, toOri } from './ori';
import { samplePublication } from './sample-publication';

const origin = 'https://overleg.example.nl';
const BZK = 'https://identifier.overheid.nl/tooi/id/ministerie/mnre1034';

describe('toOri', () => {
	it('is a Vergadering with its Agendapunten and Besluiten in ORI 2.0 terms, plus the mini-ORI fields', () => {
		const ori = toOri(samplePublication(), origin, BZK);
		expect(ori.wooInformatiecategorie).toBe(
			'https://identifier.overheid.nl/tooi/def/thes/kern/c_816e508d'
		);
		expect(ori.organisatie).toBe(BZK);
		expect(ori.vergadering).toMatchObject({
			naam: 'Overhedenoverleg najaar',
			soort: 'Overhedenoverleg',
			vergaderdatum: '2026-12-01',
			status: 'gehouden',
			locatie: 'Den Haag, Ministerie van BZK'
		});
		const [first, second] = ori.vergadering.agendapunten;
		expect(first).toMatchObject({
			agendapuntKenmerk: '1',
			agendapuntvolgnummer: 1,
			agendapuntTitel: 'Jeugdzorg en de opschalingskorting op het Gemeentefonds',
			agendapuntDoel: 'Ter besluitvorming',
			indicatieHamerstuk: false,
			indicatorBehandeld: true,
			indicatorBesloten: true,
			informatieobjecten: [
				{
					url: `${origin}/publicaties/0b7f3c2e-5a43-4e0c-9a57-7d1f2c1e9a01/bijlagen/f1000000-0000-4000-8000-000000000001`,
					informatieobjecttype: 'besluitvormingsstuk',
					titel: 'Brief jeugdzorg.pdf',
					taal: 'nl',
					vertrouwelijkheidsaanduiding: 'openbaar',
					formaat: 'application/pdf'
				}
			]
		});
		expect(first!.besluit).toEqual({
			besluitresultaat: 'Aangenomen met wijziging',
			besluittoelichting: 'Met de wijziging dat de Wmo-middelen apart worden gevolgd.',
			toezegging:
				'Ministerie van Financiën: zoekt compensatie voor 50% van de tekorten 2023–2024 (uiterlijk 1 maart 2027)',
			dicta: [
				'de afspraken over de jeugdzorg vast te stellen;',
				'de BOFv te vragen de verwerking in de meicirculaire voor te bereiden.'
			],
			toezeggingen: [
				{
					actiehouder: 'Ministerie van Financiën',
					partij: 'Rijk',
					omschrijving: 'zoekt compensatie voor 50% van de tekorten 2023–2024',
					termijn: '2027-03-01'
				}
			]
		});
		expect(second).toMatchObject({ agendapuntKenmerk: '2', indicatieHamerstuk: true });
		expect(ori.geenReactieVan).toEqual(['Unie van Waterschappen']);
		expect(ori.vertrouwelijkeAgendapunten).toBe(1);
		expect(ori.versie).toEqual({
			nummer: 2,
			gepubliceerdOp: '2026-12-08T09:15:00.000Z',
			reden: 'Correctie procedurele fout',
			redenCode: 'https://identifier.overheid.nl/tooi/def/thes/kern/c_c77c86e0',
			toelichting: 'Punt 2 was aangenomen, niet ter kennisgeving.'
		});
		expect(ori.versies.map((v) => v.url)).toEqual([
			expect.stringMatching(/\/ori\.json\?versie=2$/),
			expect.stringMatching(/\/ori\.json\?versie=1$/)
		]);
		expect(oriPublicatie.safeParse(ori).success).toBe(true);
	});

	it('keeps ORI’s lengths: a long title, result, toelichting or toezegging is cut with “…”', () => {
		const publication = samplePublication();
		publication.list.agenda[0]!.title = 'Jeugdzorg '.repeat(20).trim();
		const decision = publication.list.decisions[1]!;
		decision.explanation = 'Toelichting '.repeat(30);
		decision.commitments = Array.from({ length: 12 }, (_, index) => ({
			...decision.commitments[0]!,
			id: `c-${index}`,
			description: 'een toezegging die lang genoeg is om de grens van ORI te halen'
		}));
		const [item] = toOri(publication, origin, BZK).vergadering.agendapunten;
		expect([...item!.agendapuntTitel]).toHaveLength(100);
		expect(item!.agendapuntTitel.endsWith('…')).toBe(true);
		expect([...item!.besluit!.besluittoelichting!].length).toBeLessThanOrEqual(200);
		expect(item!.besluit!.besluittoelichting!.endsWith('…')).toBe(true);
		expect([...item!.besluit!.toezegging!].length).toBeLessThanOrEqual(500);
		expect(item!.besluit!.toezegging!.endsWith('…')).toBe(true);
		// The structured toezeggingen keep everything.
		expect(item!.besluit!.toezeggingen).toHaveLength(12);
	});

	it('an item not dealt with is not behandeld nor besloten; an item without decision has none', () => {
		const publication = samplePublication();
		publication.list.decisions[1]!.outcome = 'niet_behandeld';
		publication.list.decisions = [publication.list.decisions[1]!];
		const [first, second] = toOri(publication, origin, BZK).vergadering.agendapunten;
		expect(first).toMatchObject({
			indicatorBehandeld: false,
			indicatorBesloten: false,
			besluit: expect.objectContaining({ besluitresultaat: 'Niet behandeld' })
		});
		expect(second).toMatchObject({ indicatorBehandeld: false, besluit: null });
	});

	it('refuses to produce what its schema does not allow', () => {
		expect(() => toOri(samplePublication(), origin, 'not a uri')).toThrow();
	});
});

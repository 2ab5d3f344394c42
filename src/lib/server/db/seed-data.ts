import type { NewOrganisation } from './schema';

const tooi = (code: string) => `https://identifier.overheid.nl/tooi/id/ministerie/${code}`;

/**
 * The organisations at the table. TOOI identifiers are given for the ministries; the koepels are
 * associations, not government organisations, and have none in TOOI, nor does the joint secretariat.
 */
export const organisationSeed: NewOrganisation[] = [
	{
		slug: 'rijk',
		name: 'Rijksoverheid',
		shortName: 'Rijk',
		kind: 'rijk',
		party: 'rijk',
		website: 'https://www.rijksoverheid.nl'
	},
	{
		slug: 'vng',
		name: 'Vereniging van Nederlandse Gemeenten',
		shortName: 'VNG',
		kind: 'koepel',
		party: 'vng',
		website: 'https://vng.nl'
	},
	{
		slug: 'ipo',
		name: 'Interprovinciaal Overleg',
		shortName: 'IPO',
		kind: 'koepel',
		party: 'ipo',
		website: 'https://www.ipo.nl'
	},
	{
		slug: 'uvw',
		name: 'Unie van Waterschappen',
		shortName: 'UvW',
		kind: 'koepel',
		party: 'uvw',
		website: 'https://unievanwaterschappen.nl'
	},
	{
		slug: 'secretariaat',
		name: 'Interbestuurlijk bureau (gezamenlijk secretariaat)',
		shortName: 'Secretariaat',
		kind: 'secretariaat',
		party: null
	},
	{
		slug: 'bzk',
		name: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties',
		shortName: 'BZK',
		kind: 'ministerie',
		party: 'rijk',
		tooiUri: tooi('mnre1034')
	},
	{
		slug: 'fin',
		name: 'Ministerie van Financiën',
		shortName: 'Financiën',
		kind: 'ministerie',
		party: 'rijk',
		tooiUri: tooi('mnre1090')
	},
	{
		slug: 'ienw',
		name: 'Ministerie van Infrastructuur en Waterstaat',
		shortName: 'IenW',
		kind: 'ministerie',
		party: 'rijk',
		tooiUri: tooi('mnre1130')
	},
	{
		slug: 'vws',
		name: 'Ministerie van Volksgezondheid, Welzijn en Sport',
		shortName: 'VWS',
		kind: 'ministerie',
		party: 'rijk',
		tooiUri: tooi('mnre1025')
	},
	{
		slug: 'ocw',
		name: 'Ministerie van Onderwijs, Cultuur en Wetenschap',
		shortName: 'OCW',
		kind: 'ministerie',
		party: 'rijk',
		tooiUri: tooi('mnre1109')
	},
	{
		slug: 'szw',
		name: 'Ministerie van Sociale Zaken en Werkgelegenheid',
		shortName: 'SZW',
		kind: 'ministerie',
		party: 'rijk',
		tooiUri: tooi('mnre1073')
	},
	{
		slug: 'jenv',
		name: 'Ministerie van Justitie en Veiligheid',
		shortName: 'JenV',
		kind: 'ministerie',
		party: 'rijk',
		tooiUri: tooi('mnre1058')
	}
];

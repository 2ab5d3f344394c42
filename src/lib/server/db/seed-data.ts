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

/**
 * Demo accounts, created only in demo mode (the embedded default, or DEMO=true). A production
 * start (demo off) refuses to run while any account still has this password.
 */
export const DEMO_PASSWORD = 'Overleg-demo-2026';
/**
 * The two-factor key of the demo secretariaat and beheerder accounts (base32, for an authenticator
 * app), so a demo can sign in as them straight away.
 */
export const DEMO_TOTP_KEY = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
export const DEMO_EMAIL_DOMAIN = 'demo.overhedenoverleg.example';

export interface DemoPerson {
	email: string;
	name: string;
	organisation: string;
	role: 'medewerker' | 'bestuurder' | 'secretariaat' | 'beheerder';
	totp?: boolean;
}

const demo = (local: string) => `${local}@${DEMO_EMAIL_DOMAIN}`;

export const demoPeople: DemoPerson[] = [
	{
		email: demo('medewerker.bzk'),
		name: 'Sanne de Vries',
		organisation: 'bzk',
		role: 'medewerker'
	},
	{ email: demo('medewerker.fin'), name: 'Pieter Bakker', organisation: 'fin', role: 'medewerker' },
	{
		email: demo('bestuurder.rijk'),
		name: 'Minister Anouk Jansen',
		organisation: 'bzk',
		role: 'bestuurder'
	},
	{
		email: demo('medewerker.vng'),
		name: 'Fatima El Amrani',
		organisation: 'vng',
		role: 'medewerker'
	},
	{ email: demo('bestuurder.vng'), name: 'Johan Visser', organisation: 'vng', role: 'bestuurder' },
	{ email: demo('medewerker.ipo'), name: 'Lotte Mulder', organisation: 'ipo', role: 'medewerker' },
	{ email: demo('bestuurder.ipo'), name: 'Karin Smit', organisation: 'ipo', role: 'bestuurder' },
	{ email: demo('medewerker.uvw'), name: 'Daan Meijer', organisation: 'uvw', role: 'medewerker' },
	{
		email: demo('bestuurder.uvw'),
		name: 'Ingrid de Boer',
		organisation: 'uvw',
		role: 'bestuurder'
	},
	{
		email: demo('secretariaat'),
		name: 'Mila Hendriks',
		organisation: 'secretariaat',
		role: 'secretariaat',
		totp: true
	},
	{
		email: demo('beheerder'),
		name: 'Ruben Dekker',
		organisation: 'secretariaat',
		role: 'beheerder',
		totp: true
	}
];

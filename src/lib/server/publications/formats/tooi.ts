import type { DocumentKind } from './common';

/*
 * The TOOI codes the publications use (https://identifier.overheid.nl/tooi/def/thes/kern/…), as
 * ../shared/DOMAIN.md lists them from the value lists. One place, so a format cannot invent one.
 */

export const TOOI_KERN = 'https://identifier.overheid.nl/tooi/def/thes/kern/';

/**
 * Inspanningsverplichting art. 3.1 Woo: this table is not a bestuurscollege of art. 3.3 lid 2
 * sub d, whose agendas and besluitenlijsten have a category of their own.
 */
export const informatiecategorie = {
	code: 'c_816e508d',
	label: 'inspanningsverplichting art. 3.1 Woo'
} as const;

export const documentsoorten: Record<DocumentKind, { code: string; label: string }> = {
	agenda: { code: 'c_f90465b3', label: 'agenda' },
	besluitenlijst: { code: 'c_d4a4792f', label: 'besluitenlijst' }
};

export const vaststelling = { code: 'c_641ecd76', label: 'vaststelling' } as const;

/** The reasons for replacing a published version that the platform knows. */
export const redenenVervanging: Record<string, string> = {
	c_c77c86e0: 'correctie procedurele fout'
};

/** The organisations a publisher may be, by TOOI URI, with their names for the label. */
export const organisationNames: Record<string, string> = {
	'https://identifier.overheid.nl/tooi/id/ministerie/mnre1034':
		'ministerie van Binnenlandse Zaken en Koninkrijksrelaties',
	'https://identifier.overheid.nl/tooi/id/ministerie/mnre1090': 'ministerie van Financiën'
};

/** The label for a publisher's TOOI URI: its name when known, else the URI's last part. */
export const organisationName = (uri: string) =>
	organisationNames[uri] ?? uri.slice(uri.lastIndexOf('/') + 1);

/** The EU vocabularies that DiWoo's language and format lists take. */
export const LANGUAGE_DUTCH = {
	uri: 'http://publications.europa.eu/resource/authority/language/NLD',
	label: 'Nederlands'
} as const;
export const FORMAT_PDF = {
	uri: 'http://publications.europa.eu/resource/authority/file-type/PDF',
	label: 'pdf'
} as const;

import { XMLBuilder } from 'fast-xml-parser';
import type { Publication } from '../index';
import {
	amsterdamDay,
	documentKinds,
	documentTitle,
	publicationUrls,
	type DocumentKind
} from './common';
import {
	FORMAT_PDF,
	LANGUAGE_DUTCH,
	TOOI_KERN,
	documentsoorten,
	informatiecategorie,
	organisationName,
	redenenVervanging,
	vaststelling
} from './tooi';

/*
 * DiWoo metadata (the Woo-index's standard, XSD 0.9.8) for the published documents, in the form
 * the Woo-harvester reads: a sitemap (urlset) whose <url> points at the document itself (<loc>,
 * the PDF) with its <lastmod>, and carries the document's metadata as diwoo:Document. One builder
 * for a meeting's own metadata file and for the sitemap of everything published. The XML is built
 * by fast-xml-parser's builder, which escapes every text and attribute; nothing is concatenated.
 */

export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
export const DIWOO_NS = 'https://standaarden.overheid.nl/diwoo/metadata/';

const builder = new XMLBuilder({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	textNodeName: '#text',
	format: true,
	suppressEmptyNode: true,
	processEntities: true
});

/** XML 1.0 cannot carry control characters, not even escaped: they are left out. */
const clean = (text: string) =>
	// eslint-disable-next-line no-control-regex
	text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

const resource = (uri: string, label: string) => ({ '@_resource': uri, '#text': clean(label) });

/** The DiWoo element of one published document of a publication. */
export function diwooDocument(publication: Publication, kind: DocumentKind, publisher: string) {
	const { list, version } = publication;
	const publisherElement = resource(publisher, organisationName(publisher));
	const soort = documentsoorten[kind];
	const reasonLabel = version.reasonCode ? redenenVervanging[version.reasonCode] : undefined;
	// The besluitenlijst was adopted at adoptedAt. The snapshot does not hold when the agenda was
	// adopted; it was at the latest when the meeting began, so that is the moment it states.
	const adopted = kind === 'besluitenlijst' ? list.adoptedAt : list.meeting.startsAt;
	return {
		'diwoo:DiWoo': {
			'diwoo:identifiers': {
				'diwoo:identifier': `${list.meeting.id}/${kind}/versie-${version.number}`
			},
			'diwoo:publisher': publisherElement,
			'diwoo:verantwoordelijke': publisherElement,
			'diwoo:titelcollectie': {
				'diwoo:officieleTitel': clean(documentTitle(kind, publication))
			},
			'diwoo:classificatiecollectie': {
				'diwoo:informatiecategorieen': {
					'diwoo:informatiecategorie': resource(
						`${TOOI_KERN}${informatiecategorie.code}`,
						informatiecategorie.label
					)
				},
				'diwoo:documentsoorten': {
					'diwoo:documentsoort': resource(`${TOOI_KERN}${soort.code}`, soort.label)
				}
			},
			'diwoo:creatiedatum': amsterdamDay(version.publishedAt),
			'diwoo:language': resource(LANGUAGE_DUTCH.uri, LANGUAGE_DUTCH.label),
			'diwoo:format': resource(FORMAT_PDF.uri, FORMAT_PDF.label),
			'diwoo:documenthandelingen': {
				'diwoo:documenthandeling': {
					'diwoo:soortHandeling': resource(`${TOOI_KERN}${vaststelling.code}`, vaststelling.label),
					'diwoo:atTime': adopted,
					'diwoo:wasAssociatedWith': publisherElement
				}
			},
			// Only a reason from DiWoo's list; an inhoudelijke correctie has no code there.
			...(reasonLabel
				? {
						'diwoo:redenVerwijderingVervanging': resource(
							`${TOOI_KERN}${version.reasonCode}`,
							reasonLabel
						)
					}
				: {})
		}
	};
}

export interface SitemapEntry {
	publication: Publication;
	/** Address documents by version number (a meeting's own file for an older version). */
	pinned: boolean;
}

/** One <url> per published document: where it is, when it last changed, and its metadata. */
function urlsOf(entry: SitemapEntry, origin: string, publisher: string) {
	const { publication } = entry;
	const urls = publicationUrls(
		origin,
		publication.list.meeting.id,
		entry.pinned ? publication.version.number : undefined
	);
	return documentKinds.map((kind) => ({
		loc: urls[kind],
		lastmod: publication.version.publishedAt,
		'diwoo:Document': diwooDocument(publication, kind, publisher)
	}));
}

/** A sitemap in the Woo-index's format over the given publications' documents. */
export function diwooSitemap(
	entries: readonly SitemapEntry[],
	origin: string,
	publisher: string
): string {
	return builder.build({
		'?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
		urlset: {
			'@_xmlns': SITEMAP_NS,
			'@_xmlns:diwoo': DIWOO_NS,
			url: entries.flatMap((entry) => urlsOf(entry, origin, publisher))
		}
	});
}

/** A meeting's own DiWoo file: its agenda and besluitenlijst, in the sitemap form. */
export const diwooXml = (
	publication: Publication,
	origin: string,
	publisher: string,
	pinned: boolean
) => diwooSitemap([{ publication, pinned }], origin, publisher);

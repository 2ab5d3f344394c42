import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { useDb } from '../db';
import {
	decisionListVersions,
	decisionLists,
	meetingKinds,
	meetings,
	type MeetingKind
} from '../db/schema';
import { AccessError } from '../access';
import { isUuid } from '../kernel/ids';
import { parseInput } from '../kernel/input';
import { freeText } from '../kernel/text';
import type { PublishedList, PublishedVersionMeta } from '../../decisions/published';
import { versionMeta } from './live';

/*
 * What anyone may read, without an account: the published versions of besluitenlijsten, and only
 * those (HOUSE.md, "Audiences": the public audience). Every public page, the public API, the
 * downloads (PDF, ORI JSON, DiWoo) and the public search read through this module, and this module
 * reads only decision_list_version, whose snapshots hold only what was published: nothing
 * unpublished or vertrouwelijk is in reach here, whatever a query asks.
 */

export const publicationFilters = z.object({
	kind: z.enum(meetingKinds, { error: 'Kies een soort overleg uit de lijst.' }).optional(),
	year: z.coerce
		.number({ error: 'Vul een jaartal in, bijvoorbeeld 2026.' })
		.int({ error: 'Vul een jaartal in, bijvoorbeeld 2026.' })
		.min(2000, { error: 'Vul een jaartal in vanaf 2000.' })
		.max(2100, { error: 'Vul een jaartal in tot 2100.' })
		.optional(),
	q: freeText('De zoekterm', 'Vul een zoekterm in.')
		.trim()
		.max(200, { error: 'Deze zoekterm is te lang (hoogstens 200 tekens).' })
		.optional()
		.transform((value) => (value ? value : undefined))
});

export interface PublicationSummary {
	meetingId: string;
	title: string;
	kind: MeetingKind;
	startsAt: string;
	version: number;
	publishedAt: string;
	/** When the first version was published. */
	firstPublishedAt: string;
}

/** The newest version of each published list, newest meeting first; filtered and searched. */
export async function listPublications(
	input: unknown = {},
	limit = 100
): Promise<PublicationSummary[]> {
	const { kind, year, q } = parseInput(publicationFilters, input);
	const db = await useDb();
	const conditions: SQL[] = [
		sql`${decisionListVersions.number} = ${decisionLists.publishedVersion}`
	];
	if (kind) conditions.push(eq(meetings.kind, kind));
	if (year)
		conditions.push(
			sql`extract(year from ${meetings.startsAt} at time zone 'Europe/Amsterdam') = ${year}`
		);
	if (q)
		conditions.push(
			sql`jsonb_to_tsvector('dutch', ${decisionListVersions.snapshot}, '["string"]') @@ websearch_to_tsquery('dutch', ${q})`
		);
	const rows = await db
		.select({
			meetingId: meetings.id,
			title: meetings.title,
			kind: meetings.kind,
			startsAt: meetings.startsAt,
			version: decisionListVersions.number,
			publishedAt: decisionListVersions.publishedAt,
			firstPublishedAt: sql<Date>`(select min(v.published_at) from decision_list_version v where v.list_id = ${decisionLists.id})`
		})
		.from(decisionListVersions)
		.innerJoin(decisionLists, eq(decisionLists.id, decisionListVersions.listId))
		.innerJoin(meetings, eq(meetings.id, decisionListVersions.meetingId))
		.where(and(...conditions))
		.orderBy(desc(meetings.startsAt))
		.limit(limit);
	return rows.map((row) => ({
		...row,
		startsAt: row.startsAt.toISOString(),
		publishedAt: row.publishedAt.toISOString(),
		firstPublishedAt: new Date(row.firstPublishedAt).toISOString()
	}));
}

export interface Publication {
	list: PublishedList;
	version: PublishedVersionMeta;
	/** Every version, newest first: each stays readable. */
	versions: PublishedVersionMeta[];
}

/** A meeting's published list, its newest version or the one asked for; 404 for anything else. */
export async function getPublication(meetingId: string, number?: number): Promise<Publication> {
	if (!isUuid(meetingId)) throw new AccessError(404);
	const db = await useDb();
	const rows = await db
		.select()
		.from(decisionListVersions)
		.where(eq(decisionListVersions.meetingId, meetingId))
		.orderBy(desc(decisionListVersions.number));
	if (rows.length === 0) throw new AccessError(404);
	const chosen = number === undefined ? rows[0] : rows.find((row) => row.number === number);
	if (!chosen) throw new AccessError(404);
	return {
		list: chosen.snapshot as PublishedList,
		version: versionMeta(chosen),
		versions: rows.map(versionMeta)
	};
}

/** An attachment that the newest published version of its meeting lists; 404 for anything else. */
export async function publicAttachmentIn(meetingId: string, attachmentId: string) {
	const publication = await getPublication(meetingId);
	const file = publication.list.agenda
		.flatMap((item) => item.attachments)
		.find((attachment) => attachment.id === attachmentId);
	if (!file) throw new AccessError(404);
	return file;
}

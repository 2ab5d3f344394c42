import { sql } from 'drizzle-orm';
import { useDb } from '../db';
import { decisionListVersions, meetings } from '../db/schema';

/**
 * The years (Amsterdam time) of the meetings that have a published list, newest first: what the
 * public list's year filter offers. Reads the published versions only, as the whole module does.
 */
export async function publicationYears(): Promise<number[]> {
	const db = await useDb();
	const year = sql<number>`extract(year from ${meetings.startsAt} at time zone 'Europe/Amsterdam')::int`;
	const rows = await db
		.selectDistinct({ year })
		.from(decisionListVersions)
		.innerJoin(meetings, sql`${meetings.id} = ${decisionListVersions.meetingId}`)
		.orderBy(sql`1 desc`);
	return rows.map((row) => Number(row.year));
}

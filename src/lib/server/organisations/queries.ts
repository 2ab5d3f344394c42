import { asc, sql } from 'drizzle-orm';
import { useDb, type Executor } from '../db';
import { organisations, type Organisation } from '../db/schema';

/** The parties first (Rijk, VNG, IPO, UvW), then the secretariat, then the ministries by name. */
const tableOrder = sql`case ${organisations.kind}
	when 'rijk' then 0 when 'koepel' then 1 when 'secretariaat' then 2 else 3 end`;

export async function listOrganisations(db?: Executor): Promise<Organisation[]> {
	const executor = db ?? (await useDb());
	return executor
		.select()
		.from(organisations)
		.orderBy(tableOrder, asc(organisations.party), asc(organisations.name));
}

import { sql } from 'drizzle-orm';
import type { Executor } from '../db';
import type { Principal } from '../audience';
import type { MeetingKind } from '../db/schema';
import type { LiveLink } from '../../realtime/agreement-payloads';
import { agreementsVisibleTo } from './audience';
import { instantSql, overdueSql } from './queries';
import { rowsOf } from './rows';

/*
 * The chain of an agreement, both ways: the agreements it came from (handed on to it, and so on
 * back) and those it was handed on to (and so on), with every link of each, named destinations
 * included: Overhedenoverleg → BOFv → ledenbrief → circular. One recursive query, however long the
 * chain: never a query per link. Links cannot close a circle (linkOnward refuses it); the path
 * check and the depth limit keep even a circle written past it from running on.
 */

export interface ChainNode {
	id: string;
	title: string;
	status: 'open' | 'in_uitvoering' | 'afgerond' | 'vertraagd' | 'vervallen';
	overdue: boolean;
	deadline: string;
	meetingId: string;
	meetingTitle: string;
	meetingKind: MeetingKind;
	meetingStartsAt: string;
	/** 0 for the agreement itself, negative before it, positive after it. */
	depth: number;
	/** Where this one went next. */
	links: LiveLink[];
}

const MAX_DEPTH = 50;

export async function agreementChain(
	db: Executor,
	principal: Principal,
	agreementId: string,
	now = new Date()
): Promise<ChainNode[]> {
	const result = await db.execute(sql`
		with recursive
		down(id, depth, path) as (
			select ${agreementId}::uuid, 0, array[${agreementId}::uuid]
			union all
			select l.to_agreement_id, d.depth + 1, d.path || l.to_agreement_id
			from agreement_link l join down d on l.from_agreement_id = d.id
			where l.to_agreement_id is not null and not l.to_agreement_id = any(d.path)
				and d.depth < ${sql.raw(String(MAX_DEPTH))}
		),
		up(id, depth, path) as (
			select ${agreementId}::uuid, 0, array[${agreementId}::uuid]
			union all
			select l.from_agreement_id, u.depth - 1, u.path || l.from_agreement_id
			from agreement_link l join up u on l.to_agreement_id = u.id
			where not l.from_agreement_id = any(u.path) and u.depth > ${sql.raw(String(-MAX_DEPTH))}
		),
		nodes as (
			select id, (array_agg(depth order by abs(depth)))[1] as depth
			from (select id, depth from down union all select id, depth from up) reached
			group by id
		)
		select agreement.id, agreement.title, agreement.status, agreement.deadline::text as deadline,
			${overdueSql({ status: sql`agreement.status`, deadline: sql`agreement.deadline`, expectedDate: sql`agreement.expected_date` }, instantSql(now))} as overdue,
			m.id as meeting_id, m.title as meeting_title, m.kind as meeting_kind, m.starts_at,
			nodes.depth,
			coalesce((select json_agg(json_build_object('id', l.id, 'fromAgreementId', l.from_agreement_id,
				'toAgreementId', l.to_agreement_id, 'kind', l.kind, 'label', l.label,
				'meetingId', l.meeting_id, 'date', l.date, 'createdAt', l.created_at)
				order by l.created_at, l.id)
				from agreement_link l where l.from_agreement_id = agreement.id), '[]'::json) as links
		from nodes
		join agreement on agreement.id = nodes.id
		join meeting m on m.id = agreement.meeting_id
		where ${agreementsVisibleTo(principal)}
		order by nodes.depth, m.starts_at, agreement.id`);
	return rowsOf<RawNode>(result).map((row) => ({
		id: row.id,
		title: row.title,
		status: row.status,
		overdue: row.overdue === true,
		deadline: row.deadline,
		meetingId: row.meeting_id,
		meetingTitle: row.meeting_title,
		meetingKind: row.meeting_kind,
		meetingStartsAt: new Date(row.starts_at).toISOString(),
		depth: Number(row.depth),
		links: (typeof row.links === 'string' ? JSON.parse(row.links) : row.links).map(
			(link: LiveLink) => ({ ...link, createdAt: new Date(link.createdAt).toISOString() })
		)
	}));
}

interface RawNode {
	id: string;
	title: string;
	status: ChainNode['status'];
	overdue: boolean;
	deadline: string;
	meeting_id: string;
	meeting_title: string;
	meeting_kind: MeetingKind;
	starts_at: string | Date;
	depth: number | string;
	links: LiveLink[] | string;
}

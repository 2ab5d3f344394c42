import { and, eq, notInArray, sql } from 'drizzle-orm';
import { transaction, type Executor } from '../db';
import { agendaItems, meetings, type AgreementStatus, type Party } from '../db/schema';
import { requireAccess, type Actor } from '../access';
import { audienceKey } from '../audience';
import { appendEvents } from '../events';
import type { RequestContext } from '../identity/context';
import { StateError } from '../kernel/errors';
import { requireMeetingState } from '../agenda/transitions';
import { itemColumns, itemEvent, writeRevision } from '../agenda/store';
import { findMeeting, type MeetingRow } from '../meetings/queries';
import { appOrigin } from '../notifications/mail-render';
import { partyTitles } from '../publications/formats/common';
import { agreementAudienceSql, agreementsVisibleTo } from './audience';
import { amsterdamDaySql, dueDateSql, instantSql, overdueSql } from './queries';
import { rowsOf } from './rows';
import { amsterdamToday, statusLabels } from './status';

/*
 * "Voortgang afspraken": the standard item the secretariaat offers on a coming meeting's draft
 * agenda (issue 14), ter informatie, with an overview generated from the register: what is overdue,
 * what comes due before the meeting, and what was done since the previous meeting of its kind. The
 * selection and the counts are made in the database; the verb writes them as Markdown once, as the
 * item's summary, which the secretariaat may then edit like any item of its own. One per meeting.
 */

export const PROGRESS_ITEM_TITLE = 'Voortgang afspraken';

/** Rows shown per section; the rest is counted and left to the register. */
const SHOWN = 20;
/** Without an earlier meeting of its kind, "recently done" looks back this far. */
const DONE_DAYS = 90;

type Section = 'overdue' | 'due' | 'done';

interface OverviewRow {
	id: string;
	title: string;
	section: Section;
	status: AgreementStatus;
	due: string;
	closed_on: string | null;
	percent: number | null;
	owners: { party: Party; organisationName: string | null }[] | string | null;
	total: number | string;
	all_public: boolean;
}

/** The start of the previous meeting of the same kind that has begun (not cancelled), if any. */
async function previousMeetingStart(
	db: Executor,
	meeting: MeetingRow,
	now: Date
): Promise<Date | null> {
	const before = meeting.startsAt < now ? meeting.startsAt : now;
	const [row] = await db
		.select({ at: sql<Date | string | null>`max(${meetings.startsAt})` })
		.from(meetings)
		.where(
			and(
				eq(meetings.kind, meeting.kind),
				sql`${meetings.startsAt} < ${before.toISOString()}::timestamptz`,
				sql`${meetings.status} <> 'geannuleerd'`
			)
		);
	return row?.at ? new Date(row.at) : null;
}

/**
 * The register's agreements that belong in the overview, as the actor may see them: per section
 * the first SHOWN (by the day they are due), each section's total, and whether every one of them
 * is the public's too (then the item may be openbaar).
 */
async function overviewRows(
	db: Executor,
	actor: Actor,
	meeting: MeetingRow,
	since: Date,
	now: Date
) {
	const at = instantSql(now);
	const columns = {
		status: sql`a.status`,
		deadline: sql`a.deadline`,
		expectedDate: sql`a.expected_date`
	};
	const due = dueDateSql(columns);
	const meetingDay = sql`(${meeting.startsAt.toISOString()}::timestamptz at time zone 'Europe/Amsterdam')::date`;
	const result = await db.execute(sql`
		with picked as (
			select a.id, a.title, a.status, (${due})::text as due,
				(a.closed_at at time zone 'Europe/Amsterdam')::date::text as closed_on, a.is_public,
				case
					when ${overdueSql(columns, at)} then 'overdue'
					when a.status not in ('afgerond', 'vervallen')
						and ${due} between ${amsterdamDaySql(at)} and ${meetingDay} then 'due'
					when a.status = 'afgerond' and a.closed_at >= ${since.toISOString()}::timestamptz then 'done'
				end as section
			from (
				select agreement.*, ${audienceKey.public} = any(${agreementAudienceSql}) as is_public
				from agreement where ${agreementsVisibleTo(actor)}
			) a
		), ranked as (
			select picked.*,
				row_number() over (partition by section order by due, lower(title), id) as n,
				count(*) over (partition by section) as total,
				bool_and(is_public) over () as all_public
			from picked where section is not null
		)
		select r.id, r.title, r.section, r.status, r.due, r.closed_on, r.total, r.all_public,
			(select pr.percent from agreement_progress pr where pr.agreement_id = r.id
				order by pr.created_at desc, pr.id desc limit 1) as percent,
			(select json_agg(json_build_object('party', o.party, 'organisationName', org.short_name)
				order by o.party, org.short_name nulls first, o.created_at)
				from agreement_owner o left join organisation org on org.id = o.organisation_id
				where o.agreement_id = r.id) as owners
		from ranked r where r.n <= ${SHOWN}
		order by r.section, r.n`);
	return rowsOf<OverviewRow>(result);
}

const longDate = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', dateStyle: 'long' });
/** "31 maart 2027" for a calendar day. */
const dayWords = (day: string) => longDate.format(new Date(`${day}T12:00:00Z`));

/** Markdown's own characters in a title, escaped, so a title never becomes a link or a heading. */
const plain = (text: string) => text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (mark) => `\\${mark}`);

function line(row: OverviewRow, origin: string): string {
	const owners = (typeof row.owners === 'string' ? JSON.parse(row.owners) : row.owners) ?? [];
	const parties = (owners as { party: Party; organisationName: string | null }[])
		.map(({ party, organisationName }) => {
			const name = partyTitles[party] ?? party;
			return organisationName && organisationName !== name ? `${name} (${organisationName})` : name;
		})
		.join(', ');
	const facts = [
		parties,
		row.section === 'done' && row.closed_on
			? `afgerond op ${dayWords(row.closed_on)}`
			: `termijn ${dayWords(row.due)}${row.status === 'vertraagd' ? ' (vertraagd)' : ''}`,
		...(row.section === 'done' ? [] : [statusLabels[row.status]]),
		...(row.percent === null ? [] : [`${row.percent}% gereed`])
	].filter(Boolean);
	return `- [${plain(row.title)}](${origin}/afspraken/${row.id}): ${facts.join('; ')}.`;
}

/** The overview as Markdown, from the rows the database selected and counted. */
export function overviewMarkdown(
	rows: OverviewRow[],
	context: { meeting: MeetingRow; since: Date | null; now: Date; origin: string }
): string {
	const { meeting, since, now, origin } = context;
	const meetingDay = dayWords(amsterdamToday(meeting.startsAt));
	const headings: Record<Section, string> = {
		overdue: 'Verlopen',
		due: `Termijn vóór deze vergadering (uiterlijk ${meetingDay})`,
		done: since
			? `Afgerond sinds de vorige vergadering (${dayWords(amsterdamToday(since))})`
			: `Afgerond in de afgelopen ${DONE_DAYS} dagen`
	};
	const parts = [
		`Overzicht uit het register van afspraken, gemaakt op ${dayWords(amsterdamToday(now))} voor ${plain(meeting.title)} van ${meetingDay}: wat verlopen is, wat vóór de vergadering afloopt en wat sinds de vorige is afgerond. Het register zelf: ${origin}/afspraken.`
	];
	for (const section of ['overdue', 'due', 'done'] as const) {
		const shown = rows.filter((row) => row.section === section);
		const total = shown.length ? Number(shown[0]!.total) : 0;
		parts.push(`## ${headings[section]} (${total})`);
		if (total === 0) {
			parts.push('Geen.');
			continue;
		}
		const more = total - shown.length;
		parts.push(
			[
				...shown.map((row) => line(row, origin)),
				...(more > 0
					? [`- En nog ${more} ${more === 1 ? 'afspraak' : 'afspraken'}: zie het register.`]
					: [])
			].join('\n')
		);
	}
	return parts.join('\n\n');
}

/**
 * The secretariaat puts "Voortgang afspraken" on a meeting's draft agenda: an item ter informatie,
 * submitted (so the table sees it and the secretariaat places it like any other), its summary the
 * overview as of now. Vertrouwelijk unless every agreement it names is the public's too, so that
 * publishing the agenda can never show what is not. A second one for the same meeting is refused:
 * the first can be edited, or withdrawn before a new one is made.
 */
export async function proposeProgressItem(
	actor: Actor,
	meetingId: string,
	context: RequestContext = {},
	now = new Date()
) {
	requireAccess(actor, 'agenda_item.schedule');
	requireAccess(actor, 'agreement.read', { audience: ['table'] });
	return transaction(async (tx) => {
		// Locked: two at once for one meeting wait for each other, and the second sees the first.
		const meeting = await findMeeting(tx, meetingId, { lock: true });
		// Where the secretariaat may place items (the page offers it by the same step).
		requireMeetingState('place', meeting, now);
		const [existing] = await tx
			.select({ status: agendaItems.status })
			.from(agendaItems)
			.where(
				and(
					eq(agendaItems.meetingId, meeting.id),
					eq(agendaItems.title, PROGRESS_ITEM_TITLE),
					notInArray(agendaItems.status, ['ingetrokken', 'afgewezen'])
				)
			);
		if (existing)
			throw new StateError(
				`Deze vergadering heeft al een agendapunt "${PROGRESS_ITEM_TITLE}". Werk dat bij, of trek het in voordat u een nieuw overzicht maakt.`
			);
		const since = await previousMeetingStart(tx, meeting, now);
		const rows = await overviewRows(
			tx,
			actor,
			meeting,
			since ?? new Date(now.getTime() - DONE_DAYS * 86_400_000),
			now
		);
		const summary = overviewMarkdown(rows, { meeting, since, now, origin: appOrigin() });
		const [item] = await tx
			.insert(agendaItems)
			.values({
				meetingId: meeting.id,
				title: PROGRESS_ITEM_TITLE,
				summary,
				purpose: 'informatie',
				confidentiality: rows.every((row) => row.all_public) ? 'openbaar' : 'vertrouwelijk',
				proposingOrganisationId: actor.organisationId,
				proposingParty: actor.party,
				proposedBy: actor.personId,
				status: 'ingediend',
				submittedAt: now,
				// The secretariaat's own item: there is nobody to ask for a late submission.
				lateSubmission: false
			})
			.returning(itemColumns);
		await writeRevision(tx, actor, item!);
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			await itemEvent(tx, item!, 'agenda_item.drafted.v1'),
			await itemEvent(tx, item!, 'agenda_item.submitted.v1', { late: false })
		]);
		return item!;
	});
}

import { eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { meetings, type NotificationLanguage, type Party } from '../db/schema';
import { formatDateTime, TIME_ZONE } from '../../time';
import type { Params, SourceEvent } from './rule';
import { agreementParams } from './agreement-rules';
import { financeParams } from './finance-rules';

/** The parties as the texts name them. */
export const partyNames: Record<NotificationLanguage, Record<Party, string>> = {
	nl: { rijk: 'het Rijk', vng: 'VNG', ipo: 'IPO', uvw: 'de Unie van Waterschappen' },
	en: {
		rijk: 'the national government',
		vng: 'VNG',
		ipo: 'IPO',
		uvw: 'the Dutch Water Authorities'
	}
};

/** What the texts need, from the event and (for a meeting's title and time) the database. */
export async function paramsOf(db: Executor, event: SourceEvent): Promise<Params> {
	const p = event.payload;
	const params: Params = {};
	if (event.subjectType === 'agenda_item' && typeof p.title === 'string') params.item = p.title;
	if (typeof p.reason === 'string') params.reason = p.reason;
	if (typeof p.closesAt === 'string') params.closesAt = formatDateTime(p.closesAt);
	if (typeof p.accepted === 'boolean') params.accepted = String(p.accepted);
	if (typeof p.party === 'string') {
		params.partyNl = partyNames.nl[p.party as Party];
		params.partyEn = partyNames.en[p.party as Party];
	}
	if (event.subjectType === 'agreement') Object.assign(params, agreementParams(p));
	if (event.subjectType === 'financial_arrangement') Object.assign(params, financeParams(p));
	const row = p.row as { proposingParty?: Party; meetingId?: string | null } | undefined;
	if (row?.proposingParty) {
		params.proposerNl = partyNames.nl[row.proposingParty];
		params.proposerEn = partyNames.en[row.proposingParty];
	}
	const meetingId =
		event.type === 'agenda_item.deferred.v1'
			? (p.fromMeetingId as string | null)
			: (event.meetingId ?? (event.subjectType === 'meeting' ? event.subjectId : null));
	if (meetingId) {
		const [meeting] = await db
			.select({ title: meetings.title, startsAt: meetings.startsAt })
			.from(meetings)
			.where(eq(meetings.id, meetingId));
		if (meeting) {
			params.meeting = meeting.title;
			params.startsAt = formatNl(meeting.startsAt);
			params.startsAtEn = formatEn(meeting.startsAt);
		}
	}
	return params;
}

const english = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	dateStyle: 'long',
	timeStyle: 'short'
});

/** "1 december 2026 om 09:28", as everywhere in the app. */
export const formatNl = (at: Date) => formatDateTime(at);
export const formatEn = (at: Date) => english.format(at);

import { compareAgenda, type AgendaChange, type AgendaSnapshotItem } from './compare';

/*
 * The meeting page as a pure function of its rows: the meeting, the items the viewer may see, and
 * each party's recorded word. The server's first load and the browser's live state both call it,
 * so a page that applied an event shows exactly what a fresh load would show.
 */

export type Party = 'rijk' | 'vng' | 'ipo' | 'uvw';
export const partyOrder: readonly Party[] = ['rijk', 'vng', 'ipo', 'uvw'];

export const partyLabels: Record<Party, string> = {
	rijk: 'het Rijk',
	vng: 'VNG',
	ipo: 'IPO',
	uvw: 'de Unie van Waterschappen'
};

export interface CoSponsorRow {
	party: Party;
	status: 'uitgenodigd' | 'geaccepteerd' | 'afgewezen';
}

/** An agenda item as the meeting page holds it (and as an item's live event carries it). */
export interface MeetingItemRow {
	id: string;
	meetingId: string | null;
	title: string;
	status: string;
	purpose: string;
	position: number | null;
	minutes: number | null;
	version: number;
	proposingParty: Party | null;
	proposingOrganisationName: string;
	lateSubmission: boolean;
	lateSubmissionApproved: boolean;
	coSponsors: CoSponsorRow[];
	carriedBy: Party[];
}

/** A party's recorded word as the page holds it, with the agenda it was given on. */
export interface ApprovalRecord {
	party: Party;
	decision: 'akkoord' | 'bezwaar';
	reason: string | null;
	itemPositions: Record<string, string>;
	decidedAt: Date;
	decidedByName: string | null;
	/** Set when a change to the agenda reset this akkoord. */
	resetAt: Date | null;
	agendaSnapshot: AgendaSnapshotItem[];
}

export type PartyApprovalState = 'akkoord' | 'bezwaar' | 'opnieuw_beoordelen' | 'open';

export interface PartyApprovalView {
	party: Party;
	state: PartyApprovalState;
	approval: Pick<ApprovalRecord, 'decision' | 'reason' | 'itemPositions' | 'decidedAt'> | null;
	decidedByName: string | null;
	/** What changed since the party decided (empty while the decision still matches). */
	changes: AgendaChange[];
}

export interface MeetingTimes {
	status: string;
	startsAt: Date;
	endsAt: Date;
}

/**
 * The statuses of an item on a meeting's agenda: placed and still to come, or dealt with. An item
 * dealt with stays on the agenda it was dealt on: its minutes count, its number stays, and the
 * parties' word on the agenda still holds for it.
 */
export const onAgendaStatuses = ['geagendeerd', 'behandeld'] as const;
export const isOnAgenda = (status: string) =>
	(onAgendaStatuses as readonly string[]).includes(status);

/**
 * Once the agenda is adopted, the parties' word on it is final: what happens to its items then
 * (dealt with at the meeting, held over to a later one afterwards) does not ask for it again.
 * Reopening the agenda makes the word count against the agenda as it is once more.
 */
export const agendaAdopted = (status: string) =>
	status === 'agenda_vastgesteld' || status === 'gehouden';

/** Who proposed it and who accepted to co-sponsor it: the parties that carry an item. */
export function carriers(
	proposing: Party | null,
	sponsors: readonly { party: Party; status: string }[]
): Party[] {
	const accepted = sponsors.filter((row) => row.status === 'geaccepteerd').map((row) => row.party);
	return partyOrder.filter((party) => party === proposing || accepted.includes(party));
}

/** The placed items as the parties agree to them: in order, with minutes and content version. */
export function snapshotOf(agenda: readonly MeetingItemRow[]): AgendaSnapshotItem[] {
	return agenda.map((item) => ({
		id: item.id,
		title: item.title,
		purpose: item.purpose,
		position: item.position,
		minutes: item.minutes,
		version: item.version
	}));
}

/**
 * Each party's word on the agenda as it is now, and what changed since they gave it; on an
 * adopted agenda (`adopted`) the word as given, final.
 */
export function approvalStates(
	records: readonly ApprovalRecord[],
	current: AgendaSnapshotItem[],
	adopted = false
): PartyApprovalView[] {
	return partyOrder.map((party) => {
		const record = records.find((row) => row.party === party);
		if (!record) return { party, state: 'open', approval: null, decidedByName: null, changes: [] };
		const changes = adopted ? [] : compareAgenda(record.agendaSnapshot, current);
		const stale = !adopted && (record.resetAt !== null || changes.length > 0);
		const state: PartyApprovalState =
			record.decision === 'bezwaar' ? 'bezwaar' : stale ? 'opnieuw_beoordelen' : 'akkoord';
		const { decision, reason, itemPositions, decidedAt } = record;
		return {
			party,
			state,
			approval: { decision, reason, itemPositions, decidedAt },
			decidedByName: record.decidedByName,
			changes
		};
	});
}

/** The agenda's length against the meeting's: the items still to come and those dealt with. */
export function agendaTiming(
	meeting: Pick<MeetingTimes, 'startsAt' | 'endsAt'>,
	items: { minutes: number | null; status: string }[]
) {
	const meetingMinutes = Math.round(
		(meeting.endsAt.getTime() - meeting.startsAt.getTime()) / 60_000
	);
	const totalMinutes = items
		.filter((item) => isOnAgenda(item.status))
		.reduce((sum, item) => sum + (item.minutes ?? 0), 0);
	return {
		totalMinutes,
		meetingMinutes,
		overBy: Math.max(0, totalMinutes - meetingMinutes),
		exceeds: totalMinutes > meetingMinutes
	};
}

/** What waits for each party and for the secretariaat on this meeting. */
export function meetingTodo(
	meeting: Pick<MeetingTimes, 'status'>,
	items: readonly MeetingItemRow[],
	approvals: PartyApprovalView[],
	timing: ReturnType<typeof agendaTiming>
) {
	const inAlignment = meeting.status === 'agenda_in_afstemming';
	const parties = Object.fromEntries(
		partyOrder.map((party) => {
			const tasks: string[] = [];
			const state = approvals.find((row) => row.party === party)!.state;
			if (inAlignment && state === 'open') tasks.push('Akkoord geven of bezwaar maken');
			if (inAlignment && state === 'opnieuw_beoordelen')
				tasks.push('De gewijzigde agenda opnieuw beoordelen');
			for (const item of items)
				if (item.coSponsors.some((row) => row.party === party && row.status === 'uitgenodigd'))
					tasks.push(`Beslissen over mede-indienen van "${item.title}"`);
			return [party, tasks];
		})
	) as Record<Party, string[]>;
	const secretariaat: string[] = [];
	for (const item of items) {
		if (item.status === 'ingediend' && item.lateSubmission && !item.lateSubmissionApproved)
			secretariaat.push(`Late indiening beoordelen: "${item.title}"`);
		else if (item.status === 'ingediend' || item.status === 'aangehouden')
			secretariaat.push(`Agenderen, aanhouden of afwijzen: "${item.title}"`);
	}
	if (timing.exceeds)
		secretariaat.push(`De agenda duurt ${timing.overBy} minuten langer dan de vergadering.`);
	if (inAlignment && approvals.every((row) => row.state === 'akkoord'))
		secretariaat.push('Alle partijen gaven akkoord: de agenda vaststellen');
	return { parties, secretariaat };
}

const byPlace = <I extends MeetingItemRow>(a: I, b: I) =>
	(a.position ?? 0) - (b.position ?? 0) || a.id.localeCompare(b.id);

/** The whole page from its rows: the agenda in order, the other items, each party's word, todo. */
export function meetingView<M extends MeetingTimes, I extends MeetingItemRow>(
	meeting: M,
	items: readonly I[],
	records: readonly ApprovalRecord[]
) {
	const agenda = items.filter((item) => isOnAgenda(item.status)).sort(byPlace);
	const approvals = approvalStates(records, snapshotOf(agenda), agendaAdopted(meeting.status));
	const timing = agendaTiming(meeting, agenda);
	return {
		meeting,
		agenda,
		otherItems: items.filter((item) => !isOnAgenda(item.status)),
		approvals,
		timing,
		todo: meetingTodo(meeting, items, approvals, timing),
		partyLabels
	};
}

export type MeetingView<
	M extends MeetingTimes = MeetingTimes,
	I extends MeetingItemRow = MeetingItemRow
> = ReturnType<typeof meetingView<M, I>>;

import type {
	LiveAgreementOwner,
	LiveAgreementRow,
	LiveLink,
	LiveProgress,
	LiveRatification
} from './agreement-payloads';
import { liveEvent } from './test-events';
import type { RealtimeEvent } from './protocol';

/*
 * Agreement events as the verbs write them (src/lib/server/agreements/store.ts recordEvent), for the
 * live state specs: each carries the register row beside its own part, so that a spec's event
 * parses exactly when a real one would.
 */

export const at = (day: string) => `${day}T10:00:00.000Z`;

export function owner(
	party: string,
	overrides: Partial<LiveAgreementOwner> = {}
): LiveAgreementOwner {
	return {
		id: `owner-${party}`,
		party: party as LiveAgreementOwner['party'],
		organisationId: null,
		organisationName: null,
		contactPersonId: `contact-${party}`,
		contactName: `Contact ${party.toUpperCase()}`,
		...overrides
	};
}

/** An open VNG agreement of meeting m1, due on 2030-06-30, unless told otherwise. */
export function agreementRow(
	id: string,
	overrides: Partial<LiveAgreementRow> = {}
): LiveAgreementRow {
	const row: LiveAgreementRow = {
		id,
		title: `Afspraak ${id}`,
		meetingId: 'm1',
		meetingTitle: 'Overhedenoverleg voorjaar',
		meetingStartsAt: at('2030-03-01'),
		decisionId: null,
		deadline: '2030-06-30',
		expectedDate: null,
		dueDate: '2030-06-30',
		status: 'open',
		overdue: false,
		fallbackDate: null,
		fallbackInForce: false,
		ratification: 'geen',
		confidentiality: 'vertrouwelijk',
		owners: [owner('vng')],
		progress: null,
		updatedAt: at('2030-03-02'),
		version: 1,
		...overrides
	};
	return { ...row, dueDate: overrides.dueDate ?? row.expectedDate ?? row.deadline };
}

export const progress = (party: string, overrides: Partial<LiveProgress> = {}): LiveProgress => ({
	id: `progress-${party}`,
	party: party as LiveProgress['party'],
	text: 'De uitwerking loopt.',
	percent: 50,
	createdByName: `Melder ${party.toUpperCase()}`,
	createdAt: at('2030-03-10'),
	attachments: [],
	...overrides
});

export const ratification = (
	koepel: LiveRatification['koepel'],
	state: LiveRatification['state'],
	overrides: Partial<LiveRatification> = {}
): LiveRatification => ({
	koepel,
	state,
	closesOn: state === 'lopend' ? '2030-04-15' : null,
	decidedOn: state === 'goedgekeurd' || state === 'afgewezen' ? '2030-04-01' : null,
	ledenbriefUrl: null,
	updatedAt: at('2030-03-11'),
	version: 1,
	...overrides
});

export const link = (from: string, overrides: Partial<LiveLink> = {}): LiveLink => ({
	id: `link-${from}`,
	fromAgreementId: from,
	toAgreementId: null,
	kind: 'bofv',
	label: 'BOFv van 21 november',
	meetingId: null,
	date: null,
	createdAt: at('2030-03-12'),
	...overrides
});

/** What each kind of event adds to its row, as its verb writes it; `extra` overrides it. */
function partOf(type: string, row: LiveAgreementRow): Record<string, unknown> {
	switch (type) {
		case 'agreement.updated.v1':
			return { changed: ['title'] };
		case 'agreement.status_changed.v1':
			return { from: 'open', to: row.status, reason: null };
		case 'agreement.owner_added.v1':
		case 'agreement.owner_removed.v1':
			return { owner: row.owners[0] };
		case 'agreement.progress_reported.v1':
			return { progress: progress(row.owners[0]?.party ?? 'vng') };
		case 'agreement.ratification_recorded.v1':
			return { ratification: ratification('vng', 'lopend') };
		case 'agreement.linked.v1':
			return { link: link(row.id) };
		case 'agreement.unlinked.v1':
			return { link: link(row.id), reason: null };
		default:
			return {};
	}
}

/** An agreement's event carrying `row`, by `actor` (a person id). */
export function agreementEvent(
	type: string,
	row: LiveAgreementRow,
	extra: Record<string, unknown> = {},
	actor = 'someone'
): RealtimeEvent {
	return liveEvent(
		type,
		{ ...partOf(type, row), ...extra, row },
		{ type: 'agreement', id: row.id, meetingId: row.meetingId, actor }
	);
}

import { m } from '$lib/paraglide/messages';

/**
 * The words for the meeting and agenda enums, in the language of the page. Kept apart from the
 * server's Dutch labels so the English pages do not show Dutch status names.
 */
export const meetingKinds = [
	'overhedenoverleg',
	'ambtelijk_voorportaal',
	'bofv',
	'sectorale_tafel'
] as const;
export type MeetingKindName = (typeof meetingKinds)[number];

/** The normal path of a meeting; geannuleerd stands beside it. */
export const meetingStatusPath = [
	'gepland',
	'open_voor_voorstellen',
	'agenda_in_afstemming',
	'agenda_vastgesteld',
	'gehouden'
] as const;

export const partyNames = ['rijk', 'vng', 'ipo', 'uvw'] as const;
export type PartyName = (typeof partyNames)[number];

const kindLabels: Record<string, () => string> = {
	overhedenoverleg: m.meeting_kind_overhedenoverleg,
	ambtelijk_voorportaal: m.meeting_kind_ambtelijk_voorportaal,
	bofv: m.meeting_kind_bofv,
	sectorale_tafel: m.meeting_kind_sectorale_tafel
};

const statusLabels: Record<string, () => string> = {
	gepland: m.meeting_status_gepland,
	open_voor_voorstellen: m.meeting_status_open_voor_voorstellen,
	agenda_in_afstemming: m.meeting_status_agenda_in_afstemming,
	agenda_vastgesteld: m.meeting_status_agenda_vastgesteld,
	gehouden: m.meeting_status_gehouden,
	geannuleerd: m.meeting_status_geannuleerd
};

const purposeLabels: Record<string, () => string> = {
	besluitvorming: m.agenda_purpose_besluitvorming,
	bespreking: m.agenda_purpose_bespreking,
	informatie: m.agenda_purpose_informatie
};

const partyLabels: Record<string, () => string> = {
	rijk: m.agenda_party_rijk,
	vng: m.agenda_party_vng,
	ipo: m.agenda_party_ipo,
	uvw: m.agenda_party_uvw
};

const itemStatusLabels: Record<string, () => string> = {
	concept: m.agenda_status_concept,
	ingediend: m.agenda_status_ingediend,
	geagendeerd: m.agenda_status_geagendeerd,
	aangehouden: m.agenda_status_aangehouden,
	afgewezen: m.agenda_status_afgewezen,
	behandeld: m.agenda_status_behandeld,
	ingetrokken: m.agenda_status_ingetrokken
};

const approvalStateLabels: Record<string, () => string> = {
	akkoord: m.agenda_approval_state_akkoord,
	bezwaar: m.agenda_approval_state_bezwaar,
	opnieuw_beoordelen: m.agenda_approval_state_opnieuw_beoordelen,
	open: m.agenda_approval_state_open
};

/** The field names a stale save reports, as the form calls them. */
const fieldLabels: Record<string, () => string> = {
	kind: m.meeting_field_kind,
	topic: m.meeting_field_topic,
	title: m.meeting_field_title,
	startsAt: m.meeting_field_starts,
	endsAt: m.meeting_field_ends,
	location: m.meeting_field_location,
	onlineUrl: m.meeting_field_online,
	chair: m.meeting_field_chair,
	proposalDeadline: m.meeting_field_deadline,
	preparatoryMeetingId: m.meeting_field_preparatory,
	status: m.meeting_field_status,
	cancelReason: m.meeting_field_cancel_reason
};

const label = (table: Record<string, () => string>, value: string) => table[value]?.() ?? value;

export const meetingKindLabel = (kind: string) => label(kindLabels, kind);
export const meetingStatusLabel = (status: string) => label(statusLabels, status);
export const purposeLabel = (purpose: string) => label(purposeLabels, purpose);
export const partyLabel = (party: string) => label(partyLabels, party);
export const itemStatusLabel = (status: string) => label(itemStatusLabels, status);
export const approvalStateLabel = (state: string) => label(approvalStateLabels, state);
export const meetingFieldLabel = (field: string) => label(fieldLabels, field);

/** "Sectorale tafel: wonen" for a sectoral table, else the kind alone. */
export function meetingKindWithTopic(kind: string, topic: string | null): string {
	return topic ? `${meetingKindLabel(kind)}: ${topic}` : meetingKindLabel(kind);
}

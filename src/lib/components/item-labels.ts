import { m } from '$lib/paraglide/messages';

/**
 * Names for the agenda's enum values in the page's language. The server speaks in its enum values;
 * only the pages turn them into words, so Dutch and English stay in the message files.
 */
const statusNames: Record<string, () => string> = {
	concept: m.item_status_concept,
	ingediend: m.item_status_ingediend,
	geagendeerd: m.item_status_geagendeerd,
	aangehouden: m.item_status_aangehouden,
	afgewezen: m.item_status_afgewezen,
	behandeld: m.item_status_behandeld,
	ingetrokken: m.item_status_ingetrokken
};

const purposeNames: Record<string, () => string> = {
	besluitvorming: m.item_purpose_besluitvorming,
	bespreking: m.item_purpose_bespreking,
	informatie: m.item_purpose_informatie
};

const partyNames: Record<string, () => string> = {
	rijk: m.item_party_rijk,
	vng: m.item_party_vng,
	ipo: m.item_party_ipo,
	uvw: m.item_party_uvw
};

const sponsorStates: Record<string, () => string> = {
	uitgenodigd: m.item_sponsor_invited,
	geaccepteerd: m.item_sponsor_accepted,
	afgewezen: m.item_sponsor_declined
};

const fieldNames: Record<string, () => string> = {
	meetingId: m.item_field_meeting,
	title: m.item_field_title,
	summary: m.item_field_summary,
	purpose: m.item_field_purpose,
	proposedDecision: m.item_field_decision,
	financialConsequences: m.item_field_financial,
	financialExplanation: m.item_field_financial_explanation,
	contactPerson: m.item_field_contact,
	confidentiality: m.item_field_confidentiality
};

const meetingStates: Record<string, () => string> = {
	gepland: m.item_meeting_gepland,
	open_voor_voorstellen: m.item_meeting_open,
	agenda_in_afstemming: m.item_meeting_afstemming,
	agenda_vastgesteld: m.item_meeting_vastgesteld,
	gehouden: m.item_meeting_gehouden,
	geannuleerd: m.item_meeting_geannuleerd
};

const name = (names: Record<string, () => string>, value: string | null | undefined) =>
	value ? (names[value]?.() ?? value) : '';

export const statusLabel = (status: string) => name(statusNames, status);
export const purposeLabel = (purpose: string) => name(purposeNames, purpose);
export const partyLabel = (party: string | null) => name(partyNames, party);
export const sponsorStateLabel = (state: string) => name(sponsorStates, state);
export const fieldLabel = (field: string) => name(fieldNames, field);
export const meetingStatusLabel = (status: string) => name(meetingStates, status);

export const statusNamesList = Object.keys(statusNames);
export const purposeNamesList = Object.keys(purposeNames);
export const partyNamesList = Object.keys(partyNames);

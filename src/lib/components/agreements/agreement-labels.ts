import { m } from '$lib/paraglide/messages';
import { formatDate } from '$lib/format-time';
import { partyLabel } from '../item-labels';

/*
 * Words for the agreements' enum values and derived facts, in the page's language: the server
 * speaks in enum values (agreement-payloads.ts), only the pages turn them into words.
 */

export const agreementStatusList = [
	'open',
	'in_uitvoering',
	'vertraagd',
	'afgerond',
	'vervallen'
] as const;

const statusNames: Record<string, () => string> = {
	open: m.agreements_status_open,
	in_uitvoering: m.agreements_status_in_uitvoering,
	afgerond: m.agreements_status_afgerond,
	vertraagd: m.agreements_status_vertraagd,
	vervallen: m.agreements_status_vervallen
};

const summaryNames: Record<string, () => string> = {
	geen: m.agreements_ratification_geen,
	lopend: m.agreements_ratification_lopend,
	afgewezen: m.agreements_ratification_afgewezen,
	bekrachtigd: m.agreements_ratification_bekrachtigd
};

export const ratificationStateList = ['niet_nodig', 'lopend', 'goedgekeurd', 'afgewezen'] as const;
const stateNames: Record<string, () => string> = {
	niet_nodig: m.agreements_ratstate_niet_nodig,
	lopend: m.agreements_ratstate_lopend,
	goedgekeurd: m.agreements_ratstate_goedgekeurd,
	afgewezen: m.agreements_ratstate_afgewezen
};

export const linkKindList = [
	'meeting',
	'bofv',
	'sectorale_tafel',
	'begrotingsmoment',
	'other'
] as const;
const linkKindNames: Record<string, () => string> = {
	meeting: m.agreements_link_kind_meeting,
	bofv: m.agreements_link_kind_bofv,
	sectorale_tafel: m.agreements_link_kind_sectorale_tafel,
	begrotingsmoment: m.agreements_link_kind_begrotingsmoment,
	other: m.agreements_link_kind_other
};

const fieldNames: Record<string, () => string> = {
	title: m.agreements_field_title,
	body: m.agreements_field_body,
	deadline: m.agreements_field_deadline,
	condition: m.agreements_field_condition,
	fallbackDate: m.agreements_field_fallbackDate,
	confidentiality: m.agreements_field_confidentiality,
	status: m.agreements_field_status,
	expectedDate: m.agreements_field_expectedDate,
	lapseReason: m.agreements_field_lapseReason,
	owners: m.agreements_field_owners,
	links: m.agreements_field_links,
	// A koepel's own record (ratification.ts ratificationFieldLabels).
	state: m.agreements_field_state,
	closesOn: m.agreements_field_closesOn,
	decidedOn: m.agreements_field_decidedOn,
	ledenbriefUrl: m.agreements_field_ledenbriefUrl
};

const name = (names: Record<string, () => string>, value: string | null | undefined) =>
	value ? (names[value]?.() ?? value) : '';

export const agreementStatusLabel = (status: string) => name(statusNames, status);
export const ratificationSummaryLabel = (summary: string) => name(summaryNames, summary);
export const ratificationStateLabel = (state: string | null) =>
	state ? name(stateNames, state) : m.agreements_ratstate_none();
export const linkKindLabel = (kind: string | null) => name(linkKindNames, kind);
export const agreementFieldLabel = (field: string) => name(fieldNames, field);

/** A responsible party as the pages name it: the party, and the ministry or koepel if named. */
export function ownerLabel(owner: { party: string; organisationName: string | null }): string {
	const party = partyLabel(owner.party);
	return owner.organisationName && owner.organisationName !== party
		? m.agreements_owner_organisation({ party, organisation: owner.organisationName })
		: party;
}

/** A calendar day (yyyy-mm-dd) as words; '' for none. */
export const day = (value: string | null | undefined) => (value ? formatDate(value) : '');

import { m } from '$lib/paraglide/messages';

/** The arrangement's fields by name, as a conflict names what changed (store.ts arrangementFieldLabels). */
const labels: Record<string, () => string> = {
	title: m.finp_field_title,
	description: m.finp_field_description,
	instrument: m.finp_field_instrument,
	layer: m.finp_field_layer,
	nature: m.finp_field_nature,
	budgetMomentId: m.finp_field_budget_moment,
	sourceDocument: m.finp_field_source,
	expectedCircular: m.finp_field_expected_circular,
	agreementId: m.finp_field_agreement,
	decisionId: m.finp_field_decision,
	agendaItemId: m.finp_field_agenda_item,
	replacesId: m.finp_field_replaces,
	confidentiality: m.finp_field_confidentiality,
	status: m.finp_field_status,
	schedule: m.finp_field_schedule
};

export const fieldLabel = (field: string) => labels[field]?.() ?? field;

import { z } from 'zod/mini';

/*
 * The live events of the agreements register (src/lib/server/agreements), described as the rest of
 * the catalogue is (event-payloads.ts spreads these in): each carries the agreement as a register
 * row shows it, so the register and the party dashboards can update in place. The derived facts
 * (overdue, fallback in force, bekrachtigd) are as of the event; a page that keeps a row past
 * midnight re-derives them from its dates.
 */

const id = z.string();
const instant = z.iso.datetime();
/** yyyy-mm-dd, a calendar day in Europe/Amsterdam. */
const day = z.string();
const party = z.enum(['rijk', 'vng', 'ipo', 'uvw']);
export const agreementStatus = z.enum([
	'open',
	'in_uitvoering',
	'afgerond',
	'vertraagd',
	'vervallen'
]);
export const ratificationState = z.enum(['niet_nodig', 'lopend', 'goedgekeurd', 'afgewezen']);
export const ratificationSummary = z.enum(['geen', 'lopend', 'afgewezen', 'bekrachtigd']);

export const liveAgreementOwner = z.object({
	id,
	party,
	organisationId: z.nullable(id),
	organisationName: z.nullable(z.string()),
	contactPersonId: id,
	contactName: z.string()
});
export type LiveAgreementOwner = z.infer<typeof liveAgreementOwner>;

/** An agreement as a row of the register shows it. */
export const liveAgreementRow = z.object({
	id,
	title: z.string(),
	meetingId: id,
	meetingTitle: z.string(),
	meetingStartsAt: instant,
	decisionId: z.nullable(id),
	deadline: day,
	expectedDate: z.nullable(day),
	/** The day it is due: the expected date while vertraagd, else the deadline. */
	dueDate: day,
	status: agreementStatus,
	/** Verlopen: derived, never typed. */
	overdue: z.boolean(),
	fallbackDate: z.nullable(day),
	fallbackInForce: z.boolean(),
	ratification: ratificationSummary,
	confidentiality: z.enum(['vertrouwelijk', 'openbaar']),
	owners: z.array(liveAgreementOwner),
	/** The newest progress report's percentage and moment, if any. */
	progress: z.nullable(z.object({ party, percent: z.nullable(z.int()), at: instant })),
	updatedAt: instant,
	version: z.int()
});
export type LiveAgreementRow = z.infer<typeof liveAgreementRow>;

/** A file that came with a progress report, as the report lists it (no bytes). */
export const liveProgressFile = z.object({
	id,
	filename: z.string(),
	/** Detected from the content at upload. */
	mediaType: z.string(),
	size: z.int(),
	sha256: z.string(),
	/** The download for a signed-in reader (/bijlagen/{id}), and the same file through the API. */
	href: z.string(),
	apiHref: z.string()
});
export type LiveProgressFile = z.infer<typeof liveProgressFile>;

export const liveProgress = z.object({
	id,
	party,
	text: z.string(),
	percent: z.nullable(z.int()),
	createdByName: z.string(),
	createdAt: instant,
	/** Oldest first; absent in the events of reports made before reports took files. */
	attachments: z._default(z.array(liveProgressFile), () => [])
});
export type LiveProgress = z.infer<typeof liveProgress>;

export const liveRatification = z.object({
	koepel: z.enum(['vng', 'ipo', 'uvw']),
	state: ratificationState,
	closesOn: z.nullable(day),
	decidedOn: z.nullable(day),
	ledenbriefUrl: z.nullable(z.string()),
	updatedAt: instant,
	version: z.int()
});
export type LiveRatification = z.infer<typeof liveRatification>;

export const liveLink = z.object({
	id,
	fromAgreementId: id,
	toAgreementId: z.nullable(id),
	kind: z.nullable(z.enum(['meeting', 'bofv', 'sectorale_tafel', 'begrotingsmoment', 'other'])),
	label: z.nullable(z.string()),
	meetingId: z.nullable(id),
	date: z.nullable(day),
	createdAt: instant
});
export type LiveLink = z.infer<typeof liveLink>;

const withRow = { row: liveAgreementRow };

export const agreementPayloads = {
	'agreement.created.v1': z.object(withRow),
	'agreement.updated.v1': z.object({ ...withRow, changed: z.array(z.string()) }),
	'agreement.status_changed.v1': z.object({
		...withRow,
		from: agreementStatus,
		to: agreementStatus,
		reason: z.nullable(z.string())
	}),
	'agreement.owner_added.v1': z.object({ ...withRow, owner: liveAgreementOwner }),
	'agreement.owner_removed.v1': z.object({ ...withRow, owner: liveAgreementOwner }),
	'agreement.progress_reported.v1': z.object({ ...withRow, progress: liveProgress }),
	'agreement.ratification_recorded.v1': z.object({ ...withRow, ratification: liveRatification }),
	'agreement.linked.v1': z.object({ ...withRow, link: liveLink }),
	/** An onward link taken back: the link as it was (its id, where it led) and why, if said. */
	'agreement.unlinked.v1': z.object({ ...withRow, link: liveLink, reason: z.nullable(z.string()) })
};

import { z } from 'zod/mini';
import type {
	PublicAgreementRow,
	PublicProgress,
	PublicRatification
} from '$lib/server/agreements/public';
import { agreementStatus, ratificationState, ratificationSummary } from './agreement-payloads';

/*
 * The agreements' live events as the public hears them (issue 14): the same types as the table's
 * (agreement-payloads.ts), each with a public projection of its own. These are what the public
 * agreement pages show (server/agreements/public.ts): status, dates, parties, the progress and
 * the koepels' ratification, and nothing about a person (no contact person, no author of a report,
 * no e-mail address, not even their ids) and no progress files, which stay the table's. They are
 * the public catalogue only: the signed-in catalogue (event-payloads.ts) keeps the table's shapes
 * under the same names, so a page of the public side parses them with parsePublicPayload.
 */

const id = z.string();
const instant = z.iso.datetime();
const day = z.string();
const party = z.enum(['rijk', 'vng', 'ipo', 'uvw']);

const publicOwner = z.object({ party, organisationName: z.nullable(z.string()) });

/** An agreement as a row of the public list shows it, with its version to order events by. */
export const publicAgreementRow = z.object({
	id,
	title: z.string(),
	meetingId: id,
	meetingTitle: z.string(),
	meetingStartsAt: instant,
	deadline: day,
	expectedDate: z.nullable(day),
	dueDate: day,
	status: agreementStatus,
	overdue: z.boolean(),
	fallbackDate: z.nullable(day),
	fallbackInForce: z.boolean(),
	ratification: ratificationSummary,
	owners: z.array(publicOwner),
	progress: z.nullable(z.object({ percent: z.nullable(z.int()), at: instant })),
	version: z.int()
});
export type PublicLiveAgreementRow = z.infer<typeof publicAgreementRow>;

/** A progress report as the public page lists it: without who wrote it, without its files. */
export const publicProgress = z.object({
	id,
	party,
	text: z.string(),
	percent: z.nullable(z.int()),
	createdAt: instant
});

export const publicRatification = z.object({
	koepel: z.enum(['vng', 'ipo', 'uvw']),
	state: ratificationState,
	closesOn: z.nullable(day),
	decidedOn: z.nullable(day),
	ledenbriefUrl: z.nullable(z.string())
});

const withRow = { row: publicAgreementRow };

export const publicAgreementPayloads = {
	/** Its title, dates or condition changed; `changed` names the fields (body: read it again). */
	'agreement.updated.v1': z.object({ ...withRow, changed: z.array(z.string()) }),
	/** Its status changed; the reason only when it lapsed (the page shows that one). */
	'agreement.status_changed.v1': z.object({
		...withRow,
		from: agreementStatus,
		to: agreementStatus,
		lapseReason: z.nullable(z.string())
	}),
	'agreement.owner_added.v1': z.object(withRow),
	'agreement.owner_removed.v1': z.object(withRow),
	'agreement.progress_reported.v1': z.object({ ...withRow, progress: publicProgress }),
	'agreement.ratification_recorded.v1': z.object({ ...withRow, ratification: publicRatification })
};
export type PublicAgreementEventType = keyof typeof publicAgreementPayloads;

/* The public pages' types these shapes must keep fitting (server/agreements/public.ts). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type PublicAgreementShapesFit = [
	Holds<Same<Omit<z.infer<typeof publicAgreementRow>, 'version'>, PublicAgreementRow>>,
	Holds<Same<z.infer<typeof publicProgress>, PublicProgress>>,
	// The koepels only: narrower than the page's party, never wider.
	Holds<z.infer<typeof publicRatification> extends PublicRatification ? true : false>
];

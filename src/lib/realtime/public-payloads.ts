import { z } from 'zod/mini';
import type {
	PublishedDecision,
	PublishedItem,
	PublishedList,
	PublishedVersionMeta
} from '$lib/decisions/published';
import { liveDecision } from './decision-payloads';

/*
 * The live events of the public side, described as the rest of the catalogue is (event-payloads.ts
 * spreads these in). They are also the public projection's whitelist: an anonymous socket gets an
 * event only if its type is described here, with its payload parsed by this schema, so nothing
 * that is not described (and so not published) can ride along (server/publications/live.ts).
 */

const id = z.string();
const instant = z.iso.datetime();

/** A version's meta as the public page's versions list shows it. */
export const publishedVersionMeta = z.object({
	number: z.int(),
	publishedAt: instant,
	reason: z.nullable(z.string()),
	reasonCode: z.nullable(z.string()),
	note: z.nullable(z.string())
});

const publishedItem = z.object({
	id,
	number: z.int(),
	title: z.string(),
	purpose: z.string(),
	summary: z.string(),
	proposingParty: z.nullable(z.string()),
	attachments: z.array(z.object({ id, filename: z.string(), mediaType: z.string(), size: z.int() }))
});

const publishedDecision = z.omit(liveDecision, { version: true, recordedAt: true });

/** A version's snapshot as the public page shows it: all it holds, nothing besides. */
export const publishedList = z.object({
	meeting: z.object({
		id,
		title: z.string(),
		kind: z.string(),
		startsAt: instant,
		endsAt: instant,
		location: z.nullable(z.string()),
		chair: z.nullable(z.string())
	}),
	agenda: z.array(publishedItem),
	decisions: z.array(publishedDecision),
	adoptedAt: instant,
	noResponseParties: z.array(z.string()),
	confidentialItems: z.int()
});

export const publicPayloads = {
	/**
	 * To everyone: a version of a meeting's besluitenlijst was published (the first, or a
	 * correction). `version` and `list` come from the published version itself, added on the way
	 * out (the log keeps only the first three); null when it could not be read just then.
	 */
	'publication.published.v1': z.object({
		meetingId: id,
		title: z.string(),
		number: z.int(),
		version: z.nullable(publishedVersionMeta),
		list: z.nullable(publishedList)
	})
};

/* The public page's types these shapes must keep fitting (decisions/published.ts). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type PublicShapesFitThePublicPage = [
	Holds<Same<z.infer<typeof publishedVersionMeta>, PublishedVersionMeta>>,
	Holds<Same<z.infer<typeof publishedItem>, PublishedItem>>,
	Holds<Same<z.infer<typeof publishedDecision>, PublishedDecision>>,
	Holds<Same<z.infer<typeof publishedList>, PublishedList>>
];

import type { PublishedList, PublishedVersionMeta } from '$lib/decisions/published';
import { parsePayload } from './event-payloads';
import type { RealtimeEvent } from './protocol';

/*
 * What the public pages make of a publication that comes live (./public-client.ts hands them the
 * events): the version and its snapshot ride in the event (public-payloads.ts), so a page shows it
 * without asking the server. A page reloads its data only for a publication it cannot apply (its
 * version could not be read on the way out). Versions only grow: a version already known is old
 * news, whatever order events arrive in.
 */

interface Published {
	meetingId: string;
	version: PublishedVersionMeta;
	list: PublishedList;
}

/** The publication an event carries; 'other' for any other event, null when it cannot be applied. */
function publicationOf(event: RealtimeEvent): Published | 'other' | null {
	if (event.type !== 'publication.published.v1') return 'other';
	const parsed = parsePayload(event);
	if (parsed?.type !== 'publication.published.v1') return null;
	const { meetingId, version, list } = parsed.payload;
	return version && list ? { meetingId, version, list } : null;
}

export interface ShownVersion {
	version: PublishedVersionMeta;
	list: PublishedList;
}

/**
 * One meeting's public page (/publicaties/{id}): a new version joins the versions list and is
 * announced; it replaces the version on screen only when the reader asks (show()), so the text
 * they are reading does not change under them.
 */
export class PublicationLive {
	versions = $state<PublishedVersionMeta[]>([]);
	/** The newest version, come live, not shown yet. */
	arrived = $state<ShownVersion | null>(null);
	/** What the page shows instead of its loaded version, once the reader asked for the new one. */
	shown = $state<ShownVersion | null>(null);
	/** The newest version's attachments: the downloads serve only those. */
	downloadable = $state<string[]>([]);
	readonly #meetingId: string;

	constructor(initial: {
		meetingId: string;
		versions: readonly PublishedVersionMeta[];
		downloadable: readonly string[];
	}) {
		this.#meetingId = initial.meetingId;
		this.versions = [...initial.versions];
		this.downloadable = [...initial.downloadable];
	}

	get newest(): number {
		return this.versions[0]?.number ?? 0;
	}

	/** Applies one event; false when the page must reload its data instead. */
	apply(event: RealtimeEvent): boolean {
		const published = publicationOf(event);
		if (published === 'other') return true;
		if (published === null) return event.meetingId !== this.#meetingId;
		if (published.meetingId !== this.#meetingId) return true;
		const { version, list } = published;
		if (this.versions.some((known) => known.number === version.number)) return true;
		this.versions = [...this.versions, version].sort((a, b) => b.number - a.number);
		if (version.number === this.newest) {
			this.arrived = { version, list };
			this.downloadable = list.agenda.flatMap((item) => item.attachments.map((file) => file.id));
		}
		return true;
	}

	/** The reader asked for the new version: it is shown, the notice goes. */
	show(): ShownVersion | null {
		if (!this.arrived) return null;
		this.shown = this.arrived;
		this.arrived = null;
		return this.shown;
	}
}

/** A row of the list of publications, as the list shows it (PublicationList.svelte). */
export interface ListedPublication {
	meetingId: string;
	title: string;
	kind: string;
	startsAt: string;
	version: number;
	publishedAt: string;
}

/**
 * The list of publications (/publicaties): a new version updates its meeting's row; a meeting
 * published for the first time joins the list in its place (by date, newest first), but not the
 * results of a search or filter, which the server chose and the reader is reading.
 */
export class PublicationListLive {
	publications = $state<ListedPublication[]>([]);
	/** The title of the meeting that last joined or changed, for the live region. */
	lastChange = $state<{ title: string; number: number } | null>(null);
	readonly #searched: boolean;

	constructor(initial: { publications: readonly ListedPublication[]; searched: boolean }) {
		this.publications = [...initial.publications];
		this.#searched = initial.searched;
	}

	/** Applies one event; false when the page must reload its data instead. */
	apply(event: RealtimeEvent): boolean {
		const published = publicationOf(event);
		if (published === 'other') return true;
		if (published === null) return false;
		const { meetingId, version, list } = published;
		const row = this.publications.find((known) => known.meetingId === meetingId);
		if (row && row.version >= version.number) return true;
		const fields = {
			meetingId,
			title: list.meeting.title,
			kind: list.meeting.kind,
			startsAt: list.meeting.startsAt,
			version: version.number,
			publishedAt: version.publishedAt
		};
		if (row) {
			this.publications = this.publications.map((known) =>
				known.meetingId === meetingId ? { ...known, ...fields } : known
			);
		} else if (!this.#searched) {
			this.publications = [...this.publications, fields].sort((a, b) =>
				b.startsAt.localeCompare(a.startsAt)
			);
		} else {
			return true;
		}
		this.lastChange = { title: fields.title, number: fields.version };
		return true;
	}
}

import type { AttachmentView } from '$lib/components/AttachmentsSection.svelte';
import type { CommentView } from '$lib/components/comment-types';
import {
	isItemEvent,
	parsePayload,
	type ItemEventType,
	type LiveAttachment,
	type LiveComment,
	type LiveItemRow,
	type ParsedEvent
} from './event-payloads';
import type { RealtimeEvent } from './protocol';

/*
 * The item page's live state (HOUSE.md, "Live state, not reloads"). It holds what the page was
 * loaded with and applies each event about the item in place: a comment event carries the comment
 * as every reader sees it, an attachment event the attachment, an item event the item's row (title,
 * status, place, minutes, co-sponsors). It answers false, and the page reloads its data, for what
 * it cannot apply: a type or payload it does not know, a content change outside the row (the
 * summary is rendered on the server), and every change of what the viewer may do here, which only
 * the server decides (allowed.ts): a new status, another meeting, the late-submission consent, and
 * co-sponsoring when the viewer may invite or their own party is the one concerned.
 */

/** The fields of the item the row keeps up to date; the page's item has more. */
export type ItemLiveFields = Pick<
	LiveItemRow,
	| 'id'
	| 'meetingId'
	| 'title'
	| 'status'
	| 'purpose'
	| 'position'
	| 'minutes'
	| 'version'
	| 'lateSubmission'
	| 'lateSubmissionApproved'
	| 'coSponsors'
	| 'carriedBy'
>;

export type CommentThreadView = CommentView & { replies: CommentView[] };

/** What the page tells screen-reader users about a change someone made. */
export interface ItemLiveChange {
	kind:
		| 'comment_added'
		| 'comment_edited'
		| 'comment_deleted'
		| 'attachment_added'
		| 'attachment_deleted';
	/** The comment's author, or the attachment's file name. */
	name: string;
	byPersonId: string | null;
	eventId: number;
}

export interface ItemLiveStart<I extends ItemLiveFields> {
	item: I;
	comments: CommentThreadView[];
	attachments: AttachmentView[];
	revisionCount: number;
	viewer: { organisationId: string; party: string | null };
	/** Whether the viewer may ask parties to co-sponsor: each answer changes whom they may ask. */
	mayInvite: boolean;
	/** Whether the viewer may delete a newly arriving attachment of their organisation, another's. */
	mayDeleteNew: { own: boolean; others: boolean };
}

/** Content fields an update may change while the page still applies it: they are in the row. */
const inTheRow = new Set(['title', 'purpose']);

export class ItemLive<I extends ItemLiveFields> {
	item: I;
	comments = $state<CommentThreadView[]>([]);
	attachments = $state<AttachmentView[]>([]);
	revisionCount = $state(0);
	lastChange = $state<ItemLiveChange | null>(null);
	#start: Omit<ItemLiveStart<I>, 'item' | 'comments' | 'attachments' | 'revisionCount'>;
	/**
	 * The newest event applied per thing (the item, each comment, each attachment). Another
	 * process's older event can arrive after a newer one (docs/realtime.md): it must not undo it.
	 */
	// Bookkeeping, never shown: a plain Map on purpose (nothing on the page depends on it).
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#newest = new Map<string, number>();

	constructor(initial: ItemLiveStart<I>) {
		this.item = $state(initial.item);
		this.comments = initial.comments.map((thread) => ({ ...thread, replies: [...thread.replies] }));
		this.attachments = [...initial.attachments];
		this.revisionCount = initial.revisionCount;
		this.#start = {
			viewer: initial.viewer,
			mayInvite: initial.mayInvite,
			mayDeleteNew: initial.mayDeleteNew
		};
	}

	/** Applies one event; false when the page must reload its data instead. */
	apply(event: RealtimeEvent): boolean {
		const parsed = parsePayload(event);
		if (!parsed) return false;
		if (isItemEvent(parsed)) return this.#applyRow(event.id, parsed);
		switch (parsed.type) {
			case 'comment.added.v1':
			case 'comment.edited.v1':
			case 'comment.deleted.v1': {
				const { itemId, comment } = parsed.payload;
				if (itemId !== this.item.id) return true;
				if (!this.#isNewest(`comment:${comment.id}`, event.id)) return true;
				const kind =
					parsed.type === 'comment.added.v1'
						? 'comment_added'
						: parsed.type === 'comment.edited.v1'
							? 'comment_edited'
							: 'comment_deleted';
				if (!this.#putComment(commentView(comment))) return false;
				this.#tell(kind, comment.authorName, event);
				return true;
			}
			case 'attachment.uploaded.v1': {
				const { itemId, attachment } = parsed.payload;
				if (itemId !== this.item.id) return true;
				if (!this.#isNewest(`attachment:${attachment.id}`, event.id)) return true;
				this.attachments = [
					...this.attachments.filter((row) => row.id !== attachment.id),
					this.#attachmentView(attachment)
				].sort(byUpload);
				this.#tell('attachment_added', attachment.filename, event);
				return true;
			}
			case 'attachment.deleted.v1': {
				if (parsed.payload.itemId !== this.item.id) return true;
				if (!this.#isNewest(`attachment:${event.subjectId}`, event.id)) return true;
				this.attachments = this.attachments.filter((row) => row.id !== event.subjectId);
				this.#tell('attachment_deleted', parsed.payload.filename, event);
				return true;
			}
			case 'agenda.reordered.v1': {
				const position = parsed.payload.positions[this.item.id];
				if (position !== undefined && this.#isNewest('item', event.id))
					this.item = { ...this.item, position };
				return true;
			}
			case 'agenda.approval_recorded.v1':
			case 'agenda.approval_reset.v1':
				// A party's word on the agenda as a whole: this page does not show it.
				return true;
			default:
				return false;
		}
	}

	#applyRow(eventId: number, event: Extract<ParsedEvent, { type: ItemEventType }>): boolean {
		const row = event.payload.row;
		if (row.id !== this.item.id) return true;
		if (!this.#isNewest('item', eventId)) return true;
		if (this.#mayDoKey(row) !== this.#mayDoKey(this.item)) return false;
		if (
			event.type === 'agenda_item.updated.v1' &&
			event.payload.changed.some((field) => !inTheRow.has(field))
		)
			return false;
		// Every new content version wrote one revision (the history link counts them).
		this.revisionCount += Math.max(0, row.version - this.item.version);
		this.item = {
			...this.item,
			meetingId: row.meetingId,
			title: row.title,
			status: row.status,
			purpose: row.purpose,
			position: row.position,
			minutes: row.minutes,
			version: row.version,
			lateSubmission: row.lateSubmission,
			lateSubmissionApproved: row.lateSubmissionApproved,
			coSponsors: row.coSponsors,
			carriedBy: row.carriedBy
		};
		return true;
	}

	/**
	 * What the server's answer to "what may the viewer do here" depends on, as far as an item event
	 * can change it: a change of this means the page asks the server again rather than guess.
	 */
	#mayDoKey(item: ItemLiveFields): string {
		const { party } = this.#start.viewer;
		const sponsors = item.coSponsors
			.filter((row) => this.#start.mayInvite || row.party === party)
			.map((row) => `${row.party}:${row.status}`);
		return [
			item.status,
			item.meetingId,
			item.lateSubmission,
			item.lateSubmissionApproved,
			...sponsors
		].join('|');
	}

	/** Adds or replaces a comment; false when its thread is not on the page. */
	#putComment(comment: CommentView): boolean {
		const current = this.#findComment(comment.id);
		// A fresh load may already show a later state than a late event carries.
		if (current && stamp(current) > stamp(comment)) return true;
		if (comment.parentId === null) {
			const replies = this.comments.find((thread) => thread.id === comment.id)?.replies ?? [];
			this.comments = [
				...this.comments.filter((thread) => thread.id !== comment.id),
				{ ...comment, replies }
			].sort(byWriting);
			return true;
		}
		const parent = this.comments.find((thread) => thread.id === comment.parentId);
		if (!parent) return false;
		this.comments = this.comments.map((thread) =>
			thread === parent
				? {
						...thread,
						replies: [...thread.replies.filter((reply) => reply.id !== comment.id), comment].sort(
							byWriting
						)
					}
				: thread
		);
		return true;
	}

	#findComment(id: string): CommentView | undefined {
		for (const thread of this.comments) {
			if (thread.id === id) return thread;
			const reply = thread.replies.find((row) => row.id === id);
			if (reply) return reply;
		}
		return undefined;
	}

	#attachmentView(attachment: LiveAttachment): AttachmentView {
		const { own, others } = this.#start.mayDeleteNew;
		const ours = attachment.uploadedByOrganisationId === this.#start.viewer.organisationId;
		return {
			id: attachment.id,
			filename: attachment.filename,
			mediaType: attachment.mediaType,
			size: attachment.size,
			uploaderName: attachment.uploaderName,
			uploadedAt: instant(attachment.uploadedAt),
			mayDelete: ours ? own : others
		};
	}

	#tell(kind: ItemLiveChange['kind'], name: string, event: RealtimeEvent) {
		this.lastChange = { kind, name, byPersonId: event.actorPersonId, eventId: event.id };
	}

	/** Whether this event is newer than any applied before about the same thing (and note it). */
	#isNewest(key: string, eventId: number): boolean {
		if ((this.#newest.get(key) ?? 0) > eventId) return false;
		this.#newest.set(key, eventId);
		return true;
	}
}

/** A comment read from JSON: moments as Dates, as the page's data has them. */
function commentView(comment: LiveComment): CommentView {
	return {
		...comment,
		createdAt: instant(comment.createdAt),
		editedAt: comment.editedAt ? instant(comment.editedAt) : null,
		deletedAt: comment.deletedAt ? instant(comment.deletedAt) : null
	};
}

/** A moment read from JSON; never changed afterwards, so a plain Date. */
function instant(iso: string): Date {
	return new Date(iso);
}

const time = (at: Date | string) => new Date(at).getTime();

/** A comment's latest moment: deleting comes after every edit, an edit after the writing. */
const stamp = (comment: CommentView) =>
	Math.max(
		time(comment.createdAt),
		comment.editedAt ? time(comment.editedAt) : 0,
		comment.deletedAt ? time(comment.deletedAt) : 0
	);

/** The thread's order: oldest first, as listComments gives it. */
const byWriting = (a: CommentView, b: CommentView) =>
	time(a.createdAt) - time(b.createdAt) || a.id.localeCompare(b.id);

const byUpload = (a: AttachmentView, b: AttachmentView) =>
	time(a.uploadedAt) - time(b.uploadedAt) || a.id.localeCompare(b.id);

import type {
	LiveAgreementRow,
	LiveLink,
	LiveProgress,
	LiveRatification
} from './agreement-payloads';
import { chainWithoutLink } from './agreement-chain-live';
import { agreementEventOf } from './agreement-events';
import { historyEntryOf, type AgreementHistoryEntry } from './agreement-history';
import { NewestEvents } from './list-live.svelte';
import { meetingTitleOf } from './meeting-change';
import type { RealtimeEvent } from './protocol';

/*
 * One agreement's page, live (HOUSE.md, "Live state, not reloads"). Each event about it carries its
 * register row, and its own part: the progress report, the koepel's record, the onward link. The
 * page applies those in place (the facts, the progress list, the ratification table, the chain, a
 * line of history, a link taken back) for everyone following it. It answers false, and the page reloads its data, for
 * what it cannot apply: a change of the text or the condition (rendered on the server), a new
 * status or a change of owners (they change what the viewer may do, which only the server decides:
 * agreements/allowed.ts), a link to another agreement (its place in the chain), and a history line
 * whose author the page does not know by name.
 */

/** A node of the chain, as the page shows it (chain.ts ChainNode). */
export interface ChainNodeView {
	id: string;
	title: string;
	status: LiveAgreementRow['status'];
	overdue: boolean;
	deadline: string;
	meetingId: string;
	meetingTitle: string;
	depth: number;
	links: LiveLink[];
}

export interface AgreementLiveStart<A extends LiveAgreementRow> {
	agreement: A;
	ratifications: LiveRatification[];
	progressReports: LiveProgress[];
	chain: ChainNodeView[];
	history: AgreementHistoryEntry[];
	/** People the page knows by name (history, contact persons, the viewer): id → name. */
	names: Record<string, string>;
}

/** Fields an edit may change while the page still applies it: they are in the row. */
const inTheRow = new Set(['title', 'deadline', 'fallbackDate', 'confidentiality']);

export class AgreementLive<A extends LiveAgreementRow> {
	agreement: A;
	ratifications = $state<LiveRatification[]>([]);
	progressReports = $state<LiveProgress[]>([]);
	chain = $state<ChainNodeView[]>([]);
	history = $state<AgreementHistoryEntry[]>([]);
	readonly newest = new NewestEvents();
	#names: Record<string, string>;

	constructor(start: AgreementLiveStart<A>) {
		this.agreement = $state(start.agreement);
		this.ratifications = [...start.ratifications];
		this.progressReports = [...start.progressReports];
		this.chain = start.chain.map((node) => ({ ...node, links: [...node.links] }));
		this.history = [...start.history];
		this.#names = { ...start.names };
	}

	/** Applies one event; false when the page must reload its data instead. */
	apply(event: RealtimeEvent): boolean {
		if (event.subjectType === 'meeting') return this.#meeting(event);
		const parsed = agreementEventOf(event);
		if (!parsed) return event.subjectType !== 'agreement';
		const row = parsed.payload.row;
		if (!this.newest.isNewest(row.id, event.id)) return true;
		if (parsed.type === 'agreement.unlinked.v1') {
			// A link taken back, here or at another agreement of the chain ("komt voort uit").
			const chain = chainWithoutLink(this.chain, this.agreement.id, parsed.payload.link);
			if (!chain) return false;
			this.chain = chain;
		}
		if (row.id !== this.agreement.id) return this.#chainNode(row);
		switch (parsed.type) {
			case 'agreement.updated.v1':
				if (!parsed.payload.changed.every((field) => inTheRow.has(field))) return false;
				break;
			case 'agreement.progress_reported.v1': {
				const report = parsed.payload.progress;
				this.#names[event.actorPersonId ?? ''] ??= report.createdByName;
				this.progressReports = [report, ...this.progressReports.filter((p) => p.id !== report.id)];
				break;
			}
			case 'agreement.ratification_recorded.v1': {
				const record = parsed.payload.ratification;
				this.ratifications = [
					...this.ratifications.filter((r) => r.koepel !== record.koepel),
					record
				].sort((a, b) => a.koepel.localeCompare(b.koepel));
				break;
			}
			case 'agreement.linked.v1': {
				const link = parsed.payload.link;
				if (link.toAgreementId) return false;
				this.chain = this.chain.map((node) =>
					node.id === this.agreement.id ? { ...node, links: [...node.links, link] } : node
				);
				break;
			}
			case 'agreement.unlinked.v1':
				break;
			default:
				// A new status, other owners: what the viewer may do changes (the server decides it).
				return false;
		}
		const name = event.actorPersonId ? this.#names[event.actorPersonId] : null;
		const entry = historyEntryOf(event, name ?? null);
		if (!entry || (event.actorPersonId && !name)) return false;
		this.history = [entry, ...this.history.filter((line) => line.id !== entry.id)];
		this.agreement = { ...this.agreement, ...row };
		this.#chainNode(row);
		return true;
	}

	/** An agreement in the chain changed: its node follows (title, status, deadline). */
	#chainNode(row: LiveAgreementRow): boolean {
		if (!this.chain.some((node) => node.id === row.id)) return true;
		this.chain = this.chain.map((node) =>
			node.id === row.id
				? {
						...node,
						title: row.title,
						status: row.status,
						overdue: row.overdue,
						deadline: row.deadline,
						meetingTitle: row.meetingTitle
					}
				: node
		);
		return true;
	}

	/** The agreement's meeting renamed (or a meeting in its chain): the page follows. */
	#meeting(event: RealtimeEvent): boolean {
		const named = meetingTitleOf(event);
		if (!named || named.title === null) return true;
		if (!this.newest.isNewest(`meeting:${named.meetingId}`, event.id)) return true;
		const title = named.title;
		if (this.agreement.meetingId === named.meetingId)
			this.agreement = { ...this.agreement, meetingTitle: title };
		this.chain = this.chain.map((node) =>
			node.meetingId === named.meetingId ? { ...node, meetingTitle: title } : node
		);
		return true;
	}
}

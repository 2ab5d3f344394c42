import { asc, desc, eq } from 'drizzle-orm';
import { useDb } from '../db';
import { agreementProgress, agreementRatifications, decisions, people } from '../db/schema';
import type { Actor } from '../access';
import type {
	LiveAgreementRow,
	LiveProgress,
	LiveRatification
} from '../../realtime/agreement-payloads';
import { filesOfReports } from '../attachments/report-files';
import { agreementChain, type ChainNode } from './chain';
import { registerRows } from './queries';
import { ratificationView } from './ratification';
import { findAgreement } from './store';

/** One agreement as its page shows it: the register row and everything about it. */
export interface AgreementDetail extends LiveAgreementRow {
	body: string;
	condition: string | null;
	lapseReason: string | null;
	closedAt: Date | null;
	commitmentId: string | null;
	/** The decision it comes from: its number on the agenda and its item's title then. */
	source: { agendaNumber: number; itemTitle: string } | null;
	createdAt: Date;
	ratifications: LiveRatification[];
	/** Newest first. */
	progressReports: LiveProgress[];
	chain: ChainNode[];
}

export async function getAgreement(
	actor: Actor,
	agreementId: string,
	now = new Date()
): Promise<AgreementDetail> {
	const db = await useDb();
	const found = await findAgreement(db, actor, agreementId);
	const { row } = found;
	const [[live], ratifications, reports, source, chain] = await Promise.all([
		registerRows(db, [row.id], now),
		db
			.select()
			.from(agreementRatifications)
			.where(eq(agreementRatifications.agreementId, row.id))
			.orderBy(asc(agreementRatifications.koepel)),
		db
			.select({ report: agreementProgress, name: people.name })
			.from(agreementProgress)
			.innerJoin(people, eq(people.id, agreementProgress.createdBy))
			.where(eq(agreementProgress.agreementId, row.id))
			.orderBy(desc(agreementProgress.createdAt), desc(agreementProgress.id)),
		row.decisionId
			? db
					.select({ agendaNumber: decisions.agendaNumber, itemTitle: decisions.itemTitle })
					.from(decisions)
					.where(eq(decisions.id, row.decisionId))
			: Promise.resolve([]),
		agreementChain(db, actor, row.id, now)
	]);
	const files = await filesOfReports(
		db,
		reports.map(({ report }) => report.id)
	);
	return {
		...live!,
		body: row.body,
		condition: row.condition,
		lapseReason: row.lapseReason,
		closedAt: row.closedAt,
		commitmentId: row.commitmentId,
		source: source[0] ?? null,
		createdAt: row.createdAt,
		ratifications: ratifications.map(ratificationView),
		progressReports: reports.map(({ report, name }) => ({
			id: report.id,
			party: report.party,
			text: report.text,
			percent: report.percent,
			createdByName: name,
			createdAt: report.createdAt.toISOString(),
			attachments: files.get(report.id) ?? []
		})),
		chain
	};
}

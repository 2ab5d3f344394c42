import { and, eq, sql } from 'drizzle-orm';
import { transaction } from '../db';
import { agreementLinks, meetings, type AgreementLink } from '../db/schema';
import { AccessError, requireAccess, type Actor } from '../access';
import type { RequestContext } from '../identity/context';
import { InvalidInputError, StateError } from '../kernel/errors';
import { parseInput } from '../kernel/input';
import type { LiveAgreementRow, LiveLink } from '../../realtime/agreement-payloads';
import { rowsOf } from './rows';
import { linkSchema, unlinkSchema } from './schemas';
import { findAgreement, recordEvent, requireCurrent, saveAgreement } from './store';

export function linkView(row: AgreementLink): LiveLink {
	return {
		id: row.id,
		fromAgreementId: row.fromAgreementId,
		toAgreementId: row.toAgreementId,
		kind: row.kind,
		label: row.label,
		meetingId: row.meetingId,
		date: row.date,
		createdAt: row.createdAt.toISOString()
	};
}

/**
 * The secretariaat hands an agreement on: to a later agreement (the chain then reads both ways),
 * or to a named destination (a meeting, the BOFv, a sectorale tafel, a budget moment such as the
 * Voorjaarsnota). A link that would close a circle is refused.
 */
export async function linkOnward(
	actor: Actor,
	agreementId: string,
	input: unknown,
	context: RequestContext = {}
): Promise<{ link: LiveLink; agreement: LiveAgreementRow }> {
	requireAccess(actor, 'agreement.manage');
	const fields = parseInput(linkSchema, input);
	return transaction(async (tx) => {
		const found = await findAgreement(tx, actor, agreementId, { lock: true });
		let values: typeof agreementLinks.$inferInsert;
		if (fields.toAgreementId) {
			if (fields.toAgreementId === found.row.id)
				throw new InvalidInputError({ toAgreementId: 'Kies een andere, latere afspraak.' });
			const target = await findAgreement(tx, actor, fields.toAgreementId).catch(
				(error: unknown) => {
					if (error instanceof AccessError)
						throw new InvalidInputError({ toAgreementId: 'Kies een afspraak uit het register.' });
					throw error;
				}
			);
			const [already] = await tx
				.select({ id: agreementLinks.id })
				.from(agreementLinks)
				.where(
					and(
						eq(agreementLinks.fromAgreementId, found.row.id),
						eq(agreementLinks.toAgreementId, target.row.id)
					)
				);
			if (already) throw new StateError('Deze afspraak is al naar die afspraak doorverwezen.');
			if (await reaches(tx, target.row.id, found.row.id))
				throw new InvalidInputError({
					toAgreementId:
						'Die afspraak komt zelf (via andere) uit deze voort; de keten zou dan rondlopen.'
				});
			values = {
				fromAgreementId: found.row.id,
				toAgreementId: target.row.id,
				createdBy: actor.personId
			};
		} else {
			const destination = fields.destination!;
			if (destination.meetingId) {
				const [meeting] = await tx
					.select({ id: meetings.id })
					.from(meetings)
					.where(eq(meetings.id, destination.meetingId));
				if (!meeting)
					throw new InvalidInputError({
						'destination.meetingId': 'Kies een vergadering uit de lijst.'
					});
			}
			values = { fromAgreementId: found.row.id, ...destination, createdBy: actor.personId };
		}
		const [saved] = await tx.insert(agreementLinks).values(values).returning();
		const link = linkView(saved!);
		const row = await saveAgreement(tx, found.row, {});
		const agreement = await recordEvent(tx, actor, context, row, 'agreement.linked.v1', { link });
		return { link, agreement };
	});
}

/**
 * The secretariaat takes back an onward link made by mistake, against the version it saw (the
 * agreement's version counts its links). Only a link of this agreement itself: one that leads here
 * from an earlier agreement is taken back on that one's page. The event carries the removed link,
 * so this page, the register and the later agreement's page ("komt voort uit") follow in place.
 */
export async function unlinkOnward(
	actor: Actor,
	agreementId: string,
	input: unknown,
	context: RequestContext = {}
): Promise<LiveAgreementRow> {
	requireAccess(actor, 'agreement.manage');
	const { linkId, reason, expectedVersion } = parseInput(unlinkSchema, input);
	return transaction(async (tx) => {
		const found = await findAgreement(tx, actor, agreementId, { lock: true });
		await requireCurrent(tx, found.row, expectedVersion);
		const [removed] = await tx
			.delete(agreementLinks)
			.where(and(eq(agreementLinks.id, linkId), eq(agreementLinks.fromAgreementId, found.row.id)))
			.returning();
		if (!removed)
			throw new InvalidInputError({
				linkId: 'Deze doorverwijzing hoort niet bij deze afspraak (of is al weggehaald).'
			});
		const row = await saveAgreement(tx, found.row, {});
		return recordEvent(tx, actor, context, row, 'agreement.unlinked.v1', {
			link: linkView(removed),
			reason
		});
	});
}

/** Whether `to` can be reached from `from` along the links (one recursive query). */
async function reaches(
	tx: Parameters<Parameters<typeof transaction>[0]>[0],
	from: string,
	to: string
) {
	const result = await tx.execute(sql`
		with recursive onward(id) as (
			select ${from}::uuid
			union
			select l.to_agreement_id from agreement_link l join onward o on l.from_agreement_id = o.id
			where l.to_agreement_id is not null
		)
		select exists (select 1 from onward where id = ${to}::uuid) as found`);
	return rowsOf<{ found: boolean }>(result)[0]?.found === true;
}

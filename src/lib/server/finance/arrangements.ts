import { eq } from 'drizzle-orm';
import type { Actor } from '../access';
import { transaction } from '../db';
import { budgetMoments, circulars, financialArrangements } from '../db/schema';
import type { RequestContext } from '../identity/context';
import { InvalidInputError, StateError } from '../kernel/errors';
import { parseInput } from '../kernel/input';
import type { LiveArrangementRow } from '../../realtime/finance-payloads';
import { decisionPublished } from '../agreements/audience';
import { budgetMomentLabel } from './labels';
import { writeEntry } from './ledger';
import { checkLinks } from './links';
import { arrangementRows } from './rows';
import {
	arrangementFields,
	createArrangementSchema,
	setArrangementStatusSchema,
	updateArrangementSchema
} from './schemas';
import {
	arrangementColumns,
	findArrangement,
	recordArrangementEvent,
	requireCurrent,
	requireFinanceStaff,
	saveArrangement,
	type ArrangementRow
} from './store';

/**
 * The secretariaat, Financiën or BZK records an arrangement: what, by which instrument, for which
 * layer, decided where, from which agreement, decision or agenda item; with its first schedule as
 * the ledger's first entry when given. Vertrouwelijk unless its decision is published and it is
 * marked otherwise (as an agreement). `options.id` is the demo data's fixed id, never a request's.
 */
export async function createArrangement(
	actor: Actor,
	input: unknown,
	context: RequestContext = {},
	options: { id?: string } = {}
): Promise<LiveArrangementRow> {
	const fields = parseInput(createArrangementSchema, input);
	return transaction(async (tx) => {
		await requireFinanceStaff(tx, actor);
		const { decisionId } = await checkLinks(tx, actor, fields);
		const confidentiality =
			fields.confidentiality ??
			((await decisionPublished(tx, decisionId)) ? 'openbaar' : 'vertrouwelijk');
		const [created] = await tx
			.insert(financialArrangements)
			.values({
				id: options.id,
				title: fields.title,
				description: fields.description ?? '',
				instrument: fields.instrument,
				layer: fields.layer,
				nature: fields.nature,
				budgetMomentId: fields.budgetMomentId,
				sourceDocument: fields.sourceDocument,
				expectedCircularKind: fields.expectedCircular?.kind ?? null,
				expectedCircularYear: fields.expectedCircular?.year ?? null,
				agreementId: fields.agreementId,
				decisionId,
				agendaItemId: fields.agendaItemId,
				replacesId: fields.replacesId,
				confidentiality,
				createdBy: actor.personId
			})
			.returning(arrangementColumns);
		let row: ArrangementRow = created!;
		const live = await recordArrangementEvent(
			tx,
			actor,
			context,
			row,
			'finance.arrangement_created.v1',
			{}
		);
		if (!fields.schedule) return live;
		let reason = fields.reason;
		if (!reason && fields.budgetMomentId) {
			const [moment] = await tx
				.select()
				.from(budgetMoments)
				.where(eq(budgetMoments.id, fields.budgetMomentId));
			reason = moment
				? `vastgesteld bij ${budgetMomentLabel(moment.kind, moment.year)}`
				: undefined;
		}
		const { entry, saved } = await writeEntry(tx, actor, row, {
			reason: reason ?? 'eerste kasritme',
			budgetMomentId: fields.budgetMomentId,
			amounts: fields.schedule,
			knownAt: fields.knownAt
		});
		row = saved;
		return recordArrangementEvent(tx, actor, context, row, 'finance.entry_recorded.v1', { entry });
	});
}

type Field = (typeof arrangementFields)[number];

/** Edits what an arrangement is and where it comes from, against the version seen (If-Match). */
export async function updateArrangement(
	actor: Actor,
	arrangementId: string,
	input: unknown,
	context: RequestContext = {}
): Promise<LiveArrangementRow> {
	const { expectedVersion, ...given } = parseInput(updateArrangementSchema, input);
	return transaction(async (tx) => {
		const found = await findArrangement(tx, actor, arrangementId, { lock: true });
		await requireFinanceStaff(tx, actor);
		await requireCurrent(tx, found.row, expectedVersion);
		const row = found.row;
		const changes: Partial<ArrangementRow> = {};
		const changed: Field[] = [];
		const set = <K extends keyof ArrangementRow>(
			field: Field,
			key: K,
			value: ArrangementRow[K]
		) => {
			if (value === row[key]) return;
			changes[key] = value;
			if (!changed.includes(field)) changed.push(field);
		};
		for (const field of arrangementFields) {
			if (field === 'expectedCircular') continue;
			const value = given[field];
			if (value === undefined) continue;
			set(field, field, (value ?? (field === 'description' ? '' : null)) as never);
		}
		if (given.expectedCircular !== undefined) {
			set('expectedCircular', 'expectedCircularKind', given.expectedCircular?.kind ?? null);
			set('expectedCircular', 'expectedCircularYear', given.expectedCircular?.year ?? null);
		}
		if (changed.length === 0) return (await arrangementRows(tx, [row.id]))[0]!;
		const links = await checkLinks(
			tx,
			actor,
			{
				agreementId: changes.agreementId,
				decisionId: changes.decisionId,
				agendaItemId: changes.agendaItemId,
				replacesId: changes.replacesId,
				budgetMomentId: changes.budgetMomentId
			},
			row.id
		);
		if (changes.agreementId && changes.decisionId === undefined && links.decisionId)
			changes.decisionId = links.decisionId;
		const saved = await saveArrangement(tx, row, changes);
		return recordArrangementEvent(tx, actor, context, saved, 'finance.arrangement_updated.v1', {
			changed
		});
	});
}

const order = ['voorgesteld', 'toegezegd', 'verwerkt', 'uitbetaald'] as const;

/**
 * Moves an arrangement along voorgesteld → toegezegd → verwerkt (in a named circular or a budget
 * law) → uitbetaald, or back a step to correct; vervallen with a reason, from any status. When it
 * lapses, an entry brings its schedule to zero (the ledger says the money is gone, and when).
 */
export async function setArrangementStatus(
	actor: Actor,
	arrangementId: string,
	input: unknown,
	context: RequestContext = {}
): Promise<LiveArrangementRow> {
	const fields = parseInput(setArrangementStatusSchema, input);
	return transaction(async (tx) => {
		const found = await findArrangement(tx, actor, arrangementId, { lock: true });
		await requireFinanceStaff(tx, actor);
		await requireCurrent(tx, found.row, fields.expectedVersion);
		let row = found.row;
		const from = row.status;
		const to = fields.status;
		if (from === to) throw new StateError('Het arrangement heeft deze status al.');
		if (from === 'vervallen')
			throw new StateError('Dit arrangement is vervallen; maak zo nodig een nieuw arrangement.');
		const changes: Partial<ArrangementRow> = { status: to };
		if (to === 'vervallen') {
			if (!fields.reason)
				throw new InvalidInputError({ reason: 'Zeg waarom het arrangement vervalt.' });
			changes.lapseReason = fields.reason;
		} else {
			const step = order.indexOf(to) - order.indexOf(from as (typeof order)[number]);
			if (Math.abs(step) !== 1)
				throw new StateError(
					`Van ${from} gaat een arrangement naar de volgende of de vorige stap, niet naar ${to}.`
				);
		}
		if (to === 'verwerkt') {
			if (!fields.processedCircularId && !fields.processedBudgetLaw)
				throw new InvalidInputError({
					processedCircularId:
						'Kies de circulaire waarin het is verwerkt, of noem de begrotingswet.'
				});
			if (fields.processedCircularId) {
				const [circular] = await tx
					.select({ id: circulars.id })
					.from(circulars)
					.where(eq(circulars.id, fields.processedCircularId));
				if (!circular)
					throw new InvalidInputError({ processedCircularId: 'Kies een circulaire uit de lijst.' });
			}
			changes.processedCircularId = fields.processedCircularId;
			changes.processedBudgetLaw = fields.processedBudgetLaw;
		}
		if (
			order.indexOf(to as (typeof order)[number]) < order.indexOf('verwerkt') &&
			to !== 'vervallen'
		) {
			changes.processedCircularId = null;
			changes.processedBudgetLaw = null;
		}
		if (to === 'vervallen' && row.scheduleVersion > 0) {
			const schedule = (await arrangementRows(tx, [row.id]))[0]!.schedule;
			if (schedule.length > 0) {
				const { saved, entry } = await writeEntry(tx, actor, row, {
					reason: `vervallen: ${fields.reason}`,
					budgetMomentId: null,
					amounts: schedule.map((line) => ({ year: line.year, cents: 0 }))
				});
				row = saved;
				await recordArrangementEvent(tx, actor, context, row, 'finance.entry_recorded.v1', {
					entry
				});
			}
		}
		const saved = await saveArrangement(tx, row, changes);
		return recordArrangementEvent(tx, actor, context, saved, 'finance.status_changed.v1', {
			from,
			to,
			reason: fields.reason
		});
	});
}

import { asc, inArray } from 'drizzle-orm';
import { useDb } from '../db';
import { agreementRatifications, agreements, type RatificationState } from '../db/schema';
import { error } from '@sveltejs/kit';
import { AccessError, type Actor } from '../access';
import { agreementRegisterAll } from '../agreements/queries';
import { amsterdamToday, statusLabels } from '../agreements/status';
import { InvalidInputError } from '../kernel/errors';
import type { LiveAgreementRow } from '../../realtime/agreement-payloads';
import { partyTitles } from '../publications/formats/common';
import { dutchDate } from './cells';
import { exportFilename, spreadsheetResponse, type ExportFormat } from './http';
import { sheet, type Book } from './spreadsheet';

/*
 * The register of agreements as a spreadsheet: every row the register's filters match (not one
 * page of it), in the register's order, for whoever may read the register and only the rows that
 * reader may see: the rows come from agreementRegisterAll, the register's own query and audience
 * filter. What a row of the register does not carry (the condition's text, each koepel's
 * ratification) is read for the same ids in one query each.
 */

/** More than this is refused with a message to narrow the filters, never cut off in silence. */
export const REGISTER_EXPORT_LIMIT = 10_000;

const ratificationWords: Record<RatificationState, string> = {
	niet_nodig: 'niet nodig',
	lopend: 'lopend',
	goedgekeurd: 'goedgekeurd',
	afgewezen: 'afgewezen'
};

const summaryWords: Record<LiveAgreementRow['ratification'], string> = {
	geen: 'geen ledenraadpleging',
	lopend: 'lopend',
	afgewezen: 'afgewezen',
	bekrachtigd: 'bekrachtigd'
};

interface Ratification {
	koepel: string;
	state: RatificationState;
	closesOn: string | null;
	decidedOn: string | null;
}

/** "VNG: lopend tot 15-02-2027; IPO: afgewezen op 10-01-2027", in the koepels' order. */
export function ratificationLine(rows: readonly Ratification[]): string {
	return rows
		.map((row) => {
			const when =
				row.state === 'lopend' && row.closesOn
					? ` tot ${dutchDate('date', row.closesOn)}`
					: row.decidedOn && (row.state === 'goedgekeurd' || row.state === 'afgewezen')
						? ` op ${dutchDate('date', row.decidedOn)}`
						: '';
			return `${partyTitles[row.koepel] ?? row.koepel}: ${ratificationWords[row.state]}${when}`;
		})
		.join('; ');
}

type Owner = LiveAgreementRow['owners'][number];

/** "Rijk (BZK)", "VNG". */
export const ownerLabel = (owner: Owner) => {
	const party = partyTitles[owner.party] ?? owner.party;
	return owner.organisationName && owner.organisationName !== party
		? `${party} (${owner.organisationName})`
		: party;
};

const yesNo = (value: boolean) => (value ? 'ja' : 'nee');

export interface RegisterExtras {
	condition: string | null;
	ratifications: Ratification[];
}

/** The book: one sheet "Afspraken", a row per agreement. */
export function registerBook(
	rows: readonly LiveAgreementRow[],
	extras: ReadonlyMap<string, RegisterExtras>,
	options: { origin: string; now: Date; description: string }
): Book {
	const cells = rows.map((row) => {
		const extra = extras.get(row.id);
		return {
			title: row.title,
			owners: row.owners.map(ownerLabel).join('; '),
			contacts: row.owners.map((owner) => `${ownerLabel(owner)}: ${owner.contactName}`).join('; '),
			deadline: row.deadline,
			expectedDate: row.status === 'vertraagd' ? row.expectedDate : null,
			status: statusLabels[row.status],
			overdue: yesNo(row.overdue),
			condition: extra?.condition ?? null,
			fallbackDate: row.fallbackDate,
			fallbackInForce: row.fallbackDate ? yesNo(row.fallbackInForce) : null,
			ratification: summaryWords[row.ratification],
			ratifications: ratificationLine(extra?.ratifications ?? []),
			meeting: row.meetingTitle,
			meetingDate: amsterdamToday(new Date(row.meetingStartsAt)),
			progressAt: row.progress ? amsterdamToday(new Date(row.progress.at)) : null,
			progressPercent:
				row.progress?.percent === null || row.progress?.percent === undefined
					? null
					: row.progress.percent / 100,
			confidentiality: row.confidentiality,
			address: `${options.origin}/afspraken/${row.id}`
		};
	});
	return {
		title: `Afspraken van het Overhedenoverleg, ${dutchDate('date', amsterdamToday(options.now))}`,
		subject: options.description,
		description: 'Het register van afspraken, met de filters van het register.',
		created: options.now,
		sheets: [
			sheet({
				name: 'Afspraken',
				rows: cells,
				columns: [
					{ header: 'Afspraak', key: 'title', kind: 'text', width: 50 },
					{ header: 'Actiehouders', key: 'owners', kind: 'text', width: 28 },
					{ header: 'Contactpersonen', key: 'contacts', kind: 'text', width: 40 },
					{ header: 'Termijn', key: 'deadline', kind: 'date', width: 12 },
					{ header: 'Verwachte datum', key: 'expectedDate', kind: 'date', width: 14 },
					{ header: 'Status', key: 'status', kind: 'text', width: 14 },
					{ header: 'Verlopen', key: 'overdue', kind: 'text', width: 10 },
					{ header: 'Terugvaloptie', key: 'condition', kind: 'text', width: 40 },
					{ header: 'Datum terugvaloptie', key: 'fallbackDate', kind: 'date', width: 14 },
					{ header: 'Terugvaloptie van kracht', key: 'fallbackInForce', kind: 'text', width: 14 },
					{ header: 'Bekrachtiging', key: 'ratification', kind: 'text', width: 16 },
					{ header: 'Bekrachtiging per koepel', key: 'ratifications', kind: 'text', width: 40 },
					{ header: 'Vergadering', key: 'meeting', kind: 'text', width: 30 },
					{ header: 'Datum vergadering', key: 'meetingDate', kind: 'date', width: 14 },
					{ header: 'Laatste voortgang', key: 'progressAt', kind: 'date', width: 14 },
					{ header: 'Voortgang %', key: 'progressPercent', kind: 'percent', width: 12 },
					{ header: 'Vertrouwelijkheid', key: 'confidentiality', kind: 'text', width: 14 },
					{ header: 'Adres', key: 'address', kind: 'text', width: 50 }
				]
			})
		]
	};
}

/** The condition and the ratifications of these agreements: one query each, whatever their number. */
async function extrasOf(ids: string[]): Promise<Map<string, RegisterExtras>> {
	const extras = new Map<string, RegisterExtras>(
		ids.map((id) => [id, { condition: null, ratifications: [] }])
	);
	if (ids.length === 0) return extras;
	const db = await useDb();
	const [conditions, ratifications] = await Promise.all([
		db
			.select({ id: agreements.id, condition: agreements.condition })
			.from(agreements)
			.where(inArray(agreements.id, ids)),
		db
			.select({
				agreementId: agreementRatifications.agreementId,
				koepel: agreementRatifications.koepel,
				state: agreementRatifications.state,
				closesOn: agreementRatifications.closesOn,
				decidedOn: agreementRatifications.decidedOn
			})
			.from(agreementRatifications)
			.where(inArray(agreementRatifications.agreementId, ids))
			.orderBy(asc(agreementRatifications.koepel))
	]);
	for (const row of conditions) extras.get(row.id)!.condition = row.condition;
	for (const { agreementId, ...row } of ratifications)
		extras.get(agreementId)?.ratifications.push(row);
	return extras;
}

const filterWords: Record<string, (value: unknown) => string> = {
	q: (value) => `zoekvraag “${String(value)}”`,
	party: (value) => `actiehouder ${partyTitles[String(value)] ?? String(value)}`,
	status: (value) =>
		`status ${(Array.isArray(value) ? value : [value])
			.map((one) => statusLabels[one as keyof typeof statusLabels] ?? String(one))
			.join(' of ')}`,
	meetingId: () => 'één vergadering',
	from: (value) => `termijn vanaf ${dutchDate('date', value)}`,
	to: (value) => `termijn tot en met ${dutchDate('date', value)}`,
	overdue: () => 'verlopen',
	mine: () => 'mijn afspraken',
	myParty: () => 'afspraken van mijn partij'
};

/** The filters in words, for the file's properties: "Filters: actiehouder VNG, verlopen". */
export function filterDescription(input: Record<string, unknown>): string {
	const words = Object.entries(filterWords)
		.filter(
			([field]) => input[field] !== undefined && input[field] !== false && input[field] !== ''
		)
		.map(([field, word]) => word(input[field]));
	return words.length ? `Filters: ${words.join(', ')}` : 'Alle afspraken, zonder filters';
}

/** What the route read from the register's address: the verb's input and its own findings. */
export interface RegisterRequest {
	input: Record<string, unknown>;
	errors: Record<string, string>;
}

const badRequest = (messages: Record<string, string>) =>
	error(400, Object.values(messages).join(' ') || 'Deze filters kloppen niet.');

/**
 * The register with the reader's filters as a download. Bad filters, and a selection past the
 * limit, are a 400 with the Dutch message (the address is the reader's to fix), never a 500.
 */
export async function registerDownload(
	actor: Actor,
	request: RegisterRequest,
	format: ExportFormat,
	origin: string,
	{ now = new Date(), limit = REGISTER_EXPORT_LIMIT }: { now?: Date; limit?: number } = {}
): Promise<Response> {
	if (Object.keys(request.errors).length > 0) badRequest(request.errors);
	let found: Awaited<ReturnType<typeof agreementRegisterAll>>;
	try {
		found = await agreementRegisterAll(actor, request.input, limit, now);
	} catch (caught) {
		if (caught instanceof InvalidInputError) badRequest(caught.fields);
		if (caught instanceof AccessError) error(caught.status, caught.message);
		throw caught;
	}
	const { total, rows } = found;
	if (total > limit)
		badRequest({
			q: `Deze selectie telt ${total.toLocaleString('nl-NL')} afspraken; een export bevat er hoogstens ${limit.toLocaleString('nl-NL')}. Verfijn de filters.`
		});
	const book = registerBook(rows, await extrasOf(rows.map((row) => row.id)), {
		origin,
		now,
		description: filterDescription(request.input)
	});
	return spreadsheetResponse(
		format,
		book,
		exportFilename(['afspraken', amsterdamToday(now)], format)
	);
}

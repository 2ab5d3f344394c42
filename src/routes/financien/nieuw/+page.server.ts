import { error, isHttpError, redirect } from '@sveltejs/kit';
import { formFailure, text } from '$lib/form-results.server';
import { localizeHref } from '$lib/paraglide/runtime';
import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { getItem } from '$lib/server/agenda';
import { getAgreement } from '$lib/server/agreements';
import { createArrangement, listBudgetMoments } from '$lib/server/finance';
import { requestContext } from '$lib/server/http/client';
import { InvalidInputError } from '$lib/server/kernel/errors';
import { amountRows, atRows } from '../[id]/amount-rows.server';
import { mayManageFinance } from '../[id]/finance-viewer.server';
import type { Actions, PageServerLoad } from './$types';

/**
 * The secretariaat, Financiën or BZK records a financial arrangement, with its first schedule: free,
 * or from an agreement (?agreementId=, its title carried over and linked), an agenda item
 * (?agendaItemId=) or a decision (?decisionId=). Anyone else is refused, as the verb would.
 */
export const load: PageServerLoad = async (event) => {
	const { actor } = requireSignedIn(event);
	if (!(await mayManageFinance(actor))) error(403, 'U mag dit niet doen.');
	const params = event.url.searchParams;
	const asked = {
		agreementId: params.get('agreementId')?.trim() ?? '',
		agendaItemId: params.get('agendaItemId')?.trim() ?? '',
		decisionId: params.get('decisionId')?.trim() ?? ''
	};
	const [agreement, item, moments] = await Promise.all([
		asked.agreementId ? found(getAgreement(actor, asked.agreementId)) : null,
		asked.agendaItemId ? found(getItem(actor, asked.agendaItemId)) : null,
		listBudgetMoments()
	]);
	return {
		asked,
		agreement: agreement && { id: agreement.id, title: agreement.title },
		agendaItem: item && { id: item.id, title: item.title },
		sourceMissing: (!!asked.agreementId && !agreement) || (!!asked.agendaItemId && !item),
		moments
	};
};

/** What the reader may not see, or what is not there, is no source: the form says so. */
async function found<T>(work: Promise<T>): Promise<T | null> {
	try {
		return await orAccessError(work);
	} catch (caught) {
		if (isHttpError(caught) && (caught.status === 404 || caught.status === 403)) return null;
		throw caught;
	}
}

const orNull = (value: string) => (value.trim() ? value.trim() : null);
const lines = (form: FormData, name: string) => text(form, name).replace(/\r\n?/g, '\n');

export const actions: Actions = {
	default: async (event) => {
		const { actor } = requireSignedIn(event);
		const form = await event.request.formData();
		const values = Object.fromEntries(
			[...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string')
		);
		const { amounts, rowOf } = amountRows(form, 'schedule');
		const kind = text(form, 'expectedCircularKind');
		const year = text(form, 'expectedCircularYear').trim();
		const input = {
			title: text(form, 'title'),
			description: lines(form, 'description'),
			instrument: text(form, 'instrument'),
			layer: text(form, 'layer'),
			nature: text(form, 'nature'),
			budgetMomentId: orNull(text(form, 'budgetMomentId')),
			sourceDocument: orNull(text(form, 'sourceDocument')),
			expectedCircular: kind || year ? { kind, year } : null,
			agreementId: orNull(text(form, 'agreementId')),
			agendaItemId: orNull(text(form, 'agendaItemId')),
			decisionId: orNull(text(form, 'decisionId')),
			confidentiality: text(form, 'confidentiality') || undefined,
			schedule: amounts.length ? amounts : undefined,
			reason: orNull(lines(form, 'reason')) ?? undefined
		};
		let made;
		try {
			made = await createArrangement(actor, input, requestContext(event));
		} catch (caught) {
			return formFailure(
				'create',
				circularAt(atRows(caught, 'schedule', 'schedule', rowOf)),
				values
			);
		}
		redirect(303, `${localizeHref(`/financien/${made.id}`)}?gemaakt`);
	}
};

function circularAt(caught: unknown): unknown {
	if (!(caught instanceof InvalidInputError)) return caught;
	const fields: Record<string, string> = {};
	for (const [name, message] of Object.entries(caught.fields)) {
		if (name === 'expectedCircular.year') fields.expectedCircularYear ??= message;
		else if (name.startsWith('expectedCircular')) fields.expectedCircularKind ??= message;
		else fields[name] = message;
	}
	return new InvalidInputError(fields);
}

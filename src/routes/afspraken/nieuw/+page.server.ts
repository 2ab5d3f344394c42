import { error, redirect } from '@sveltejs/kit';
import { formFailure, text } from '$lib/form-results.server';
import { localizeHref } from '$lib/paraglide/runtime';
import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { decideAccess } from '$lib/server/access';
import { createAgreement } from '$lib/server/agreements';
import { agreementSource, ownerChoices } from '$lib/server/agreements/choices';
import { InvalidInputError } from '$lib/server/kernel/errors';
import { requestContext } from '$lib/server/http/client';
import { listMeetings } from '$lib/server/meetings';
import type { Actions, PageServerLoad } from './$types';

/** The parties in the form's order: one row each, with a contact person when it is responsible. */
const parties = ['rijk', 'vng', 'ipo', 'uvw'] as const;

/**
 * The secretariaat makes an agreement: from a decision (?besluit=<id>) or a toezegging
 * (?toezegging=<id>) of a besluitenlijst, whose text the verb carries over, or free for a meeting
 * (?vergadering=<id> preselects it). Only the secretariaat; anyone else is refused, as the verb would.
 */
export const load: PageServerLoad = async (event) => {
	const { actor } = requireSignedIn(event);
	if (decideAccess(actor, 'agreement.manage') !== 'ok') error(403, 'U mag dit niet doen.');
	const params = event.url.searchParams;
	const asked = {
		decisionId: params.get('besluit')?.trim() || undefined,
		commitmentId: params.get('toezegging')?.trim() || undefined
	};
	const fromSource = Boolean(asked.decisionId || asked.commitmentId);
	const [source, choices, meetings] = await orAccessError(
		Promise.all([
			fromSource ? agreementSource(actor, asked) : Promise.resolve(null),
			ownerChoices(actor),
			fromSource ? Promise.resolve([]) : listMeetings(actor)
		])
	);
	return {
		asked,
		sourceMissing: fromSource && !source,
		source: source && {
			meetingId: source.meetingId,
			meetingTitle: source.meetingTitle,
			agendaNumber: source.decision.agendaNumber,
			itemTitle: source.decision.itemTitle,
			dicta: source.decision.dicta,
			commitment: source.commitment
		},
		choices,
		meetings: meetings.map((meeting) => ({
			id: meeting.id,
			title: meeting.title,
			startsAt: meeting.startsAt
		})),
		meetingId: params.get('vergadering') ?? ''
	};
};

const orNull = (value: string) => (value.trim() ? value : null);
const lines = (form: FormData, name: string) => text(form, name).replace(/\r\n?/g, '\n');

export const actions: Actions = {
	default: async (event) => {
		const { actor } = requireSignedIn(event);
		const form = await event.request.formData();
		const values = Object.fromEntries(
			[...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string')
		);
		// Each responsible party's row, in the order the verb numbers them (owners.0, owners.1, …).
		const chosen = parties.filter((party) => text(form, `owner-${party}-contact`));
		const input = {
			decisionId: text(form, 'decisionId') || undefined,
			commitmentId: text(form, 'commitmentId') || undefined,
			meetingId: text(form, 'meetingId') || undefined,
			title: orNull(text(form, 'title')) ?? undefined,
			body: orNull(lines(form, 'body')) ?? undefined,
			deadline: text(form, 'deadline') || undefined,
			condition: lines(form, 'condition'),
			fallbackDate: orNull(text(form, 'fallbackDate')),
			confidentiality: text(form, 'confidentiality') || undefined,
			owners: chosen.map((party) => ({
				party,
				organisationId: orNull(text(form, `owner-${party}-organisation`)),
				contactPersonId: text(form, `owner-${party}-contact`)
			}))
		};
		let made;
		try {
			made = await createAgreement(actor, input, requestContext(event));
		} catch (caught) {
			return formFailure('create', byRow(caught, chosen), values);
		}
		redirect(303, `${localizeHref(`/afspraken/${made.id}`)}?gemaakt`);
	}
};

/** The verb names an owner by its number; the form by its party's row. */
function byRow(caught: unknown, chosen: readonly string[]): unknown {
	if (!(caught instanceof InvalidInputError)) return caught;
	const fields: Record<string, string> = {};
	for (const [name, message] of Object.entries(caught.fields)) {
		const owner = /^owners(?:\.(\d+)(?:\.(\w+))?)?$/.exec(name);
		if (!owner) fields[name] = message;
		else {
			const party = chosen[Number(owner[1] ?? 0)] ?? 'rijk';
			const part = owner[2] === 'organisationId' ? 'organisation' : 'contact';
			fields[`owner-${party}-${part}`] ??= message;
		}
	}
	return new InvalidInputError(fields);
}

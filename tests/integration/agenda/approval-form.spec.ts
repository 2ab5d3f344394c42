import { render } from 'svelte/server';
import { beforeAll, describe, expect, it } from 'vitest';
import AgendaApprovalForm from '../../../src/lib/components/AgendaApprovalForm.svelte';
import { getMeetingWithAgenda, recordApproval } from '../../../src/lib/server/agenda';
import { InvalidInputError } from '../../../src/lib/server/kernel/errors';
import { startAgendaAlignment } from '../../../src/lib/server/meetings';
import { meetingActions } from '../../../src/routes/vergaderingen/[id]/actions.server';
import { failed, formPost } from '../form-post';
import { useProcessDatabase } from '../process-env';
import { createTeam, openMeetingFor, placedItem, rejection, type Team } from './fixtures';

useProcessDatabase();

/** Consent is never a default: the bestuurder's form starts unchosen and nothing chosen is refused. */
let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

async function agendaInAlignment() {
	const meeting = await openMeetingFor(team);
	const item = await placedItem(team, team.vngMedewerker, meeting.id, 30);
	await startAgendaAlignment(team.secretariaat, meeting.id);
	return { meeting, item };
}

async function states(meetingId: string) {
	const page = await getMeetingWithAgenda(team.secretariaat, meetingId);
	return Object.fromEntries(page.approvals.map((row) => [row.party, row.state]));
}

const approve = (meetingId: string, fields: Record<string, string>) =>
	meetingActions.approve(
		formPost(team.vngBestuurder, `/vergaderingen/${meetingId}?/approve`, fields, {
			id: meetingId
		})
	);

const checkedRadios = (html: string) =>
	[...html.matchAll(/<input[^>]*type="radio"[^>]*>/g)].filter((tag) => / checked/.test(tag[0]));

describe('the judgement form', () => {
	it('starts with nothing chosen, also after the party agreed earlier', () => {
		for (const approval of [
			null,
			{ decision: 'akkoord', reason: null, itemPositions: {} },
			{ decision: 'bezwaar', reason: 'Te vol.', itemPositions: {} }
		]) {
			const { body } = render(AgendaApprovalForm, {
				props: {
					party: 'vng',
					approval: approval as never,
					items: [],
					done: false
				}
			});
			expect(body).toContain('name="decision"');
			expect(checkedRadios(body)).toHaveLength(0);
		}
	});

	it('shows a refused choice as it was sent', () => {
		const { body } = render(AgendaApprovalForm, {
			props: {
				party: 'vng',
				approval: null,
				items: [],
				done: false,
				values: { decision: 'bezwaar' }
			}
		});
		const checked = checkedRadios(body);
		expect(checked).toHaveLength(1);
		expect(checked[0]![0]).toContain('value="bezwaar"');
	});
});

describe('the approve action', () => {
	it('denied: sending nothing chosen is refused at the field and changes nothing', async () => {
		const { meeting, item } = await agendaInAlignment();
		const sent: Record<string, string>[] = [
			{},
			{ decision: '' },
			{ decision: 'misschien', reason: 'Ja' }
		];
		for (const fields of sent) {
			const result = failed(
				await approve(meeting.id, { ...fields, [`position:${item.id}`]: 'Eens' })
			);
			expect(result.status).toBe(400);
			expect(result.data.errors).toEqual({ decision: 'Kies akkoord of bezwaar.' });
			expect((result.data as { values?: Record<string, string> }).values).toMatchObject({
				[`position:${item.id}`]: 'Eens'
			});
		}
		expect(await states(meeting.id)).toEqual({
			rijk: 'open',
			vng: 'open',
			ipo: 'open',
			uvw: 'open'
		});
	});

	it('allowed: a chosen akkoord is recorded', async () => {
		const { meeting } = await agendaInAlignment();
		expect(await approve(meeting.id, { decision: 'akkoord' })).toMatchObject({ done: true });
		expect((await states(meeting.id)).vng).toBe('akkoord');
	});

	it('the verb refuses a missing decision too, whoever calls it', async () => {
		const { meeting } = await agendaInAlignment();
		for (const input of [{}, { decision: '' }, { decision: null }]) {
			const caught = await rejection(recordApproval(team.vngBestuurder, meeting.id, input));
			expect((caught as InvalidInputError).fields).toEqual({
				decision: 'Kies akkoord of bezwaar.'
			});
		}
		expect((await states(meeting.id)).vng).toBe('open');
	});
});

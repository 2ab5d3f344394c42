import { describe, expect, it } from 'vitest';
import { AgreementLive, type ChainNodeView } from './agreement-live.svelte';
import {
	agreementEvent,
	agreementRow,
	link,
	owner,
	progress,
	ratification
} from './agreement-test-events';
import { historyEntryOf } from './agreement-history';
import { liveEvent } from './test-events';

const node = (id: string, depth: number): ChainNodeView => ({
	id,
	title: `Afspraak ${id}`,
	status: 'open',
	overdue: false,
	deadline: '2030-06-30',
	meetingId: 'm1',
	meetingTitle: 'Overhedenoverleg voorjaar',
	depth,
	links: []
});

function page(names: Record<string, string> = { secr: 'Sanne Secretariaat' }) {
	const row = agreementRow('a', { owners: [owner('vng')] });
	return new AgreementLive({
		agreement: { ...row, body: 'Tekst', condition: null },
		ratifications: [],
		progressReports: [],
		chain: [node('earlier', -1), node('a', 0)],
		history: [],
		names
	});
}

describe('one agreement, live', () => {
	it('a progress report joins the list and the history, with who reported it', () => {
		const live = page();
		const report = progress('vng', { id: 'p1', createdByName: 'Fatima El Amrani' });
		const row = agreementRow('a', {
			progress: { party: 'vng', percent: 50, at: report.createdAt }
		});
		const event = agreementEvent(
			'agreement.progress_reported.v1',
			row,
			{ progress: report },
			'fatima'
		);
		expect(live.apply(event)).toBe(true);
		expect(live.progressReports.map((p) => p.id)).toEqual(['p1']);
		expect(live.agreement.progress?.percent).toBe(50);
		expect(live.history[0]).toMatchObject({
			kind: 'progress_reported',
			actorName: 'Fatima El Amrani',
			progress: { party: 'vng', percent: 50, files: [] }
		});
	});

	it('a report’s files come with it: listed with their download address, named in the history', () => {
		const live = page();
		const file = {
			id: 'f1',
			filename: 'Tussenrapportage.pdf',
			mediaType: 'application/pdf',
			size: 2048,
			sha256: 'ab'.repeat(32),
			href: '/bijlagen/f1',
			apiHref: '/api/v1/attachments/f1'
		};
		const report = progress('vng', { id: 'p2', attachments: [file] });
		const event = agreementEvent(
			'agreement.progress_reported.v1',
			agreementRow('a'),
			{ progress: report },
			'fatima'
		);
		expect(live.apply(event)).toBe(true);
		expect(live.progressReports[0]!.attachments).toEqual([file]);
		expect(live.history[0]!.progress?.files).toEqual(['Tussenrapportage.pdf']);
	});

	it('a report from before reports took files reads as one without files', () => {
		const live = page();
		const { attachments: _none, ...older } = progress('vng', { id: 'p3' });
		const event = agreementEvent(
			'agreement.progress_reported.v1',
			agreementRow('a'),
			{ progress: older as never },
			'fatima'
		);
		expect(live.apply(event)).toBe(true);
		expect(live.progressReports[0]!.attachments).toEqual([]);
		expect(live.history[0]!.progress?.files).toEqual([]);
	});

	it('a koepel’s record replaces its own row and the summary follows', () => {
		const live = page({ vng: 'Vera VNG' });
		const pending = agreementEvent(
			'agreement.ratification_recorded.v1',
			agreementRow('a', { ratification: 'lopend' }),
			{ ratification: ratification('vng', 'lopend') },
			'vng'
		);
		const approved = agreementEvent(
			'agreement.ratification_recorded.v1',
			agreementRow('a', { ratification: 'bekrachtigd' }),
			{ ratification: ratification('vng', 'goedgekeurd', { version: 2 }) },
			'vng'
		);
		expect(live.apply(pending)).toBe(true);
		expect(live.apply(approved)).toBe(true);
		expect(live.ratifications).toMatchObject([{ koepel: 'vng', state: 'goedgekeurd', version: 2 }]);
		expect(live.agreement.ratification).toBe('bekrachtigd');
		expect(live.history.map((line) => line.actorName)).toEqual(['Vera VNG', 'Vera VNG']);
	});

	it('an edit of the title applies; of the text or the condition it reloads (rendered on the server)', () => {
		const live = page();
		const renamed = agreementEvent(
			'agreement.updated.v1',
			agreementRow('a', { title: 'Nieuw' }),
			{},
			'secr'
		);
		expect(live.apply(renamed)).toBe(true);
		expect(live.agreement.title).toBe('Nieuw');
		expect(live.chain.find((n) => n.id === 'a')!.title).toBe('Nieuw');
		const text = agreementEvent(
			'agreement.updated.v1',
			agreementRow('a'),
			{ changed: ['body'] },
			'secr'
		);
		expect(live.apply(text)).toBe(false);
	});

	it('a new status or another owner reloads: what the viewer may do is the server’s to say', () => {
		const live = page();
		const status = agreementEvent(
			'agreement.status_changed.v1',
			agreementRow('a', { status: 'afgerond' }),
			{},
			'secr'
		);
		expect(live.apply(status)).toBe(false);
		const added = agreementEvent('agreement.owner_added.v1', agreementRow('a'), {}, 'secr');
		expect(live.apply(added)).toBe(false);
	});

	it('a destination joins the chain in place; a link to another agreement reloads', () => {
		const live = page();
		const toBofv = agreementEvent(
			'agreement.linked.v1',
			agreementRow('a'),
			{ link: link('a') },
			'secr'
		);
		expect(live.apply(toBofv)).toBe(true);
		expect(live.chain.find((n) => n.id === 'a')!.links.map((l) => l.label)).toEqual([
			'BOFv van 21 november'
		]);
		const onward = agreementEvent(
			'agreement.linked.v1',
			agreementRow('a'),
			{ link: link('a', { id: 'l2', toAgreementId: 'later', kind: null, label: null }) },
			'secr'
		);
		expect(live.apply(onward)).toBe(false);
	});

	it('a link taken back leaves the chain in place, with its line of history and the new version', () => {
		const live = page();
		const bofv = link('a');
		live.apply(agreementEvent('agreement.linked.v1', agreementRow('a'), { link: bofv }, 'secr'));
		const taken = agreementEvent(
			'agreement.unlinked.v1',
			agreementRow('a', { version: 3 }),
			{ link: bofv, reason: 'Per abuis.' },
			'secr'
		);
		expect(live.apply(taken)).toBe(true);
		expect(live.chain.find((n) => n.id === 'a')!.links).toEqual([]);
		expect(live.agreement.version).toBe(3);
		expect(live.history[0]).toMatchObject({
			kind: 'unlinked',
			reason: 'Per abuis.',
			link: { kind: 'bofv', label: 'BOFv van 21 november' },
			actorName: 'Sanne Secretariaat'
		});
	});

	it('another agreement of the chain changes its node; an unrelated one changes nothing', () => {
		const live = page();
		const earlier = agreementRow('earlier', { status: 'afgerond', title: 'Eerder' });
		expect(live.apply(agreementEvent('agreement.status_changed.v1', earlier))).toBe(true);
		expect(live.chain[0]).toMatchObject({ status: 'afgerond', title: 'Eerder' });
		expect(live.apply(agreementEvent('agreement.created.v1', agreementRow('other')))).toBe(true);
		expect(live.history).toEqual([]);
	});

	it('reloads for a change by someone it does not know by name, rather than show no name', () => {
		const live = page({});
		const renamed = agreementEvent(
			'agreement.updated.v1',
			agreementRow('a', { title: 'X' }),
			{},
			'stranger'
		);
		expect(live.apply(renamed)).toBe(false);
	});

	it('follows its meeting’s new title', () => {
		const live = page();
		const event = liveEvent(
			'meeting.updated.v1',
			{ title: 'Overhedenoverleg najaar', version: 3, changed: ['title'] },
			{ type: 'meeting', id: 'm1' }
		);
		expect(live.apply(event)).toBe(true);
		expect(live.agreement.meetingTitle).toBe('Overhedenoverleg najaar');
		expect(live.chain.every((n) => n.meetingTitle === 'Overhedenoverleg najaar')).toBe(true);
	});
});

describe('a history line', () => {
	it('is made from the event the same way on the server and the page', () => {
		const event = agreementEvent(
			'agreement.status_changed.v1',
			agreementRow('a', { status: 'vertraagd', expectedDate: '2030-09-01' }),
			{ from: 'in_uitvoering', to: 'vertraagd', reason: 'Wacht op de meicirculaire.' }
		);
		expect(historyEntryOf(event, 'Sanne')).toMatchObject({
			kind: 'status_changed',
			from: 'in_uitvoering',
			to: 'vertraagd',
			reason: 'Wacht op de meicirculaire.',
			expectedDate: '2030-09-01',
			actorName: 'Sanne'
		});
		expect(historyEntryOf({ ...event, type: 'agreement.unknown.v1' }, null)).toBeNull();
		expect(historyEntryOf({ ...event, payload: { row: {} } }, null)).toBeNull();
	});
});

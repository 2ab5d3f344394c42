import { describe, expect, it } from 'vitest';
import { liveEvent } from '../../realtime/test-events';
import { publicAgreementProjection } from './public-live';

const owner = {
	id: 'o1',
	party: 'vng',
	organisationName: null,
	contactPersonId: 'p-contact',
	contactName: 'Fatima El Amrani'
};
const row = (over: Record<string, unknown> = {}) => ({
	id: 'a1',
	title: 'De UDO-ervaringen delen',
	meetingId: 'm1',
	meetingTitle: 'Overhedenoverleg',
	meetingStartsAt: '2026-03-10T09:00:00.000Z',
	decisionId: 'd1',
	deadline: '2027-03-31',
	expectedDate: null,
	dueDate: '2027-03-31',
	status: 'in_uitvoering',
	overdue: false,
	fallbackDate: null,
	fallbackInForce: false,
	ratification: 'geen',
	confidentiality: 'openbaar',
	owners: [owner],
	progress: { party: 'vng', percent: 40, at: '2026-12-01T10:00:00.000Z' },
	updatedAt: '2026-12-01T10:00:00.000Z',
	version: 2,
	...over
});
const event = (type: string, payload: Record<string, unknown>) =>
	liveEvent(type, payload, { type: 'agreement', id: 'a1', actor: 'p-author' });

describe('an agreement’s event as the public hears it', () => {
	it('allowed: a progress report, without its writer, its files or any person', () => {
		const projected = publicAgreementProjection(
			event('agreement.progress_reported.v1', {
				row: row(),
				progress: {
					id: 'r1',
					party: 'vng',
					text: 'Verzameld.',
					percent: 40,
					createdByName: 'Fatima El Amrani',
					createdAt: '2026-12-01T10:00:00.000Z',
					attachments: [{ id: 'f1', filename: 'notitie.pdf' }]
				}
			})
		);
		expect(projected).toMatchObject({ actorPersonId: null, actorOrganisationId: null });
		expect(projected!.payload.progress).toEqual({
			id: 'r1',
			party: 'vng',
			text: 'Verzameld.',
			percent: 40,
			createdAt: '2026-12-01T10:00:00.000Z'
		});
		expect((projected!.payload.row as { owners: unknown }).owners).toEqual([
			{ party: 'vng', organisationName: null }
		]);
		const text = JSON.stringify(projected);
		for (const hidden of ['Fatima', 'p-contact', 'p-author', 'notitie.pdf', 'decisionId'])
			expect(text).not.toContain(hidden);
	});

	it('a status change carries a lapse’s reason only', () => {
		const delayed = publicAgreementProjection(
			event('agreement.status_changed.v1', {
				row: row({ status: 'vertraagd' }),
				from: 'in_uitvoering',
				to: 'vertraagd',
				reason: 'Interne afweging'
			})
		);
		expect(delayed!.payload).toMatchObject({ lapseReason: null });
		expect(JSON.stringify(delayed)).not.toContain('Interne afweging');
		const lapsed = publicAgreementProjection(
			event('agreement.status_changed.v1', {
				row: row({ status: 'vervallen' }),
				from: 'in_uitvoering',
				to: 'vervallen',
				reason: 'Opgegaan in de Voorjaarsnota.'
			})
		);
		expect(lapsed!.payload).toMatchObject({ lapseReason: 'Opgegaan in de Voorjaarsnota.' });
	});

	it('denied: a vertrouwelijk row, a type the public does not hear, a payload that does not fit', () => {
		const progress = {
			id: 'r1',
			party: 'vng',
			text: 'x',
			percent: null,
			createdAt: '2026-12-01T10:00:00.000Z'
		};
		expect(
			publicAgreementProjection(
				event('agreement.progress_reported.v1', {
					row: row({ confidentiality: 'vertrouwelijk' }),
					progress
				})
			)
		).toBeNull();
		expect(
			publicAgreementProjection(event('agreement.linked.v1', { row: row(), link: {} }))
		).toBeNull();
		expect(
			publicAgreementProjection(
				event('agreement.progress_reported.v1', { row: row(), progress: {} })
			)
		).toBeNull();
		expect(
			publicAgreementProjection(event('agreement.updated.v1', { row: { id: 'a1' } }))
		).toBeNull();
	});
});

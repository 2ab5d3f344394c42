import { describe, expect, it } from 'vitest';
import type { RealtimeEvent } from '../../realtime/protocol';
import { samplePublication } from './formats/sample-publication';
import { publicProjection, withoutPublishedVersions } from './live';

const sample = samplePublication();

const event = (type: string, payload: Record<string, unknown>): RealtimeEvent => ({
	id: 42,
	type,
	occurredAt: '2026-12-08T09:15:00.000Z',
	subjectType: 'publication',
	subjectId: sample.list.meeting.id,
	meetingId: sample.list.meeting.id,
	actorPersonId: 'p-secretariaat',
	actorOrganisationId: 'o-secretariaat',
	payload
});

const published = (extra: Record<string, unknown> = {}) =>
	event('publication.published.v1', {
		meetingId: sample.list.meeting.id,
		title: sample.list.meeting.title,
		number: 2,
		version: sample.version,
		list: sample.list,
		...extra
	});

describe('publicProjection', () => {
	it('allowed: a publication, with its version and snapshot, and nobody’s name', () => {
		const projected = publicProjection(published());
		expect(projected).toEqual({
			...published(),
			actorPersonId: null,
			actorOrganisationId: null
		});
	});

	it('carries nothing the catalogue does not describe, at any depth', () => {
		const list = structuredClone(sample.list) as unknown as Record<string, unknown> & {
			decisions: Record<string, unknown>[];
			meeting: Record<string, unknown>;
		};
		list.decisions[0]!.version = 7;
		list.decisions[0]!.recordedAt = '2026-12-01T10:00:00.000Z';
		list.meeting.topic = 'geheim onderwerp';
		list.confidential = ['geheim punt'];
		const projected = publicProjection(
			published({
				list,
				publishedBy: 'p-secretariaat',
				version: { ...sample.version, publishedBy: 'p-secretariaat' }
			})
		);
		const text = JSON.stringify(projected);
		for (const hidden of ['p-secretariaat', 'o-secretariaat', 'geheim', 'recordedAt'])
			expect(text).not.toContain(hidden);
		expect(projected?.payload.list).toEqual(sample.list);
	});

	it('denied: a public event of a type the public catalogue does not describe goes nowhere', () => {
		for (const type of ['agreement.updated.v1', 'agenda_item.submitted.v1', 'publication.x.v1'])
			expect(publicProjection(event(type, { meetingId: sample.list.meeting.id }))).toBeNull();
		// Without what says which publication it is, not even that goes.
		expect(publicProjection(published({ number: 'twee' }))).toBeNull();
		expect(publicProjection(published({ meetingId: undefined }))).toBeNull();
	});

	it('a version or snapshot that does not fit goes as null: the page reads the publication again', () => {
		const odd = publicProjection(
			published({ version: { number: 2 }, list: { ...sample.list, agenda: 'geen lijst' } })
		);
		expect(odd?.payload).toEqual({
			meetingId: sample.list.meeting.id,
			title: sample.list.meeting.title,
			number: 2,
			version: null,
			list: null
		});
		// As the log keeps it (and as it goes when the version could not be read).
		const [bare] = withoutPublishedVersions([
			event('publication.published.v1', {
				meetingId: sample.list.meeting.id,
				title: sample.list.meeting.title,
				number: 2
			})
		]);
		expect(publicProjection(bare!)?.payload).toMatchObject({ version: null, list: null });
	});
});

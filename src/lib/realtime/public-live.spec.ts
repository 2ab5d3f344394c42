import { describe, expect, it } from 'vitest';
import { samplePublication } from '$lib/server/publications/formats/sample-publication';
import { PublicationListLive, PublicationLive } from './public-live.svelte';
import { liveEvent } from './test-events';

const sample = samplePublication();
const meetingId = sample.list.meeting.id;
const first = { ...sample.version, number: 1, reason: null, reasonCode: null, note: null };
const second = sample.version;
const third = { ...sample.version, number: 3, publishedAt: '2026-12-09T09:00:00.000Z' };

/** A publication's event as it goes to a public socket (server/publications/live.ts). */
const published = (version: typeof third | null, list: unknown = sample.list, id = meetingId) =>
	liveEvent(
		'publication.published.v1',
		{
			meetingId: id,
			title: sample.list.meeting.title,
			number: version?.number ?? 3,
			version,
			list
		},
		{ type: 'publication', id, meetingId: id }
	);

const page = () =>
	new PublicationLive({ meetingId, versions: [second, first], downloadable: ['f-old'] });

describe('a meeting’s public page, live', () => {
	it('a new version joins the versions and is announced, not shown until asked', () => {
		const live = page();
		const corrected = { ...sample.list, adoptedAt: '2026-12-09T08:00:00.000Z' };
		expect(live.apply(published(third, corrected))).toBe(true);
		expect(live.versions.map((v) => v.number)).toEqual([3, 2, 1]);
		expect(live.newest).toBe(3);
		expect(live.arrived).toEqual({ version: third, list: corrected });
		expect(live.shown).toBeNull();
		// The downloads follow the newest version's attachments at once.
		expect(live.downloadable).toEqual(['f1000000-0000-4000-8000-000000000001']);

		expect(live.show()).toEqual({ version: third, list: corrected });
		expect(live.shown?.version.number).toBe(3);
		expect(live.arrived).toBeNull();
		expect(live.show()).toBeNull();
	});

	it('a version it knows, another meeting’s, or another event: nothing changes', () => {
		const live = page();
		expect(live.apply(published(second))).toBe(true);
		expect(live.apply(published(third, sample.list, 'another-meeting'))).toBe(true);
		expect(live.apply(liveEvent('agenda_item.submitted.v1', {}))).toBe(true);
		expect(live.versions.map((v) => v.number)).toEqual([2, 1]);
		expect(live.arrived).toBeNull();
	});

	it('its own publication without its version or snapshot: the page reloads', () => {
		expect(page().apply(published(null, null))).toBe(false);
		expect(page().apply(published(third, null))).toBe(false);
		expect(page().apply(published(third, { meeting: 'kapot' }))).toBe(false);
		// Another meeting's, unreadable: not this page's concern.
		expect(page().apply(published(null, null, 'another-meeting'))).toBe(true);
	});
});

const row = (id: string, startsAt: string, version = 1) => ({
	meetingId: id,
	title: `Overleg ${id}`,
	kind: 'overhedenoverleg',
	startsAt,
	version,
	publishedAt: '2026-06-01T10:00:00.000Z'
});

describe('the list of publications, live', () => {
	const rows = [row('b', '2027-01-10T09:00:00.000Z'), row('a', '2026-06-01T09:00:00.000Z')];

	it('a first publication joins in its place by date; a correction updates its row', () => {
		const live = new PublicationListLive({ publications: rows, searched: false });
		expect(live.apply(published(first))).toBe(true);
		// The sample meeting is of December 2026: between the two.
		expect(live.publications.map((p) => p.meetingId)).toEqual(['b', meetingId, 'a']);
		expect(live.lastChange).toEqual({ title: sample.list.meeting.title, number: 1 });
		expect(live.apply(published(second))).toBe(true);
		expect(live.publications).toHaveLength(3);
		expect(live.publications[1]).toMatchObject({ version: 2, publishedAt: second.publishedAt });
		expect(live.lastChange?.number).toBe(2);
		// An older version arriving late changes nothing back.
		expect(live.apply(published(first))).toBe(true);
		expect(live.publications[1]!.version).toBe(2);
	});

	it('search results gain no row, but a row they show follows its corrections', () => {
		const live = new PublicationListLive({ publications: rows, searched: true });
		expect(live.apply(published(first))).toBe(true);
		expect(live.publications.map((p) => p.meetingId)).toEqual(['b', 'a']);
		expect(live.lastChange).toBeNull();
		expect(live.apply(published(third, sample.list, 'a'))).toBe(true);
		expect(live.publications[1]).toMatchObject({ meetingId: 'a', version: 3 });
	});

	it('a publication it cannot read: the list reloads', () => {
		const live = new PublicationListLive({ publications: rows, searched: false });
		expect(live.apply(published(null, null))).toBe(false);
	});
});

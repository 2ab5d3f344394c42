import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessError } from '../../../src/lib/server/access';
import { useDb } from '../../../src/lib/server/db';
import { events } from '../../../src/lib/server/db/schema';
import { InvalidInputError, StateError } from '../../../src/lib/server/kernel/errors';
import {
	addComment,
	deleteComment,
	diffRevisions,
	draftItem,
	editComment,
	listComments,
	listRevisions,
	updateItem
} from '../../../src/lib/server/agenda';
import { useProcessDatabase } from '../process-env';
import { createTeam, itemInput, rejection, submitted, type Team } from './fixtures';

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

describe('comments', () => {
	it('allowed: participants who see the item comment and reply one level deep', async () => {
		const item = await submitted(team.vngMedewerker, null);
		const first = await addComment(team.ipoMedewerker, item.id, {
			body: 'Kunnen de provincies meedoen?'
		});
		const reply = await addComment(team.vngMedewerker, item.id, {
			body: 'Graag.',
			parentId: first.id
		});
		await addComment(team.secretariaat, item.id, { body: 'Genoteerd.' });
		const thread = await listComments(team.uvwBestuurder, item.id);
		expect(thread.map((c) => c.body)).toEqual(['Kunnen de provincies meedoen?', 'Genoteerd.']);
		expect(thread[0]!.replies.map((r) => r.id)).toEqual([reply.id]);
		const deeper = await rejection(
			addComment(team.uvwMedewerker, item.id, { body: 'Nog dieper', parentId: reply.id })
		);
		expect((deeper as InvalidInputError).fields.parentId).toMatch(/eerste reactie/);
	});

	it('denied: a beheerder may not comment (403); another party cannot comment on a concept (404)', async () => {
		const item = await submitted(team.vngMedewerker, null);
		const admin = await rejection(addComment(team.beheerder, item.id, { body: 'Test' }));
		expect((admin as AccessError).status).toBe(403);
		const concept = await draftItem(team.vngMedewerker, itemInput());
		const hidden = await rejection(addComment(team.ipoMedewerker, concept.id, { body: 'Hallo' }));
		expect((hidden as AccessError).status).toBe(404);
		expect((await addComment(team.vngBestuurder, concept.id, { body: 'Intern' })).body).toBe(
			'Intern'
		);
		const empty = await rejection(addComment(team.vngBestuurder, concept.id, { body: '  ' }));
		expect((empty as InvalidInputError).fields.body).toMatch(/reactie/);
	});

	it('the author edits their own comment; nobody else may (403)', async () => {
		const item = await submitted(team.vngMedewerker, null);
		const comment = await addComment(team.ipoMedewerker, item.id, { body: 'Eerste versie' });
		const edited = await editComment(team.ipoMedewerker, comment.id, { body: 'Tweede versie' });
		expect(edited.body).toBe('Tweede versie');
		expect(edited.editedAt).not.toBeNull();
		for (const actor of [team.ipoBestuurder, team.secretariaat]) {
			const caught = await rejection(editComment(actor, comment.id, { body: 'Overschreven' }));
			expect((caught as AccessError).status).toBe(403);
		}
	});

	it('the author or the secretariaat deletes; a trace stays in the thread and the log', async () => {
		const item = await submitted(team.vngMedewerker, null);
		const own = await addComment(team.uvwMedewerker, item.id, { body: 'Vergissing' });
		const other = await addComment(team.ipoMedewerker, item.id, { body: 'Off-topic' });
		const denied = await rejection(deleteComment(team.uvwMedewerker, other.id));
		expect((denied as AccessError).status).toBe(403);
		await deleteComment(team.uvwMedewerker, own.id);
		await deleteComment(team.secretariaat, other.id);
		const thread = await listComments(team.vngMedewerker, item.id);
		expect(thread.map((c) => [c.body, c.deletedAt !== null])).toEqual([
			['', true],
			['', true]
		]);
		const db = await useDb();
		const logged = await db
			.select()
			.from(events)
			.where(and(eq(events.type, 'comment.deleted.v1'), eq(events.subjectId, other.id)));
		expect(logged[0]).toMatchObject({
			actorPersonId: team.secretariaat.personId,
			audience: ['table']
		});
		const again = await rejection(editComment(team.ipoMedewerker, other.id, { body: 'Terug' }));
		expect(again).toBeInstanceOf(StateError);
	});
});

describe('revisions', () => {
	it('whoever sees the item sees its history and a field-by-field diff with a line diff for text', async () => {
		const item = await submitted(team.ipoMedewerker, null);
		await updateItem(team.ipoMedewerker, item.id, {
			expectedVersion: 1,
			summary: 'De gemeenten vragen structurele middelen voor de jeugdzorg.\nDe provincies ook.',
			contactPerson: 'Lotte Mulder'
		});
		const history = await listRevisions(team.rijkBestuurder, item.id);
		expect(history.map((r) => [r.version, r.editorName])).toEqual([
			[1, 'Test medewerker'],
			[2, 'Test medewerker']
		]);
		const diff = await diffRevisions(team.rijkBestuurder, item.id, 1, 2);
		expect(diff.fields.map((f) => f.label)).toEqual(['samenvatting', 'contactpersoon']);
		expect(diff.fields[0]!.lines).toEqual([
			{ op: 'same', text: 'De gemeenten vragen structurele middelen voor de jeugdzorg.' },
			{ op: 'removed', text: 'De tekorten lopen op.' },
			{ op: 'added', text: 'De provincies ook.' }
		]);
		expect(diff.fields[1]).toMatchObject({ before: 'Fatima El Amrani', after: 'Lotte Mulder' });
	});

	it('denied: the history of a concept is hidden from others (404); unknown versions are a clear message', async () => {
		const concept = await draftItem(team.ipoMedewerker, itemInput());
		const hidden = await rejection(diffRevisions(team.vngMedewerker, concept.id, 1, 1));
		expect((hidden as AccessError).status).toBe(404);
		const unknown = await rejection(diffRevisions(team.ipoMedewerker, concept.id, 1, 7));
		expect((unknown as InvalidInputError).fields['']).toMatch(/versies/);
		const garbage = await rejection(diffRevisions(team.ipoMedewerker, concept.id, 'een', 'twee'));
		expect(garbage).toBeInstanceOf(InvalidInputError);
	});
});

import type { Browser, Page } from '@playwright/test';
import { bestuurders, heldMeeting, listAction, personPage, send } from './outcomes.fixtures';

/*
 * A published besluitenlijst of the test's own, built as the table builds one: a meeting held
 * today (outcomes.fixtures.ts) with two items of VNG, the second vertrouwelijk; the four parties
 * verify the list on its page; the secretariaat adopts it, publishes the openbare item, and
 * corrects it once after publication.
 */

const DAY = 24 * 3_600_000;

/** A held meeting with two decided items (the second vertrouwelijk), published and corrected. */
export async function publishedMeeting(secretariaat: Page, browser: Browser, baseURL?: string) {
	const parties = [];
	for (const party of bestuurders)
		parties.push(await personPage(browser, baseURL, `bestuurder.${party}`));
	const decision = (word: string, extra = '') => ({
		outcome: 'aangenomen',
		dicta: [
			`de ${word} vast te stellen${extra};`,
			'het BOFv te vragen de verdeling uit te werken.'
		],
		commitments: [
			{ party: 'vng', holder: 'VNG', description: 'Informeert de leden.', dueDate: '2027-03-31' }
		]
	});
	const { meeting, items, word } = await heldMeeting(secretariaat, {
		parties,
		browser,
		baseURL,
		title: 'Overhedenoverleg publicatie',
		firstItem: (word) => `Jeugdzorg: de ${word}`,
		secondItem: 'Vertrouwelijk: de onderhandelingsruimte',
		decision: (word) => decision(word),
		word: `leeropgave${Date.now().toString(36)}`
	});

	const inAWeek = new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10);
	await listAction(secretariaat, meeting.id, 'start', [['closesOn', inAWeek]]);
	for (const party of parties) await listAction(party, meeting.id, 'verify', []);
	for (const party of parties) await party.context().close();
	await listAction(secretariaat, meeting.id, 'adopt', []);
	await listAction(secretariaat, meeting.id, 'publish', [['publicItemIds', items[0]!.id]]);
	// A correction after publication: version 2, with its reason and note.
	await send(secretariaat, 'PUT', `/items/${items[0]!.id}/decision`, {
		...decision(word, ' met ingang van 2026'),
		version: 1
	});
	await listAction(secretariaat, meeting.id, 'republish', [
		['publicItemIds', items[0]!.id],
		['reasonKind', 'procedureel'],
		['note', 'De ingangsdatum ontbrak in het eerste besluitpunt.']
	]);
	return { meeting, items, word };
}

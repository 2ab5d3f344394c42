import { describe, expect, it } from 'vitest';
import { formatDicta, parseDicta } from './outcomes';

describe('dicta as people type them', () => {
	it('splits numbered lines, without their numbers', () => {
		expect(
			parseDicta('1. de notitie vast te stellen;\n2) haar toe te zenden aan de Kamer.')
		).toEqual(['de notitie vast te stellen;', 'haar toe te zenden aan de Kamer.']);
	});

	it('joins a line without a number to the dictum before it, and keeps unnumbered text', () => {
		expect(parseDicta('1. in te stemmen met\nde verdeling;\n\n2. te evalueren')).toEqual([
			'in te stemmen met de verdeling;',
			'te evalueren'
		]);
		expect(parseDicta('Kennis te nemen van de brief.')).toEqual(['Kennis te nemen van de brief.']);
		expect(parseDicta(' \n\n')).toEqual([]);
	});

	it('formats them back so that parsing gives the same dicta', () => {
		const dicta = ['vast te stellen;', 'toe te zenden.'];
		expect(formatDicta(dicta)).toBe('1. vast te stellen;\n2. toe te zenden.');
		expect(parseDicta(formatDicta(dicta))).toEqual(dicta);
	});
});

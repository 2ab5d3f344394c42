import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
	it('renders ordinary Markdown', () => {
		const html = renderMarkdown('# Kop\n\nEen **vet** woord en een lijst:\n\n- een\n- twee');
		expect(html).toContain('<h1>Kop</h1>');
		expect(html).toContain('<strong>vet</strong>');
		expect(html).toContain('<li>twee</li>');
	});

	it('escapes a script tag instead of running it', () => {
		const html = renderMarkdown('Hallo <script>alert(1)</script>');
		expect(html).not.toContain('<script');
		expect(html).toContain('&lt;script&gt;');
	});

	it('neutralises raw HTML, also with event handlers', () => {
		const html = renderMarkdown('<img src=x onerror="alert(1)">\n\n<div onclick="x()">blok</div>');
		expect(html).not.toMatch(/<img|<div/);
		expect(html).toContain('&lt;img');
	});

	it('drops javascript:, data: and vbscript: links', () => {
		for (const url of [
			'javascript:alert(1)',
			'JaVaScRiPt:alert(1)',
			'data:text/html,x',
			'vbscript:x'
		]) {
			const html = renderMarkdown(`[klik](${url})`);
			expect(html, url).not.toContain('<a');
			expect(html, url).not.toMatch(/href/i);
		}
	});

	it('drops relative links: a summary only points to the web or to an address', () => {
		expect(renderMarkdown('[intern](/beheer/personen)')).not.toContain('<a');
	});

	it('keeps http(s) and mailto links, with a safe rel', () => {
		const html = renderMarkdown(
			'[Rijksoverheid](https://www.rijksoverheid.nl) en [mail](mailto:a@b.nl)'
		);
		expect(html).toContain(
			'<a href="https://www.rijksoverheid.nl" rel="noopener noreferrer nofollow">Rijksoverheid</a>'
		);
		expect(html).toContain('href="mailto:a@b.nl"');
	});

	it('links bare addresses (linkify), with the same rel', () => {
		const html = renderMarkdown('Zie https://www.vng.nl voor meer.');
		expect(html).toContain('<a href="https://www.vng.nl" rel="noopener noreferrer nofollow">');
	});

	it('shows an image as its text only', () => {
		const html = renderMarkdown('![grafiek](https://example.org/x.png)');
		expect(html).not.toContain('<img');
		expect(html).toContain('grafiek');
	});

	it('leaves typographic quotes alone (typographer off)', () => {
		expect(renderMarkdown('"citaat" -- streep')).toContain('&quot;citaat&quot; -- streep');
	});

	it('gives nothing for an empty text', () => {
		expect(renderMarkdown('')).toBe('');
		expect(renderMarkdown(null)).toBe('');
		expect(renderMarkdown('  \n')).toBe('');
	});
});

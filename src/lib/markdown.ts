import MarkdownIt from 'markdown-it';

/**
 * Item summaries are written in Markdown by people of four governments and read by all of them,
 * so the renderer trusts nothing: raw HTML is escaped (html: false), and a link survives only when
 * it goes to http(s) or mailto. Links get rel="noopener noreferrer nofollow": a summary must not
 * vouch for a site nor hand it this page.
 */
const renderer = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const SAFE_LINK = /^(https?:|mailto:)/i;

// markdown-it's own validateLink already refuses javascript:, vbscript: and most data: URLs; we
// narrow it further to the three schemes a summary needs (relative links make no sense here).
renderer.validateLink = (url: string) => SAFE_LINK.test(url.trim());

const defaultLinkOpen =
	renderer.renderer.rules.link_open ??
	((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));

renderer.renderer.rules.link_open = (tokens, index, options, env, self) => {
	const token = tokens[index]!;
	token.attrSet('rel', 'noopener noreferrer nofollow');
	return defaultLinkOpen(tokens, index, options, env, self);
};

// Images would load from anywhere (and the CSP refuses them anyway): show their text instead.
renderer.renderer.rules.image = (tokens, index) =>
	renderer.utils.escapeHtml(tokens[index]!.content);

/** Safe HTML for a Markdown text; an empty string for an empty text. */
export function renderMarkdown(source: string | null | undefined): string {
	if (!source?.trim()) return '';
	return renderer.render(source);
}

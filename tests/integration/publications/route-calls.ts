import type { RequestEvent } from '@sveltejs/kit';
import { isHttpError, isRedirect } from '@sveltejs/kit';

/*
 * Calls the public side's routes as SvelteKit would for a visitor without an account: every page
 * load and every +server GET under src/routes/(public), the public API, the start page, and any
 * sitemap or feed, found by the file layout, so a route added later is called too. A page renders
 * only its load's data (and fixed texts), so the data is what a visitor could be shown.
 */

type Load = (event: unknown) => Promise<unknown>;
type ServerModule = Partial<Record<string, (event: RequestEvent) => Promise<Response>>>;

const pageModules = import.meta.glob<{ load?: Load }>(
	['/src/routes/\\(public\\)/**/+page.server.ts', '/src/routes/+page.server.ts'],
	{ eager: true }
);
const serverModules = import.meta.glob<ServerModule>(
	[
		'/src/routes/\\(public\\)/**/+server.ts',
		'/src/routes/api/v1/public/**/+server.ts',
		'/src/routes/**/*sitemap*/**/+server.ts',
		'/src/routes/**/*feed*/**/+server.ts'
	],
	{ eager: true }
);

export interface PublicRoute {
	kind: 'page' | 'server';
	/** The route's address pattern, groups left out: /publicaties/[id]. */
	path: string;
	params: string[];
	call(params: Record<string, string>, search?: string): Promise<Visit>;
}

export interface Visit {
	url: string;
	status: number;
	/** What the visitor receives: the page data as JSON, the answer's text, or a PDF's text. */
	text: string;
}

const routePath = (file: string) =>
	file
		.replace(/^\/src\/routes/, '')
		.replace(/\/\+(page\.server|server)\.ts$/, '')
		.replace(/\/\([^)]+\)/g, '') || '/';

function fill(path: string, params: Record<string, string>) {
	return path.replace(/\[(\w+)\]/g, (_, name: string) => params[name] ?? '');
}

function eventFor(url: URL, params: Record<string, string>) {
	const log = { info() {}, warn() {}, error() {}, debug() {}, child: () => log };
	return {
		request: new Request(url),
		url,
		params,
		route: { id: url.pathname },
		locals: { requestId: 'leak-test', log, actor: null, session: null },
		cookies: { get: () => undefined, getAll: () => [], set() {}, delete() {}, serialize: () => '' },
		getClientAddress: () => '198.51.100.7',
		setHeaders() {},
		depends() {},
		untrack: <T>(fn: () => T) => fn(),
		parent: async () => ({}),
		isDataRequest: false,
		isSubRequest: false,
		platform: undefined,
		fetch
	};
}

async function pdfText(bytes: Uint8Array): Promise<string> {
	const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const task = getDocument({ data: bytes.slice(), useSystemFonts: false });
	const pdf = await task.promise;
	const pages: string[] = [];
	for (let number = 1; number <= pdf.numPages; number++) {
		const content = await (await pdf.getPage(number)).getTextContent();
		pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
	}
	const { info } = await pdf.getMetadata();
	await task.destroy();
	return `${JSON.stringify(info)}\n${pages.join('\n')}`;
}

/** An XLSX (a ZIP, compressed): its document properties and every cell of every sheet. */
async function xlsxText(bytes: Uint8Array): Promise<string> {
	const { default: ExcelJS } = await import('exceljs');
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(bytes.slice().buffer);
	const properties = [book.title, book.subject, book.description, book.keywords, book.creator];
	return JSON.stringify([properties, book.worksheets.map((sheet) => sheet.getSheetValues())]);
}

/**
 * What an answer says, readable: a PDF the platform made (its streams are compressed) as its text
 * and metadata besides the raw bytes, an XLSX as its cells. An uploaded attachment is served as it
 * came: its bytes.
 */
async function answerText(response: Response, made: boolean): Promise<string> {
	const bytes = new Uint8Array(await response.arrayBuffer());
	const raw = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
	const headers = JSON.stringify([...response.headers]);
	const type = response.headers.get('content-type') ?? '';
	if (made && response.status === 200 && type.includes('pdf'))
		return `${headers}\n${raw}\n${await pdfText(bytes)}`;
	if (made && response.status === 200 && type.includes('spreadsheetml'))
		return `${headers}\n${raw}\n${await xlsxText(bytes)}`;
	return `${headers}\n${raw}`;
}

const ORIGIN = 'http://localhost:4305';

export const publicRoutes: PublicRoute[] = [
	...Object.entries(pageModules)
		.filter(([, module]) => module.load)
		.map(([file, module]) => ({ file, load: module.load! }))
		.map(({ file, load }) => {
			const path = routePath(file);
			return {
				kind: 'page' as const,
				path,
				params: [...path.matchAll(/\[(\w+)\]/g)].map((match) => match[1]!),
				async call(params: Record<string, string>, search = '') {
					const url = new URL(fill(path, params) + search, ORIGIN);
					try {
						return {
							url: url.href,
							status: 200,
							text: JSON.stringify(await load(eventFor(url, params)))
						};
					} catch (caught) {
						if (isHttpError(caught))
							return { url: url.href, status: caught.status, text: JSON.stringify(caught.body) };
						if (isRedirect(caught))
							return { url: url.href, status: caught.status, text: caught.location };
						throw caught;
					}
				}
			};
		}),
	...Object.entries(serverModules)
		.filter(([, module]) => module.GET)
		.map(([file, module]) => {
			const path = routePath(file);
			return {
				kind: 'server' as const,
				path,
				params: [...path.matchAll(/\[(\w+)\]/g)].map((match) => match[1]!),
				async call(params: Record<string, string>, search = '') {
					const url = new URL(fill(path, params) + search, ORIGIN);
					try {
						const response = await module.GET!(eventFor(url, params) as unknown as RequestEvent);
						const made = !path.includes('[bijlage]');
						return {
							url: url.href,
							status: response.status,
							text: await answerText(response, made)
						};
					} catch (caught) {
						if (isHttpError(caught))
							return { url: url.href, status: caught.status, text: JSON.stringify(caught.body) };
						throw caught;
					}
				}
			};
		})
];

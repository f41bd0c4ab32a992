import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import type { Root, RootContent as MdContent, Heading } from 'mdast';
import { loadHtml } from '../vendor';

/** A position in the HTML source (1-based line and column, 0-based offset). */
export interface SourcePoint {
	line: number;
	column: number;
	offset: number;
}

/** A fact read from the page's markup, and the element it was read from. */
export interface HtmlFact {
	value: string;
	at: SourcePoint;
	/** What held it (`meta article:published_time`, `time.published`, `JSON-LD datePublished`, `title`…). */
	from: string;
}

/** What the HTML says about the page outside its body text (docs/audit.md#facts). */
export interface HtmlFacts {
	title?: HtmlFact;
	published?: HtmlFact;
	updated?: HtmlFact;
	lang?: string;
	canonical?: string;
}

/** How the main content was found. */
export type MainContentBy = 'main' | 'role-main' | 'article' | 'cms' | 'densest' | 'body';

/** The page's main content as mdast (positions in the HTML source) and the facts around it. */
export interface ExtractedPage {
	tree: Root;
	facts: HtmlFacts;
	mainBy: MainContentBy;
	/** The main content's element (`main`, `article.post`, `div#content`…), for the report. */
	mainLabel: string;
	/** The start of the main content element in the source. */
	mainAt?: SourcePoint;
	/** The H1 was not in the content: the title was placed as H1 (its position is the title's). */
	titleInserted: boolean;
	/** Every link of the whole page (menus included), as written: where a crawl goes next. */
	links: string[];
	/** The page's `<base href>`, if any. */
	base?: string;
	/**
	 * Where the page sits in its site, as the theme shows it: the breadcrumb's links and the post's
	 * categories ("ข่าวประชาสัมพันธ์"), read before the chrome is dropped. A news story's title rarely
	 * names its topic; its category does (docs/audit.md#topic).
	 */
	placement: string[];
}

/** Elements that are never page content. */
const DROP_TAGS = new Set([
	'nav',
	'aside',
	'footer',
	'script',
	'style',
	'noscript',
	'template',
	'form',
	'iframe',
	'button',
	'select',
	'input',
	'textarea',
	'svg',
	'object',
	'embed',
	'dialog',
	'map',
]);

/** Class or id words of theme chrome (WordPress, Joomla and in-house themes). */
const CHROME =
	/(?:^|[-_\s])(?:sidebar|widgets?|breadcrumbs?|navbar|navigation|nav|menu|mainmenu|topmenu|share|sharing|sharedaddy|social|comments?|comment-respond|related|skip-link|screen-reader-text|sr-only|cookie|cookies|post-navigation|pager|pagenav|tags|tag-links|cat-links|footer|site-header|masthead|banner)(?:$|[-_\s])/i;

/** Containers CMS themes put the article in, most specific first. */
const CMS_CONTAINERS: [string, (e: Element) => boolean][] = [
	['.item-page', (e) => hasClass(e, 'item-page')],
	['.entry-content', (e) => hasClass(e, 'entry-content')],
	['#content', (e) => e.properties.id === 'content'],
	['#main-content', (e) => e.properties.id === 'main-content'],
	['#main', (e) => e.properties.id === 'main'],
];

function hasClass(e: Element, name: string): boolean {
	const c = e.properties.className;
	return Array.isArray(c) && c.includes(name);
}

function words(e: Element): string {
	const c = e.properties.className;
	return `${Array.isArray(c) ? c.join(' ') : ''} ${typeof e.properties.id === 'string' ? e.properties.id : ''}`.trim();
}

function isElement(n: RootContent | ElementContent | HastRoot): n is Element {
	return n.type === 'element';
}

function point(e: {
	position?: { start: { line: number; column: number; offset?: number } };
}): SourcePoint | undefined {
	const s = e.position?.start;
	return s && typeof s.offset === 'number' ? { line: s.line, column: s.column, offset: s.offset } : undefined;
}

/** Every element under `root`, in document order, with its parent (iterative: deep markup cannot overflow the stack). */
function elements(root: HastRoot | Element): { el: Element; parent: HastRoot | Element; depth: number }[] {
	const out: { el: Element; parent: HastRoot | Element; depth: number }[] = [];
	const stack: { node: HastRoot | Element; depth: number }[] = [{ node: root, depth: 0 }];
	while (stack.length) {
		const { node, depth } = stack.pop()!;
		const kids = node.children;
		for (let i = kids.length - 1; i >= 0; i--) {
			const k = kids[i];
			if (isElement(k)) stack.push({ node: k, depth: depth + 1 });
		}
		if (node.type === 'element') out.push({ el: node, parent: parentOf.get(node) ?? root, depth });
		for (const k of kids) if (isElement(k)) parentOf.set(k, node);
	}
	return out;
}

const parentOf = new WeakMap<Element, HastRoot | Element>();

function textOf(node: HastRoot | Element | ElementContent): string {
	let out = '';
	const stack: (HastRoot | Element | ElementContent)[] = [node];
	while (stack.length) {
		const n = stack.pop()!;
		if (n.type === 'text') out += n.value;
		else if (n.type === 'element' || n.type === 'root') {
			if (n.type === 'element' && (n.tagName === 'script' || n.tagName === 'style')) continue;
			for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as ElementContent);
		}
	}
	return out.replace(/\s+/g, ' ').trim();
}

function isChrome(e: Element, insideArticle: boolean): boolean {
	if (DROP_TAGS.has(e.tagName)) return true;
	if (e.properties.hidden !== undefined && e.properties.hidden !== false) return true;
	const style = typeof e.properties.style === 'string' ? e.properties.style : '';
	if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
	const role = e.properties.role;
	if (
		role === 'navigation' ||
		role === 'banner' ||
		role === 'contentinfo' ||
		role === 'complementary' ||
		role === 'search'
	)
		return true;
	// An article's own header holds its title and date; the site's header is chrome.
	if (e.tagName === 'header' && !insideArticle) return true;
	const w = words(e);
	return w !== '' && CHROME.test(w) && !/\b(?:entry-content|item-page|article-body|post-content)\b/i.test(w);
}

/** Remove theme chrome from a subtree, in place. */
function stripChrome(node: Element | HastRoot, insideArticle: boolean): void {
	const stack: { n: Element | HastRoot; inArticle: boolean }[] = [{ n: node, inArticle: insideArticle }];
	while (stack.length) {
		const { n, inArticle } = stack.pop()!;
		// Comments go too: CMS block markers (`<!-- wp:paragraph -->`) are not content.
		n.children = n.children.filter(
			(k) => k.type !== 'comment' && !(isElement(k) && isChrome(k, inArticle)),
		) as typeof n.children;
		for (const k of n.children)
			if (isElement(k))
				stack.push({ n: k, inArticle: inArticle || k.tagName === 'article' || k.tagName === 'main' });
	}
}

const TEXT_BLOCKS = new Set([
	'p',
	'li',
	'dd',
	'dt',
	'pre',
	'blockquote',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'td',
	'th',
]);

/**
 * The densest content block: each text block (and text standing directly in a container, as legacy
 * layout-table pages write it) scores its text length, links' text excluded, to its parent and half
 * of it to the grandparent; the best-scored container wins.
 */
function densest(body: Element | HastRoot): Element | undefined {
	const score = new Map<Element, number>();
	const add = (e: HastRoot | Element | undefined, v: number): void => {
		if (e && e.type === 'element') score.set(e, (score.get(e) ?? 0) + v);
	};
	for (const { el, parent } of elements(body)) {
		if (!TEXT_BLOCKS.has(el.tagName) && el.tagName !== 'div' && el.tagName !== 'td' && el.tagName !== 'section')
			continue;
		let own = 0;
		if (TEXT_BLOCKS.has(el.tagName) && el.tagName !== 'td' && el.tagName !== 'th') own = plainLength(el);
		else for (const k of el.children) if (k.type === 'text') own += k.value.trim().length;
		if (own === 0) continue;
		if (!TEXT_BLOCKS.has(el.tagName) || el.tagName === 'td') add(el, own);
		add(parent.type === 'element' ? parent : undefined, own);
		const grand = parent.type === 'element' ? parentOf.get(parent) : undefined;
		add(grand && grand.type === 'element' ? grand : undefined, own / 2);
	}
	let best: Element | undefined;
	let bestScore = 0;
	for (const [e, s] of score)
		if (s > bestScore && e.tagName !== 'li' && e.tagName !== 'p') {
			best = e;
			bestScore = s;
		}
	return best;
}

/** Text length without the text of links. */
function plainLength(e: Element): number {
	let all = textOf(e).length;
	for (const { el } of elements(e)) if (el.tagName === 'a') all -= textOf(el).length;
	return Math.max(0, all);
}

function label(e: Element): string {
	const id = typeof e.properties.id === 'string' ? `#${e.properties.id}` : '';
	const c = e.properties.className;
	const cls = Array.isArray(c) && c.length ? `.${c.slice(0, 2).join('.')}` : '';
	return `${e.tagName}${id}${cls}`;
}

function findMain(body: Element | HastRoot): { el?: Element; by: MainContentBy } {
	const all = elements(body).filter(({ el }) => !ancestorIsChrome(el, body));
	const main = all.find(({ el }) => el.tagName === 'main');
	if (main) return { el: main.el, by: 'main' };
	const role = all.find(({ el }) => el.properties.role === 'main');
	if (role) return { el: role.el, by: 'role-main' };
	const articles = all.filter(({ el }) => el.tagName === 'article');
	if (articles.length === 1) return { el: articles[0].el, by: 'article' };
	for (const [, test] of CMS_CONTAINERS) {
		const hit = all.find(({ el }) => test(el));
		if (hit) return { el: hit.el, by: 'cms' };
	}
	const d = densest(body);
	return d ? { el: d, by: 'densest' } : { by: 'body' };
}

function ancestorIsChrome(e: Element, stop: HastRoot | Element): boolean {
	let p = parentOf.get(e);
	while (p && p !== stop && p.type === 'element') {
		if (isChrome(p, false) && p.tagName !== 'header') return true;
		p = parentOf.get(p);
	}
	return false;
}

/** The page title without the site name a theme appends ("ข่าว – อบต.หนองบัว"). */
export function titleWithoutSite(title: string): string {
	const parts = title.split(/\s+[|–—:-]{1,2}\s+|\s*::\s*|\s*\|\s*/).filter((s) => s.trim());
	return (parts[0] ?? title).trim();
}

/** The head's and the markup's dates, title and language. */
function readFacts(tree: HastRoot, main: Element | undefined): HtmlFacts {
	const facts: HtmlFacts = {};
	const set = (key: 'published' | 'updated' | 'title', value: unknown, el: Element, from: string): void => {
		const at = point(el);
		if (facts[key] || typeof value !== 'string' || !value.trim() || !at) return;
		facts[key] = { value: value.trim(), at, from };
	};
	const all = elements(tree);
	for (const { el } of all) {
		if (el.tagName === 'html' && typeof el.properties.lang === 'string') facts.lang = el.properties.lang;
		if (el.tagName === 'link' && Array.isArray(el.properties.rel) && el.properties.rel.includes('canonical'))
			facts.canonical = String(el.properties.href ?? '') || undefined;
		if (el.tagName !== 'meta') continue;
		const prop = String(el.properties.property ?? el.properties.name ?? el.properties.itemProp ?? '').toLowerCase();
		const content = el.properties.content;
		if (prop === 'article:published_time') set('published', content, el, 'meta article:published_time');
		else if (prop === 'datepublished') set('published', content, el, 'meta datePublished');
		else if (prop === 'article:modified_time' || prop === 'og:updated_time')
			set('updated', content, el, `meta ${prop}`);
		else if (prop === 'datemodified') set('updated', content, el, 'meta dateModified');
	}
	for (const { el } of all) {
		if (el.tagName !== 'script' || el.properties.type !== 'application/ld+json') continue;
		const json = readJsonLd(textOf(el));
		set('published', json.datePublished, el, 'JSON-LD datePublished');
		set('updated', json.dateModified, el, 'JSON-LD dateModified');
	}
	// `<time>` in the article: WordPress marks the published and updated ones; Joomla an itemprop.
	const scope = main ? elements(main) : all;
	for (const { el } of scope) {
		if (el.tagName !== 'time' && !(el.properties.itemProp && el.tagName !== 'meta')) continue;
		const value = el.properties.dateTime ?? el.properties.content;
		const itemProp = Array.isArray(el.properties.itemProp) ? el.properties.itemProp.join(' ') : '';
		if (hasClass(el, 'updated') || /dateModified/.test(itemProp)) set('updated', value, el, 'time.updated');
		else if (hasClass(el, 'published') || /datePublished/.test(itemProp) || el.tagName === 'time')
			set('published', value, el, el.tagName === 'time' ? 'time' : `itemprop ${itemProp}`);
	}
	const titleEl = all.find(({ el }) => el.tagName === 'title');
	if (titleEl) set('title', titleWithoutSite(textOf(titleEl.el)), titleEl.el, 'title');
	return facts;
}

function readJsonLd(text: string): Record<string, unknown> {
	try {
		const v = JSON.parse(text) as unknown;
		const items = Array.isArray(v)
			? v
			: v && typeof v === 'object' && '@graph' in v
				? (v as { '@graph': unknown[] })['@graph']
				: [v];
		for (const item of Array.isArray(items) ? items : [])
			if (item && typeof item === 'object' && ('datePublished' in item || 'dateModified' in item))
				return item as Record<string, unknown>;
	} catch {
		// A broken JSON-LD block says nothing.
	}
	return {};
}

/** The element's text nodes between tags hold only white space (rehype keeps them; mdast drops them). */
function firstHeading(tree: Root): Heading | undefined {
	return tree.children.find((c): c is Heading => c.type === 'heading');
}

/**
 * Parse an HTML page and extract its main content as mdast with positions in the HTML source:
 * `<main>`, else `role=main`, else a single `<article>`, else a CMS's content container
 * (`.item-page`, `.entry-content`, `#content`…), else the densest text block. Navigation, site
 * headers, footers, sidebars, scripts and forms are dropped. The page title becomes the H1: the
 * content's H1, else its first heading (Joomla's `h2` headline) when it opens the content, else the
 * `<title>` (without the site name), placed first.
 */
export function extractHtml(html: string): ExtractedPage {
	const { unified, rehypeParse, toMdast } = loadHtml();
	const hast = unified().use(rehypeParse).parse(html) as HastRoot;
	const everything = elements(hast);
	const body = everything.find(({ el }) => el.tagName === 'body')?.el ?? hast;
	const links: string[] = [];
	let base: string | undefined;
	for (const { el } of everything) {
		const href = el.properties.href;
		if (typeof href !== 'string' || !href) continue;
		if (el.tagName === 'a' || el.tagName === 'area') links.push(href);
		else if (el.tagName === 'base' && base === undefined) base = href;
	}
	const placement = placementLabels(everything.map(({ el }) => el));
	const { el: mainEl, by } = findMain(body);
	const facts = readFacts(hast, mainEl);
	const container = mainEl ?? body;
	stripChrome(container, by === 'main' || by === 'article' || by === 'role-main' || by === 'cms');
	// The container's children, not the container: a layout table's cell must not become a table cell.
	const root: HastRoot = { type: 'root', children: container.children as HastRoot['children'] };
	const tree = toMdast(root) as Root;
	dropBlankTextBlocks(tree);
	const titleInserted = placeTitle(tree, facts);
	return {
		tree,
		facts,
		mainBy: mainEl ? by : 'body',
		mainLabel: mainEl ? label(mainEl) : 'body',
		mainAt: mainEl ? point(mainEl) : undefined,
		titleInserted,
		links,
		base,
		placement,
	};
}

/** The breadcrumb's link texts (the page's own last crumb aside) and the category links, in order, once each. */
function placementLabels(all: Element[]): string[] {
	const out: string[] = [];
	const add = (t: string) => {
		const text = t.trim();
		if (text && text.length <= 120 && !out.includes(text)) out.push(text);
	};
	for (const el of all) {
		const w = words(el);
		const rel = el.properties.rel;
		if (el.tagName === 'a' && Array.isArray(rel) && rel.includes('category')) add(textOf(el));
		else if (/(?:^|[-_\s])(?:breadcrumbs?|cat-links|category-name)(?:$|[-_\s])/i.test(w))
			for (const { el: a } of elements(el)) if (a.tagName === 'a') add(textOf(a));
	}
	return out;
}

function dropBlankTextBlocks(tree: Root): void {
	tree.children = tree.children.filter(
		(c) => !(c.type === 'paragraph' && c.children.every((k) => k.type === 'text' && !k.value.trim())),
	);
}

/** Make the title the one H1 (docs/audit.md#extraction). Returns whether a title heading was inserted. */
function placeTitle(tree: Root, facts: HtmlFacts): boolean {
	const headings = tree.children.filter((c): c is Heading => c.type === 'heading');
	const h1 = headings.find((h) => h.depth === 1);
	if (h1) {
		for (const h of headings) if (h !== h1 && h.depth === 1) h.depth = 2;
		return false;
	}
	const first = firstHeading(tree);
	const opensContent = first && tree.children.indexOf(first) <= 1;
	if (first && opensContent) {
		first.depth = 1;
		for (const h of headings) if (h !== first && h.depth < 2) h.depth = 2;
		return false;
	}
	const title = facts.title;
	if (!title) return false;
	const heading: Heading = {
		type: 'heading',
		depth: 1,
		children: [{ type: 'text', value: title.value }],
		position: {
			start: title.at,
			end: title.at,
		},
		data: { synthetic: true } as Heading['data'],
	};
	tree.children.unshift(heading as MdContent);
	return true;
}

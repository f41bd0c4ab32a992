import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import type { Root, RootContent as MdContent, Heading } from 'mdast';
import { loadHtml } from '../vendor';

/** A position in the HTML source (1-based line and column, 0-based offset). */
export interface SourcePoint {
	line: number;
	column: number;
	offset: number;
}

/** A fact read from the page's markup, and where the element that holds it starts. */
export interface HtmlFact {
	value: string;
	at: SourcePoint;
}

/** What the HTML says about the page outside its body text (docs/audit.md#facts). */
export interface HtmlFacts {
	title?: HtmlFact;
	published?: HtmlFact;
	updated?: HtmlFact;
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

/** Containers CMS themes put the article in, most specific first: `.item-page`, `.entry-content`, `#content`, `#main-content`, `#main`. */
const CMS_CONTAINERS: ((e: Element) => boolean)[] = [
	(e) => hasClass(e, 'item-page'),
	(e) => hasClass(e, 'entry-content'),
	(e) => e.properties.id === 'content',
	(e) => e.properties.id === 'main-content',
	(e) => e.properties.id === 'main',
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

/** An element and its parent. */
interface Entry {
	el: Element;
	parent: HastRoot | Element;
}

/** Who holds each element, for walking up. */
type Parents = Map<Element, HastRoot | Element>;

/** Every element under `root`, in document order, with its parent (iterative: deep markup cannot overflow the stack). */
function elements(root: HastRoot | Element): Entry[] {
	const out: Entry[] = [];
	const stack: Entry[] = [];
	const push = (parent: HastRoot | Element) => {
		for (let i = parent.children.length - 1; i >= 0; i--) {
			const k = parent.children[i];
			if (isElement(k)) stack.push({ el: k, parent });
		}
	};
	push(root);
	while (stack.length) {
		const e = stack.pop()!;
		out.push(e);
		push(e.el);
	}
	return out;
}

/** The text of a node, white space collapsed; without the text of links when `skipLinks`. */
function textOf(node: HastRoot | Element | ElementContent, skipLinks = false): string {
	let out = '';
	const stack: (HastRoot | Element | ElementContent)[] = [node];
	while (stack.length) {
		const n = stack.pop()!;
		if (n.type === 'text') out += n.value;
		else if (n.type === 'element' || n.type === 'root') {
			if (n.type === 'element' && (n.tagName === 'script' || n.tagName === 'style')) continue;
			if (skipLinks && n.type === 'element' && n.tagName === 'a') continue;
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
function densest(all: Entry[], parents: Parents): Element | undefined {
	const score = new Map<Element, number>();
	const add = (e: HastRoot | Element | undefined, v: number): void => {
		if (e && e.type === 'element') score.set(e, (score.get(e) ?? 0) + v);
	};
	for (const { el, parent } of all) {
		const cell = el.tagName === 'td' || el.tagName === 'th';
		const block = TEXT_BLOCKS.has(el.tagName) && !cell;
		if (!block && !cell && el.tagName !== 'div' && el.tagName !== 'section') continue;
		let own = 0;
		if (block) own = textOf(el, true).length;
		else for (const k of el.children) if (k.type === 'text') own += k.value.trim().length;
		if (own === 0) continue;
		if (!block) add(el, own);
		add(parent, own);
		add(parent.type === 'element' ? parents.get(parent) : undefined, own / 2);
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

function label(e: Element): string {
	const id = typeof e.properties.id === 'string' ? `#${e.properties.id}` : '';
	const c = e.properties.className;
	const cls = Array.isArray(c) && c.length ? `.${c.slice(0, 2).join('.')}` : '';
	return `${e.tagName}${id}${cls}`;
}

function findMain(everything: Entry[], parents: Parents): { el?: Element; by: MainContentBy } {
	const all = everything.filter(({ el }) => !ancestorIsChrome(el, parents));
	const main = all.find(({ el }) => el.tagName === 'main');
	if (main) return { el: main.el, by: 'main' };
	const role = all.find(({ el }) => el.properties.role === 'main');
	if (role) return { el: role.el, by: 'role-main' };
	const articles = all.filter(({ el }) => el.tagName === 'article');
	if (articles.length === 1) return { el: articles[0].el, by: 'article' };
	for (const test of CMS_CONTAINERS) {
		const hit = all.find(({ el }) => test(el));
		if (hit) return { el: hit.el, by: 'cms' };
	}
	const d = densest(everything, parents);
	return d ? { el: d, by: 'densest' } : { by: 'body' };
}

function ancestorIsChrome(e: Element, parents: Parents): boolean {
	for (let p = parents.get(e); p && p.type === 'element'; p = parents.get(p))
		if (isChrome(p, false) && p.tagName !== 'header') return true;
	return false;
}

/** The page title without the site name a theme appends ("ข่าว – อบต.หนองบัว"). */
export function titleWithoutSite(title: string): string {
	const parts = title.split(/\s+[|–—:-]{1,2}\s+|\s*::\s*|\s*\|\s*/).filter((s) => s.trim());
	return (parts[0] ?? title).trim();
}

/** The head's and the markup's dates, title and language. */
function readFacts(all: Entry[], main: Element | undefined): HtmlFacts {
	const facts: HtmlFacts = {};
	const set = (key: keyof HtmlFacts, value: unknown, el: Element): void => {
		const at = point(el);
		if (facts[key] || typeof value !== 'string' || !value.trim() || !at) return;
		facts[key] = { value: value.trim(), at };
	};
	for (const { el } of all) {
		if (el.tagName !== 'meta') continue;
		const prop = String(el.properties.property ?? el.properties.name ?? el.properties.itemProp ?? '').toLowerCase();
		const content = el.properties.content;
		if (prop === 'article:published_time' || prop === 'datepublished') set('published', content, el);
		else if (prop === 'article:modified_time' || prop === 'og:updated_time' || prop === 'datemodified')
			set('updated', content, el);
	}
	for (const { el } of all) {
		if (el.tagName !== 'script' || el.properties.type !== 'application/ld+json') continue;
		const json = readJsonLd(textOf(el));
		set('published', json.datePublished, el);
		set('updated', json.dateModified, el);
	}
	// `<time>` in the article: WordPress marks the published and updated ones; Joomla an itemprop.
	const scope = main ? elements(main) : all;
	for (const { el } of scope) {
		if (el.tagName !== 'time' && !(el.properties.itemProp && el.tagName !== 'meta')) continue;
		const value = el.properties.dateTime ?? el.properties.content;
		const itemProp = Array.isArray(el.properties.itemProp) ? el.properties.itemProp.join(' ') : '';
		if (hasClass(el, 'updated') || /dateModified/.test(itemProp)) set('updated', value, el);
		else if (hasClass(el, 'published') || /datePublished/.test(itemProp) || el.tagName === 'time')
			set('published', value, el);
	}
	const titleEl = all.find(({ el }) => el.tagName === 'title');
	if (titleEl) set('title', titleWithoutSite(textOf(titleEl.el)), titleEl.el);
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
	const parents: Parents = new Map(everything.map(({ el, parent }) => [el, parent]));
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
	const { el: mainEl, by } = findMain(everything, parents);
	const facts = readFacts(everything, mainEl);
	const container = mainEl ?? body;
	stripChrome(container, by === 'main' || by === 'article' || by === 'role-main' || by === 'cms');
	// The container's children, not the container: a layout table's cell must not become a table cell.
	const root: HastRoot = { type: 'root', children: container.children as HastRoot['children'] };
	const tree = toMdast(root) as Root;
	dropBlankTextBlocks(tree);
	placeTitle(tree, facts);
	return {
		tree,
		facts,
		mainBy: by,
		mainLabel: mainEl ? label(mainEl) : 'body',
		mainAt: mainEl ? point(mainEl) : undefined,
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

/** Make the title the one H1 (docs/audit.md#extraction). */
function placeTitle(tree: Root, facts: HtmlFacts): void {
	const headings = tree.children.filter((c): c is Heading => c.type === 'heading');
	// The content's H1, else its first heading when it opens the content (Joomla's h2 headline).
	const first = headings[0];
	const title =
		headings.find((h) => h.depth === 1) ?? (first && tree.children.indexOf(first) <= 1 ? first : undefined);
	if (title) {
		title.depth = 1;
		for (const h of headings) if (h !== title && h.depth < 2) h.depth = 2;
		return;
	}
	if (!facts.title) return;
	const heading: Heading = {
		type: 'heading',
		depth: 1,
		children: [{ type: 'text', value: facts.title.value }],
		position: { start: facts.title.at, end: facts.title.at },
	};
	tree.children.unshift(heading as MdContent);
}

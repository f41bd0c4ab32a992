import * as path from 'node:path';
import type { Node, Nodes } from 'mdast';
import { walk } from '../parse/walk';
import type { LinkSettings } from '../config/types';
import type { Facts } from '../facts';
import type { Host } from '../types';
import { nodeText } from './text';

/** A link or image of the body, with its text and the text of the block it stands in. */
export interface BodyLink {
	url: string;
	text: string;
	/** The enclosing paragraph, list item or table row: its text (`nodeText`) is the "nearby text". */
	contextNode: Node;
	start: number;
	end: number;
	image: boolean;
	alt?: string;
}

const BARE_URL = /\bhttps?:\/\/[^\s<>()[\]{}"']+/g;

/**
 * Every link and image under the given nodes (definitions resolved for references under `all`).
 * With the page's `source`, a bare URL's range is where it stands in the source, which differs from
 * its place in the text node's value after block-quote markers, indentation or escapes.
 */
export function bodyLinks(nodes: Node[], all: Node[] = nodes, source?: string): BodyLink[] {
	const defs = new Map<string, string>();
	for (const n of all)
		walk(n, (x) => {
			const d = x as Nodes;
			if (d.type === 'definition') defs.set(d.identifier.toLowerCase(), d.url);
		});
	const out: BodyLink[] = [];
	for (const top of nodes) {
		const stack: { node: Node; context: Node; inLink?: boolean }[] = [{ node: top, context: top }];
		while (stack.length) {
			const { node: raw, context, inLink } = stack.pop()!;
			const node = raw as Nodes;
			const ctxNode =
				node.type === 'paragraph' || node.type === 'listItem' || node.type === 'tableRow' ? node : context;
			const start = node.position?.start.offset ?? 0;
			const end = node.position?.end.offset ?? start;
			if (node.type === 'link' || node.type === 'linkReference') {
				const url = node.type === 'link' ? node.url : (defs.get(node.identifier.toLowerCase()) ?? '');
				out.push({ url, text: nodeText(node), contextNode: ctxNode, start, end, image: false });
			} else if (node.type === 'image' || node.type === 'imageReference') {
				const url = node.type === 'image' ? node.url : (defs.get(node.identifier.toLowerCase()) ?? '');
				const alt = node.alt ?? '';
				out.push({ url, text: alt, contextNode: ctxNode, start, end, image: true, alt });
			}
			if (
				node.type === 'text' &&
				!inLink &&
				(node.value.includes('http://') || node.value.includes('https://'))
			) {
				// Bare URLs (GFM autolink literals) are links to readers: checked like written links. The text of
				// a link (`<http://…>`, `[http://…](http://…)`) is that link, not a second one.
				BARE_URL.lastIndex = 0;
				let cursor = start;
				for (let m = BARE_URL.exec(node.value); m; m = BARE_URL.exec(node.value)) {
					const url = m[0].replace(/[.,;:!?'"’”]+$/, '');
					const found = source ? source.indexOf(url, cursor) : -1;
					const s = found >= 0 && found + url.length <= end ? found : start + m.index;
					cursor = s + url.length;
					out.push({ url, text: url, contextNode: ctxNode, start: s, end: s + url.length, image: false });
				}
			}
			const children = 'children' in node ? (node.children as Node[]) : undefined;
			if (children)
				for (let i = children.length - 1; i >= 0; i--)
					stack.push({
						node: children[i],
						context: ctxNode,
						inLink: inLink || node.type === 'link' || node.type === 'linkReference',
					});
		}
	}
	return out.sort((a, b) => a.start - b.start);
}

/** Document files a download may be (docs/domain.md#downloads). */
export const DOCUMENT_EXTENSIONS = ['pdf', 'doc', 'docx', 'odt', 'xls', 'xlsx', 'ods'];

/** Whether a URL is relative to the site (no scheme, not protocol-relative, not a fragment). */
export function isRelative(url: string): boolean {
	return !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('//') && !url.startsWith('#') && url !== '';
}

/** The file extension of a URL's path (lower case, without the dot), ignoring query and fragment. */
export function urlExtension(url: string): string {
	const p = url.split(/[?#]/)[0];
	const m = /\.([a-z0-9]+)$/i.exec(p);
	return m ? m[1].toLowerCase() : '';
}

/** The file a relative URL points to: percent-decoded, query and fragment stripped, site-root paths from `root`. */
export function resolveRelative(url: string, pageFile: string, root: string | undefined): string {
	let p = url.split(/[?#]/)[0];
	try {
		p = decodeURIComponent(p);
	} catch {
		// keep the raw text: a malformed escape is a different rule's business
	}
	return p.startsWith('/') ? path.join(root ?? path.dirname(pageFile), p) : path.resolve(path.dirname(pageFile), p);
}

/** What the link helpers read of a rule's context (a `RuleContext` has it all). */
export interface LinkEnv {
	doc: { path: string };
	facts: Facts;
	config: { links: LinkSettings };
	/** The workspace root: site-root links (`/about/`) resolve from here unless `links.root` says otherwise. */
	root?: string;
	/** File access; without it, no relative link is checked. */
	host?: Host;
	/** The run's link mode, when the caller set one (`--links`, the editor setting). */
	links?: { mode: 'off' | 'local' | 'online' };
}

/** The link mode of a lint: the run's, else the configuration's, else `local`. */
export function linkMode(env: Pick<LinkEnv, 'config' | 'links'>): string {
	return env.links?.mode ?? env.config.links.mode ?? 'local';
}

const INDEX_FILES = ['index.md', 'README.md', '_index.md', 'index.html'];
const DOMAIN_LIKE =
	/^(?:www\.|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:go|or|ac|co|in|mi|net)\.th(?:[/:?#]|$)|[a-z0-9-]+\.(?:com|org|net)(?:[/?#]|$))/i;

/** Whether a URL without a scheme starts like a domain (`www.…`, `….go.th`, `….com`): a web address missing its `https://`. */
export function looksLikeDomain(url: string): boolean {
	return DOMAIN_LIKE.test(url);
}

/** Whether a link points to a file of the site that can be looked for: relative, not a domain, not only a query or fragment, with a host to look. */
export function isCheckableFileLink(env: Pick<LinkEnv, 'host'>, l: BodyLink): boolean {
	return Boolean(env.host) && isRelative(l.url) && !DOMAIN_LIKE.test(l.url) && l.url.split(/[?#]/)[0] !== '';
}

/** Where a relative link's file is, trying folder index pages and page extensions; `exists: false` when none exists. Once per URL and page. */
export function findTarget(env: LinkEnv, url: string): { file: string; exists: boolean } {
	const memo = env.facts.memo('link-targets', () => new Map<string, { file: string; exists: boolean }>());
	let hit = memo.get(url);
	if (!hit) {
		hit = resolveTarget(env, url);
		memo.set(url, hit);
	}
	return hit;
}

function resolveTarget(env: LinkEnv, url: string): { file: string; exists: boolean } {
	const root = env.config.links.root ?? env.root;
	const file = resolveRelative(url, env.doc.path, root);
	const host = env.host!;
	const pathPart = url.split(/[?#]/)[0];
	if (host.fileExists(file)) return { file, exists: true };
	const exts = env.config.links.pageExtensions ?? ['.md'];
	const ext = path.extname(file).toLowerCase();
	// Static-site generators publish page.md as page/, page.html or page: try the page, then a folder index.
	const stem = pathPart.endsWith('/')
		? file.replace(/[/\\]+$/, '')
		: ext === '.html' || ext === '.htm'
			? file.slice(0, -ext.length)
			: ext
				? undefined
				: file;
	if (stem !== undefined) {
		if (path.basename(stem) === 'index' || path.basename(stem) === '_index') {
			for (const name of INDEX_FILES)
				if (host.fileExists(path.join(path.dirname(stem), name)))
					return { file: path.join(path.dirname(stem), name), exists: true };
		}
		for (const e of exts) if (host.fileExists(stem + e)) return { file: stem + e, exists: true };
		for (const name of INDEX_FILES)
			if (host.fileExists(path.join(stem, name))) return { file: path.join(stem, name), exists: true };
	}
	return { file, exists: false };
}

import * as path from 'node:path';
import type { Node, Nodes } from 'mdast';
import { walk } from '../parse/walk';
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
	for (const n of all) walk(n, (x) => {
		const d = x as Nodes;
		if (d.type === 'definition') defs.set(d.identifier.toLowerCase(), d.url);
	});
	const out: BodyLink[] = [];
	for (const top of nodes) {
		const stack: { node: Node; context: Node; inLink?: boolean }[] = [{ node: top, context: top }];
		while (stack.length) {
			const { node: raw, context, inLink } = stack.pop()!;
			const node = raw as Nodes;
			const ctxNode = node.type === 'paragraph' || node.type === 'listItem' || node.type === 'tableRow' ? node : context;
			const start = node.position?.start.offset ?? 0;
			const end = node.position?.end.offset ?? start;
			if (node.type === 'link' || node.type === 'linkReference') {
				const url = node.type === 'link' ? node.url : defs.get(node.identifier.toLowerCase()) ?? '';
				out.push({ url, text: nodeText(node), contextNode: ctxNode, start, end, image: false });
			} else if (node.type === 'image' || node.type === 'imageReference') {
				const url = node.type === 'image' ? node.url : defs.get(node.identifier.toLowerCase()) ?? '';
				const alt = node.alt ?? '';
				out.push({ url, text: alt, contextNode: ctxNode, start, end, image: true, alt });
			}
			if (node.type === 'text' && !inLink && (node.value.includes('http://') || node.value.includes('https://'))) {
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
			if (children) for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], context: ctxNode, inLink: inLink || node.type === 'link' || node.type === 'linkReference' });
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

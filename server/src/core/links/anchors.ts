import type { Heading } from 'mdast';
import type { ParsedDocument } from '../parse/document';
import { walk } from '../parse/walk';
import { nodeText } from '../body/text';
import { createSlugger, type SlugProfile } from './slugger';

const EXPLICIT_ID = /\s*\{#([^\s}]+)[^}]*\}\s*$/;
const HTML_ID = /<[a-z][^>]*?\s(?:id|name)\s*=\s*(?:"([^"]+)"|'([^']+)'|([^\s>]+))/gi;

/**
 * The anchors a page offers: heading slugs (duplicates numbered, Thai marks kept), explicit
 * `{#id}` heading ids, and `id`/`name` attributes in HTML (`<a id>`, `<a name>`).
 */
export function anchorsOf(doc: ParsedDocument, profile: SlugProfile = 'github'): Set<string> {
	const slugger = createSlugger(profile);
	const out = new Set<string>();
	walk(doc.tree, (node) => {
		if (node.type === 'heading') {
			let text = nodeText(node as Heading).trim();
			const explicit = EXPLICIT_ID.exec(text);
			if (explicit) {
				out.add(explicit[1]);
				text = text.slice(0, explicit.index);
			}
			out.add(slugger.slug(text));
			return undefined; // HTML inside the heading (`<a name>`) is read below
		}
		if (node.type === 'html') {
			const html = (node as unknown as { value: string }).value;
			HTML_ID.lastIndex = 0;
			for (let m = HTML_ID.exec(html); m; m = HTML_ID.exec(html)) out.add(m[1] ?? m[2] ?? m[3]);
		}
		return undefined;
	});
	return out;
}

/** Anchor sets of other pages, read through the host and cached by modification time. */
export class AnchorCache {
	private readonly cache = new Map<string, { mtime: number | undefined; anchors: Set<string> }>();

	constructor(private readonly read: (file: string) => { text: string; mtime: number | undefined; parse: () => ParsedDocument } | undefined) {}

	/** The anchors of a page file, or undefined when it cannot be read. */
	get(file: string, profile: SlugProfile): Set<string> | undefined {
		const hit = this.read(file);
		if (!hit) return undefined;
		const key = `${profile}:${file}`;
		const cached = this.cache.get(key);
		if (cached && cached.mtime !== undefined && cached.mtime === hit.mtime) return cached.anchors;
		const anchors = anchorsOf(hit.parse(), profile);
		this.cache.set(key, { mtime: hit.mtime, anchors });
		return anchors;
	}
}

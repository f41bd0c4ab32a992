import { stripBom } from '../parse/decode';
import type { Heading, Root } from 'mdast';
import type { ParsedDocument } from '../parse/document';
import { parseMarkdown } from '../parse/markdown';
import { frontMatterBounds } from '../parse/frontMatter';
import { closesFence, fenceOpened } from '../parse/blocks';
import type { Host } from '../types';
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
	return anchorsOfTree(doc.tree, profile);
}

function anchorsOfTree(tree: Root, profile: SlugProfile): Set<string> {
	const slugger = createSlugger(profile);
	const out = new Set<string>();
	walk(tree, (node) => {
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

const ATX = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;

/**
 * The anchors of another page without parsing all of it: its heading lines (ATX, and setext under
 * a paragraph line), outside code fences and front matter, parsed on their own for their text —
 * the same slugs as {@link anchorsOf} at a fraction of the cost (pages link to many pages).
 */
export function anchorsOfText(text: string, profile: SlugProfile = 'github'): Set<string> {
	const body = stripBom(text);
	// Skip the front matter without parsing its YAML: only its extent matters here.
	const lines = body.slice(frontMatterBounds(body)?.end ?? 0).split(/\r\n|\r|\n/);
	const headings: string[] = [];
	/** Lines outside code, where HTML ids count. */
	const outside: string[] = [];
	let fence: string | undefined;
	// The paragraph so far: a setext underline makes all of it the heading.
	let para: string[] = [];
	for (const line of lines) {
		if (fence) {
			if (closesFence(line, fence)) fence = undefined;
			continue;
		}
		outside.push(line);
		const opened = fenceOpened(line);
		if (opened) {
			fence = opened;
			para = [];
		} else if (!line.trim() || (!para.length && /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line))) {
			para = []; // a blank line, or a thematic break where no paragraph is open
		} else if (!para.length && /^ {0,3}<(?:!--|\/?[a-z])/i.test(line)) {
			para = []; // an HTML block is not a paragraph: no setext heading under it
		} else if (ATX.test(line)) {
			headings.push(line.trim());
			para = [];
		} else if (para.length && SETEXT.test(line) && !/^\s{0,3}(?:[-*+>]|\d+[.)])(?:\s|$)/.test(para[0])) {
			headings.push(`${para.map((l) => l.trim()).join('\n')}\n${line.trim().startsWith('=') ? '===' : '---'}`);
			para = [];
		} else {
			para.push(line);
		}
	}
	const anchors = anchorsOfTree(parseMarkdown(headings.join('\n\n')), profile);
	const html = outside.join('\n');
	HTML_ID.lastIndex = 0;
	for (let m = HTML_ID.exec(html); m; m = HTML_ID.exec(html)) anchors.add(m[1] ?? m[2] ?? m[3]);
	return anchors;
}

/** Anchor sets of other pages, read through the host and cached by modification time. */
export class AnchorCache {
	private readonly cache = new Map<string, { mtime: number | undefined; anchors: Set<string> }>();

	constructor(private readonly host: Pick<Host, 'readFile' | 'mtime'>) {}

	/** The anchors of a page file, or undefined when it cannot be read. */
	get(file: string, profile: SlugProfile): Set<string> | undefined {
		const key = `${profile}:${file}`;
		const mtime = this.host.mtime(file);
		const cached = this.cache.get(key);
		if (cached && mtime !== undefined && cached.mtime === mtime) return cached.anchors;
		const text = this.host.readFile(file);
		if (text === undefined) return undefined;
		const anchors = anchorsOfText(text, profile);
		this.cache.set(key, { mtime, anchors });
		return anchors;
	}
}

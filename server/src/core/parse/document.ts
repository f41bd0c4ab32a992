import type { Root } from 'mdast';
import { LineIndex } from './lineIndex';
import { stripBom } from './decode';
import { parseMarkdown } from './markdown';
import type { ParseCache } from './incremental';
import { crToLf, readFrontMatter, type FrontMatter } from './frontMatter';
import { checkLimits, type PageLimit } from './limits';

/** A page ready for the rules: text without BOM, line index, front matter and mdast. */
export interface ParsedDocument {
	/** Absolute path (or a URI-like name for unsaved buffers). */
	path: string;
	/** The text, BOM removed. All offsets are into this string. */
	text: string;
	/** The original text started with a BOM. */
	bom: boolean;
	lines: LineIndex;
	frontMatter: FrontMatter | undefined;
	/** The mdast; an empty root when the body was not parsed (see `limit`). */
	tree: Root;
	/** Set when the body exceeded a parser limit and was not parsed. */
	limit?: PageLimit;
}

/** Parse a page (with `cache`: reusing the unchanged parts of its previous parse). Never throws for user content. */
export function parseDocument(path: string, rawText: string, cache?: ParseCache): ParsedDocument {
	const text = stripBom(rawText);
	const bom = text !== rawText;
	const lines = new LineIndex(text);
	const frontMatter = readFrontMatter(text);
	// The limits count lines by LF; a lone CR ends a line too (same length, same offsets).
	let limit = checkLimits(crToLf(text));
	let tree: Root = { type: 'root', children: [] };
	if (!limit) {
		try {
			// No cut inside the front matter; an unclosed one is left to the whole-page parser.
			tree = cache ? cache.parse(text, frontMatter ? (frontMatter.closed ? frontMatter.end : text.length) : 0) : parseMarkdown(text);
		} catch (err) {
			// A structure the pre-check missed overflowed the parser's recursion: report, do not crash.
			if (!(err instanceof RangeError)) throw err;
			limit = { kind: 'depth', line: 1, depth: Infinity, maxDepth: 0 };
		}
	}
	return { path, text, bom, lines, frontMatter, tree, limit };
}

import type { Root } from 'mdast';
import { LineIndex } from './lineIndex';
import { stripBom } from './decode';
import { parseMarkdown } from './markdown';
import type { ParseCache } from './incremental';
import { crToLf, frontMatterBounds, readFrontMatter, type FrontMatter, type FrontMatterBounds } from './frontMatter';
import { checkBudget, DEFAULT_BUDGET, type PageBudget, type PageLimit } from './limits';

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
	/**
	 * Set when the page exceeded a limit of its budget: the body was not parsed, nor the front matter
	 * when the limit is one of the front matter's (`limit.frontMatter`).
	 */
	limit?: PageLimit;
}

/**
 * Parse a page (with `cache`: reusing the unchanged parts of its previous parse). Never throws for
 * user content. A linear pre-scan first checks the page against `budget` (docs/rules/page-limits.md):
 * a page over it is not parsed, whichever parser (whole-page or incremental) would have read it.
 */
export function parseDocument(
	path: string,
	rawText: string,
	cache?: ParseCache,
	budget: PageBudget = DEFAULT_BUDGET,
): ParsedDocument {
	const text = stripBom(rawText);
	const bom = text !== rawText;
	const lines = new LineIndex(text);
	// The limits count lines by LF; a lone CR ends a line too (same length, same offsets).
	// The front matter's bounds are the same in both texts (a multiline `$` matches before a lone CR too).
	const bounds = frontMatterBounds(text);
	let limit = checkBudget(crToLf(text), budget, bounds);
	const frontMatter =
		limit?.kind === 'count' && limit.frontMatter ? unreadFrontMatter(text, bounds!) : readFrontMatter(text, bounds);
	let tree: Root = { type: 'root', children: [] };
	if (!limit) {
		try {
			// No cut inside the front matter; an unclosed one is left to the whole-page parser.
			tree = cache
				? cache.parse(text, frontMatter ? (frontMatter.closed ? frontMatter.end : text.length) : 0)
				: parseMarkdown(text);
		} catch (err) {
			// A structure the pre-check missed overflowed the parser's recursion: report, do not crash.
			if (!(err instanceof RangeError)) throw err;
			limit = { kind: 'depth', line: 1, depth: Infinity, maxDepth: 0 };
		}
	}
	return { path, text, bom, lines, frontMatter, tree, limit };
}

/**
 * A front matter over its budget, not parsed: its extent, no value, and one `PAGE_LIMIT` problem so
 * that no rule reads it as empty (frontmatter-syntax leaves that problem to page-limits).
 */
function unreadFrontMatter(text: string, b: FrontMatterBounds): FrontMatter {
	const contentEnd = b.contentEnd ?? text.length;
	return {
		start: 0,
		end: b.end ?? text.length,
		contentStart: b.contentStart,
		contentEnd,
		closed: b.end !== undefined,
		yaml: undefined,
		value: undefined,
		problems: [{ message: 'front matter over the page limits, not parsed', start: 0, end: 3, code: 'PAGE_LIMIT' }],
	};
}

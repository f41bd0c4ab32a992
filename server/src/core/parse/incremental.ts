import type { Node, Parent, Root, RootContent } from 'mdast';
import { parseMarkdown } from './markdown';
import { ATX_COLUMN_1, closesFence, FENCE_OPEN, fenceOpened } from './blocks';

/**
 * Incremental parsing for the editor: a page is cut into top-level segments where the Markdown
 * parser is certainly back at the top level, each segment is parsed on its own, and a segment whose
 * text did not change since the last parse of the same page is reused with its positions shifted.
 * Typing in a 500 KB page then re-parses a few hundred bytes instead of the whole page.
 *
 * A segment starts at an ATX heading in column 1 that follows a blank line outside any fenced code
 * or HTML block: no CommonMark container, paragraph, table or code block continues across it. The
 * scanner stays on the safe side: where it cannot be sure (a fence-like line inside what may be an
 * HTML block, an HTML comment still open…) it stops cutting, and a page with link reference or
 * footnote definitions (which act across the whole page) is parsed whole. Tests compare the result
 * with a whole-page parse on the benchmark corpus, the examples and thousands of random edits.
 */

const BLANK = /^[ \t]*$/;
/** HTML blocks of CommonMark kinds 1–5, which run to an end marker, blank lines included. */
const HTML_TO_MARKER: [RegExp, RegExp][] = [
	[/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
	[/^ {0,3}<!--/, /-->/],
	[/^ {0,3}<\?/, /\?>/],
	[/^ {0,3}<![A-Za-z]/, />/],
	[/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
/** Any other line that may open an HTML block (kinds 6 and 7, which end at a blank line). */
const HTML_TO_BLANK = /^ {0,3}<\/?[A-Za-z]/;

/**
 * Offsets where segments start (the first is 0), or `[0]` alone when the page must be parsed whole.
 * `bodyStart` is where the front matter ends: no cut is made inside it.
 */
export function segmentStarts(text: string, bodyStart = 0): number[] {
	if (text.includes(']:')) return [0]; // possible definitions: references resolve across the page
	const starts = [0];
	let fence: string | undefined;
	let htmlEnd: RegExp | undefined;
	let htmlToBlank = false;
	let prevBlank = false;
	let pos = bodyStart;
	// Begin at a line start.
	if (pos > 0 && text[pos - 1] !== '\n') {
		const nl = text.indexOf('\n', pos);
		if (nl < 0) return starts;
		pos = nl + 1;
	}
	while (pos < text.length) {
		const nl = text.indexOf('\n', pos);
		const end = nl < 0 ? text.length : nl;
		const line = text.charCodeAt(end - 1) === 13 ? text.slice(pos, end - 1) : text.slice(pos, end);
		const blank = BLANK.test(line);
		if (fence) {
			if (closesFence(line, fence)) fence = undefined;
		} else if (htmlEnd) {
			if (FENCE_OPEN.test(line)) return [0]; // a comment or a fence? not sure: parse whole
			if (htmlEnd.test(line)) htmlEnd = undefined;
		} else if (htmlToBlank) {
			if (blank) htmlToBlank = false;
			else if (FENCE_OPEN.test(line)) return [0]; // code fence or HTML text: not sure
		} else if (!blank) {
			if (prevBlank && ATX_COLUMN_1.test(line) && pos > bodyStart) starts.push(pos);
			fence = fenceOpened(line);
			if (!fence) {
				const html = HTML_TO_MARKER.find(([open]) => open.test(line));
				if (html) {
					const opener = html[0].exec(line)!;
					if (!html[1].test(line.slice(opener.index + opener[0].length))) htmlEnd = html[1];
				} else if (HTML_TO_BLANK.test(line)) htmlToBlank = true;
			}
		}
		prevBlank = blank;
		pos = end + 1;
	}
	return starts;
}

interface Segment {
	children: RootContent[];
	/** Where the segment's nodes are positioned now (0-based line and offset of its first line). */
	line: number;
	offset: number;
	/** End of the segment's own root, relative to its start, for the page's root position. */
	end: { line: number; column: number; offset: number };
}

/** Parsed segments of one page, by text, from its last parse. */
export class ParseCache {
	private segments = new Map<string, Segment>();

	/** Parse `text` (a whole page, BOM removed), reusing unchanged segments of the previous parse. */
	parse(text: string, bodyStart: number): Root {
		const starts = segmentStarts(text, bodyStart);
		if (starts.length === 1) {
			this.segments.clear();
			return parseMarkdown(text);
		}
		const next = new Map<string, Segment>();
		const children: RootContent[] = [];
		let line = 0;
		let last: Segment | undefined;
		for (let i = 0; i < starts.length; i++) {
			const offset = starts[i];
			const piece = text.slice(offset, i + 1 < starts.length ? starts[i + 1] : text.length);
			let seg = next.has(piece) ? undefined : this.segments.get(piece); // a repeated piece is parsed again: nodes are never shared
			if (seg) shift(seg, line, offset);
			else seg = fresh(piece, line, offset);
			if (!next.has(piece)) next.set(piece, seg);
			for (const c of seg.children) children.push(c);
			last = seg;
			line += countLines(piece);
		}
		this.segments = next;
		const lastStart = starts[starts.length - 1];
		const end = last!.end;
		return {
			type: 'root',
			children,
			position: {
				start: { line: 1, column: 1, offset: 0 },
				end: { line: last!.line + end.line, column: end.column, offset: lastStart + end.offset },
			},
		};
	}
}

/** Line breaks in a segment as micromark counts them: CRLF, LF, and a lone CR. */
function countLines(s: string): number {
	return s.match(/\r\n?|\n/g)?.length ?? 0;
}

function fresh(piece: string, line: number, offset: number): Segment {
	const root = parseMarkdown(piece);
	const end = root.position!.end;
	const seg: Segment = {
		children: root.children,
		line: 0,
		offset: 0,
		end: { line: end.line, column: end.column, offset: end.offset! },
	};
	shift(seg, line, offset);
	return seg;
}

/** Move a segment's nodes to a new place in the page (in place: a cache owns its nodes). */
function shift(seg: Segment, line: number, offset: number): void {
	const dl = line - seg.line;
	const doff = offset - seg.offset;
	if (!dl && !doff) return;
	const stack: Node[] = [...seg.children];
	while (stack.length) {
		const node = stack.pop()!;
		const p = node.position;
		if (p) {
			node.position = {
				start: { line: p.start.line + dl, column: p.start.column, offset: p.start.offset! + doff },
				end: { line: p.end.line + dl, column: p.end.column, offset: p.end.offset! + doff },
			};
		}
		const kids = (node as Parent).children;
		if (kids) for (const k of kids) stack.push(k);
	}
	seg.line = line;
	seg.offset = offset;
}

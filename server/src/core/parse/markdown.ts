import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import type { Root } from 'mdast';

/**
 * The GFM constructs pages use: tables (step tables, procurement summaries), footnotes and
 * strikethrough. These are the extensions remark-gfm bundles, minus two that cost without
 * informing any check: autolink literals (30% of the parse time on Thai pages, measured on the
 * benchmark corpus; the link rules find bare http(s) URLs in text themselves) and task-list items.
 * Footnotes and strikethrough are added only for a page that has their marker (`[^`, `~~`): their
 * constructs are tried at every `[` and `~`, and without the marker they can only fail.
 */
function remarkGfmSubset(this: Processor, options: { footnotes: boolean; strikethrough: boolean }): void {
	const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
	(data.micromarkExtensions ??= []).push(fastTable());
	(data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
	if (options.footnotes) {
		data.micromarkExtensions.push(gfmFootnote());
		data.fromMarkdownExtensions.push(gfmFootnoteFromMarkdown());
	}
	if (options.strikethrough) {
		data.micromarkExtensions.push(gfmStrikethrough({ singleTilde: false }));
		data.fromMarkdownExtensions.push(gfmStrikethroughFromMarkdown());
	}
}

/** The text being parsed, for {@link fastTable}'s look-ahead (parsing is synchronous and single-threaded). */
let source = '';

type Tokenizer = (
	this: { now(): { offset: number }; events: [string, { type: string }][] },
	effects: unknown,
	ok: unknown,
	nok: (code: unknown) => unknown,
) => (code: unknown) => unknown;

/**
 * micromark's GFM table construct is tried at the start of every block and walks its whole first
 * line before it can fail: 40% of the parse time of a Thai page. A table head needs a pipe on its
 * own line or on the delimiter row below it, so where neither line has one the attempt fails at
 * once. Rows after a table head (which need no pipe) still go to the real construct.
 */
function fastTable(): ReturnType<typeof gfmTable> {
	const ext = gfmTable();
	const construct = (ext.flow as unknown as Record<string, { tokenize: Tokenizer }>).null;
	const tokenize = construct.tokenize;
	construct.tokenize = function (effects, ok, nok) {
		let i = this.events.length - 1;
		while (i > -1 && (this.events[i][1].type === 'lineEnding' || this.events[i][1].type === 'linePrefix')) i--;
		const tail = i > -1 ? this.events[i][1].type : '';
		if (tail !== 'tableHead' && tail !== 'tableRow') {
			const at = this.now().offset;
			const end1 = lineEnd(at);
			const end2 = end1 < source.length ? lineEnd(end1 + 1) : end1;
			const pipe = source.indexOf('|', at);
			if (pipe < 0 || pipe > end2) return nok;
		}
		return tokenize.call(this, effects, ok, nok);
	};
	return ext;
}

function lineEnd(from: number): number {
	const n = source.indexOf('\n', from);
	return n < 0 ? source.length : n;
}

/** Frozen processors, one per set of optional constructs (freezing registers the micromark extensions once). */
const processors = new Map<number, Processor>();

function processorFor(text: string): Processor {
	const footnotes = text.includes('[^');
	const strikethrough = text.includes('~~');
	const key = (footnotes ? 1 : 0) | (strikethrough ? 2 : 0);
	let p = processors.get(key);
	if (!p) {
		p = unified()
			.use(remarkParse)
			.use(remarkFrontmatter, ['yaml'])
			.use(remarkGfmSubset, { footnotes, strikethrough })
			.freeze() as unknown as Processor;
		processors.set(key, p);
	}
	return p;
}

/** Parse Markdown (CommonMark + GFM tables, footnotes, strikethrough + YAML front matter) to mdast with positions. */
export function parseMarkdown(text: string): Root {
	source = text;
	try {
		return processorFor(text).parse(text) as Root;
	} finally {
		source = '';
	}
}

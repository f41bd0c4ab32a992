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
 * benchmark corpus; bare URLs are found in text by the link rules instead) and task-list items.
 */
function remarkGfmSubset(this: Processor): void {
	const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
	(data.micromarkExtensions ??= []).push(gfmTable(), gfmFootnote(), gfmStrikethrough({ singleTilde: false }));
	(data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown());
}

/** One frozen processor for the process: freezing registers the micromark extensions once. */
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmSubset).freeze();

/** Parse Markdown (CommonMark + GFM tables, footnotes, strikethrough + YAML front matter) to mdast with positions. */
export function parseMarkdown(text: string): Root {
	return processor.parse(text);
}

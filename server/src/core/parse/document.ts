import type { Root } from 'mdast';
import { LineIndex } from './lineIndex';
import { parseMarkdown } from './markdown';
import { readFrontMatter, type FrontMatter } from './frontMatter';

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
	tree: Root;
}

/** Parse a page. Never throws for user content. */
export function parseDocument(path: string, rawText: string): ParsedDocument {
	const bom = rawText.charCodeAt(0) === 0xfeff;
	const text = bom ? rawText.slice(1) : rawText;
	return {
		path,
		text,
		bom,
		lines: new LineIndex(text),
		frontMatter: readFrontMatter(text),
		tree: parseMarkdown(text),
	};
}

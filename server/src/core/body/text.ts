import type { Node, Parent } from 'mdast';
import { normalizeThai } from '../thai/normalize';

/** The plain text of a subtree: text, inline code, link and image text; HTML (comments) left out. */
export function nodeText(node: Node): string {
	const parts: string[] = [];
	const stack: Node[] = [node];
	while (stack.length) {
		const n = stack.pop()!;
		if (n.type === 'text' || n.type === 'inlineCode' || n.type === 'code')
			parts.push((n as unknown as { value: string }).value);
		else if (n.type === 'image') parts.push((n as { alt?: string }).alt ?? '');
		else if (n.type === 'break') parts.push('\n');
		const children = (n as Parent).children;
		if (children) {
			for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
			if (n.type === 'paragraph' || n.type === 'tableCell' || n.type === 'listItem' || n.type === 'heading')
				parts.push(' ');
		}
	}
	return parts.join('');
}

const HEADING_NUMBER = /^\s*(?:ข้อ\s*)?(?:\(?\d+(?:\.\d+)*\)?\.?|[ก-ฮ]\.)\s*/u;

/**
 * A heading or alias reduced for comparison (docs/page-model.md#sections-how-headings-are-matched): Thai digits and ำ normalised, leading
 * numbering ("๑๐.๑ ", "(1) ", "ข้อ 2 ", "ก. ") stripped, case folded, spaces and / , - ( ) : . removed.
 */
export function headingKey(s: string): string {
	return cached(KEYS, s, () =>
		normalizeThai(s).text.replace(HEADING_NUMBER, '').toLowerCase().replace(HEADING_NOISE, ''),
	);
}

/** Headings and aliases repeat across pages and rules: their keys are kept (a bounded cache). */
const KEYS = new Map<string, string>();
const WORD_KEYS = new Map<string, { key: string; boundaries: Set<number> }>();
function cached<T>(cache: Map<string, T>, s: string, compute: () => T): T {
	let v = cache.get(s);
	if (v === undefined) {
		if (cache.size >= 20_000) cache.clear();
		v = compute();
		cache.set(s, v);
	}
	return v;
}

const HEADING_NOISE = /[\s/,\-–—():：.·•'"“”‘’]+/gu;
const WORDS = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * A heading's key ({@link headingKey}) with the offsets in the key where a word starts or ends,
 * as ICU word segmentation cuts the heading (`Intl.Segmenter('th')`): an alias found inside a
 * longer heading must begin and end on these (docs/page-model.md).
 */
export function headingWords(s: string): { key: string; boundaries: Set<number> } {
	return cached(WORD_KEYS, s, () => wordsOf(s));
}

function wordsOf(s: string): { key: string; boundaries: Set<number> } {
	const text = normalizeThai(s).text.replace(HEADING_NUMBER, '').toLowerCase();
	const boundaries = new Set<number>([0]);
	let key = '';
	for (const { segment } of WORDS.segment(text)) {
		key += segment.replace(HEADING_NOISE, '');
		boundaries.add(key.length);
	}
	return { key, boundaries };
}

/** An explicit "none" (ไม่มี…) stands for content (ITA O9). */
export const EXPLICIT_NONE = /^\s*ไม่มี/u;

/** Empty or a dash alone is not content. (The optional dash carries the trailing spaces: `\s*…\s*$` would be quadratic on a run of spaces.) */
export const BLANK_VALUE = /^\s*(?:(?:-|–|—|N\/A)\s*)?$/iu;

/** Text for a message: whitespace runs made one space, cut to `max` characters with an ellipsis. */
export function ellipsize(text: string, max: number): string {
	const one = text.replace(/\s+/g, ' ').trim();
	return one.length > max ? `${one.slice(0, max - 3)}…` : one;
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
	const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let diag = prev[0];
		prev[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const tmp = prev[j];
			prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
			diag = tmp;
		}
	}
	return prev[b.length];
}

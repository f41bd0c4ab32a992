import { locate } from '../parse/frontMatter';
import type { RuleContext } from './types';
import type { LocalizedText } from '../types';

/** The range of a missing key (docs/rules/frontmatter-schema.md): the `topic` line, or the opening `---` when there is none. */
export function topicLineRange(ctx: RuleContext): [number, number] {
	const fm = ctx.doc.frontMatter;
	if (!fm) return [0, ctx.doc.lines.lineEnd(1)];
	const r = locate(fm, ['topic']);
	if (r?.key) return [r.key[0], r.value ? Math.max(r.value[1], r.key[1]) : r.key[1]];
	return [fm.start, ctx.doc.lines.lineEnd(1)];
}

/** The range of a front-matter value (or its key when the value is empty), or the topic line. */
export function valueRange(ctx: RuleContext, path: (string | number)[]): [number, number] {
	const fm = ctx.doc.frontMatter;
	const r = fm ? locate(fm, path) : undefined;
	const v = r?.value;
	if (v && v[1] > v[0]) return firstLine(ctx, v);
	if (r?.key) return r.key;
	return topicLineRange(ctx);
}

/** Text for a message: whitespace runs made one space, cut to `max` characters with an ellipsis. */
export function ellipsize(text: string, max: number): string {
	const one = text.replace(/\s+/g, ' ').trim();
	return one.length > max ? `${one.slice(0, max - 3)}…` : one;
}

/** Cut a range to its first line (a whole nested mapping would underline half the page). */
export function firstLine(ctx: RuleContext, range: [number, number]): [number, number] {
	const line = ctx.doc.lines.position(range[0]).line;
	return [range[0], Math.min(range[1], ctx.doc.lines.lineEnd(line))];
}

/** The label of a key for messages: its Thai/English label from the schema, or the key itself. */
export function keyLabel(ctx: RuleContext, keyPath: string): LocalizedText {
	const k = ctx.topic?.keys.get(keyPath);
	return k?.label ?? { th: keyPath, en: keyPath };
}

/** A concrete path as the user reads it: `sources[0].date`. */
export function pathText(path: (string | number)[]): string {
	return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

/** A concrete path with indexes replaced by `[]`, to look up schema keys. */
export function keyPathOf(path: (string | number)[]): string {
	return pathText(path).replace(/\[\d+\]/g, '[]');
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

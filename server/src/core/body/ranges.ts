// Where findings go in a page (front-matter values, the topic line) and how keys are named in messages;
// shared by the rules.
import type { ParsedDocument } from '../parse/document';
import { locate } from '../parse/frontMatter';
import type { TopicSchema } from '../schema/registry';
import type { LocalizedText } from '../types';

/** The range of a missing key (docs/rules/frontmatter-schema.md): the `topic` line, or the opening `---` when there is none. */
export function topicLineRange(doc: ParsedDocument): [number, number] {
	const fm = doc.frontMatter;
	if (!fm) return [0, doc.lines.lineEnd(1)];
	const r = locate(fm, ['topic']);
	if (r?.key) return [r.key[0], r.value ? Math.max(r.value[1], r.key[1]) : r.key[1]];
	return [fm.start, doc.lines.lineEnd(1)];
}

/** The range of a front-matter value (or its key when the value is empty), or the topic line. */
export function valueRange(doc: ParsedDocument, path: (string | number)[]): [number, number] {
	const fm = doc.frontMatter;
	const r = fm ? locate(fm, path) : undefined;
	const v = r?.value;
	if (v && v[1] > v[0]) return firstLine(doc, v);
	if (r?.key) return r.key;
	return topicLineRange(doc);
}

/** Cut a range to its first line (a whole nested mapping would underline half the page). */
export function firstLine(doc: ParsedDocument, range: [number, number]): [number, number] {
	const line = doc.lines.position(range[0]).line;
	return [range[0], Math.min(range[1], doc.lines.lineEnd(line))];
}

/** The label of a key for messages: its Thai/English label from the topic schema, or the key itself. */
export function keyLabel(topic: TopicSchema | undefined, keyPath: string): LocalizedText {
	const k = topic?.keys.get(keyPath);
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

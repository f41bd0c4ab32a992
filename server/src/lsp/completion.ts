import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FrontMatter } from '../core/parse/frontMatter';
import type { KeyInfo, SchemaRegistry, TopicSchema } from '../core/schema/registry';
import { pageSkeleton } from '../core/schema/skeleton';
import { formatDate, parseDate, toIsoCE, type DateFormatInfo } from '../core/thai/dates';
import type { CalendarDate, Locale } from '../core/types';
import { pick } from '../core/i18n/render';

/** What front-matter completion needs besides the page. */
export interface CompletionEnv {
	registry: SchemaRegistry;
	locale: Locale;
	/** The page's topic as the engine decides it (front matter, else the configuration's globs). */
	topic: TopicSchema | undefined;
	today: CalendarDate;
}

/** How the examples and most pages write front-matter dates: `2569-11-27` (ISO with the BE year). */
const ISO_BE: DateFormatInfo = { style: 'iso', era: 'BE', eraMarker: false, thaiDigits: false, dayPrefix: false };

/**
 * A page without front matter, typed at its top: a whole-page skeleton per topic (the same as the
 * VS Code snippets, with today's date), for editors that have no snippets file.
 */
export function skeletonCompletions(doc: TextDocument, offset: number, env: CompletionEnv): CompletionItem[] {
	const text = doc.getText();
	const before = text.slice(0, offset);
	if (!/^[\w-]*$/.test(before)) return [];
	const range: Range = { start: doc.positionAt(0), end: doc.positionAt(offset) };
	const date = formatDate(env.today, ISO_BE);
	return env.registry.ids().map((id, i) => {
		const topic = env.registry.get(id)!;
		return {
			label: `disclosure-${id}`,
			kind: CompletionItemKind.Snippet,
			detail: pick(topic.x.name, env.locale),
			documentation: `${topic.x.name.th} / ${topic.x.name.en}`,
			sortText: String(i).padStart(3, '0'),
			insertTextFormat: InsertTextFormat.Snippet,
			textEdit: { range, newText: pageSkeleton(topic, env.registry.common, date).join('\n') },
		};
	});
}

/** The schema whose keys describe a front matter: its topic's, else a built-in one for the common keys. */
export function keySchemaOf(topic: TopicSchema | undefined, registry: SchemaRegistry): TopicSchema {
	return topic ?? registry.get('web-links')!;
}

/** The schema of a key written at some indentation: top-level by name, nested by its last path segment. */
function keyInfo(topic: TopicSchema, key: string, nested: boolean): KeyInfo | undefined {
	if (!nested) return topic.keys.get(key);
	for (const info of topic.keys.values()) if (info.path.endsWith(`.${key}`)) return info;
	return undefined;
}

/** The key a list item at `indent` belongs to: the nearest line above with `key:` alone, indented no deeper. */
function parentKey(text: string, lineStart: number, indent: number): { key: string; nested: boolean } | undefined {
	let end = lineStart - 1;
	while (end > 0) {
		const start = text.lastIndexOf('\n', end - 1) + 1;
		const line = text.slice(start, end).replace(/\r$/, '');
		const m = /^(\s*)([A-Za-z_][\w-]*):\s*$/.exec(line);
		if (m && m[1].length <= indent) return { key: m[2], nested: m[1].length > 0 };
		if (/^---/.test(line) || (/\S/.test(line) && /^\s*/.exec(line)![0].length < indent)) return undefined;
		end = start - 1;
	}
	return undefined;
}

/** The way this page already writes its front-matter dates (the first valid one), else ISO BE. */
function dateStyleOf(fm: FrontMatter, topic: TopicSchema): DateFormatInfo {
	const data = fm.value as Record<string, unknown> | undefined;
	for (const info of topic.keys.values()) {
		const v = data?.[info.path];
		if (info.isDate && typeof v === 'string') {
			const m = parseDate(v);
			if (m?.date) return m.format;
		}
	}
	return ISO_BE;
}

/** Completion inside the front matter: keys not yet written, topic ids, enum values and today's date. */
export function frontMatterCompletions(
	doc: TextDocument,
	offset: number,
	fm: FrontMatter,
	env: CompletionEnv,
): CompletionItem[] {
	const text = doc.getText();
	const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
	const before = text.slice(lineStart, offset);
	const { registry, locale, topic } = env;
	if (/^topic:\s*/.test(before)) {
		return registry.ids().map((id) => {
			const t = registry.get(id)!;
			return {
				label: id,
				kind: CompletionItemKind.EnumMember,
				detail: pick(t.x.name, locale),
				documentation: `${t.x.name.th} / ${t.x.name.en}`,
			};
		});
	}
	if (/^\s*-\s*$/.test(before)) {
		// An item of a list: the values the list's items may take (`sections:` of a split page).
		const parent = parentKey(text, lineStart, before.indexOf('-'));
		const info = parent && keyInfo(keySchemaOf(topic, registry), parent.key, parent.nested);
		const values = (info?.schema.items as { enum?: unknown[] } | undefined)?.enum;
		const label = info && pick(info.label ?? { th: info.path, en: info.path }, locale);
		return Array.isArray(values)
			? values.map((v) => ({ label: String(v), kind: CompletionItemKind.EnumMember, detail: label }))
			: [];
	}
	const value = /^(\s*)(?:-\s+)?([A-Za-z_][\w-]*):\s*$/.exec(before);
	if (value) {
		const info = keyInfo(keySchemaOf(topic, registry), value[2], value[1].length > 0 || /^\s*-/.test(before));
		if (!info) return [];
		if (info.isDate) {
			const style = topic ? dateStyleOf(fm, topic) : ISO_BE;
			const written = formatDate(env.today, style);
			const iso = formatDate(env.today, ISO_BE);
			const today = locale === 'th' ? 'วันนี้' : 'today';
			return [...new Set([written, iso])].map((label, i) => ({
				label,
				kind: CompletionItemKind.Value,
				detail: `${today} (${toIsoCE(env.today)})`,
				sortText: String(i),
				preselect: i === 0,
			}));
		}
		const values = info.schema.enum;
		if (Array.isArray(values)) {
			return values.map((v) => ({
				label: String(v),
				kind: CompletionItemKind.EnumMember,
				detail: pick(info.label ?? { th: info.path, en: info.path }, locale),
			}));
		}
		return [];
	}
	if (/^[A-Za-z_]*$/.test(before)) {
		const data = fm.value as Record<string, unknown> | undefined;
		const keys = [...keySchemaOf(topic, registry).keys.values()].filter(
			(k) => !k.path.includes('.') && !k.path.includes('[]') && !(data && k.path in data),
		);
		return keys.map((k) => ({
			label: k.path,
			kind: CompletionItemKind.Property,
			detail: pick(k.label ?? { th: k.path, en: k.path }, locale),
			documentation: pick(k.description ?? { th: '', en: '' }, locale),
			insertText: `${k.path}: `,
		}));
	}
	return [];
}

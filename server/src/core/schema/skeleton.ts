import type { TopicSchema } from './registry';

/**
 * A whole page for a topic as snippet lines (LSP / VS Code snippet syntax: `${1:placeholder}`):
 * the required front-matter keys with Thai placeholders, the title, and the headings of the
 * required sections. The VS Code snippets file and the language server's completion share it.
 *
 * @param common the common schema (its `required` keys come first)
 * @param date the text for a date value (a snippet variable, or today's date)
 */
export function pageSkeleton(topic: TopicSchema, common: Record<string, unknown>, date: string): string[] {
	const required = new Set<string>();
	const collect = (o: unknown): void => {
		if (!o || typeof o !== 'object') return;
		const r = (o as { required?: unknown }).required;
		if (Array.isArray(r)) for (const k of r) required.add(String(k));
		for (const sub of ((o as { allOf?: unknown[] }).allOf ?? [])) collect(sub);
	};
	collect(common);
	collect(topic.json);
	let n = 1;
	const lines = ['---', `topic: ${topic.id}`];
	for (const key of [...required].filter((k) => k !== 'topic')) {
		const info = topic.keys.get(key);
		const type = String(info?.schema.type ?? 'string');
		if (info?.isDate) lines.push(`${key}: \${${n++}:${date}}`);
		else if (type === 'array' && key === 'downloads') lines.push(`${key}:`, `  - title: \${${n++}:ชื่อเอกสาร}`, `    href: \${${n++}:files/manual.pdf}`, '    kind: manual');
		else if (type === 'array' && key === 'sources') lines.push(`${key}:`, `  - title: \${${n++}:แหล่งที่มา}`, `    url: \${${n++}:https://}`);
		else if (type === 'array') lines.push(`${key}:`, `  - \${${n++}:${info?.label?.th ?? key}}`);
		else if (type === 'integer') lines.push(`${key}: \${${n++}:2570}`);
		else if (info?.schema.enum) lines.push(`${key}: \${${n++}|${(info.schema.enum as string[]).join(',')}|}`);
		else lines.push(`${key}: \${${n++}:${info?.label?.th ?? key}}`);
	}
	lines.push('---', '', `# \${${n++}:${topic.x.name.th}}`, '');
	for (const sec of topic.x.sections ?? []) {
		if (sec.required === false) continue;
		lines.push(`## ${sec.heading.th}`, '', `\${${n++}:${sec.noneText ?? 'เนื้อหา'}}`, '');
	}
	return lines;
}

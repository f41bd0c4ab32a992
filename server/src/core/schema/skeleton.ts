import type { KeyInfo, TopicSchema } from './registry';
import { effectiveDisclosure } from '../body/effective';

/**
 * A whole page for a topic as snippet lines (LSP / VS Code snippet syntax: `${1:placeholder}`):
 * the required front-matter keys with Thai placeholders, the title, and the headings of the
 * required sections. The VS Code snippets file and the language server's completion share it.
 * A topic with item pages (docs/page-model.md) gets the skeleton of one item: one manual, one
 * service, one story; its item key (`date`, `url`, `service_name`…) makes the page an item.
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
		for (const sub of (o as { allOf?: unknown[] }).allOf ?? []) collect(sub);
		// `if: { required: [sections] …} else: { required: […] }`: a whole page has no `sections`, so the else applies.
		const cond = o as { if?: { required?: unknown[] }; else?: unknown };
		if (Array.isArray(cond.if?.required) && cond.if.required.includes('sections')) collect(cond.else);
	};
	collect(common);
	collect(topic.json);
	const kind = topic.x.kinds?.item ? 'item' : topic.x.kinds ? 'hub' : undefined;
	const x = effectiveDisclosure(topic.x, undefined, kind);
	for (const k of x.requiredKeys ?? []) required.add(k);
	if (kind === 'item' && x.attribution?.source) required.add('sources');
	if (x.downloads?.required?.length) required.add('downloads');
	for (const k of Object.keys(topic.x.kinds?.item?.when?.[0] ?? {})) if (k !== 'date') required.add(k);
	for (const l of x.requiredLinks ?? []) for (const k of l.keys ?? []) required.add(k);
	let n = 1;
	const lines = ['---', `topic: ${topic.id}`];
	// Then the keys the topic recommends, and a page date where the topic has one (news, knowledge).
	const recommended = [...(x.recommended ?? []), ...(x.suggested ?? [])].filter((k) => !k.includes('.'));
	const dated = topic.keys.get('date')?.isDate ? ['date'] : [];
	const value = (info: KeyInfo | undefined, fallback: string): string => {
		const type = String(info?.schema.type ?? 'string');
		if (info?.isDate) return `\${${n++}:${date}}`;
		if (type === 'integer') return `\${${n++}:2570}`;
		if (info?.schema.format === 'uri') return `\${${n++}:https://}`;
		if (info?.schema.enum) return `\${${n++}|${(info.schema.enum as string[]).join(',')}|}`;
		return `\${${n++}:${info?.label?.th ?? fallback}}`;
	};
	for (const key of [...new Set([...required, ...recommended, ...dated])].filter((k) => k !== 'topic')) {
		const info = topic.keys.get(key);
		const type = String(info?.schema.type ?? 'string');
		if (type === 'array' && key === 'downloads')
			lines.push(
				`${key}:`,
				`  - title: \${${n++}:ชื่อเอกสาร}`,
				`    href: \${${n++}:files/manual.pdf}`,
				'    kind: manual',
			);
		else if (type === 'array' && key === 'sources')
			lines.push(`${key}:`, `  - title: \${${n++}:แหล่งที่มา}`, `    url: \${${n++}:https://}`);
		else if (type === 'array') lines.push(`${key}:`, `  - \${${n++}:${info?.label?.th ?? key}}`);
		else if (type === 'object') {
			lines.push(`${key}:`);
			for (const sub of Object.keys((info?.schema.properties as Record<string, unknown> | undefined) ?? {}))
				lines.push(`  ${sub}: ${value(topic.keys.get(`${key}.${sub}`), sub)}`);
		} else lines.push(`${key}: ${value(info, key)}`);
	}
	lines.push('---', '', `# \${${n++}:${topic.x.name.th}}`, '');
	const links = x.requiredLinks ?? [];
	const linkLine = (l: (typeof links)[number]) => `- [${l.label.th}](\${${n++}:https://})`;
	for (const sec of x.sections ?? []) {
		if (sec.required === false || sec.page) continue;
		lines.push(`## ${sec.heading.th}`, '', `\${${n++}:${sec.noneText ?? 'เนื้อหา'}}`, '');
		for (const l of links.filter((k) => k.section === sec.id)) lines.push(linkLine(l), '');
	}
	for (const l of links.filter(
		(l) =>
			!l.section ||
			!(x.sections ?? []).some((sec) => sec.id === l.section && sec.required !== false && !sec.page),
	))
		lines.push(linkLine(l), '');
	return lines;
}

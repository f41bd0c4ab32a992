import type { Rule } from './types';

/** YAML that does not parse, at the YAML error's position. */
export const frontmatterSyntax: Rule = {
	id: 'frontmatter-syntax',
	tags: ['front-matter'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'page',
	description: { th: 'YAML ในส่วนหัวอ่านไม่ได้', en: 'The front matter YAML does not parse' },
	messages: {
		syntax: { th: 'YAML ในส่วนหัวผิดรูปแบบ: {detail}', en: 'The front matter YAML is malformed: {detail}' },
		duplicate: { th: 'คีย์ซ้ำในส่วนหัว: ใช้คีย์แต่ละคีย์เพียงครั้งเดียว ({detail})', en: 'Duplicate key in the front matter: use each key once ({detail})' },
		notClosed: { th: 'ส่วนหัวเปิดด้วย --- แต่ไม่มีบรรทัด --- ปิด', en: 'The front matter opens with --- but has no closing --- line' },
		aliases: { th: 'ส่วนหัวใช้ YAML alias มากเกินไป (อาจเป็นการโจมตีแบบ alias bomb): {detail}', en: 'The front matter expands too many YAML aliases (an alias bomb?): {detail}' },
		tabs: { th: 'YAML ห้ามใช้แท็บในการย่อหน้า ให้ใช้ช่องว่างแทน ({detail})', en: 'YAML does not allow tabs for indentation; use spaces ({detail})' },
	},
	check(ctx, report) {
		const fm = ctx.doc.frontMatter;
		if (!fm) return;
		for (const p of fm.problems) {
			const messageId = p.code === 'NOT_CLOSED' ? 'notClosed'
				: p.code === 'DUPLICATE_KEY' ? 'duplicate'
					: p.code === 'ALIAS_LIMIT' ? 'aliases'
						: p.code === 'TAB_AS_INDENT' ? 'tabs'
							: 'syntax';
			report({ messageId, args: { detail: p.message }, start: p.start, end: p.end });
		}
	},
};

import type { Rule } from './types';

/** A page without a front-matter block at its very top. */
type MessageIds = 'missing' | 'notAtTop';

export const frontmatterMissing: Rule<MessageIds> = {
	id: 'frontmatter-missing',
	tags: ['front-matter'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'page',
	description: { th: 'หน้าไม่มีส่วนหัวของไฟล์ (front matter)', en: 'The page has no YAML front matter block' },
	messages: {
		missing: {
			th: 'หน้านี้ไม่มีส่วนหัวของไฟล์ (front matter) ซึ่งเขียนเป็น YAML ระหว่างบรรทัด --- สองบรรทัดที่ต้นไฟล์ ให้เพิ่มส่วนนี้พร้อม topic, title, agency, responsible, reviewer, published และ updated',
			en: 'This page has no YAML front matter between --- lines at the top; add topic, title, agency, responsible, reviewer, published and updated',
		},
		notAtTop: {
			th: 'ส่วนหัวของไฟล์ (front matter) ต้องเริ่มที่บรรทัดแรกของไฟล์ แต่พบ --- ที่บรรทัด {line} ให้ลบบรรทัดว่างด้านบนออก',
			en: 'The front matter must start on the first line of the file; found --- on line {line} instead',
		},
	},
	check(ctx, report) {
		if (ctx.doc.frontMatter) return;
		const later = /^---[ \t]*$/m.exec(ctx.doc.text);
		const end = ctx.doc.lines.lineEnd(1);
		if (later && later.index > 0 && /^\s*$/.test(ctx.doc.text.slice(0, later.index))) {
			report({
				messageId: 'notAtTop',
				args: { line: ctx.doc.lines.position(later.index).line },
				start: 0,
				end: Math.max(end, 1),
			});
			return;
		}
		report({ messageId: 'missing', start: 0, end });
	},
};

import type { Rule } from './types';
import { MAX_YAML_DEPTH } from '../parse/frontMatter';

type MessageIds = 'syntax' | 'duplicate' | 'notClosed' | 'aliases' | 'tooDeep' | 'tabs';

/** The message of a YAML problem's code; any other code is a plain `syntax` error. */
const MESSAGE_OF_CODE: Record<string, MessageIds | undefined> = {
	NOT_CLOSED: 'notClosed',
	DUPLICATE_KEY: 'duplicate',
	ALIAS_LIMIT: 'aliases',
	TAB_AS_INDENT: 'tabs',
	TOO_DEEP: 'tooDeep',
};

/** YAML that does not parse, at the YAML error's position. */
export const frontmatterSyntax: Rule<MessageIds> = {
	id: 'frontmatter-syntax',
	tags: ['front-matter'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'page',
	description: { th: 'ส่วนหัวของไฟล์ (front matter) เขียน YAML ผิดรูปแบบ', en: 'The front matter YAML does not parse' },
	messages: {
		syntax: {
			th: 'YAML ในส่วนหัวของไฟล์ (front matter) เขียนผิดรูปแบบ: {detail}',
			en: 'The front matter YAML is malformed: {detail}',
		},
		duplicate: {
			th: 'ส่วนหัวของไฟล์ (front matter) มีคีย์ซ้ำ ให้เขียนแต่ละคีย์เพียงครั้งเดียว ({detail})',
			en: 'Duplicate key in the front matter: use each key once ({detail})',
		},
		notClosed: {
			th: 'ส่วนหัวของไฟล์ (front matter) เปิดด้วย --- แต่ไม่มีบรรทัด --- ปิดท้าย ให้เพิ่มบรรทัด --- หลังคีย์สุดท้าย',
			en: 'The front matter opens with --- but has no closing --- line',
		},
		aliases: {
			th: 'ส่วนหัวของไฟล์ (front matter) ใช้ YAML alias (*ชื่อ) ขยายค่ามากเกินไปจึงไม่ได้อ่าน ให้เขียนค่าลงไปตรง ๆ แทนการใช้ alias ({detail})',
			en: 'The front matter expands too many YAML aliases (an alias bomb?): {detail}',
		},
		tooDeep: {
			th: 'ส่วนหัวของไฟล์ (front matter) ซ้อนกันลึกเกินไป (เกิน {max} ชั้นของการย่อหน้า รายการ - และวงเล็บ [ {) จึงไม่ได้อ่าน ให้ลดระดับการซ้อนลง หรือปิดวงเล็บที่เปิดค้างไว้',
			en: 'The front matter YAML is nested too deeply (more than {max} levels of indentation, - items and [ { brackets), so it was not read; flatten it, or close the brackets left open',
		},
		tabs: {
			th: 'ส่วนหัวของไฟล์ (front matter) ใช้แท็บในการย่อหน้า ซึ่ง YAML ไม่อนุญาต ให้เว้นวรรคด้วยช่องว่าง (space) แทน ({detail})',
			en: 'YAML does not allow tabs for indentation; use spaces ({detail})',
		},
	},
	check(ctx, report) {
		const fm = ctx.doc.frontMatter;
		if (!fm) return;
		for (const p of fm.problems) {
			if (p.code === 'PAGE_LIMIT') continue; // a front matter over the page budget, not parsed: page-limits says it
			const messageId = MESSAGE_OF_CODE[p.code] ?? 'syntax';
			report({
				messageId,
				args: messageId === 'tooDeep' ? { max: MAX_YAML_DEPTH } : { detail: p.message },
				start: p.start,
				end: p.end,
			});
		}
	},
};

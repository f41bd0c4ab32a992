import type { Rule } from './types';
import { findNationalIds } from '../thai/nationalId';
import { walk } from '../parse/walk';

const URL_LIKE = /(?:https?:\/\/|www\.)\S+/giu;
/** e-GP project numbers and similar references are not ID numbers (docs/domain.md#national-id-numbers). */
const NOT_AN_ID_BEFORE = /(?:e-?GP|เลขที่โครงการ|โครงการเลขที่|เลขคุมสัญญา|สัญญาเลขที่|เลขที่สัญญา|เลขที่หนังสือ|ISBN)[^\n]{0,30}$/iu;

/** A 13-digit Thai national ID with a valid checksum, outside code and URLs (PDPA; OIA s.24). */
export const piiNationalId: Rule = {
	id: 'pii-national-id',
	tags: ['privacy'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'page',
	description: { th: 'พบเลขประจำตัวประชาชน', en: 'A Thai national ID number is published' },
	messages: {
		valid: {
			th: 'พบเลขประจำตัวประชาชน 13 หลักที่ถูกต้องตามเลขตรวจสอบ ห้ามเผยแพร่ข้อมูลส่วนบุคคล (พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562, พ.ร.บ.ข้อมูลข่าวสารฯ มาตรา 24) ให้ลบหรือปิดบัง เช่น 1-2345-xxxxx-xx-x',
			en: 'A valid 13-digit Thai national ID number; personal data must not be published (PDPA B.E. 2562; OIA s.24). Remove or mask it, e.g. 1-2345-xxxxx-xx-x',
		},
		looksLike: {
			th: 'ตัวเลข 13 หลักนี้มีรูปแบบเหมือนเลขประจำตัวประชาชน (แต่เลขตรวจสอบไม่ตรง) ตรวจสอบว่าไม่ใช่ข้อมูลส่วนบุคคล',
			en: 'This 13-digit number looks like a national ID (its check digit does not match); make sure it is not personal data',
		},
	},
	check(ctx, report) {
		const scan = (s: number, e: number): void => {
			const slice = ctx.doc.text.slice(s, e);
			if (!/[0-9\u0e50-\u0e59]{4}/u.test(slice)) return;
			const urls = [...slice.matchAll(URL_LIKE)].map((m) => [m.index!, m.index! + m[0].length]);
			for (const id of findNationalIds(slice)) {
				if (urls.some(([a, b]) => id.start >= a && id.start < b)) continue;
				if (NOT_AN_ID_BEFORE.test(slice.slice(Math.max(0, id.start - 60), id.start))) continue;
				report({ messageId: id.checksumValid ? 'valid' : 'looksLike', severity: id.checksumValid ? undefined : 'info', start: s + id.start, end: s + id.end });
			}
		};
		const fm = ctx.doc.frontMatter;
		if (fm) scan(fm.contentStart, fm.contentEnd);
		for (const [s, e] of ctx.facts.proseRanges()) scan(s, e);
		// Pasted HTML tables and image descriptions are published too.
		walk(ctx.doc.tree, (n) => {
			const s = n.position?.start.offset;
			const e = n.position?.end.offset;
			if (s === undefined || e === undefined) return;
			if (n.type === 'html' || n.type === 'image') scan(s, e);
		});
	},
};

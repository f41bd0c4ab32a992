import type { Rule } from './types';
import { findNationalIds } from '../thai/nationalId';
import { walk } from '../parse/walk';

const URL_LIKE = /(?:https?:\/\/|www\.)\S+/giu;
/** A link destination's query: from `?` to the end of the URL (docs/domain.md#national-id-numbers). */
const QUERY_G = /\?[^\s()<>"'`]+/gu;
/** e-GP project numbers and similar references are not ID numbers (docs/domain.md#national-id-numbers). */
const NOT_AN_ID_BEFORE = /(?:e-?GP|เลขที่โครงการ|โครงการเลขที่|เลขคุมสัญญา|สัญญาเลขที่|เลขที่สัญญา|เลขที่หนังสือ|ISBN)[^\n]{0,30}$/iu;
/** Query parameters that name a project, contract or book, not a person (`?projectId=…`). */
const NOT_AN_ID_PARAM = /(?:project|proj|egp|contract|isbn)[^=&?#]*=[^&#=]*$/iu;
/** The e-GP system's hosts: every number in its URLs is a procurement reference. */
const EGP_HOST = /^(?:https?:\/\/)?[^/?#\s]*gprocurement\.go\.th(?:[:/?#]|$)/iu;
/** Any digit the detector reads: ASCII, Thai ๐–๙ or full-width ０–９. */
const DIGITS4 = /[0-9\u0e50-\u0e59\uff10-\uff19]{4}/u;

type MessageIds = 'valid' | 'inUrl' | 'looksLike';

/**
 * A 13-digit Thai national ID with a valid checksum, in the front matter, prose, inline code, HTML,
 * image descriptions and URL queries; not in code blocks nor a URL's path (PDPA; OIA s.24).
 */
export const piiNationalId: Rule<MessageIds> = {
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
		inUrl: {
			th: 'พบเลขประจำตัวประชาชน 13 หลักที่ถูกต้องตามเลขตรวจสอบในพารามิเตอร์ของลิงก์ (หลังเครื่องหมาย ?) ลิงก์แบบนี้มักเปิดแบบฟอร์มที่กรอกข้อมูลของบุคคลไว้แล้ว ห้ามเผยแพร่ข้อมูลส่วนบุคคล (พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562, พ.ร.บ.ข้อมูลข่าวสารฯ มาตรา 24) ให้ลบเลขออกจากลิงก์',
			en: "A valid 13-digit Thai national ID number in a link's query (after ?): such links often open a form filled in with a person's data, and personal data must not be published (PDPA B.E. 2562; OIA s.24). Remove the number from the link",
		},
		looksLike: {
			th: 'ตัวเลข 13 หลักนี้มีรูปแบบเหมือนเลขประจำตัวประชาชน (แต่เลขตรวจสอบไม่ตรง) ตรวจสอบว่าไม่ใช่ข้อมูลส่วนบุคคล',
			en: 'This 13-digit number looks like a national ID (its check digit does not match); make sure it is not personal data',
		},
	},
	check(ctx, report) {
		const text = ctx.doc.text;
		const reported = new Set<number>();
		const found = (start: number, end: number, valid: boolean, inQuery: boolean): void => {
			if (reported.has(start)) return; // prose and the link around it both see a bare URL
			reported.add(start);
			report({
				messageId: !valid ? 'looksLike' : inQuery ? 'inUrl' : 'valid',
				severity: valid ? undefined : 'info',
				start,
				end,
			});
		};
		/** Candidates in text[s, e): outside URLs, or in a URL's query. */
		const scan = (s: number, e: number): void => {
			const slice = text.slice(s, e);
			if (!DIGITS4.test(slice)) return;
			const urls = [...slice.matchAll(URL_LIKE)].map((m) => {
				const q = m[0].indexOf('?');
				return { start: m.index!, end: m.index! + m[0].length, query: q < 0 ? -1 : m.index! + q, url: m[0] };
			});
			for (const id of findNationalIds(slice)) {
				const url = urls.find((u) => id.start >= u.start && id.start < u.end);
				// A reference number is named just before it (on the same line, across inline markup), or
				// before the URL that holds it.
				const from = url ? url.start : id.start;
				if (url && (url.query < 0 || id.start < url.query || !inQuery(url.url, id.start - url.start))) continue;
				if (NOT_AN_ID_BEFORE.test(text.slice(Math.max(0, s + from - 60), s + from))) continue;
				found(s + id.start, s + id.end, id.checksumValid, Boolean(url));
			}
		};
		/** Candidates in the queries of the link destinations written in text[s, e) (relative ones too). */
		const scanQueries = (s: number, e: number): void => {
			const slice = text.slice(s, e);
			if (!slice.includes('?') || !DIGITS4.test(slice)) return;
			for (const m of slice.matchAll(QUERY_G)) {
				const at = m.index!;
				// The destination starts after `](`, `<` or the space after `]:`.
				const urlStart =
					Math.max(...['(', '<', ' ', '\t', '\n', '"', "'"].map((c) => slice.lastIndexOf(c, at))) + 1;
				const url = slice.slice(urlStart, at + m[0].length);
				if (NOT_AN_ID_BEFORE.test(text.slice(Math.max(0, s + urlStart - 60), s + urlStart))) continue;
				for (const id of findNationalIds(m[0])) {
					if (inQuery(url, at - urlStart + id.start))
						found(s + at + id.start, s + at + id.end, id.checksumValid, true);
				}
			}
		};
		const fm = ctx.doc.frontMatter;
		if (fm) scan(fm.contentStart, fm.contentEnd);
		for (const [s, e] of ctx.facts.proseRanges()) scan(s, e);
		walk(ctx.doc.tree, (n) => {
			const s = n.position?.start.offset;
			const e = n.position?.end.offset;
			if (s === undefined || e === undefined) return;
			// Pasted HTML tables, image descriptions and inline code are published too (code blocks are samples).
			if (n.type === 'html' || n.type === 'image' || n.type === 'inlineCode') scan(s, e);
			// A link to a filled-in form carries the ID in its query: `[แบบฟอร์ม](https://…?id=…)`.
			if (n.type === 'link' || n.type === 'image' || n.type === 'definition') scanQueries(s, e);
		});
	},
};

/**
 * Whether the offset `at` of `url` is in its query and counts there: not on an e-GP host, not in
 * a fragment, not in a parameter named for a project, contract or book.
 */
function inQuery(url: string, at: number): boolean {
	const q = url.indexOf('?');
	if (q < 0 || at < q) return false;
	const hash = url.indexOf('#', q);
	if (hash >= 0 && at >= hash) return false;
	if (EGP_HOST.test(url)) return false;
	return !NOT_AN_ID_PARAM.test(url.slice(q, at));
}

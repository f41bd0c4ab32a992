import type { Rule, RuleReport } from './types';
import type { ParsedDocument } from '../parse/document';
import { BUDGET_OPTIONS_SCHEMA, type CountKind, type PageBudget } from '../parse/limits';

/** A message per limit: the size, the nesting depth, and each count of the pre-scan. */
/** `time` and `memory`: the language server stopped a lint that ran over its budget (docs/architecture.md#language-server). */
/** `htmlDepth`: a published HTML page nested deeper than the HTML tools can follow (docs/audit.md). */
type MessageIds = 'size' | 'depth' | CountKind | 'time' | 'memory' | 'htmlDepth';

/**
 * The page exceeds its parser budget (docs/rules/page-limits.md): the body was not checked, nor the
 * front matter when it is the front matter that is over. An engine rule: the parser finds the limit
 * (`parseDocument` with the budget from this rule's options, `core/parse/limits.ts`), and `lintText`
 * (`core/lint.ts`) reports {@link pageLimitReport}.
 */
export const pageLimits: Rule<MessageIds, Partial<PageBudget>> = {
	id: 'page-limits',
	tags: ['engine'],
	defaultSeverity: 'warning',
	fixable: false,
	scope: 'engine',
	description: {
		th: 'หน้ายาวเกินไปหรือซับซ้อนเกินไป จนตรวจเนื้อหาไม่ได้',
		en: 'The page is too large or too complex to check its body',
	},
	options: BUDGET_OPTIONS_SCHEMA,
	messages: {
		htmlDepth: {
			th: 'หน้า HTML นี้ซ้อนแท็กลึกเกินกว่าที่จะอ่านได้ จึงไม่ได้ตรวจหน้านี้ ให้ตรวจแม่แบบ (theme) ของเว็บไซต์ว่ามีแท็กที่เปิดแล้วไม่ปิดซ้ำ ๆ หรือไม่',
			en: "This HTML page nests its elements deeper than can be read, so it was not checked; look for a tag the site's theme opens again and again without closing",
		},
		time: {
			th: 'การตรวจหน้านี้ใช้เวลาเกิน {seconds} วินาที จึงหยุดตรวจ หน้านี้ยังไม่ได้ตรวจ ให้แบ่งเป็นหลายหน้า หรือย้ายข้อมูลดิบไปเป็นไฟล์แนบ (PDF, XLSX, CSV)',
			en: 'Checking this page took longer than {seconds} s, so it was stopped and the page was not checked. Split it into several pages, or move raw data into an attachment (PDF, XLSX, CSV)',
		},
		memory: {
			th: 'การตรวจหน้านี้ใช้หน่วยความจำเกินกำหนดหรือล้มเหลว จึงหยุดตรวจ หน้านี้ยังไม่ได้ตรวจ ให้แบ่งเป็นหลายหน้า หรือย้ายข้อมูลดิบไปเป็นไฟล์แนบ (PDF, XLSX, CSV)',
			en: 'Checking this page ran out of memory or failed, so it was stopped and the page was not checked. Split it into several pages, or move raw data into an attachment (PDF, XLSX, CSV)',
		},
		size: {
			th: 'หน้านี้ยาว {chars} อักขระ เกินขีดจำกัด {max} อักขระ จึงตรวจเฉพาะส่วนหัวของไฟล์ (front matter) ไม่ได้ตรวจเนื้อหา ให้แบ่งเป็นหลายหน้า',
			en: 'This page has {chars} characters, over the limit of {max}; only its front matter was checked, not its body. Split it into several pages',
		},
		depth: {
			th: 'บรรทัดนี้ซ้อนรายการหรือข้อความอ้างอิง (>) เกิน {max} ชั้น จึงตรวจเฉพาะส่วนหัวของไฟล์ (front matter) ไม่ได้ตรวจเนื้อหาของหน้า ให้ลดระดับการซ้อน',
			en: 'This line nests lists or block quotes deeper than {max} levels; the page body was not checked, only its front matter',
		},
		delimiters: {
			th: 'ย่อหน้านี้มีเครื่องหมายเน้นข้อความ (* _ ~~) {count} ตัวขึ้นไป เกินขีดจำกัด {max} ตัวต่อย่อหน้า จึงตรวจเฉพาะส่วนหัวของไฟล์ (front matter) ไม่ได้ตรวจเนื้อหา ให้แบ่งย่อหน้าด้วยบรรทัดว่าง หรือลบเครื่องหมายที่ไม่ได้ใช้',
			en: 'This paragraph has {count} or more emphasis delimiters (* _ ~~), over the limit of {max} per paragraph; only the front matter was checked, not the body. Split the paragraph with blank lines or remove stray markers',
		},
		unmatchedDelimiters: {
			th: 'ย่อหน้านี้มีเครื่องหมายเน้นข้อความ (* _ ~~) ที่เปิดค้างหรือไม่มีคู่ {count} ตัวขึ้นไป เกินขีดจำกัด {max} ตัว จึงตรวจเฉพาะส่วนหัวของไฟล์ (front matter) ไม่ได้ตรวจเนื้อหา ให้ลบเครื่องหมายที่ไม่มีคู่ หรือเขียน \\* แทน *',
			en: 'This paragraph has {count} or more emphasis delimiters (* _ ~~) left open or closing nothing, over the limit of {max}; only the front matter was checked, not the body. Remove the stray markers or escape them (\\*)',
		},
		brackets: {
			th: 'ย่อหน้านี้มีวงเล็บเหลี่ยมปิด ] {count} ตัวขึ้นไป เกินขีดจำกัด {max} ตัวต่อย่อหน้า จึงตรวจเฉพาะส่วนหัวของไฟล์ (front matter) ไม่ได้ตรวจเนื้อหา ให้แบ่งย่อหน้าด้วยบรรทัดว่าง',
			en: 'This paragraph has {count} or more closing square brackets ], over the limit of {max} per paragraph; only the front matter was checked, not the body. Split the paragraph with blank lines',
		},
		span: {
			th: 'ย่อหน้านี้มีเครื่องหมายเน้นข้อความ (* _ ~~) หรือวงเล็บเหลี่ยม ] ที่ต้องย้อนหาคู่ไกลมาก (รวม {count} อักขระ เกินขีดจำกัด {max}) ตัวแยกวิเคราะห์จะใช้เวลานานเกินไป จึงตรวจเฉพาะส่วนหัวของไฟล์ (front matter) ไม่ได้ตรวจเนื้อหา ให้แบ่งย่อหน้าด้วยบรรทัดว่าง หรือเขียน \\* แทน * ที่ไม่มีคู่',
			en: 'Emphasis delimiters (* _ ~~) or ] in this paragraph reach back over {count} characters to find their pairs, over the limit of {max}: the parser would take too long, so only the front matter was checked, not the body. Split the paragraph with blank lines or escape stray markers (\\*)',
		},
		tableColumns: {
			th: 'บรรทัดนี้มี {count} คอลัมน์ขึ้นไป (แบ่งด้วย |) เกินขีดจำกัด {max} คอลัมน์ จึงตรวจเฉพาะส่วนหัวของไฟล์ (front matter) ไม่ได้ตรวจเนื้อหา ให้ย้ายข้อมูลดิบไปเป็นไฟล์แนบ (XLSX, CSV)',
			en: 'This line has {count} or more columns (separated by |), over the limit of {max}; only the front matter was checked, not the body. Move raw data into an attachment (XLSX, CSV)',
		},
		tableCells: {
			th: 'หน้านี้มีช่องตาราง (แบ่งด้วย |) {count} ช่องขึ้นไป เกินขีดจำกัด {max} ช่อง จึงตรวจเฉพาะส่วนหัวของไฟล์ (front matter) ไม่ได้ตรวจเนื้อหา ให้ย้ายข้อมูลดิบไปเป็นไฟล์แนบ (XLSX, CSV) หรือแบ่งเป็นหลายหน้า',
			en: 'This page has {count} or more table cells (separated by |), over the limit of {max}; only the front matter was checked, not the body. Move raw data into an attachment (XLSX, CSV) or split the page',
		},
		footnotes: {
			th: 'หน้านี้มีเชิงอรรถ ([^…]:) {count} รายการขึ้นไป เกินขีดจำกัด {max} รายการ จึงตรวจเฉพาะส่วนหัวของไฟล์ (front matter) ไม่ได้ตรวจเนื้อหา ให้แบ่งเป็นหลายหน้า',
			en: 'This page has {count} or more footnote definitions ([^…]:), over the limit of {max}; only the front matter was checked, not the body. Split it into several pages',
		},
		definitions: {
			th: 'หน้านี้มีนิยามลิงก์อ้างอิง ([…]: url) {count} รายการขึ้นไป เกินขีดจำกัด {max} รายการ จึงตรวจเฉพาะส่วนหัวของไฟล์ (front matter) ไม่ได้ตรวจเนื้อหา ให้แบ่งเป็นหลายหน้า',
			en: 'This page has {count} or more link reference definitions ([…]: url), over the limit of {max}; only the front matter was checked, not the body. Split it into several pages',
		},
		headings: {
			th: 'หน้านี้มีหัวข้อ {count} หัวข้อขึ้นไป เกินขีดจำกัด {max} หัวข้อ จึงตรวจเฉพาะส่วนหัวของไฟล์ (front matter) ไม่ได้ตรวจเนื้อหา ให้แบ่งเป็นหลายหน้า',
			en: 'This page has {count} or more headings, over the limit of {max}; only the front matter was checked, not the body. Split it into several pages',
		},
		links: {
			th: 'หน้านี้มีลิงก์และรูปภาพ {count} รายการขึ้นไป เกินขีดจำกัด {max} รายการ จึงตรวจเฉพาะส่วนหัวของไฟล์ (front matter) ไม่ได้ตรวจเนื้อหา ให้แบ่งเป็นหลายหน้า',
			en: 'This page has {count} or more links and images, over the limit of {max}; only the front matter was checked, not the body. Split it into several pages',
		},
		nestedListItems: {
			th: 'หน้านี้มีรายการย่อยที่ซ้อนอยู่ในรายการ {count} ข้อขึ้นไป เกินขีดจำกัด {max} ข้อ จึงตรวจเฉพาะส่วนหัวของไฟล์ (front matter) ไม่ได้ตรวจเนื้อหา ให้แบ่งเป็นหลายหน้า หรือเขียนรายการย่อยเป็นตารางหรือย่อหน้า',
			en: 'This page has {count} or more nested list items, over the limit of {max}; only the front matter was checked, not the body. Split the page, or write the sub-items as a table or paragraphs',
		},
		frontMatterKeys: {
			th: 'ส่วนหัวของไฟล์ (front matter) มีคีย์ {count} คีย์ขึ้นไป เกินขีดจำกัด {max} คีย์ จึงไม่ได้ตรวจทั้งส่วนหัวและเนื้อหาของหน้า ให้ย้ายข้อมูลจำนวนมากไปเป็นไฟล์แนบ',
			en: 'The front matter has {count} or more keys, over the limit of {max}; neither the front matter nor the body was checked. Move bulk data into an attachment',
		},
		frontMatterSize: {
			th: 'ส่วนหัวของไฟล์ (front matter) ยาว {count} อักขระ เกินขีดจำกัด {max} อักขระ จึงไม่ได้ตรวจทั้งส่วนหัวและเนื้อหาของหน้า ให้ย้ายข้อมูลจำนวนมากไปเป็นไฟล์แนบ',
			en: 'The front matter has {count} characters, over the limit of {max}; neither the front matter nor the body was checked. Move bulk data into an attachment',
		},
	},
};

/** The report of a page the parser refused (`doc.limit`), on the line where it went over; undefined when it was parsed. */
export function pageLimitReport(doc: ParsedDocument): RuleReport<MessageIds> | undefined {
	const limit = doc.limit;
	if (!limit) return undefined;
	if (limit.kind === 'size')
		return {
			messageId: 'size',
			args: { chars: limit.chars, max: limit.maxChars },
			start: 0,
			end: doc.lines.lineEnd(1),
		};
	const line = Math.min(Math.max(limit.line, 1), doc.lines.lineCount);
	const start = doc.lines.lineStart(line);
	const end = Math.min(doc.lines.lineEnd(line), start + 80);
	if (limit.kind === 'depth') return { messageId: 'depth', args: { max: limit.maxDepth }, start, end };
	// A count of the pre-scan, at the line where it went over (docs/rules/page-limits.md).
	return {
		messageId: limit.what,
		args: { count: limit.count, max: limit.max },
		start,
		end,
		data: { limit: limit.what },
	};
}

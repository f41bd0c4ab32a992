import type { Rule } from './types';
import { BUDGET_OPTIONS_SCHEMA } from '../parse/limits';

/** A disable comment without a reason. Reported by the pipeline after the page rules ran. */
export const suppressionReasonMissing: Rule = {
	id: 'suppression-reason-missing',
	tags: ['suppression'],
	defaultSeverity: 'warning',
	fixable: false,
	scope: 'engine',
	description: { th: 'คำสั่งปิดการตรวจไม่ระบุเหตุผล', en: 'A disable comment without a reason' },
	messages: {
		missing: {
			th: 'คำสั่งปิดการตรวจนี้ไม่ระบุเหตุผล ให้เขียนเหตุผลต่อท้ายเครื่องหมาย -- เช่น <!-- disclosure-lint-{kind} {rules} -- เหตุผล -->',
			en: 'Give the reason for disabling after --, e.g. <!-- disclosure-lint-{kind} {rules} -- reason -->',
		},
	},
};

/** A disable comment that suppressed nothing. Reported by the pipeline after the page rules ran. */
export const suppressionUnused: Rule = {
	id: 'suppression-unused',
	tags: ['suppression'],
	defaultSeverity: 'warning',
	fixable: true,
	scope: 'engine',
	description: { th: 'คำสั่งปิดการตรวจที่ไม่มีผล', en: 'A disable comment that suppressed nothing' },
	messages: {
		unused: { th: 'คำสั่งปิดการตรวจนี้ไม่มีผล เพราะไม่พบปัญหาตามกฎ {rules} ให้ปิด ให้ลบคำสั่งนี้ออก', en: 'This comment suppresses no {rules} finding; remove it' },
		unusedAll: { th: 'คำสั่งปิดการตรวจนี้ไม่มีผล เพราะไม่พบปัญหาใดให้ปิด ให้ลบคำสั่งนี้ออก', en: 'This comment suppresses no finding; remove it' },
		unknownRule: { th: 'ไม่มีกฎชื่อ "{rule}" ใน disclosure-lint ให้ตรวจการสะกดชื่อกฎ', en: 'disclosure-lint has no rule "{rule}"' },
		unmatchedEnable: { th: 'ไม่พบคำสั่ง disclosure-lint-disable ก่อนหน้า คำสั่ง enable นี้จึงไม่มีการตรวจให้เปิดคืน ให้ลบคำสั่งนี้ออก', en: 'No earlier disclosure-lint-disable for this enable comment to end' },
	},
};

/** A rule threw; the message names it, and the other rules still ran. */
export const internalError: Rule = {
	id: 'internal-error',
	tags: ['engine'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'engine',
	description: { th: 'กฎทำงานผิดพลาด', en: 'A rule failed' },
	messages: {
		threw: {
			th: 'กฎ {rule} ทำงานผิดพลาดกับหน้านี้ ({detail}) กฎอื่นยังตรวจตามปกติ กรุณาแจ้งปัญหาไปยังผู้พัฒนาพร้อมแนบไฟล์นี้',
			en: 'The rule {rule} failed on this page ({detail}); the other rules still ran. Please report a bug with this file',
		},
	},
};

/**
 * The file is not UTF-8 text (binary, UTF-16 or another encoding), or a file or folder of the run
 * cannot be read. Reported where files are read.
 */
export const fileUnreadable: Rule = {
	id: 'file-unreadable',
	tags: ['engine'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'engine',
	description: { th: 'ไฟล์ไม่ใช่ไฟล์ข้อความแบบ UTF-8', en: 'The file is not UTF-8 text' },
	messages: {
		binary: { th: 'ไฟล์นี้ไม่ใช่ไฟล์ข้อความ (พบไบต์ศูนย์ที่ตำแหน่ง {offset}) จึงไม่ใช่หน้า Markdown และไม่ได้ตรวจ', en: 'This is a binary file (a zero byte at offset {offset}), not a Markdown page; it was not linted' },
		invalidUtf8: {
			th: 'ไฟล์นี้ไม่ได้เข้ารหัสเป็น UTF-8 ที่ถูกต้อง (ไบต์ที่ {offset} บรรทัด {line}) จึงไม่ได้ตรวจ ให้บันทึกไฟล์ใหม่ด้วยการเข้ารหัส UTF-8',
			en: 'This file is not valid UTF-8 (byte {offset}, line {line}); save it again as UTF-8. It was not linted',
		},
		utf16: {
			th: 'UTF-16: ให้บันทึกเป็น UTF-8 ไฟล์นี้เข้ารหัสแบบ UTF-16 (ขึ้นต้นด้วยเครื่องหมายลำดับไบต์ของ UTF-16) ไม่ใช่ UTF-8 จึงไม่ได้ตรวจ ให้บันทึกไฟล์ใหม่ด้วยการเข้ารหัส UTF-8 (ใน Notepad: บันทึกเป็น → การเข้ารหัส UTF-8)',
			en: 'UTF-16: save as UTF-8. This file is UTF-16 text (it starts with a UTF-16 byte order mark), not UTF-8, so it was not linted. Save it again with the UTF-8 encoding (Notepad: Save As → Encoding: UTF-8)',
		},
		utf16Guess: {
			th: 'UTF-16: ให้บันทึกเป็น UTF-8 ไฟล์นี้ดูเหมือนข้อความ UTF-16 ที่ไม่มีเครื่องหมายลำดับไบต์ (ไบต์ศูนย์อยู่เว้นไบต์ เริ่มที่ตำแหน่ง {offset}) ไม่ใช่ UTF-8 จึงไม่ได้ตรวจ ให้บันทึกไฟล์ใหม่ด้วยการเข้ารหัส UTF-8',
			en: 'UTF-16: save as UTF-8. This file looks like UTF-16 text without a byte order mark (a zero at every other byte, from offset {offset}), not UTF-8, so it was not linted. Save it again with the UTF-8 encoding',
		},
		unreadable: {
			th: 'อ่านไฟล์หรือโฟลเดอร์นี้ไม่ได้ ({detail}) จึงไม่ได้ตรวจ ถ้าเป็นโฟลเดอร์ หน้าทั้งหมดในโฟลเดอร์นั้นก็ไม่ได้ตรวจ ให้ตรวจสอบสิทธิ์การเข้าถึง',
			en: 'Cannot read this file or folder ({detail}), so it was not linted; for a folder, none of the pages in it were. Check its permissions',
		},
	},
};

/**
 * The page exceeds its parser budget (docs/rules/page-limits.md): the body was not checked, nor the
 * front matter when it is the front matter that is over.
 */
export const pageLimits: Rule = {
	id: 'page-limits',
	tags: ['engine'],
	defaultSeverity: 'warning',
	fixable: false,
	scope: 'engine',
	description: { th: 'หน้ายาวเกินไปหรือซับซ้อนเกินไป จนตรวจเนื้อหาไม่ได้', en: 'The page is too large or too complex to check its body' },
	options: BUDGET_OPTIONS_SCHEMA,
	messages: {
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

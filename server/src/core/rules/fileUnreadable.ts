import type { Rule, RuleReport } from './types';
import type { DecodeFailure } from '../parse/decode';

type MessageIds = DecodeFailure['messageId'] | 'unreadable';

/**
 * The file is not UTF-8 text (binary, UTF-16 or another encoding), or a file or folder of the run
 * cannot be read. An engine rule: `Engine.lintBytes` and `Engine.lintUnreadable` (`core/engine.ts`)
 * report {@link undecodableReport} and {@link unreadableReport} instead of linting the page.
 */
export const fileUnreadable: Rule<MessageIds> = {
	id: 'file-unreadable',
	tags: ['engine'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'engine',
	description: { th: 'ไฟล์ไม่ใช่ไฟล์ข้อความแบบ UTF-8', en: 'The file is not UTF-8 text' },
	messages: {
		binary: {
			th: 'ไฟล์นี้ไม่ใช่ไฟล์ข้อความ (พบไบต์ศูนย์ที่ตำแหน่ง {offset}) จึงไม่ใช่หน้า Markdown และไม่ได้ตรวจ',
			en: 'This is a binary file (a zero byte at offset {offset}), not a Markdown page; it was not linted',
		},
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

/** The report of page bytes the decoder refused (`decodePage`): binary, not UTF-8, or UTF-16. */
export function undecodableReport(decoded: DecodeFailure): RuleReport<MessageIds> {
	return { messageId: decoded.messageId, args: { offset: decoded.byteOffset, line: decoded.line }, start: 0, end: 0 };
}

/** The report of a file or folder that could not be read at all, with the reader's error as `detail`. */
export function unreadableReport(detail: string): RuleReport<MessageIds> {
	return { messageId: 'unreadable', args: { detail }, start: 0, end: 0 };
}

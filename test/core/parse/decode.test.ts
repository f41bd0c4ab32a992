import { strict as assert } from 'node:assert';
import { decodePage, looksLikeUtf16, utf16Bom } from '../../../server/src/core/parse/decode';
import { formatMessage } from '../../../server/src/core/messages';
import { tmpDir } from '../../helpers/tmp';
import { engineAt } from '../../helpers/fixtures';

const PAGE = '---\ntopic: news\ntitle: ข่าวประชาสัมพันธ์\n---\n\n# ข่าว\n\nเนื้อหา Markdown\n';

/** `text` as UTF-16 bytes, little- or big-endian, with or without a byte order mark. */
function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
	const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
	if (endian === 'be') for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
	return new Uint8Array(le);
}

describe('parse/decode', () => {
	it('decodes UTF-8 with or without a BOM, and keeps the BOM for the document to strip', () => {
		assert.deepEqual(decodePage(Buffer.from(PAGE)), { ok: true, text: PAGE });
		assert.deepEqual(decodePage(Buffer.from('\ufeff' + PAGE)), { ok: true, text: '\ufeff' + PAGE });
	});

	it('refuses UTF-16 with a byte order mark (LE and BE) with the "save as UTF-8" message, never as binary', () => {
		for (const endian of ['le', 'be'] as const) {
			const r = decodePage(utf16(PAGE, endian, true));
			assert.deepEqual(r, { ok: false, reason: 'utf16', messageId: 'utf16', byteOffset: 0, line: 1 }, endian);
		}
		assert.equal(utf16Bom(new Uint8Array([0xff, 0xfe, 0x41, 0x00])), 'utf-16le');
		assert.equal(utf16Bom(new Uint8Array([0xfe, 0xff, 0x00, 0x41])), 'utf-16be');
		// FF FE 00 00 is the UTF-32 LE mark, not UTF-16: left to the binary check.
		assert.equal(utf16Bom(new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0x41, 0, 0, 0])), undefined);
		assert.equal(decodePage(new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0x41, 0, 0, 0])).ok, false);
		// A lone BOM is UTF-16 too (an empty page saved by Notepad as "Unicode").
		assert.equal((decodePage(new Uint8Array([0xff, 0xfe])) as { reason: string }).reason, 'utf16');
	});

	it('says "looks like UTF-16" for UTF-16 without a BOM, whose every other byte is zero (ASCII and Thai)', () => {
		for (const endian of ['le', 'be'] as const) {
			const ascii = decodePage(utf16('---\ntopic: news\n---\n\n# News\n', endian, false));
			assert.deepEqual(
				ascii,
				{
					ok: false,
					reason: 'utf16-guess',
					messageId: 'utf16Guess',
					byteOffset: endian === 'le' ? 1 : 0,
					line: 1,
				},
				endian,
			);
			const thai = decodePage(utf16(PAGE, endian, false));
			assert.equal(thai.ok === false && thai.reason, 'utf16-guess', endian);
		}
		// A surrogate pair cut by the 8 KB probe is still text.
		const long = utf16('a'.repeat(4095) + '😀' + 'b'.repeat(100), 'le', false);
		assert.equal(looksLikeUtf16(long), true);
	});

	it('keeps binary files binary: zeros at both parities, control characters, or noise when read as UTF-16', () => {
		const png = new Uint8Array([
			0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
		]);
		assert.deepEqual(decodePage(png), { ok: false, reason: 'binary', messageId: 'binary', byteOffset: 8, line: 3 });
		assert.equal(
			(decodePage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1])) as { reason: string }).reason,
			'binary',
		);
		// One stray zero in ASCII text: read as UTF-16 it is CJK noise, not text.
		const stray = Buffer.from('hello world, this is text\0and more text here');
		assert.equal((decodePage(stray) as { reason: string }).reason, 'binary');
		assert.equal(looksLikeUtf16(stray), false);
		assert.equal(looksLikeUtf16(new Uint8Array([0])), false);
	});

	it('counts lines of a bad byte by LF, CRLF and a lone CR, as the line index does', () => {
		const latin1 = (eol: string): Uint8Array =>
			Buffer.concat([Buffer.from(`---${eol}topic: news${eol}`), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])]);
		for (const eol of ['\n', '\r\n', '\r']) {
			const r = decodePage(latin1(eol));
			assert.equal(r.ok === false && `${r.reason}:${r.line}`, 'invalid-utf8:3', JSON.stringify(eol));
		}
	});

	it('the engine reports UTF-16 as file-unreadable "UTF-16: save as UTF-8", in Thai and English', () => {
		const e = engineAt(tmpDir('dl-decode-'));
		for (const [bytes, messageId] of [
			[utf16(PAGE, 'le', true), 'utf16'],
			[utf16(PAGE, 'be', true), 'utf16'],
			[utf16(PAGE, 'le', false), 'utf16Guess'],
		] as const) {
			const r = e.lintBytes('/x/page.md', bytes);
			assert.deepEqual(
				r.findings.map((f) => [f.ruleId, f.messageId, f.line, f.severity]),
				[['file-unreadable', messageId, 1, 'error']],
			);
			const en = formatMessage(r.findings[0], 'en');
			const th = formatMessage(r.findings[0], 'th');
			assert.match(en, /^UTF-16: save as UTF-8\. /);
			assert.match(th, /^UTF-16: ให้บันทึกเป็น UTF-8 /);
			assert.doesNotMatch(en, /binary|zero byte at offset/);
			if (messageId === 'utf16Guess') assert.match(en, /looks like UTF-16 text without a byte order mark/);
		}
	});
});

/** Text without its byte order mark. */
export function stripBom(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Why page bytes were refused, and the `file-unreadable` message that says so. */
export type DecodeFailure = {
	ok: false;
	/**
	 * `binary`: a zero byte in the first 8 KB; `invalid-utf8`: not UTF-8; `utf16`: a UTF-16 byte
	 * order mark; `utf16-guess`: no mark, but the bytes read as UTF-16 text (zeros at every other byte).
	 */
	reason: 'binary' | 'invalid-utf8' | 'utf16' | 'utf16-guess';
	/** The `file-unreadable` message for it. */
	messageId: 'binary' | 'invalidUtf8' | 'utf16' | 'utf16Guess';
	byteOffset: number;
	line: number;
};

/** The result of turning file bytes into page text. */
export type DecodeResult = { ok: true; text: string } | DecodeFailure;

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** How much of the file is searched for zero bytes, and looked at to recognise UTF-16. */
const PROBE = 8192;

/**
 * Decode a page's bytes as UTF-8. Binary files (a NUL byte in the first 8 KB) and invalid UTF-8 are
 * refused with the place of the first bad byte, so the user can find it; nothing is guessed.
 *
 * UTF-16 (a byte order mark FF FE or FE FF, or no mark and text whose every other byte is zero) is
 * refused too, with its own message: "save as UTF-8". It is not decoded, because the rest of the
 * tool (the other pages' links into it, `--fix`, the site generator that publishes it) reads pages
 * as UTF-8, so a page linted as UTF-16 would still be broken everywhere else.
 */
export function decodePage(bytes: Uint8Array): DecodeResult {
	const bom = utf16Bom(bytes);
	if (bom) return { ok: false, reason: 'utf16', messageId: 'utf16', byteOffset: 0, line: 1 };
	const probe = Math.min(bytes.length, PROBE);
	for (let i = 0; i < probe; i++) {
		if (bytes[i] === 0) {
			return looksLikeUtf16(bytes)
				? { ok: false, reason: 'utf16-guess', messageId: 'utf16Guess', byteOffset: i, line: 1 }
				: { ok: false, reason: 'binary', messageId: 'binary', byteOffset: i, line: lineAt(bytes, i) };
		}
	}
	try {
		return { ok: true, text: decoder.decode(bytes) };
	} catch {
		const at = firstInvalidUtf8(bytes);
		return { ok: false, reason: 'invalid-utf8', messageId: 'invalidUtf8', byteOffset: at, line: lineAt(bytes, at) };
	}
}

/** The UTF-16 byte order mark the bytes start with (not a UTF-32 one, FF FE 00 00), if any. */
export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
	if (bytes.length < 2) return undefined;
	if (bytes[0] === 0xff && bytes[1] === 0xfe)
		return bytes[2] === 0 && bytes[3] === 0 && bytes.length >= 4 ? undefined : 'utf-16le';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	return undefined;
}

/**
 * Whether bytes without a byte order mark read as UTF-16 text: in the first 8 KB every zero byte
 * stands at the same parity (the high byte of ASCII characters: odd offsets in little-endian, even
 * in big-endian), and those bytes decode to text (no unpaired surrogate, no control character
 * other than tab, line ends and form feed). ASCII-only UTF-16 has a zero at every other byte; Thai
 * text has 0x0E there instead, and still passes.
 */
export function looksLikeUtf16(bytes: Uint8Array): boolean {
	let n = Math.min(bytes.length, PROBE);
	n -= n % 2;
	if (n < 2) return false;
	let even = 0;
	let odd = 0;
	for (let i = 0; i < n; i++) {
		if (bytes[i] === 0) {
			if (i % 2) odd++;
			else even++;
		}
	}
	if ((even && odd) || (!even && !odd)) return false;
	const encoding = odd ? 'utf-16le' : 'utf-16be';
	let slice = bytes.subarray(0, n);
	// The probe may cut a surrogate pair in two: drop a trailing high surrogate.
	const last = encoding === 'utf-16le' ? slice[n - 1] : slice[n - 2];
	if (last >= 0xd8 && last <= 0xdb && n < bytes.length) slice = slice.subarray(0, n - 2);
	let text: string;
	try {
		text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(slice);
	} catch {
		return false;
	}
	// eslint-disable-next-line no-control-regex -- control characters are what this looks for
	if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/u.test(text)) return false;
	// A stray zero in ASCII or UTF-8 bytes read as UTF-16 gives CJK-looking noise; a page is mostly
	// ASCII, Latin-1 and Thai letters and punctuation.
	const plain = text.match(/[\t\n\f\r\u0020-\u007e\u00a0-\u00ff\u0e00-\u0e7f\u2000-\u206f]/gu)?.length ?? 0;
	return plain >= text.length * 0.9;
}

/** The 1-based line of a byte offset: LF, CRLF and a lone CR end a line, as the line index counts them. */
function lineAt(bytes: Uint8Array, offset: number): number {
	let line = 1;
	for (let i = 0; i < offset; i++) {
		if (bytes[i] === 10) line++;
		else if (bytes[i] === 13 && bytes[i + 1] !== 10) line++;
	}
	return line;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i];
		let need: number;
		let min: number;
		if (b < 0x80) {
			i++;
			continue;
		}
		if (b >= 0xc2 && b <= 0xdf) {
			need = 1;
			min = 0x80;
		} else if (b >= 0xe0 && b <= 0xef) {
			need = 2;
			min = 0x800;
		} else if (b >= 0xf0 && b <= 0xf4) {
			need = 3;
			min = 0x10000;
		} else return i;
		let cp = b & (0x3f >> need);
		for (let k = 1; k <= need; k++) {
			const c = bytes[i + k];
			if (c === undefined || (c & 0xc0) !== 0x80) return i;
			cp = (cp << 6) | (c & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
		i += need + 1;
	}
	return bytes.length;
}

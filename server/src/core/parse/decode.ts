/** Text without its byte order mark. */
export function stripBom(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The result of turning file bytes into page text. */
export type DecodeResult =
	| { ok: true; text: string }
	| { ok: false; reason: 'binary' | 'invalid-utf8'; byteOffset: number; line: number };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decode a page's bytes as UTF-8. Binary files (a NUL byte in the first 8 KB) and invalid UTF-8 are
 * refused with the place of the first bad byte, so the user can find it; nothing is guessed.
 */
export function decodePage(bytes: Uint8Array): DecodeResult {
	const probe = Math.min(bytes.length, 8192);
	for (let i = 0; i < probe; i++) {
		if (bytes[i] === 0) return { ok: false, reason: 'binary', byteOffset: i, line: lineAt(bytes, i) };
	}
	try {
		return { ok: true, text: decoder.decode(bytes) };
	} catch {
		const at = firstInvalidUtf8(bytes);
		return { ok: false, reason: 'invalid-utf8', byteOffset: at, line: lineAt(bytes, at) };
	}
}

function lineAt(bytes: Uint8Array, offset: number): number {
	let line = 1;
	for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
	return line;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i];
		let need = 0;
		let min = 0;
		if (b < 0x80) { i++; continue; }
		if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
		else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
		else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
		else return i;
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

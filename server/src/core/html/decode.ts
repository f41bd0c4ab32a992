import { firstInvalidUtf8, utf16Bom } from '../parse/decode';

/** Where an HTML page's character encoding was taken from (docs/audit.md#encodings). */
export type EncodingSource = 'bom' | 'header' | 'meta' | 'detected' | 'default';

/** An HTML page's text and how it was decoded. */
export interface DecodedHtml {
	text: string;
	/** The WHATWG name of the encoding used (`utf-8`, `windows-874`, …). */
	encoding: string;
	from: EncodingSource;
	/** The encoding the page or the server declared, when it was overruled by the bytes. */
	declared?: string;
}

/** How much of the page is searched for a `<meta charset>` (the HTML standard's prescan looks at 1,024 bytes; real pages put it later). */
const PRESCAN = 4096;

/** The charset parameter of a Content-Type value. */
export function charsetOfContentType(value: string | undefined): string | undefined {
	const m = value && /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(value);
	return m ? m[1] : undefined;
}

/** The charset a page declares in `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`. */
export function metaCharset(bytes: Uint8Array): string | undefined {
	// The prescan only needs ASCII: read the bytes as Latin-1, one character per byte.
	let head = '';
	const n = Math.min(bytes.length, PRESCAN);
	for (let i = 0; i < n; i++) head += String.fromCharCode(bytes[i]);
	head = head.replace(/<!--[\s\S]*?-->/g, '');
	for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
		const tag = m[0];
		const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
		if (direct && !/\bcontent\s*=/i.test(tag)) return direct[1];
		if (/http-equiv\s*=\s*["']?content-type/i.test(tag)) {
			const content = /\bcontent\s*=\s*("([^"]*)"|'([^']*)'|[^\s>]+)/i.exec(tag);
			const value = content ? (content[2] ?? content[3] ?? content[1]) : undefined;
			const cs = charsetOfContentType(value);
			if (cs) return cs;
		}
		if (direct) return direct[1];
	}
	return undefined;
}

/** The WHATWG encoding a label names, or undefined when this runtime does not know it. */
function encodingOf(label: string): string | undefined {
	try {
		return new TextDecoder(label.trim()).encoding;
	} catch {
		return undefined;
	}
}

/** Whether the bytes hold a multi-byte UTF-8 sequence (so valid UTF-8 is not merely ASCII). */
function hasMultibyte(bytes: Uint8Array): boolean {
	for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
	return false;
}

/**
 * Bytes that are not UTF-8 and read as Thai in TIS-620: most high bytes fall in the Thai block
 * (0xA1–0xFB). Other single-byte pages are read as windows-1252, the web's default.
 */
function looksThaiLegacy(bytes: Uint8Array): boolean {
	let high = 0;
	let thai = 0;
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i];
		if (b < 0x80) continue;
		high++;
		if (b >= 0xa1 && b <= 0xfb && b !== 0xdb && b !== 0xdc && b !== 0xdd && b !== 0xde) thai++;
	}
	return high > 0 && thai >= high * 0.8;
}

/**
 * Decode an HTML page as a browser would, with one difference that keeps findings free of mojibake:
 * the byte order mark, then the HTTP header's charset, then `<meta charset>`, then detection; but a
 * declaration the bytes contradict is overruled (a page declared windows-874 whose bytes are valid
 * multi-byte UTF-8, or declared UTF-8 whose bytes are not UTF-8), and the report says so.
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string): DecodedHtml {
	const bom = utf16Bom(bytes);
	if (bom) return { text: new TextDecoder(bom).decode(bytes), encoding: bom, from: 'bom' };
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
		return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', from: 'bom' };
	const utf8 = firstInvalidUtf8(bytes) === bytes.length;
	const detected = (): { encoding: string } =>
		utf8 ? { encoding: 'utf-8' } : { encoding: looksThaiLegacy(bytes) ? 'windows-874' : 'windows-1252' };
	for (const [from, label] of [
		['header', charsetOfContentType(contentType)],
		['meta', metaCharset(bytes)],
	] as const) {
		if (!label) continue;
		const encoding = encodingOf(label);
		if (!encoding) continue;
		// UTF-16 declared on bytes without a BOM is a known mislabel: the meta tag itself was read as ASCII.
		const declaredUtf8 = encoding === 'utf-8' || encoding.startsWith('utf-16');
		const contradicted = declaredUtf8 ? !utf8 : utf8 && hasMultibyte(bytes);
		if (contradicted) {
			const d = detected();
			return {
				text: new TextDecoder(d.encoding).decode(bytes),
				encoding: d.encoding,
				from: 'detected',
				declared: label,
			};
		}
		return { text: new TextDecoder(encoding).decode(bytes), encoding, from };
	}
	if (!hasMultibyte(bytes))
		return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', from: 'default' };
	const d = detected();
	return { text: new TextDecoder(d.encoding).decode(bytes), encoding: d.encoding, from: 'detected' };
}

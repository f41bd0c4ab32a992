/**
 * Normalisation of Thai text before matching (docs/domain.md#thai-text-normalisation), with an offset map back to the
 * original string so diagnostics point at what the user wrote.
 *
 * Steps, in one pass:
 * 1. Thai digits ๐–๙ (U+0E50–U+0E59) → ASCII 0–9 (same length).
 * 2. U+0E4D U+0E32 (NIKHAHIT + SARA AA, from PDF copy-paste) → U+0E33 SARA AM (shrinks by one).
 * 3. U+200B ZERO WIDTH SPACE and U+FEFF BOM are removed (shrinks).
 * 4. U+00A0 NO-BREAK SPACE → U+0020 (same length).
 *
 * NFKC is deliberately not applied: it would decompose every "ำ" into two characters.
 */

/** Normalised text with a map back to offsets in the original string. */
export interface Normalized {
	/** The normalised text. */
	text: string;
	/**
	 * Maps an offset in {@link Normalized.text} (0 ≤ offset ≤ text.length) to the offset in the
	 * original string of the same character. Use it for the start of a range: removed characters
	 * (ZWSP, BOM) just before the character are skipped.
	 */
	toOriginal(offset: number): number;
	/**
	 * Maps an exclusive end offset in {@link Normalized.text} to the original string: removed
	 * characters (ZWSP, BOM) just after the range are not included, while the second half of a
	 * folded "ํา" is.
	 */
	toOriginalEnd(offset: number): number;
}

const THAI_ZERO = 0x0e50;
const THAI_NINE = 0x0e59;
const NEEDS_WORK = /[\u0E4D\u0E50-\u0E59\u00A0\u200B\uFEFF]/u;
const SHRINKS = /\u0E4D\u0E32|[\u200B\uFEFF]/u;
const THAI_DIGIT_G = /[\u0E50-\u0E59]/gu;
const ASCII_DIGIT_G = /[0-9]/gu;

function identity(offset: number): number {
	return offset;
}

/** Convert Thai digits ๐–๙ to ASCII 0–9; every other character is kept. Same length. */
export function toArabicDigits(s: string): string {
	return s.replace(THAI_DIGIT_G, (c) => String.fromCharCode(c.charCodeAt(0) - THAI_ZERO + 0x30));
}

/** Full-width digits ０–９ (U+FF10–U+FF19) and the full-width hyphen (U+FF0D), as East Asian input methods type them. */
const FULL_WIDTH_G = /[\uFF10-\uFF19\uFF0D]/gu;

/**
 * Convert full-width digits to ASCII 0–9 and the full-width hyphen to "-"; every other character
 * is kept. Same length (each is one UTF-16 unit), so offsets do not move.
 */
export function fromFullWidth(s: string): string {
	return s.replace(FULL_WIDTH_G, (c) =>
		c === '\uFF0D' ? '-' : String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30),
	);
}

/** Convert ASCII digits 0–9 to Thai digits ๐–๙; every other character is kept. Same length. */
export function toThaiDigits(s: string): string {
	return s.replace(ASCII_DIGIT_G, (c) => String.fromCharCode(c.charCodeAt(0) - 0x30 + THAI_ZERO));
}

/** Whether the string contains at least one Thai digit (๐–๙). */
export function hasThaiDigits(s: string): boolean {
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c >= THAI_ZERO && c <= THAI_NINE) {
			return true;
		}
	}
	return false;
}

/** Index of the last element of the non-decreasing array `keys` that is ≤ `value`, or -1. */
function lastAtMost(keys: number[], value: number): number {
	let lo = 0;
	let hi = keys.length - 1;
	let found = -1;
	while (lo <= hi) {
		const mid = (lo + hi) >>> 1;
		if (keys[mid] <= value) {
			found = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return found;
}

/**
 * Normalise Thai text (docs/domain.md#thai-text-normalisation) and keep an offset map. When nothing shrinks (only digit
 * or no-break-space replacements, or nothing at all), both mapping functions are the identity.
 */
export function normalizeThai(s: string): Normalized {
	if (!NEEDS_WORK.test(s)) {
		return { text: s, toOriginal: identity, toOriginalEnd: identity };
	}
	if (!SHRINKS.test(s)) {
		const text = toArabicDigits(s).replace(/\u00A0/gu, ' ');
		return { text, toOriginal: identity, toOriginalEnd: identity };
	}
	// Each removal of original characters is recorded with the normalised offset from which
	// starts (startKeys) and ends (endKeys) are shifted, and the cumulative number removed.
	const startKeys: number[] = [];
	const endKeys: number[] = [];
	const shift: number[] = [];
	let removed = 0;
	let out = '';
	let runStart = 0;
	const n = s.length;
	for (let i = 0; i < n; i++) {
		const c = s.charCodeAt(i);
		if (c === 0x200b || c === 0xfeff) {
			out += s.slice(runStart, i);
			runStart = i + 1;
			removed += 1;
			const at = i - removed + 1; // normalised offset of the next kept character
			startKeys.push(at);
			endKeys.push(at + 1);
			shift.push(removed);
		} else if (c === 0x0e4d && i + 1 < n && s.charCodeAt(i + 1) === 0x0e32) {
			out += s.slice(runStart, i) + '\u0E33';
			runStart = i + 2;
			removed += 1;
			const at = i - removed + 2; // normalised offset just after the folded ำ
			startKeys.push(at);
			endKeys.push(at);
			shift.push(removed);
			i += 1;
		} else if (c >= THAI_ZERO && c <= THAI_NINE) {
			out += s.slice(runStart, i) + String.fromCharCode(c - THAI_ZERO + 0x30);
			runStart = i + 1;
		} else if (c === 0xa0) {
			out += s.slice(runStart, i) + ' ';
			runStart = i + 1;
		}
	}
	out += s.slice(runStart);
	return {
		text: out,
		toOriginal(offset: number): number {
			const k = lastAtMost(startKeys, offset);
			return offset + (k < 0 ? 0 : shift[k]);
		},
		toOriginalEnd(offset: number): number {
			const k = lastAtMost(endKeys, offset);
			return offset + (k < 0 ? 0 : shift[k]);
		},
	};
}

/**
 * Thai national ID numbers (เลขประจำตัวประชาชน, docs/domain.md#national-id-numbers).
 */

import { fromFullWidth, normalizeThai, toArabicDigits } from './normalize';

/** A candidate national ID found in text. */
export interface NationalIdMatch {
	/** Offset in the input string as given. */
	start: number;
	/** Exclusive end offset. */
	end: number;
	/** The input text in `[start, end)`. */
	raw: string;
	/** The 13 ASCII digits. */
	digits: string;
	/** Whether the check digit is right. */
	checksumValid: boolean;
}

/**
 * A whole digit run of exactly 13 digits, first digit 1–8, with at most one space or hyphen
 * between two digits (docs/domain.md#national-id-numbers).
 */
const NATIONAL_ID_G = /(?<!\d[ -]?)[1-8](?:[ -]?\d){12}(?![ -]?\d)/gu;

/**
 * Whether the 13-digit number has a valid check digit: Σ digit[i] × (13 − i) for i = 0..11,
 * check = (11 − sum mod 11) mod 10. Spaces and hyphens are ignored, Thai and full-width digits are read; any
 * other character, or a count other than 13 digits, makes it invalid. The first digit is not
 * checked ("0000000000001" is valid here; {@link findNationalIds} only looks for 1–8).
 */
export function nationalIdValid(s: string): boolean {
	const d = toArabicDigits(fromFullWidth(s)).replace(/[ -]/gu, '');
	if (!/^\d{13}$/u.test(d)) {
		return false;
	}
	let sum = 0;
	for (let i = 0; i < 12; i++) {
		sum += (d.charCodeAt(i) - 48) * (13 - i);
	}
	return (11 - (sum % 11)) % 10 === d.charCodeAt(12) - 48;
}

/**
 * Find candidate national IDs: whole digit runs of exactly 13 digits starting with 1–8, with
 * single spaces or hyphens anywhere between digits ("1-1017-00203-45-0", "3 1009 00123 45 5",
 * "123 4567 890121"), Thai and full-width digits ("１１０１７００２０３４５０") read after normalisation. A run that is longer or shorter
 * ("081 234 5678 0 2612 6060") yields nothing. Each match says whether its checksum is valid;
 * `pii-national-id` reports valid ones as errors, others as info (docs/domain.md#national-id-numbers). Offsets are in `text` as given.
 */
export function findNationalIds(text: string): NationalIdMatch[] {
	// Full-width forms map one to one, so the normalisation's offsets still point into `text`.
	const norm = normalizeThai(fromFullWidth(text));
	const t = norm.text;
	const out: NationalIdMatch[] = [];
	NATIONAL_ID_G.lastIndex = 0;
	for (let m = NATIONAL_ID_G.exec(t); m !== null; m = NATIONAL_ID_G.exec(t)) {
		const digits = m[0].replace(/[ -]/gu, '');
		const start = norm.toOriginal(m.index);
		const end = norm.toOriginalEnd(m.index + m[0].length);
		out.push({ start, end, raw: text.slice(start, end), digits, checksumValid: nationalIdValid(digits) });
	}
	return out;
}

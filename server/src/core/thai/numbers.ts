/**
 * Numbers written with digits or Thai number words (docs/domain.md#number-words).
 */

import { toArabicDigits } from './normalize';

const DIGIT_WORDS: Readonly<Record<string, number>> = {
	ศูนย์: 0,
	หนึ่ง: 1,
	สอง: 2,
	สาม: 3,
	สี่: 4,
	ห้า: 5,
	หก: 6,
	เจ็ด: 7,
	แปด: 8,
	เก้า: 9,
};

const MULTIPLIERS: Readonly<Record<string, number>> = {
	สิบ: 10,
	ร้อย: 100,
	พัน: 1000,
	หมื่น: 10000,
	แสน: 100000,
};

/** The number-word tokens, as a regular-expression alternation (no groups). */
export const NUMBER_WORD_TOKENS = 'ศูนย์|หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|ยี่|เอ็ด|ร้อย|พัน|หมื่น|แสน|ครึ่ง';

const TOKEN_G = /ศูนย์|หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|ยี่|เอ็ด|ร้อย|พัน|หมื่น|แสน/gu;
const PLAIN_NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/u;

/**
 * Parse a number written with digits ("15", "1,500", "1.5", Thai digits "๑๕") or with Thai
 * number words ("สิบห้า", "ยี่สิบเอ็ด", "หนึ่งร้อยแปดสิบ", "สองหมื่น", "ครึ่ง" = 0.5).
 *
 * Rules (docs/domain.md#number-words): a multiplier (สิบ, ร้อย, พัน, หมื่น, แสน) multiplies the digit before it
 * (1 when there is none) and multipliers must decrease; "ยี่" only before "สิบ"; "เอ็ด" only as the
 * last token after a multiplier; "ศูนย์" only alone; "หนึ่งสิบ" and "สองสิบ" are not Thai (NaN).
 * A comma is a thousands separator and must group by three. Leading and trailing whitespace is
 * ignored. "ล้าน" (million) is not supported.
 *
 * @returns the value, or NaN when the string is not a number ("สองสอง", "สามารถ", "").
 */
export function parseThaiNumber(s: string): number {
	const t = toArabicDigits(s.trim());
	if (t.length === 0) {
		return NaN;
	}
	const c0 = t.charCodeAt(0);
	if (c0 >= 0x30 && c0 <= 0x39) {
		return PLAIN_NUMBER.test(t) ? Number(t.replace(/,/gu, '')) : NaN;
	}
	if (t === 'ครึ่ง') {
		return 0.5;
	}
	if (t === 'ศูนย์') {
		return 0;
	}
	let total = 0;
	let pending: number | null = null; // a digit waiting for its multiplier
	let pendingWord = '';
	let lastMultiplier = Infinity;
	let pos = 0;
	let ended = false; // "เอ็ด" closes the number
	TOKEN_G.lastIndex = 0;
	for (let m = TOKEN_G.exec(t); m !== null; m = TOKEN_G.exec(t)) {
		if (m.index !== pos || ended) {
			return NaN;
		}
		const w = m[0];
		pos += w.length;
		const mult = MULTIPLIERS[w];
		if (mult !== undefined) {
			if (mult >= lastMultiplier) {
				return NaN;
			}
			if (mult === 10) {
				if (pendingWord === 'หนึ่ง' || pendingWord === 'สอง') {
					return NaN;
				}
			} else if (pendingWord === 'ยี่') {
				return NaN;
			}
			total += (pending ?? 1) * mult;
			lastMultiplier = mult;
			pending = null;
			pendingWord = '';
		} else if (pending !== null) {
			return NaN;
		} else if (w === 'เอ็ด') {
			if (lastMultiplier === Infinity) {
				return NaN;
			}
			total += 1;
			ended = true;
		} else if (w === 'ยี่') {
			pending = 2;
			pendingWord = w;
		} else if (w === 'ศูนย์') {
			return NaN;
		} else {
			pending = DIGIT_WORDS[w];
			pendingWord = w;
		}
	}
	if (pos !== t.length || pos === 0 || pendingWord === 'ยี่') {
		return NaN;
	}
	return total + (pending ?? 0);
}

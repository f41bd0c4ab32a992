/**
 * Durations in step tables and duration fields (docs/domain.md#durations): "1 ชั่วโมง 30 นาที", "1-2 วันทำการ",
 * "ภายในสามสิบวัน", "ครึ่งวัน", "๑๕ นาที".
 *
 * Apply only to duration cells and fields: in running text "อายุ 18 ปี" would read as a duration.
 */

import { normalizeThai, toThaiDigits } from './normalize';
import { NUMBER_WORD_TOKENS, parseThaiNumber } from './numbers';

/** Working time (counted in working days and office hours) or calendar time. */
export type TimeClass = 'working' | 'calendar';

/** Conversion options. */
export interface DurationOptions {
	/** Minutes in a working day (วันทำการ). Default 420 (08:30–16:30 less one hour for lunch). */
	workdayMinutes?: number;
	/** Days in a month (เดือน). Default 30. */
	monthDays?: number;
	/** Whether a bare "วัน" is a calendar day (default) or a working day. */
	bareDay?: 'calendar' | 'working';
}

/** One quantity with its unit ("1 ชั่วโมง" in "1 ชั่วโมง 30 นาที"). */
export interface DurationPart {
	/** Offset of the part in the input string as given. */
	start: number;
	/** Exclusive end offset in the input string. */
	end: number;
	/** The input text in `[start, end)`. */
	raw: string;
	/** Minutes (the upper bound for a range). */
	minutes: number;
	/** The time class of the unit. */
	timeClass: TimeClass;
	/** The canonical unit: นาที, ชั่วโมง, วันทำการ, วัน, สัปดาห์, เดือน or ปี ("ชม." → ชั่วโมง, "วันราชการ" → วันทำการ, "วันปฏิทิน" → วัน, "อาทิตย์" → สัปดาห์). */
	unit: string;
	/** Lower and upper bound in minutes when the part is a range ("1-2 วันทำการ"). */
	range?: [number, number];
}

/** A parsed duration. */
export interface Duration {
	/**
	 * Total minutes (upper bounds of ranges): the sum of the parts when they are all of one
	 * class; for `mixed`, `working + calendar` (compare per class with `working` / `calendar`).
	 */
	minutes: number;
	/** The class of all parts, or `mixed`. */
	timeClass: TimeClass | 'mixed';
	/** Sum of the working-time parts, in minutes. */
	working: number;
	/** Sum of the calendar-time parts, in minutes. */
	calendar: number;
	/** The parts, in text order. */
	parts: DurationPart[];
}

/** Why a duration attempt cannot be read. */
export type DurationErrorKind = 'unknown-unit' | 'invalid-number' | 'unreadable';

/** A duration attempt that cannot be read. */
export interface DurationError {
	/** The reason. */
	error: DurationErrorKind;
	/** The offending text (a slice of the input). */
	raw: string;
	/** Offset of `raw` in the input string as given. */
	start: number;
	/** Exclusive end offset of `raw`. */
	end: number;
}

const DEFAULT_WORKDAY = 420;
const DEFAULT_MONTH_DAYS = 30;
const MAX_WORD_CHECK = 200;

const WS = String.raw`[ \t]*`;
const NUM_WORD = String.raw`(?<!${NUMBER_WORD_TOKENS})(?:${NUMBER_WORD_TOKENS})+`;
const NUM_DIGITS = String.raw`(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d,]|\.\d)`;
const NUM = `${NUM_DIGITS}|${NUM_WORD}`;
const UNIT = String.raw`นาที|ชั่วโมง|ชม(?:\.|(?![ก-ฮ]))|วันทำการ|วันปฏิบัติราชการ|วันราชการ|วันทำงาน|วันปฏิทิน|วัน(?!ที่)|สัปดาห์|อาทิตย์|เดือน|ปี`;
const DURATION_G = new RegExp(
	String.raw`(?<n>${NUM})(?:${WS}(?:-|–|ถึง)${WS}(?<n2>${NUM}))?${WS}(?<u>${UNIT})(?:${WS}(?<half>ครึ่ง))?`,
	'gu',
);
const REPEAT_AFTER_Y = /[ \t]*ๆ/uy;
const UNSPECIFIED = /ไม่(?:ได้)?ระบุ|ไม่สามารถระบุ|ไม่แน่นอน|ไม่(?:มี)?กำหนด|แล้วแต่|ขึ้นอยู่กับ/u;
const VAGUE = new RegExp(String.raw`(?:หลาย|บาง|ไม่กี่)${WS}(?:${UNIT})`, 'u');
const NUMBER_THEN_WORD = new RegExp(
	String.raw`^(?:(?:ภายใน|ประมาณ|ไม่เกิน|ใช้เวลา|ระยะเวลา|รวม)${WS})?(?<n>\d[\d.,]*|(?:${NUMBER_WORD_TOKENS})+)${WS}(?<w>(?!${NUMBER_WORD_TOKENS})[A-Za-z\u0E01-\u0E4F]+\.?)$`,
	'u',
);
const UNIT_START = /^(?:นาที|ชั่วโมง|ชม|วัน|สัปดาห์|อาทิตย์|เดือน|ปี|น\.|นาฬิกา)/u;
const UNIT_EXACT = new RegExp(String.raw`^(?:${UNIT})$`, 'u');

interface UnitInfo {
	unit: string;
	minutes: number;
	timeClass: TimeClass;
}

function unitInfo(u: string, opts: DurationOptions): UnitInfo {
	const wd = opts.workdayMinutes ?? DEFAULT_WORKDAY;
	switch (u) {
		case 'นาที':
			return { unit: 'นาที', minutes: 1, timeClass: 'working' };
		case 'ชั่วโมง':
		case 'ชม':
		case 'ชม.':
			return { unit: 'ชั่วโมง', minutes: 60, timeClass: 'working' };
		case 'วันทำการ':
		case 'วันปฏิบัติราชการ':
		case 'วันราชการ':
		case 'วันทำงาน':
			return { unit: 'วันทำการ', minutes: wd, timeClass: 'working' };
		case 'วัน':
			return opts.bareDay === 'working'
				? { unit: 'วันทำการ', minutes: wd, timeClass: 'working' }
				: { unit: 'วัน', minutes: 1440, timeClass: 'calendar' };
		case 'วันปฏิทิน':
			return { unit: 'วัน', minutes: 1440, timeClass: 'calendar' };
		case 'สัปดาห์':
		case 'อาทิตย์':
			return { unit: 'สัปดาห์', minutes: 10080, timeClass: 'calendar' };
		case 'เดือน':
			return { unit: 'เดือน', minutes: (opts.monthDays ?? DEFAULT_MONTH_DAYS) * 1440, timeClass: 'calendar' };
		default:
			return { unit: 'ปี', minutes: 525600, timeClass: 'calendar' };
	}
}

/**
 * Parse a duration cell or field. Compound parts add up ("1 ชั่วโมง 30 นาที" = 90), a range
 * counts as its upper bound ("1-2 วันทำการ" = 840, with `range` [420, 840]), "ครึ่ง" before a
 * unit is 0.5 ("ครึ่งวัน" = 720) and after it adds 0.5 ("1 ชั่วโมงครึ่ง" = 90), number words and
 * Thai digits are read, and surrounding words are ignored ("ภายใน 7 วัน" = 10080). A bare "วัน"
 * is calendar time unless `bareDay: 'working'`; "น." is never minutes (it means นาฬิกา).
 *
 * Results:
 * - a {@link Duration} when at least one quantity + unit is found and none is faulty (text
 *   around the parts, such as a remark in brackets, is ignored);
 * - `{ error: 'invalid-number' }` when a quantity before a unit is not a number ("สองสองวัน");
 * - `{ error: 'unreadable' }` when a unit is followed by the repetition mark ("3 วันๆ"), when no
 *   quantity is found but the text says the time is unspecified ("ไม่ระบุ", "ไม่แน่นอน",
 *   "ไม่มีกำหนด", "แล้วแต่…", "ขึ้นอยู่กับ…"), or gives a vague quantity ("หลายวัน", "บางวัน");
 * - `{ error: 'unknown-unit' }` when the whole text is a number followed by one word that is not
 *   a unit ("5 ฟอร์ทไนท์", "ภายใน 3 fortnights", "2 ครั้ง"), unless the word begins like a unit
 *   or a clock suffix, which marks another word ("3 ชมรม", "1 วันที่", "08.30 น.");
 * - null otherwise: blank text, "-", or text with no duration in it ("ขั้นตอนที่ 1 วันที่ 5",
 *   "3 ชมรม", "เวลา 08.30 น.", "ร้อยละ 80").
 *
 * Offsets in parts and errors are in `text` as given.
 */
export function parseDuration(text: string, opts: DurationOptions = {}): Duration | DurationError | null {
	const norm = normalizeThai(text);
	const t = norm.text;
	const parts: DurationPart[] = [];
	const errorAt = (error: DurationErrorKind, ns: number, ne: number): DurationError => {
		const start = norm.toOriginal(ns);
		const end = norm.toOriginalEnd(ne);
		return { error, raw: text.slice(start, end), start, end };
	};
	DURATION_G.lastIndex = 0;
	for (let m = DURATION_G.exec(t); m !== null; m = DURATION_G.exec(t)) {
		const g = m.groups ?? {};
		const ns = m.index;
		const ne = ns + m[0].length;
		const n1 = parseThaiNumber(g.n ?? '');
		const n2 = g.n2 === undefined ? n1 : parseThaiNumber(g.n2);
		if (Number.isNaN(n1) || Number.isNaN(n2)) {
			return errorAt('invalid-number', ns, ne);
		}
		REPEAT_AFTER_Y.lastIndex = ne;
		if (REPEAT_AFTER_Y.test(t)) {
			return errorAt('unreadable', ns, REPEAT_AFTER_Y.lastIndex);
		}
		const info = unitInfo(g.u ?? '', opts);
		const half = g.half === undefined ? 0 : 0.5;
		const lo = (Math.min(n1, n2) + half) * info.minutes;
		const hi = (Math.max(n1, n2) + half) * info.minutes;
		const start = norm.toOriginal(ns);
		const end = norm.toOriginalEnd(ne);
		const part: DurationPart = {
			start,
			end,
			raw: text.slice(start, end),
			minutes: hi,
			timeClass: info.timeClass,
			unit: info.unit,
		};
		if (g.n2 !== undefined) {
			part.range = [lo, hi];
		}
		parts.push(part);
	}
	if (parts.length > 0) {
		let working = 0;
		let calendar = 0;
		for (const p of parts) {
			if (p.timeClass === 'working') {
				working += p.minutes;
			} else {
				calendar += p.minutes;
			}
		}
		const timeClass = parts.every((p) => p.timeClass === parts[0].timeClass) ? parts[0].timeClass : 'mixed';
		return { minutes: working + calendar, timeClass, working, calendar, parts };
	}
	let s = 0;
	let e = t.length;
	while (s < e && /\s/u.test(t[s])) {
		s++;
	}
	while (e > s && /\s/u.test(t[e - 1])) {
		e--;
	}
	if (s === e) {
		return null;
	}
	const body = t.slice(s, e);
	const unspecified = UNSPECIFIED.exec(body) ?? VAGUE.exec(body);
	if (unspecified !== null) {
		return errorAt('unreadable', s + unspecified.index, s + unspecified.index + unspecified[0].length);
	}
	// Cells are short; a long text is not "a number and a word".
	const nw = body.length <= MAX_WORD_CHECK ? NUMBER_THEN_WORD.exec(body) : null;
	if (nw === null || nw.groups === undefined) {
		return null;
	}
	const badNumber = Number.isNaN(parseThaiNumber(nw.groups.n));
	if (UNIT_EXACT.test(nw.groups.w)) {
		// A unit after something number-like that the duration pattern did not take ("1,50 วัน").
		return badNumber ? errorAt('invalid-number', s, e) : null;
	}
	if (UNIT_START.test(nw.groups.w)) {
		return null;
	}
	return errorAt(badNumber ? 'invalid-number' : 'unknown-unit', s, e);
}

/**
 * Write a number of minutes in Thai: working time in วันทำการ (of `workdayMinutes`), ชั่วโมง and
 * นาที; calendar time in วัน, ชั่วโมง and นาที (no weeks or months: 43200 → "30 วัน"). Zero
 * components are left out; 0 → "0 นาที". Minutes are rounded to whole minutes.
 *
 * @example formatDuration(1260, 'working') === '3 วันทำการ'
 * @example formatDuration(90, 'working') === '1 ชั่วโมง 30 นาที'
 */
export function formatDuration(
	minutes: number,
	timeClass: TimeClass,
	opts: DurationOptions = {},
	thaiDigits = false,
): string {
	let rest = Math.max(0, Math.round(minutes));
	const dayLength = timeClass === 'working' ? (opts.workdayMinutes ?? DEFAULT_WORKDAY) : 1440;
	const out: string[] = [];
	const days = Math.floor(rest / dayLength);
	rest -= days * dayLength;
	const hours = Math.floor(rest / 60);
	const mins = rest - hours * 60;
	if (days > 0) {
		out.push(`${days} ${timeClass === 'working' ? 'วันทำการ' : 'วัน'}`);
	}
	if (hours > 0) {
		out.push(`${hours} ชั่วโมง`);
	}
	if (mins > 0 || out.length === 0) {
		out.push(`${mins} นาที`);
	}
	const s = out.join(' ');
	return thaiDigits ? toThaiDigits(s) : s;
}

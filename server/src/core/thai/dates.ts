/**
 * Thai dates (docs/domain.md#thai-dates): parsing whole values and finding dates
 * in running text, formatting in the styles `Intl.DateTimeFormat('th-TH')` prints, and calendar
 * arithmetic on plain calendar dates (no time zones, no `Date` objects in the results).
 *
 * Eras are decided by magnitude, never by the language of the month: a year ≥ 2400 is Buddhist
 * Era (BE = CE + 543), 1900–2200 is Christian Era, a two-digit year is BE 25yy (with a warning),
 * 2201–2399 is invalid. Leap years are computed on the CE year.
 *
 * Not implemented (deliberately): before 1 January 2484 the Thai year began on 1 April, so for
 * January–March dates before 2484 CE = BE − 542. It only matters for old law texts and is
 * unverified (docs/domain.md#eras), so every BE year converts with − 543.
 */

import { normalizeThai, toThaiDigits, hasThaiDigits } from './normalize';

/** A calendar date in the proleptic Gregorian calendar. */
export interface CalendarDate {
	/** Christian Era year. */
	year: number;
	/** 1–12. */
	month: number;
	/** 1–31. */
	day: number;
}

/**
 * How a date is written.
 * - `th-full`: weekday first, "วันอังคารที่ 1 ตุลาคม พ.ศ. 2567" (Intl `dateStyle: 'full'`).
 * - `th-long`: "1 ตุลาคม 2567", with or without "พ.ศ." and an optional "วันที่ " prefix (Intl `long`).
 * - `th-medium`: "1 ต.ค. 2567", abbreviated month, dots optional or partial (Intl `medium`).
 * - `numeric`: "13/10/2559", also with "-" or "." separators, day first; "9/25/13" (2-digit year).
 * - `iso`: "2567-10-01" or "2024-10-01", optionally with a time and time zone.
 * - `en`: "16 March 2565", an English month name.
 */
export type DateStyle = 'iso' | 'numeric' | 'th-full' | 'th-long' | 'th-medium' | 'en';

/** The written form of a date, enough to write another date the same way ({@link formatDate}). */
export interface DateFormatInfo {
	/** The style. */
	style: DateStyle;
	/** The era of the written year (after deciding by magnitude). */
	era: 'BE' | 'CE';
	/** Whether an era marker (พ.ศ., ค.ศ., พุทธศักราช, คริสต์ศักราช) was written. */
	eraMarker: boolean;
	/** Whether the date was written with Thai digits. */
	thaiDigits: boolean;
	/** Whether "วันที่ " was written before the day. */
	dayPrefix: boolean;
	/** `numeric` only: the separator written; "/" when absent. */
	separator?: '/' | '-' | '.';
	/** `numeric` only: whether day and month were zero-padded to two digits. */
	padded?: boolean;
}

/** Something wrong with a written date. */
export type DateProblem =
	/** The date does not exist: "31 เมษายน 2567", "29 ก.พ. 2566", month 13. `date` is null. */
	| { kind: 'nonexistent' }
	/** The era marker contradicts the magnitude of the year: "พ.ศ. 2024", "ค.ศ. 2567". */
	| { kind: 'era-mismatch'; marker: 'BE' | 'CE'; year: number }
	/** A Christian-era year beside a Thai month name without a marker: "1 ตุลาคม 2024". */
	| { kind: 'ce-with-thai-month' }
	/** A two-digit year, read as BE 25yy: "1 ต.ค. 67". */
	| { kind: 'two-digit-year' }
	/** A numeric date with a two-digit year ("9/25/13"): D/M/YY or M/D/YY, not converted. */
	| { kind: 'ambiguous-numeric' }
	/** A misspelt month name, accepted: "กรกฏาคม" for "กรกฎาคม". */
	| { kind: 'misspelled-month'; written: string; expected: string }
	/** The weekday written does not match the date. */
	| { kind: 'weekday-mismatch'; written: string; expected: string }
	/** The year cannot be placed in an era (2201–2399, or 100–1899 without a marker). `date` is null. */
	| { kind: 'year-out-of-range'; year: number };

/** A date found in a value or in running text. */
export interface DateMatch {
	/**
	 * Offset of the first character in the input string as given (not the normalised text).
	 * The range covers the date itself, including a weekday or "วันที่ " prefix, but not a
	 * trailing time ({@link DateMatch.time}), nor "ลว." / "ลงวันที่".
	 */
	start: number;
	/** Exclusive end offset in the input string. */
	end: number;
	/** The input text in `[start, end)`. */
	raw: string;
	/** The date, or null when it does not exist or cannot be converted (see `problems`). */
	date: CalendarDate | null;
	/** How the date is written. */
	format: DateFormatInfo;
	/** Problems found; empty when the date is clean. */
	problems: DateProblem[];
	/**
	 * A time written right after the date ("เวลา 07.00 น.", "10.30 นาฬิกา"), or the time of an
	 * ISO timestamp. An ISO timestamp with a zone other than +07:00 is converted to Bangkok time,
	 * and `date` is the Bangkok date.
	 */
	time?: { hour: number; minute: number };
}

// ---------------------------------------------------------------------------------------------
// Names

/** Full Thai month names (CLDR th), January first. */
export const THAI_MONTHS: readonly string[] = [
	'มกราคม',
	'กุมภาพันธ์',
	'มีนาคม',
	'เมษายน',
	'พฤษภาคม',
	'มิถุนายน',
	'กรกฎาคม',
	'สิงหาคม',
	'กันยายน',
	'ตุลาคม',
	'พฤศจิกายน',
	'ธันวาคม',
];

/** Standard Thai month abbreviations (CLDR th), January first. */
export const THAI_MONTHS_ABBR: readonly string[] = [
	'ม.ค.',
	'ก.พ.',
	'มี.ค.',
	'เม.ย.',
	'พ.ค.',
	'มิ.ย.',
	'ก.ค.',
	'ส.ค.',
	'ก.ย.',
	'ต.ค.',
	'พ.ย.',
	'ธ.ค.',
];

/** English month names, January first. */
export const ENGLISH_MONTHS: readonly string[] = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];

/** Full Thai weekday names (CLDR th), Sunday first (the index is `Date#getUTCDay()`). */
export const THAI_WEEKDAYS: readonly string[] = ['วันอาทิตย์', 'วันจันทร์', 'วันอังคาร', 'วันพุธ', 'วันพฤหัสบดี', 'วันศุกร์', 'วันเสาร์'];

const MISSPELLED_MONTHS: Readonly<Record<string, number>> = { กรกฏาคม: 7 };
const ABBR_NO_DOTS = THAI_MONTHS_ABBR.map((a) => a.replace(/\./gu, ''));
const EN_LOWER = ENGLISH_MONTHS.map((m) => m.toLowerCase());

/**
 * The month number of a month token: a full Thai name (also the accepted misspelling
 * "กรกฏาคม"), a Thai abbreviation with all, some or no dots ("ก.ย.", "กย.", "กย"), or an English
 * name, full or three letters ("Sept" too), any case, with an optional trailing dot.
 *
 * @returns 1–12, or 0 when the token is not a month.
 */
export function monthNumber(token: string): number {
	const t = token.trim();
	const full = THAI_MONTHS.indexOf(t);
	if (full >= 0) {
		return full + 1;
	}
	const miss = MISSPELLED_MONTHS[t];
	if (miss !== undefined) {
		return miss;
	}
	const bare = t.replace(/\./gu, '');
	const abbr = ABBR_NO_DOTS.indexOf(bare);
	if (abbr >= 0) {
		return abbr + 1;
	}
	const en = bare.toLowerCase();
	if (en.length >= 3 && /^[a-z]+$/u.test(en)) {
		const i = EN_LOWER.indexOf(en);
		if (i >= 0) {
			return i + 1;
		}
		if (en === 'sept') {
			return 9;
		}
		if (en.length === 3) {
			const j = EN_LOWER.findIndex((m) => m.startsWith(en));
			return j + 1;
		}
	}
	return 0;
}

/**
 * Convert a written year to a CE year (docs/domain.md#eras): an explicit era wins; otherwise a
 * year ≥ 2400 is BE, 1900–2200 is CE, a year < 100 is BE 25yy, anything else is invalid.
 * With an era, a year < 100 is read as BE 25yy or CE 20yy.
 *
 * @returns the CE year, or NaN when the year is invalid (2201–2399 or 100–1899 without an era,
 * negative, not an integer).
 */
export function yearToCE(y: number, era?: 'BE' | 'CE'): number {
	if (!Number.isInteger(y) || y < 0) {
		return NaN;
	}
	if (era === 'BE') {
		return y < 100 ? 2500 + y - 543 : y - 543;
	}
	if (era === 'CE') {
		return y < 100 ? 2000 + y : y;
	}
	if (y >= 2400) {
		return y - 543;
	}
	if (y >= 1900 && y <= 2200) {
		return y;
	}
	if (y < 100) {
		return 2500 + y - 543;
	}
	return NaN;
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic (pure integer arithmetic, proleptic Gregorian)

function isLeapYear(y: number): boolean {
	return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
	if (m === 2) {
		return isLeapYear(y) ? 29 : 28;
	}
	return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
function toDayNumber(d: CalendarDate): number {
	const y = d.month <= 2 ? d.year - 1 : d.year;
	const era = Math.floor(y / 400);
	const yoe = y - era * 400;
	const mp = (d.month + 9) % 12;
	const doy = Math.floor((153 * mp + 2) / 5) + d.day - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}

/** The inverse of {@link toDayNumber} (civil_from_days). */
function fromDayNumber(z0: number): CalendarDate {
	const z = z0 + 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const month = mp < 10 ? mp + 3 : mp - 9;
	const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
	return { year, month, day };
}

/** 0 = Sunday … 6 = Saturday. */
function weekdayOf(d: CalendarDate): number {
	return (((toDayNumber(d) + 4) % 7) + 7) % 7;
}

/** Whether the date exists (integer fields, month 1–12, day within the month; leap years on the CE year). */
export function isValidDate(d: CalendarDate): boolean {
	return (
		Number.isInteger(d.year) &&
		Number.isInteger(d.month) &&
		Number.isInteger(d.day) &&
		d.year >= 1 &&
		d.month >= 1 &&
		d.month <= 12 &&
		d.day >= 1 &&
		d.day <= daysInMonth(d.year, d.month)
	);
}

/** Compare two dates: negative when `a` is earlier, 0 when equal, positive when later. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
	return a.year !== b.year ? a.year - b.year : a.month !== b.month ? a.month - b.month : a.day - b.day;
}

/** The number of days from `a` to `b` (`b − a`; negative when `b` is earlier). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
	return toDayNumber(b) - toDayNumber(a);
}

/** The date `n` days after `d` (before it when `n` is negative). */
export function addDays(d: CalendarDate, n: number): CalendarDate {
	return fromDayNumber(toDayNumber(d) + Math.trunc(n));
}

function pad(n: number, width: number): string {
	return String(n).padStart(width, '0');
}

/** The ISO 8601 calendar date with a CE year: `2024-10-01`. */
export function toIsoCE(d: CalendarDate): string {
	return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

const BANGKOK_OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 86400 * 1000;

/** Today's date in Asia/Bangkok (UTC+07:00, no daylight saving) at the instant `now` (default: now). */
export function todayInBangkok(now: Date = new Date()): CalendarDate {
	return fromDayNumber(Math.floor((now.getTime() + BANGKOK_OFFSET_MS) / DAY_MS));
}

/**
 * Parse a strict `YYYY-MM-DD` Christian-era date (the `--today` option). Rejects other shapes,
 * dates that do not exist, and years outside 1900–2200 (a BE year such as 2567 is a mistake here).
 */
export function parseIsoDay(s: string): CalendarDate | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(s);
	if (m === null) {
		return null;
	}
	const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
	return d.year >= 1900 && d.year <= 2200 && isValidDate(d) ? d : null;
}

/** The Thai fiscal year (BE) of a date: FY N runs from 1 ต.ค. N−1 to 30 ก.ย. N. */
export function fiscalYearOf(d: CalendarDate): number {
	return d.year + 543 + (d.month >= 10 ? 1 : 0);
}

/** The first day of fiscal year `fyBE` (1 October of the previous year). */
export function fiscalYearStart(fyBE: number): CalendarDate {
	return { year: fyBE - 543 - 1, month: 10, day: 1 };
}

/** The last day of fiscal year `fyBE` (30 September). */
export function fiscalYearEnd(fyBE: number): CalendarDate {
	return { year: fyBE - 543, month: 9, day: 30 };
}

// ---------------------------------------------------------------------------------------------
// Patterns (on normalised text; docs/domain.md#date-styles)

/** Whitespace inside a date: spaces or tabs and at most one line break. */
const WS = String.raw`[ \t]*(?:\r?\n[ \t]*)?`;
const MONTH_FULL = String.raw`มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|กรกฏาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม`;
const MONTH_ABBR = String.raw`มี\.?ค\.?|เม\.?ย\.?|มิ\.?ย\.?|ม\.?ค\.?|ก\.?พ\.?|พ\.?ค\.?|ก\.?ค\.?|ส\.?ค\.?|ก\.?ย\.?|ต\.?ค\.?|พ\.?ย\.?|ธ\.?ค\.?`;
const MONTH_EN = String.raw`January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec`;
const ERA = String.raw`พุทธศักราช|คริสต์ศักราช|พ\.?[ ]?ศ\.?|ค\.?[ ]?ศ\.?`;
const WEEKDAY = String.raw`วัน(?:อาทิตย์|จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์)`;

const P_TH = String.raw`(?:(?<thWd>${WEEKDAY})${WS}(?:ที่${WS})?|(?<!ลง)(?<thDp>วันที่)${WS})?(?<!\d)(?<thD>[0-3]?\d)${WS}(?<thM>${MONTH_FULL}|${MONTH_ABBR})${WS}(?:(?<thEra>${ERA})${WS})?(?<thY>\d{4}|\d{2})(?!\d)`;
const P_EN = String.raw`(?<!\d)(?<enD>[0-3]?\d)(?:st|nd|rd|th)?[ \t]+(?<enM>${MONTH_EN})\.?,?[ \t]+(?:(?<enEra>${ERA})${WS})?(?<enY>\d{4})(?!\d)`;
const P_NUM = String.raw`(?<![\d/])(?<nD>[0-3]?\d)(?<nSep>[/.\-])(?<nM>[01]?\d)\k<nSep>(?<nY>\d{4})(?!\d|/\d)`;
const P_NUM2 = String.raw`(?<![\d/])(?<n2D>\d{1,2})/(?<n2M>\d{1,2})/(?<n2Y>\d{2})(?!\d|/\d)`;
const P_ISO = String.raw`(?<!\d)(?<iY>\d{4})-(?<iM>[01]\d)-(?<iD>[0-3]\d)(?:[T ](?<iH>[0-2]\d):(?<iMin>[0-5]\d)(?::[0-5]\d(?:\.\d{1,9})?)?(?<iTz>Z|[+\-]\d{2}:?\d{2})?)?(?!\d)`;
const P_ANY = `${P_TH}|${P_EN}|${P_ISO}|${P_NUM}|${P_NUM2}`;

const DATE_G = new RegExp(P_ANY, 'giu');
const DATE_Y = new RegExp(P_ANY, 'iuy');
/** A clock time right after a date: needs "เวลา" before it or "น." / "นาฬิกา" after it. */
const TIME_AFTER_Y =
	/(?:[ \t]*,)?[ \t]*(?:(?<kw>(?:ภายใน|ณ[ \t]*)?เวลา)[ \t]*)?(?<h>[01]?\d|2[0-4])[.:](?<min>[0-5]\d)(?!\d)(?:[ \t]*(?<sfx>น\.|นาฬิกา))?/uy;
const ANY_DIGIT = /\d/u;

// ---------------------------------------------------------------------------------------------
// Interpretation

interface Built {
	date: CalendarDate | null;
	format: DateFormatInfo;
	problems: DateProblem[];
	time?: { hour: number; minute: number };
}

function markerEra(marker: string | undefined): 'BE' | 'CE' | undefined {
	if (marker === undefined) {
		return undefined;
	}
	return marker.startsWith('พ') ? 'BE' : 'CE';
}

/**
 * Decide the era and CE year of a written year. With a marker that contradicts the magnitude
 * ("พ.ศ. 2024"), the magnitude wins for the date and an `era-mismatch` problem is reported.
 */
function resolveYear(
	y: number,
	digits: number,
	marker: 'BE' | 'CE' | undefined,
	problems: DateProblem[],
): { ce: number; era: 'BE' | 'CE' } {
	if (digits === 2) {
		problems.push({ kind: 'two-digit-year' });
		const era = marker ?? 'BE';
		return { ce: yearToCE(y, era), era };
	}
	const byMagnitude: 'BE' | 'CE' | undefined = y >= 2400 ? 'BE' : y >= 1900 && y <= 2200 ? 'CE' : undefined;
	if (marker !== undefined) {
		if (byMagnitude !== undefined && byMagnitude !== marker) {
			problems.push({ kind: 'era-mismatch', marker, year: y });
			return { ce: yearToCE(y, byMagnitude), era: byMagnitude };
		}
		const ce = yearToCE(y, marker);
		if (ce < 1) {
			problems.push({ kind: 'year-out-of-range', year: y });
			return { ce: NaN, era: marker };
		}
		return { ce, era: marker };
	}
	if (byMagnitude === undefined) {
		problems.push({ kind: 'year-out-of-range', year: y });
		return { ce: NaN, era: y >= 2201 ? 'BE' : 'CE' };
	}
	return { ce: yearToCE(y, byMagnitude), era: byMagnitude };
}

function finishDate(ce: number, month: number, day: number, problems: DateProblem[]): CalendarDate | null {
	if (Number.isNaN(ce)) {
		return null;
	}
	const d = { year: ce, month, day };
	if (!isValidDate(d)) {
		problems.push({ kind: 'nonexistent' });
		return null;
	}
	return d;
}

function weekdayIndex(written: string): number {
	const i = THAI_WEEKDAYS.indexOf(written);
	return i >= 0 ? i : written === 'วันพฤหัส' ? 4 : -1;
}

/** Interpret a match of the combined pattern. `original` is the original text of the match. */
function build(g: Record<string, string | undefined>, original: string): Built {
	const problems: DateProblem[] = [];
	const thaiDigits = hasThaiDigits(original);
	if (g.thD !== undefined) {
		const written = g.thM ?? '';
		const month = monthNumber(written);
		const full = THAI_MONTHS.includes(written) || MISSPELLED_MONTHS[written] !== undefined;
		if (MISSPELLED_MONTHS[written] !== undefined) {
			problems.push({ kind: 'misspelled-month', written, expected: THAI_MONTHS[month - 1] });
		}
		const marker = markerEra(g.thEra);
		const yText = g.thY ?? '';
		const { ce, era } = resolveYear(Number(yText), yText.length, marker, problems);
		if (marker === undefined && era === 'CE' && yText.length === 4) {
			problems.push({ kind: 'ce-with-thai-month' });
		}
		const date = finishDate(ce, month, Number(g.thD), problems);
		const wd = g.thWd;
		if (wd !== undefined && date !== null) {
			const expected = THAI_WEEKDAYS[weekdayOf(date)];
			if (weekdayIndex(wd) !== weekdayOf(date)) {
				problems.push({ kind: 'weekday-mismatch', written: wd, expected });
			}
		}
		return {
			date,
			problems,
			format: {
				style: wd !== undefined ? 'th-full' : full ? 'th-long' : 'th-medium',
				era,
				eraMarker: marker !== undefined,
				thaiDigits,
				dayPrefix: g.thDp !== undefined,
			},
		};
	}
	if (g.enD !== undefined) {
		const marker = markerEra(g.enEra);
		const { ce, era } = resolveYear(Number(g.enY), 4, marker, problems);
		const date = finishDate(ce, monthNumber(g.enM ?? ''), Number(g.enD), problems);
		return {
			date,
			problems,
			format: { style: 'en', era, eraMarker: marker !== undefined, thaiDigits, dayPrefix: false },
		};
	}
	if (g.iY !== undefined) {
		const { ce, era } = resolveYear(Number(g.iY), 4, undefined, problems);
		let date = finishDate(ce, Number(g.iM), Number(g.iD), problems);
		let time: { hour: number; minute: number } | undefined;
		if (g.iH !== undefined) {
			let hour = Number(g.iH);
			let minute = Number(g.iMin);
			if (hour > 24 || (hour === 24 && minute !== 0)) {
				problems.push({ kind: 'nonexistent' });
				date = null;
			} else if (date !== null && g.iTz !== undefined) {
				const tz = g.iTz;
				const offset =
					tz === 'Z' || tz === 'z'
						? 0
						: (tz[0] === '-' ? -1 : 1) * (Number(tz.slice(1, 3)) * 60 + Number(tz.slice(-2)));
				const total = hour * 60 + minute - offset + 7 * 60;
				const dayShift = Math.floor(total / 1440);
				const inDay = total - dayShift * 1440;
				hour = Math.floor(inDay / 60);
				minute = inDay % 60;
				date = dayShift === 0 ? date : addDays(date, dayShift);
			}
			time = { hour, minute };
		}
		const built: Built = {
			date,
			problems,
			format: { style: 'iso', era, eraMarker: false, thaiDigits, dayPrefix: false },
		};
		if (time !== undefined) {
			built.time = time;
		}
		return built;
	}
	// A numeric date: its year of 4 or 2 digits resolved, its format as written.
	const numeric = (
		y: string,
		yearDigits: 4 | 2,
		m: string,
		d: string,
		separator: '-' | '.' | '/',
		date = true,
	): Built => {
		const era = date ? resolveYear(Number(y), yearDigits, undefined, problems) : { ce: 0, era: 'BE' as const };
		return {
			date: date ? finishDate(era.ce, Number(m), Number(d), problems) : null,
			problems,
			format: {
				style: 'numeric',
				era: era.era,
				eraMarker: false,
				thaiDigits,
				dayPrefix: false,
				separator,
				padded: d.length === 2 && m.length === 2,
			},
		};
	};
	if (g.nD !== undefined)
		return numeric(g.nY ?? '', 4, g.nM ?? '', g.nD, g.nSep === '-' || g.nSep === '.' ? g.nSep : '/');
	// Two-digit-year numeric. A first number over 12 cannot be a month: it is D/M/YY, and the only
	// issue is the two-digit year (read as BE 25yy). Otherwise D/M/YY or M/D/YY, not converted.
	if (Number(g.n2D) > 12 && Number(g.n2M) <= 12) return numeric(g.n2Y ?? '', 2, g.n2M ?? '', g.n2D ?? '', '/');
	problems.push({ kind: 'ambiguous-numeric' });
	return numeric(g.n2Y ?? '', 2, g.n2M ?? '', g.n2D ?? '', '/', false);
}

/** Read a clock time at `pos` in normalised text; returns its end, or -1. */
function readTime(text: string, pos: number): { end: number; hour: number; minute: number } | null {
	TIME_AFTER_Y.lastIndex = pos;
	const m = TIME_AFTER_Y.exec(text);
	if (m === null || m.groups === undefined) {
		return null;
	}
	const { kw, sfx } = m.groups;
	if (kw === undefined && sfx === undefined) {
		return null;
	}
	const hour = Number(m.groups.h);
	const minute = Number(m.groups.min);
	if (hour === 24 && minute !== 0) {
		return null;
	}
	return { end: pos + m[0].length, hour, minute };
}

function toMatch(
	original: string,
	norm: { toOriginal(o: number): number; toOriginalEnd(o: number): number },
	text: string,
	m: RegExpExecArray,
): { match: DateMatch; normEnd: number } {
	const ns = m.index;
	const ne = m.index + m[0].length;
	const start = norm.toOriginal(ns);
	const end = norm.toOriginalEnd(ne);
	const raw = original.slice(start, end);
	const built = build(m.groups ?? {}, raw);
	let normEnd = ne;
	if (built.time === undefined) {
		const t = readTime(text, ne);
		if (t !== null) {
			built.time = { hour: t.hour, minute: t.minute };
			normEnd = t.end;
		}
	}
	const match: DateMatch = {
		start,
		end,
		raw,
		date: built.date,
		format: built.format,
		problems: built.problems,
	};
	if (built.time !== undefined) {
		match.time = built.time;
	}
	return { match, normEnd };
}

/**
 * Parse a whole value (front matter): the entire trimmed string must be one date, optionally
 * with a weekday or "วันที่ " before it and a time after it ("เวลา 10.30 น.", or an ISO time).
 * Thai digits, no-break spaces, zero-width spaces and "ํา" are accepted anywhere.
 * `start`/`end` are offsets in `value` and cover the date without the trailing time.
 *
 * @returns the match (with `date` null and problems when it does not exist or cannot be
 * converted), or null when the string is not recognisable as a date at all.
 */
export function parseDate(value: string): DateMatch | null {
	const norm = normalizeThai(value);
	const text = norm.text;
	let s = 0;
	let e = text.length;
	while (s < e && /\s/u.test(text[s])) {
		s++;
	}
	while (e > s && /\s/u.test(text[e - 1])) {
		e--;
	}
	if (s === e || !ANY_DIGIT.test(text)) {
		return null;
	}
	const inner = text.slice(0, e);
	DATE_Y.lastIndex = s;
	const m = DATE_Y.exec(inner);
	if (m === null) {
		return null;
	}
	const { match, normEnd } = toMatch(value, norm, inner, m);
	return normEnd === e ? match : null;
}

/**
 * Find every date in running text (docs/domain.md#date-styles: `DATE_TH`, `DATE_EN`, `DATE_NUM`,
 * `DATE_NUM_2Y`, `DATE_ISO`), left to right, without overlaps. A Thai abbreviation counts as a
 * month only between a day and a year, so "สำนักงาน ก.พ. 2560", "ข้อ 3 ก.พ.ร. 2560", "3 มคอ. 2",
 * "มาตรา 9 พ.ศ. 2540", "27 พฤศจิกายน 25661" and the "9" of "199 มกราคม 2560" are not dates.
 * "ลว." and "ลงวันที่" before a date are not part of the match. Offsets are in `text` as given.
 */
export function findDates(text: string): DateMatch[] {
	const norm = normalizeThai(text);
	const t = norm.text;
	const out: DateMatch[] = [];
	if (!ANY_DIGIT.test(t)) {
		return out;
	}
	DATE_G.lastIndex = 0;
	for (let m = DATE_G.exec(t); m !== null; m = DATE_G.exec(t)) {
		const { match } = toMatch(text, norm, t, m);
		out.push(match);
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Formatting

/**
 * Write a date in the given format, for example to rewrite a corrected date the way the page
 * writes its dates. The year is BE unless `format.era` is `'CE'`; digits are Thai when
 * `format.thaiDigits`.
 *
 * - `th-full`: "วันอังคารที่ 1 ตุลาคม พ.ศ. 2567" (the era marker only when `eraMarker`);
 * - `th-long`: "1 ตุลาคม 2567" ("วันที่ " when `dayPrefix`, "พ.ศ. " when `eraMarker`);
 * - `th-medium`: "1 ต.ค. 2567" (likewise);
 * - `numeric`: "1/10/2567" (separator and zero padding from the format);
 * - `iso`: "2567-10-01" (BE year when era BE);
 * - `en`: "1 October 2567".
 *
 * With the format {@link parseDate} reports for an `Intl.DateTimeFormat('th-TH', { dateStyle })`
 * string (`full` → eraMarker true; `long`/`medium` → false), the output equals what Intl prints
 * (also for `th-TH-u-nu-thai` with Thai digits).
 */
export function formatDate(date: CalendarDate, format: DateFormatInfo): string {
	const ce = format.era === 'CE';
	const year = ce ? date.year : date.year + 543;
	const marker = format.eraMarker ? (ce ? 'ค.ศ. ' : 'พ.ศ. ') : '';
	const prefix = format.dayPrefix ? 'วันที่ ' : '';
	let s: string;
	switch (format.style) {
		case 'th-full':
			s = `${THAI_WEEKDAYS[weekdayOf(date)]}ที่ ${date.day} ${THAI_MONTHS[date.month - 1]} ${marker}${year}`;
			break;
		case 'th-long':
			s = `${prefix}${date.day} ${THAI_MONTHS[date.month - 1]} ${marker}${year}`;
			break;
		case 'th-medium':
			s = `${prefix}${date.day} ${THAI_MONTHS_ABBR[date.month - 1]} ${marker}${year}`;
			break;
		case 'numeric': {
			const sep = format.separator ?? '/';
			const w = format.padded === true ? 2 : 1;
			s = `${pad(date.day, w)}${sep}${pad(date.month, w)}${sep}${year}`;
			break;
		}
		case 'iso':
			s = `${pad(year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
			break;
		case 'en':
			s = `${date.day} ${ENGLISH_MONTHS[date.month - 1]} ${marker}${year}`;
			break;
	}
	return format.thaiDigits ? toThaiDigits(s) : s;
}

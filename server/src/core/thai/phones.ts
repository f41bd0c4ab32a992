/**
 * Thai phone, fax, mobile and hotline numbers, and e-mail addresses (docs/domain.md#phone-numbers-and-e-mail).
 *
 * Landlines have 9 digits with the leading 0 (02 + 7 digits in Bangkok, 0 + 2 + 6 elsewhere),
 * mobiles 10 digits starting 06, 08 or 09, the international form drops the 0 after +66
 * (sometimes "+66 (0) 2…"). Hotlines (3–4 digits starting with 1) count only after a label.
 * Not handled (docs/domain.md#phone-numbers-and-e-mail): "(02) 590 1234" and dots as separators.
 */

import { normalizeThai } from './normalize';

/** A phone number found in text. */
export interface PhoneMatch {
	/** Offset in the input string as given (the number, without its label). */
	start: number;
	/** Exclusive end offset; includes a range suffix and an extension. */
	end: number;
	/** The input text in `[start, end)`. */
	raw: string;
	/** The kind of number. */
	kind: 'landline' | 'mobile' | 'hotline';
	/** Normalised numbers (digits only, leading 0, no +66); a range such as "6011-12" expanded. */
	numbers: string[];
	/** The extension text after "ต่อ" / "ext.", e.g. "1900, 1904-7". */
	ext?: string;
	/**
	 * The label just before the number: phone ("โทร.", "โทรศัพท์", "Tel.", "มือถือ", "สายด่วน"…),
	 * fax ("โทรสาร", "แฟกซ์", "Fax"), or both ("โทร./ โทรสาร"). A number in a list after a labelled
	 * number ("โทร. 0 2590 1234, 0 2590 1235") takes the same label.
	 */
	label?: 'phone' | 'fax' | 'both';
}

/** An e-mail address found in text. */
export interface EmailMatch {
	/** Offset in the input string as given. */
	start: number;
	/** Exclusive end offset. */
	end: number;
	/** The input text in `[start, end)`. */
	raw: string;
}

const SEP = String.raw`[ \-]?`;
const LANDLINE = String.raw`(?<!\d)0${SEP}[2-57](?:${SEP}\d){7}(?!\d)`;
const MOBILE = String.raw`(?<!\d)0${SEP}[689](?:${SEP}\d){8}(?!\d)`;
const INTL = String.raw`(?<![\d+])\+66${SEP}(?:\(0\)${SEP})?(?:[2-57](?:${SEP}\d){7}|[689](?:${SEP}\d){8})(?!\d)`;
const PHONE_LABEL_SRC = String.raw`โทรศัพท์(?:มือถือ)?|มือถือ|โทร(?!สาร)\.?|Tel\.?|Phone|Mobile|สายด่วน|Call[ \t]?Center`;
const FAX_LABEL_SRC = String.raw`โทรสาร|แฟกซ์|แฟ็กซ์|Fax`;
const PHONE_G = new RegExp(
	String.raw`(?<number>${LANDLINE}|${MOBILE}|${INTL})(?:[-–](?<to>\d{1,4})(?!\d))?(?:[ \t,]*(?:ต่อ|ext\.?)[ \t]*(?<ext>\d{1,5}(?:[ \t]*[-–,][ \t]*(?!0)\d{1,5}(?!\d))*))?` +
		String.raw`|(?<hlabel>สายด่วน|Call[ \t]?Center|โทรศัพท์|โทร(?!สาร)\.?|Tel\.?)[ \t]*(?<hotline>1\d{2,3})(?!\d)`,
	'giu',
);
const PHONE_LABEL_G = new RegExp(PHONE_LABEL_SRC, 'giu');
const FAX_LABEL_G = new RegExp(FAX_LABEL_SRC, 'giu');
/** Text between two numbers of one list: separators and "หรือ" / "และ" / "or" / "and" only. */
const LIST_GAP = /^(?:[ \t,/;]|หรือ|และ|or|and)*$/iu;
const LABEL_WINDOW = 40;
const MAX_RANGE = 100;
/** An e-mail address (docs/domain.md#phone-numbers-and-e-mail): found in text, or a whole value checked. */
const EMAIL_SRC = '[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,}';
const EMAIL_G = new RegExp(`(?<![A-Za-z0-9._%+\\-])${EMAIL_SRC}(?![A-Za-z0-9\\-])`, 'gu');
const EMAIL_WHOLE = new RegExp(`^${EMAIL_SRC}$`, 'u');

/** Whether a whole value is one e-mail address (a `mailto:` target). */
export function isValidEmail(address: string): boolean {
	return EMAIL_WHOLE.test(address);
}

/** Expand a range suffix: the suffix replaces as many final digits as it has. */
function expandRange(digits: string, to: string): string[] {
	if (to.length >= digits.length) {
		return [digits];
	}
	const head = digits.slice(0, -to.length);
	const first = Number(digits.slice(-to.length));
	const last = Number(to);
	if (last <= first || last - first > MAX_RANGE) {
		return [digits];
	}
	const out: string[] = [];
	for (let x = first; x <= last; x++) {
		out.push(head + String(x).padStart(to.length, '0'));
	}
	return out;
}

/** Digits only, with +66 (and an optional "(0)") turned into a leading 0. */
function normaliseNumber(s: string): string {
	const d = s.replace(/\(0\)/gu, '').replace(/\D/gu, '');
	return s.trimStart().startsWith('+') ? '0' + d.slice(2) : d;
}

/** The label that ends nearest before `end` in `text[from, end)`. */
function labelIn(text: string, from: number, end: number): 'phone' | 'fax' | 'both' | undefined {
	if (from >= end) {
		return undefined;
	}
	const window = text.slice(from, end);
	PHONE_LABEL_G.lastIndex = 0;
	FAX_LABEL_G.lastIndex = 0;
	const phone = PHONE_LABEL_G.test(window);
	const fax = FAX_LABEL_G.test(window);
	return phone && fax ? 'both' : phone ? 'phone' : fax ? 'fax' : undefined;
}

/**
 * Find landline, mobile and hotline numbers (docs/domain.md#phone-numbers-and-e-mail). A number must be a whole digit run of
 * the right length ("02-280-90001" and "0 2612 606" are not numbers; nor is "0 6123 4567": 06 is
 * mobile only). Thai digits are read. Offsets are in `text` as given.
 */
export function findPhones(text: string): PhoneMatch[] {
	const norm = normalizeThai(text);
	const t = norm.text;
	const out: PhoneMatch[] = [];
	let prevEnd = 0;
	let prevLabel: PhoneMatch['label'];
	PHONE_G.lastIndex = 0;
	for (let m = PHONE_G.exec(t); m !== null; m = PHONE_G.exec(t)) {
		const g = m.groups ?? {};
		let ns = m.index;
		const ne = ns + m[0].length;
		let match: Omit<PhoneMatch, 'start' | 'end' | 'raw'>;
		if (g.hotline !== undefined) {
			ns = ne - g.hotline.length;
			match = { kind: 'hotline', numbers: [g.hotline], label: 'phone' };
		} else {
			const number = normaliseNumber(g.number ?? '');
			const kind = number.length === 10 ? 'mobile' : 'landline';
			match = { kind, numbers: g.to === undefined ? [number] : expandRange(number, g.to) };
			if (g.ext !== undefined) {
				match.ext = g.ext;
			}
			// The label window: at most LABEL_WINDOW characters back, not before the previous
			// number, not across a line break.
			const windowStart = Math.max(prevEnd, ns - LABEL_WINDOW);
			const lineBreak = t.slice(windowStart, ns).lastIndexOf('\n');
			const label = labelIn(t, lineBreak < 0 ? windowStart : windowStart + lineBreak + 1, ns);
			if (label !== undefined) {
				match.label = label;
			} else if (prevLabel !== undefined && LIST_GAP.test(t.slice(prevEnd, ns))) {
				// LIST_GAP admits no line break: a list continues on one line only.
				match.label = prevLabel;
			}
		}
		const start = norm.toOriginal(ns);
		const end = norm.toOriginalEnd(ne);
		out.push({ start, end, raw: text.slice(start, end), ...match });
		prevEnd = ne;
		prevLabel = match.label;
	}
	return out;
}

/** Find e-mail addresses (docs/domain.md#phone-numbers-and-e-mail). Offsets are in `text` as given. */
export function findEmails(text: string): EmailMatch[] {
	const out: EmailMatch[] = [];
	if (!text.includes('@')) {
		return out;
	}
	EMAIL_G.lastIndex = 0;
	for (let m = EMAIL_G.exec(text); m !== null; m = EMAIL_G.exec(text)) {
		out.push({ start: m.index, end: m.index + m[0].length, raw: m[0] });
	}
	return out;
}

const VALID_PHONE = new RegExp(String.raw`^(?:${LANDLINE}|${MOBILE}|${INTL})$`, 'u');
const VALID_HOTLINE = /^1\d{2,3}$/u;

/**
 * Whether `s` is one well-formed Thai number, as in a `tel:` link: a 9-digit landline, a 10-digit
 * mobile (06/08/09), the +66 forms of both (also "+66 (0) 2…"), or a 3–4 digit hotline starting
 * with 1. Single spaces or hyphens between digits are allowed; Thai digits are read.
 */
export function isValidThaiPhone(s: string): boolean {
	const t = normalizeThai(s.trim()).text;
	return VALID_PHONE.test(t) || VALID_HOTLINE.test(t);
}

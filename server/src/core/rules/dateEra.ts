import type { Rule, RuleReport } from './types';
import type { Fix, LocalizedText } from '../types';
import { formatDate } from '../thai/dates';
import type { DateMatch, DateProblem } from '../thai/dates';
import { keyLabel, pathText } from '../body/ranges';

type MessageIds = 'eraMismatch' | 'ceWithThaiMonth' | 'twoDigitYear' | 'ambiguous' | 'misspelledMonth' | 'weekday';

/** Era and year disagree, a CE year beside a Thai month, a two-digit or ambiguous year, a wrong weekday. */
export const dateEra: Rule<MessageIds> = {
	id: 'date-era',
	tags: ['date'],
	defaultSeverity: 'warning',
	fixable: true,
	scope: 'page',
	description: {
		th: 'ศักราชกับปีไม่สอดคล้องกัน หรือวันที่เขียนกำกวม',
		en: 'Era and year disagree, or a date is written ambiguously',
	},
	messages: {
		eraMismatch: {
			th: '{where}"{value}" ระบุ {marker} แต่ปี {year} ไม่ใช่ปี {marker} (พ.ศ. = ค.ศ. + 543) ให้แก้ศักราชหรือปีให้ตรงกัน',
			en: '{where}"{value}": {marker} does not fit the year {year} (BE = CE + 543)',
		},
		ceWithThaiMonth: {
			th: '{where}"{value}" ใช้ปี ค.ศ. คู่กับชื่อเดือนภาษาไทย ให้เขียนปีเป็น พ.ศ. ตามแบบของหน่วยงานราชการ',
			en: '{where}"{value}" has a Christian-era year beside a Thai month name; government pages use Buddhist Era years',
		},
		twoDigitYear: {
			th: '{where}"{value}" ใช้ปีแบบย่อสองหลัก ให้เขียนปี พ.ศ. เต็มสี่หลัก เช่น 2569',
			en: '{where}"{value}" has a two-digit year; write the full four-digit BE year',
		},
		ambiguous: {
			th: '{where}"{value}" อ่านได้หลายแบบ (ไม่ชัดว่าตัวเลขใดเป็นวันหรือเดือน) ให้เขียนชื่อเดือนและปี พ.ศ. เต็มสี่หลัก เช่น 5 มีนาคม 2569',
			en: '{where}"{value}" is ambiguous (D/M/YY or M/D/YY); write the month name and the full BE year',
		},
		misspelledMonth: {
			th: '{where}สะกดชื่อเดือนผิด: "{written}" ให้แก้เป็น "{expected}"',
			en: '{where}misspelt month: "{written}" should be "{expected}"',
		},
		weekday: {
			th: '{where}"{value}": วันที่นี้ตรงกับ{expected} ไม่ใช่{written} ให้แก้ชื่อวันหรือวันที่ให้ถูกต้อง',
			en: '{where}"{value}" falls on {expected}, not {written}',
		},
	},
	check(ctx, report) {
		for (const d of ctx.facts.frontMatterDates()) {
			if (!d.match) continue;
			const where = {
				th: `${pathText(d.path)} (${keyLabel(ctx.topic, d.keyPath).th}): `,
				en: `${pathText(d.path)} (${keyLabel(ctx.topic, d.keyPath).en}): `,
			};
			for (const p of d.match.problems) {
				// The value may be quoted in the source: find the date's own text there.
				const at = ctx.doc.text.slice(d.start, d.end).indexOf(d.match.raw);
				const r = toReport(p, d.match, where, d.start, d.end, at < 0 ? -1 : d.start + at);
				if (r) report(r);
			}
		}
		for (const d of ctx.facts.bodyDates()) {
			for (const p of d.problems) {
				const r = toReport(p, d, '', d.start, d.end, d.start);
				if (r) report(r);
			}
		}
	},
};

/** The same day written in the page's own style with a full Buddhist Era year (the reading is not in doubt). */
function beFix(m: DateMatch, matchStart: number): Fix | undefined {
	if (!m.date || matchStart < 0) return undefined;
	const text = formatDate(m.date, { ...m.format, era: 'BE' });
	return { range: [matchStart, matchStart + m.raw.length], text, safe: true };
}

function toReport(
	p: DateProblem,
	m: DateMatch,
	where: string | LocalizedText,
	start: number,
	end: number,
	matchStart: number,
): RuleReport<MessageIds> | undefined {
	const base = { where, value: m.raw };
	switch (p.kind) {
		case 'era-mismatch':
			return {
				messageId: 'eraMismatch',
				args: { ...base, marker: p.marker === 'BE' ? 'พ.ศ.' : 'ค.ศ.', year: p.year },
				start,
				end,
			};
		case 'ce-with-thai-month':
			return { messageId: 'ceWithThaiMonth', args: base, start, end, fix: beFix(m, matchStart) };
		case 'two-digit-year':
			return { messageId: 'twoDigitYear', args: base, start, end, fix: beFix(m, matchStart) };
		case 'ambiguous-numeric':
			return { messageId: 'ambiguous', args: base, start, end };
		case 'misspelled-month': {
			const at = m.raw.indexOf(p.written);
			const fixStart = matchStart + at;
			return {
				messageId: 'misspelledMonth',
				args: { ...base, written: p.written, expected: p.expected },
				start,
				end,
				fix:
					at >= 0 && matchStart >= 0
						? { range: [fixStart, fixStart + p.written.length], text: p.expected, safe: true }
						: undefined,
			};
		}
		case 'weekday-mismatch':
			return { messageId: 'weekday', args: { ...base, written: p.written, expected: p.expected }, start, end };
		default:
			return undefined;
	}
}

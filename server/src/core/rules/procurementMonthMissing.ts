import type { Rule } from './types';
import { matchesWhen } from '../body/effective';
import {
	addDays,
	compareDates,
	ENGLISH_MONTHS,
	fiscalYearOf,
	THAI_MONTHS,
	THAI_MONTHS_ABBR,
	type CalendarDate,
} from '../thai/dates';
import { normalizeThai } from '../thai/normalize';
import { topicLineRange } from '../body/ranges';

/** The months of a fiscal year (BE), October first, as calendar months. */
function fiscalMonths(fyBE: number): { year: number; month: number }[] {
	const ce = fyBE - 543;
	return [10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((m) => ({ year: m >= 10 ? ce - 1 : ce, month: m }));
}

function lastDay(year: number, month: number): CalendarDate {
	return addDays({ year: month === 12 ? year + 1 : year, month: month === 12 ? 1 : month + 1, day: 1 }, -1);
}

/** Whether a text names a month of a year: "ตุลาคม 2569", "ต.ค. 69", "October 2026", "2569-10". */
function mentionsMonth(text: string, year: number, month: number): boolean {
	const be = year + 543;
	const abbr = THAI_MONTHS_ABBR[month - 1].replace(/\./g, '');
	const abbrRe = abbr.split('').join('\\.?') + '\\.?';
	const years = `(?:พ\\.?\\s?ศ\\.?\\s*)?(?:${be}|${String(be).slice(2)}|${year})(?!\\d)`;
	const names = new RegExp(
		`(?:${THAI_MONTHS[month - 1]}${month === 7 ? '|กรกฏาคม' : ''}|${abbrRe})\\s*${years}`,
		'u',
	);
	const iso = new RegExp(
		`(?<!\\d)(?:${be}|${year})[-/.](?:${String(month).padStart(2, '0')}|${month})(?![\\d])`,
		'u',
	);
	return names.test(text) || iso.test(text);
}

type MessageIds = 'missing';

/** The rule's options: days after a month ends before its summary is due. */
type Options = { graceDays?: number };

/** A monthly procurement summary lacks a due month of the fiscal year (ITA 2568; MOIT 5). */
export const procurementMonthMissing: Rule<MessageIds, Options> = {
	id: 'procurement-month-missing',
	needsBody: true,
	tags: ['procurement', 'freshness'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'page',
	description: {
		th: 'สรุปผลการจัดซื้อจัดจ้างรายเดือนขาดเดือน',
		en: 'A month is missing from the monthly procurement summary',
	},
	options: {
		type: 'object',
		additionalProperties: false,
		properties: {
			graceDays: {
				description: 'Days after a month ends before its summary is due.',
				type: 'integer',
				minimum: 0,
				maximum: 366,
			},
		},
	},
	messages: {
		missing: {
			th: 'สรุปผลการจัดซื้อจัดจ้างรายเดือน (สขร. 1) ปีงบประมาณ {fy} ยังไม่มีเดือน{month} ให้เพิ่มผลของเดือนนี้ หากไม่มีการจัดซื้อจัดจ้างในเดือนนั้นให้เขียน "{month}: {none}"',
			en: 'The monthly procurement summary (สขร. 1) of fiscal year {fy} lacks {month}; if nothing was bought, write "{month}: {none}"',
		},
	},
	check(ctx, report) {
		const spec = ctx.facts.disclosure()?.procurement;
		if (!spec || (spec.when && !matchesWhen(spec.when, ctx.data))) return;
		if (spec.periodKey && ctx.data?.[spec.periodKey] !== undefined) return; // a page per month: the site has the other months
		const fy = typeof ctx.data?.fiscal_year === 'number' ? ctx.data.fiscal_year : fiscalYearOf(ctx.today);
		const grace = typeof ctx.options.graceDays === 'number' ? ctx.options.graceDays : (spec.graceDays ?? 30);
		const section = spec.section ? ctx.facts.sections().byId.get(spec.section) : undefined;
		// Headings, rows and link text count; file names inside URLs do not.
		const text = section ? normalizeThai(section.fullText).text : ctx.facts.bodyText();
		const [start, end] = section ? [section.headingStart, section.headingEnd] : topicLineRange(ctx.doc);
		for (const { year, month } of fiscalMonths(fy)) {
			if (compareDates(addDays(lastDay(year, month), grace), ctx.today) >= 0) continue;
			if (mentionsMonth(text, year, month)) continue;
			report({
				messageId: 'missing',
				start,
				end,
				args: {
					fy,
					month: {
						th: `${THAI_MONTHS[month - 1]} ${year + 543}`,
						en: `${ENGLISH_MONTHS[month - 1]} ${year + 543}`,
					},
					none: spec.noneText ?? 'ไม่มีการจัดซื้อจัดจ้าง',
				},
				data: { year, month },
			});
		}
	},
};

import type { Rule, RuleContext } from './types';
import { formatDuration, parseDuration, type Duration } from '../thai/durations';
import type { Procedure } from '../body/steps';
import { ellipsize, firstLine } from './util';
import { hasThaiDigits } from '../thai/normalize';
import { locate } from '../parse/frontMatter';

const CLASS_LABEL: Record<string, { th: string; en: string }> = {
	working: { th: 'เวลาทำการ', en: 'working time' },
	calendar: { th: 'วันปฏิทิน', en: 'calendar time' },
	mixed: { th: 'เวลาทำการและวันปฏิทินปนกัน', en: 'working and calendar time mixed' },
};

function isDuration(v: unknown): v is Duration {
	return v !== null && typeof v === 'object' && 'minutes' in v;
}

/** The steps' working and calendar time added up; undefined unless every step's duration is readable. */
function stepSums(p: Procedure): { working: number; calendar: number } | undefined {
	const ds = p.steps.map((s) => s.duration.value).filter(isDuration);
	if (!ds.length || ds.length !== p.steps.length) return undefined;
	return { working: ds.reduce((a, d) => a + d.working, 0), calendar: ds.reduce((a, d) => a + d.calendar, 0) };
}

/** The legal deadline the front matter gives (the topic's `deadlineKey`), read; undefined when none is written. */
function legalDeadline(ctx: RuleContext): { key: string; raw: string; value: ReturnType<typeof parseDuration> } | undefined {
	const key = ctx.facts.disclosure()?.steps?.deadlineKey;
	const raw = key ? ctx.data?.[key] : undefined;
	if (!key || typeof raw !== 'string' || !raw.trim()) return undefined;
	return { key, raw, value: parseDuration(raw, ctx.facts.durationOptions) };
}

const short = (s: string): string => ellipsize(s, 60);

/** A step (table row or list item) in a step section has no duration. */
export const stepDurationMissing: Rule = {
	id: 'step-duration-missing',
	tags: ['steps'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'page',
	description: { th: 'ขั้นตอนไม่ระบุระยะเวลา', en: 'A step has no duration' },
	messages: {
		missing: {
			th: 'ขั้นตอน "{step}" ไม่ระบุระยะเวลา ให้ใส่ระยะเวลา เช่น 15 นาที หรือ 1 วันทำการ',
			en: 'The step "{step}" has no duration; write e.g. 15 นาที or 1 วันทำการ',
		},
		noSteps: {
			th: 'หัวข้อย่อย "{heading}" ไม่ได้เขียนขั้นตอนเป็นตารางหรือรายการแบบมีเลขลำดับ ให้แสดงทุกขั้นตอนพร้อมระยะเวลา เช่น ตารางที่มีคอลัมน์ ลำดับ | ขั้นตอน | ระยะเวลา',
			en: 'The section "{heading}" lists no steps as a table or a numbered list; give every step with its duration, e.g. a table ลำดับ | ขั้นตอน | ระยะเวลา',
		},
		noColumn: {
			th: 'ตารางขั้นตอนไม่มีคอลัมน์ระยะเวลา ให้เพิ่มคอลัมน์ "ระยะเวลา" และระบุเวลาของทุกขั้นตอน',
			en: 'The step table has no duration column; add a "ระยะเวลา" column with each step\'s time',
		},
	},
	check(ctx, report) {
		const spec = ctx.facts.disclosure()?.steps;
		const p = ctx.facts.procedure();
		if (!spec || !p || spec.durationRequired === false) return;
		if (p.kind === 'none') {
			report({ messageId: 'noSteps', args: { heading: p.section.headingText }, start: p.section.headingStart, end: p.section.headingEnd });
			return;
		}
		if (p.noDurationColumn) {
			report({ messageId: 'noColumn', start: p.noDurationColumn.start, end: ctx.doc.lines.lineEnd(ctx.doc.lines.position(p.noDurationColumn.start).line) });
			return;
		}
		for (const s of p.steps) {
			if (s.duration.value === null) {
				const [start, end] = firstLine(ctx, [s.start, s.end]);
				report({ messageId: 'missing', args: { step: short(s.name) }, start, end });
			}
		}
	},
};

/** A duration is written but cannot be read. */
export const stepDurationInvalid: Rule = {
	id: 'step-duration-invalid',
	tags: ['steps'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'page',
	description: { th: 'ระยะเวลาอ่านไม่ได้', en: 'A duration that cannot be read' },
	messages: {
		invalid: {
			th: 'อ่านระยะเวลา "{value}" ไม่ได้ ให้เขียนเป็นตัวเลขพร้อมหน่วย เช่น 30 นาที, 2 ชั่วโมง, 3 วันทำการ',
			en: 'The duration "{value}" cannot be read; write a number and a unit, e.g. 30 นาที, 2 ชั่วโมง, 3 วันทำการ',
		},
		total: {
			th: 'อ่านระยะเวลารวม "{value}" ไม่ได้ ให้เขียนเป็นตัวเลขพร้อมหน่วย เช่น 5 วันทำการ',
			en: 'The total duration "{value}" cannot be read; write a number and a unit, e.g. 5 วันทำการ',
		},
		deadline: {
			th: 'อ่านระยะเวลาที่กฎหมายกำหนด ({key}) "{value}" ไม่ได้ ให้เขียนเป็นตัวเลขพร้อมหน่วย เช่น 15 วันทำการ',
			en: 'The legal deadline {key} "{value}" cannot be read; write e.g. 15 วันทำการ',
		},
	},
	check(ctx, report) {
		const p = ctx.facts.procedure();
		if (p) {
			for (const s of p.steps) if (s.duration.value && !isDuration(s.duration.value)) report({ messageId: 'invalid', args: { value: short(s.duration.text) }, start: s.duration.start, end: s.duration.end });
			const t = p.total;
			if (t && t.value && !isDuration(t.value)) report({ messageId: 'total', args: { value: short(t.text) }, start: t.start, end: t.end });
			const totalSection = ctx.facts.disclosure()?.steps?.totalSection;
			if (t && t.value === null && totalSection && ctx.facts.sections().byId.get(totalSection)?.hasContent) {
				report({ messageId: 'total', args: { value: short(t.text) }, start: t.start, end: t.end });
			}
		}
		const deadline = legalDeadline(ctx);
		const r = deadline && !isDuration(deadline.value) ? locate(ctx.doc.frontMatter!, [deadline.key])?.value : undefined;
		if (deadline && r) report({ messageId: 'deadline', args: { key: deadline.key, value: deadline.raw }, start: r[0], end: r[1] });
	},
};

/** The stated total differs from the sum of the steps (within one time class; across classes: info). */
export const stepTotalMismatch: Rule = {
	id: 'step-total-mismatch',
	tags: ['steps'],
	defaultSeverity: 'warning',
	fixable: true,
	scope: 'page',
	description: { th: 'ระยะเวลารวมไม่ตรงกับผลรวมของขั้นตอน', en: 'The stated total differs from the sum of the steps' },
	messages: {
		mismatch: {
			th: 'ระยะเวลารวมที่ระบุ "{stated}" ไม่ตรงกับผลรวมของระยะเวลาทุกขั้นตอน ({sum}) ให้แก้ระยะเวลารวมหรือระยะเวลาของขั้นตอนให้ตรงกัน',
			en: 'The stated total "{stated}" differs from the sum of the steps ({sum})',
		},
		mixed: {
			th: 'หน่วยเวลาไม่สอดคล้อง: ขั้นตอนใช้ทั้งเวลาทำการและวันปฏิทิน จึงเทียบกับระยะเวลารวม "{stated}" ไม่ได้ (เวลาทำการ {working}, วันปฏิทิน {calendar})',
			en: 'Inconsistent time units: the steps mix working time and calendar days, so the total "{stated}" cannot be checked (working {working}, calendar {calendar})',
		},
		otherClass: {
			th: 'หน่วยเวลาไม่สอดคล้องกัน: ขั้นตอนนับเป็น{stepClass} ({sum}) แต่ระยะเวลารวม "{stated}" นับเป็น{totalClass} จึงเทียบกันไม่ได้ ให้ใช้หน่วยเวลาแบบเดียวกัน',
			en: 'Inconsistent time units: the steps count {stepClass} ({sum}) but the total "{stated}" counts {totalClass}, so they cannot be compared',
		},
	},
	check(ctx, report) {
		const p = ctx.facts.procedure();
		const t = p?.total;
		if (!p || !t || !isDuration(t.value) || !p.steps.length) return;
		const sums = stepSums(p);
		if (!sums) return; // missing or unreadable steps are reported by their own rules
		const { working, calendar } = sums;
		const opts = ctx.facts.durationOptions;
		const thai = hasThaiDigits(t.text);
		const stated = t.value;
		const stepClass = working && calendar ? 'mixed' : calendar ? 'calendar' : 'working';
		if (stepClass === 'mixed') {
			report({
				messageId: 'mixed', severity: 'info', start: t.start, end: t.end,
				args: { stated: t.text, working: formatDuration(working, 'working', opts, thai), calendar: formatDuration(calendar, 'calendar', opts, thai) },
			});
			return;
		}
		if (stated.timeClass !== stepClass) {
			report({
				messageId: 'otherClass', severity: 'info', start: t.start, end: t.end,
				args: { stated: t.text, stepClass: CLASS_LABEL[stepClass], totalClass: CLASS_LABEL[stated.timeClass], sum: formatDuration(stepClass === 'working' ? working : calendar, stepClass, opts, thai) },
			});
			return;
		}
		const sum = stepClass === 'working' ? working : calendar;
		if (Math.abs(sum - stated.minutes) < 0.5) return;
		const text = formatDuration(sum, stepClass, opts, thai);
		report({
			messageId: 'mismatch', start: t.start, end: t.end, args: { stated: t.text, sum: text },
			fix: { range: [t.start, t.end], text, safe: true }, data: { minutes: sum, text },
		});
	},
};

/** The total exceeds the `legal_deadline` in the front matter. */
export const stepDeadlineExceeded: Rule = {
	id: 'step-deadline-exceeded',
	tags: ['steps'],
	defaultSeverity: 'warning',
	fixable: false,
	scope: 'page',
	description: { th: 'ระยะเวลารวมเกินระยะเวลาที่กฎหมายกำหนด', en: 'The total exceeds the legal deadline' },
	messages: {
		exceeded: {
			th: 'ระยะเวลารวม {total} เกินระยะเวลาที่กฎหมายกำหนด ({deadline} ตามที่ระบุใน {key}) ให้ตรวจระยะเวลาของแต่ละขั้นตอน',
			en: 'The total {total} exceeds the legal deadline ({deadline}, {key})',
		},
		otherClass: {
			th: 'เทียบระยะเวลารวมกับระยะเวลาที่กฎหมายกำหนด ({deadline}) ไม่ได้ เพราะนับเวลาต่างกัน (เวลาทำการกับวันปฏิทิน) ให้ใช้หน่วยเวลาแบบเดียวกัน',
			en: 'The total cannot be compared with the legal deadline ({deadline}): one counts working time, the other calendar time; use one kind of unit',
		},
	},
	check(ctx, report) {
		const p = ctx.facts.procedure();
		const legal = legalDeadline(ctx);
		if (!legal || !p) return;
		const { key, raw, value: deadline } = legal;
		if (!isDuration(deadline) || deadline.timeClass === 'mixed') return;
		// The stated total where it is readable, else the sum of the steps (on the section heading).
		const stated = isDuration(p.total?.value) ? p.total : undefined;
		const total = stated ? stated.value as Duration : stepSums(p);
		if (!total) return;
		const [start, end] = stated ? [stated.start, stated.end] : [p.section.headingStart, p.section.headingEnd];
		const minutes = deadline.timeClass === 'working' ? total.working : total.calendar;
		const other = deadline.timeClass === 'working' ? total.calendar : total.working;
		if (other > 0) {
			report({ messageId: 'otherClass', severity: 'info', start, end, args: { deadline: raw } });
			return;
		}
		if (minutes > deadline.minutes + 0.5) {
			report({ messageId: 'exceeded', start, end, args: { total: formatDuration(minutes, deadline.timeClass, ctx.facts.durationOptions), deadline: raw, key } });
		}
	},
};



import type { Rule } from './types';
import { formatDuration } from '../thai/durations';
import { isDuration, stepSums } from '../body/steps';
import { hasThaiDigits } from '../thai/normalize';

const CLASS_LABEL: Record<string, { th: string; en: string }> = {
	working: { th: 'เวลาทำการ', en: 'working time' },
	calendar: { th: 'วันปฏิทิน', en: 'calendar time' },
	mixed: { th: 'เวลาทำการและวันปฏิทินปนกัน', en: 'working and calendar time mixed' },
};

type MessageIds = 'mismatch' | 'mixed' | 'otherClass';

/** The stated total differs from the sum of the steps (within one time class; across classes: info). */
export const stepTotalMismatch: Rule<MessageIds> = {
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
				messageId: 'mixed',
				severity: 'info',
				start: t.start,
				end: t.end,
				args: {
					stated: t.text,
					working: formatDuration(working, 'working', opts, thai),
					calendar: formatDuration(calendar, 'calendar', opts, thai),
				},
			});
			return;
		}
		if (stated.timeClass !== stepClass) {
			report({
				messageId: 'otherClass',
				severity: 'info',
				start: t.start,
				end: t.end,
				args: {
					stated: t.text,
					stepClass: CLASS_LABEL[stepClass],
					totalClass: CLASS_LABEL[stated.timeClass],
					sum: formatDuration(stepClass === 'working' ? working : calendar, stepClass, opts, thai),
				},
			});
			return;
		}
		const sum = stepClass === 'working' ? working : calendar;
		if (Math.abs(sum - stated.minutes) < 0.5) return;
		const text = formatDuration(sum, stepClass, opts, thai);
		report({
			messageId: 'mismatch',
			start: t.start,
			end: t.end,
			args: { stated: t.text, sum: text },
			fix: { range: [t.start, t.end], text, safe: true },
			data: { minutes: sum, text },
		});
	},
};

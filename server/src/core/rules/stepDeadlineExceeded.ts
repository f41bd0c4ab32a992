import type { Rule } from './types';
import { formatDuration, type Duration } from '../thai/durations';
import { isDuration, stepSums } from '../body/steps';

type MessageIds = 'exceeded' | 'otherClass';

/** The total exceeds the `legal_deadline` in the front matter. */
export const stepDeadlineExceeded: Rule<MessageIds> = {
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
		const legal = ctx.facts.legalDeadline();
		if (!legal || !p) return;
		const { key, raw, value: deadline } = legal;
		if (!isDuration(deadline) || deadline.timeClass === 'mixed') return;
		// The stated total where it is readable, else the sum of the steps (on the section heading).
		const stated = isDuration(p.total?.value) ? p.total : undefined;
		const total = stated ? (stated.value as Duration) : stepSums(p);
		if (!total) return;
		const [start, end] = stated ? [stated.start, stated.end] : [p.section.headingStart, p.section.headingEnd];
		const minutes = deadline.timeClass === 'working' ? total.working : total.calendar;
		const other = deadline.timeClass === 'working' ? total.calendar : total.working;
		if (other > 0) {
			report({ messageId: 'otherClass', severity: 'info', start, end, args: { deadline: raw } });
			return;
		}
		if (minutes > deadline.minutes + 0.5) {
			report({
				messageId: 'exceeded',
				start,
				end,
				args: {
					total: formatDuration(minutes, deadline.timeClass, ctx.facts.durationOptions),
					deadline: raw,
					key,
				},
			});
		}
	},
};

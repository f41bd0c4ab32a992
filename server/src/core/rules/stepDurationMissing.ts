import type { Rule } from './types';
import { firstLine } from '../body/ranges';
import { ellipsize } from '../body/text';

const short = (s: string): string => ellipsize(s, 60);

type MessageIds = 'missing' | 'noSteps' | 'noColumn';

/** A step (table row or list item) in a step section has no duration. */
export const stepDurationMissing: Rule<MessageIds> = {
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
			report({
				messageId: 'noSteps',
				args: { heading: p.section.headingText },
				start: p.section.headingStart,
				end: p.section.headingEnd,
			});
			return;
		}
		if (p.noDurationColumn) {
			report({
				messageId: 'noColumn',
				start: p.noDurationColumn.start,
				end: ctx.doc.lines.lineEnd(ctx.doc.lines.position(p.noDurationColumn.start).line),
			});
			return;
		}
		for (const s of p.steps) {
			if (s.duration.value === null) {
				const [start, end] = firstLine(ctx.doc, [s.start, s.end]);
				report({ messageId: 'missing', args: { step: short(s.name) }, start, end });
			}
		}
	},
};

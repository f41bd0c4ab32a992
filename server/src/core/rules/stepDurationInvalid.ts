import type { Rule } from './types';
import { isDuration } from '../body/steps';
import { ellipsize } from '../body/text';
import { locate } from '../parse/frontMatter';

const short = (s: string): string => ellipsize(s, 60);

type MessageIds = 'invalid' | 'total' | 'deadline';

/** A duration is written but cannot be read. */
export const stepDurationInvalid: Rule<MessageIds> = {
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
			for (const s of p.steps)
				if (s.duration.value && !isDuration(s.duration.value))
					report({
						messageId: 'invalid',
						args: { value: short(s.duration.text) },
						start: s.duration.start,
						end: s.duration.end,
					});
			const t = p.total;
			if (t && t.value && !isDuration(t.value))
				report({ messageId: 'total', args: { value: short(t.text) }, start: t.start, end: t.end });
			const totalSection = ctx.facts.disclosure()?.steps?.totalSection;
			if (t && t.value === null && totalSection && ctx.facts.sections().byId.get(totalSection)?.hasContent) {
				report({ messageId: 'total', args: { value: short(t.text) }, start: t.start, end: t.end });
			}
		}
		const deadline = ctx.facts.legalDeadline();
		const r =
			deadline && !isDuration(deadline.value) ? locate(ctx.doc.frontMatter!, [deadline.key])?.value : undefined;
		if (deadline && r)
			report({ messageId: 'deadline', args: { key: deadline.key, value: deadline.raw }, start: r[0], end: r[1] });
	},
};

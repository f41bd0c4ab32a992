import type { Rule } from './types';
import { keyLabel, pathText } from '../body/ranges';

type MessageIds = 'unreadable' | 'nonexistent' | 'yearRange' | 'nonexistentBody';

/** A date that does not parse or does not exist. */
export const dateInvalid: Rule<MessageIds> = {
	id: 'date-invalid',
	tags: ['date'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'page',
	description: { th: 'วันที่อ่านไม่ได้หรือไม่มีอยู่จริง', en: 'A date that does not parse or does not exist' },
	messages: {
		unreadable: {
			th: '{key} ({label}): อ่าน "{value}" เป็นวันที่ไม่ได้ ให้เขียนเช่น 2568-10-01, 1 ตุลาคม 2568 หรือ 1 ต.ค. 2568',
			en: '{key} ({label}) is not a readable date: "{value}"; write e.g. 2568-10-01, 1 ตุลาคม 2568 or 1 ต.ค. 2568',
		},
		nonexistent: {
			th: '{key} ({label}): วันที่ "{value}" ไม่มีอยู่จริงในปฏิทิน ให้ตรวจวันและเดือนอีกครั้ง',
			en: '{key} ({label}): "{value}" does not exist in the calendar',
		},
		yearRange: {
			th: '{key} ({label}): ปี {year} อยู่นอกช่วงที่เป็นไปได้ (ปี พ.ศ. ต้องตั้งแต่ 2400 ขึ้นไป ปี ค.ศ. ต้องอยู่ระหว่าง 1900–2200)',
			en: '{key} ({label}): the year {year} is out of range (BE from 2400, CE 1900–2200)',
		},
		nonexistentBody: {
			th: 'วันที่ "{value}" ไม่มีอยู่จริงในปฏิทิน ให้ตรวจวันและเดือนอีกครั้ง',
			en: '"{value}" does not exist in the calendar',
		},
	},
	check(ctx, report) {
		for (const d of ctx.facts.frontMatterDates()) {
			const args = { key: pathText(d.path), label: keyLabel(ctx.topic, d.keyPath), value: d.raw };
			if (!d.match) {
				report({ messageId: 'unreadable', args, start: d.start, end: d.end });
				continue;
			}
			const range = d.match.problems.find((p) => p.kind === 'year-out-of-range');
			if (range && range.kind === 'year-out-of-range')
				report({ messageId: 'yearRange', args: { ...args, year: range.year }, start: d.start, end: d.end });
			else if (d.match.problems.some((p) => p.kind === 'nonexistent'))
				report({ messageId: 'nonexistent', args, start: d.start, end: d.end });
		}
		for (const d of ctx.facts.bodyDates()) {
			if (d.problems.some((p) => p.kind === 'nonexistent'))
				report({ messageId: 'nonexistentBody', args: { value: d.raw }, start: d.start, end: d.end });
		}
	},
};

import type { Rule } from './types';
import { findDates } from '../thai/dates';
import { attributionPageRange, attributionTargets, itemLabel, itemRange } from '../body/attribution';

const TIME = /(?<!\d)(?:[01]?\d|2[0-4])[.:][0-5]\d\s*(?:น\.|นาฬิกา)/u;

type MessageIds = 'missing' | 'page' | 'noTime';

/** An item that needs a date has none (a time is recommended where the topic says so; docs/page-model.md). */
export const dateMissing: Rule<MessageIds> = {
	id: 'date-missing',
	needsBody: true,
	tags: ['attribution', 'date'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'page',
	description: { th: 'รายการไม่ระบุวันที่', en: 'An item has no date' },
	messages: {
		missing: {
			th: 'รายการ "{item}" ไม่ระบุวันที่ ให้ใส่วันที่ เช่น 15 ตุลาคม 2569',
			en: 'The item "{item}" has no date; add one, e.g. 15 ตุลาคม 2569',
		},
		page: {
			th: 'หน้านี้ไม่ระบุวันที่ของเรื่อง ให้ใส่ {keys} ในส่วนหัวของไฟล์ (front matter) เช่น date: 2569-11-12',
			en: 'This page gives no date for its story; add {keys} to the front matter, e.g. date: 2569-11-12',
		},
		noTime: {
			th: 'รายการ "{item}" ควรระบุเวลาด้วย เช่น เวลา 10.30 น.',
			en: 'The item "{item}" should also give a time, e.g. เวลา 10.30 น.',
		},
	},
	check(ctx, report) {
		const c = attributionTargets(ctx.facts, 'date');
		if (!c) return;
		if (c.pageMissing) {
			const [start, end] = attributionPageRange(ctx.doc, ctx.facts);
			report({ messageId: 'page', args: { keys: c.pageKeys.join(', ') }, start, end });
		}
		for (const item of c.items) {
			const dates = findDates(item.dateCellText ?? item.text).filter((d) => d.date);
			const [start, end] = itemRange(ctx.doc, item);
			if (!dates.length) {
				report({ messageId: 'missing', args: { item: itemLabel(item) }, start, end });
			} else if (c.spec.time && !dates.some((d) => d.time) && !TIME.test(item.text)) {
				report({
					messageId: 'noTime',
					severity: c.spec.time === 'warning' ? 'warning' : 'info',
					args: { item: itemLabel(item) },
					start,
					end,
				});
			}
		}
	},
};

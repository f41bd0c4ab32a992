import type { Rule } from './types';
import { compareDates, formatDate } from '../thai/dates';
import { keyLabel, pathText } from '../body/ranges';

const DEFAULT_NOT_FUTURE = ['published', 'updated', 'publish_request.date'];

type MessageIds = 'future';

/** A publication, update or attribution date after today (Asia/Bangkok). */
export const dateFuture: Rule<MessageIds> = {
	id: 'date-future',
	tags: ['date'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'page',
	description: { th: 'วันที่เผยแพร่หรือปรับปรุงอยู่ในอนาคต', en: 'A publication or update date after today' },
	messages: {
		future: {
			th: '{key} ({label}) ระบุวันที่ {value} ซึ่งยังมาไม่ถึง (วันนี้คือ {today}) ให้แก้เป็นวันที่จริง',
			en: '{key} ({label}) is in the future: {value}, but today is {today}',
		},
	},
	check(ctx, report) {
		const keys = ctx.topic?.x.notFuture ?? DEFAULT_NOT_FUTURE;
		for (const d of ctx.facts.frontMatterDates()) {
			const date = d.match?.date;
			if (!date || !keys.includes(d.keyPath)) continue;
			if (compareDates(date, ctx.today) > 0) {
				report({
					messageId: 'future',
					start: d.start,
					end: d.end,
					args: {
						key: pathText(d.path),
						label: keyLabel(ctx.topic, d.keyPath),
						value: d.raw,
						today: formatDate(ctx.today, d.match!.format),
					},
				});
			}
		}
	},
};

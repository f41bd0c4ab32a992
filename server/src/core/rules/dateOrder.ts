import type { Rule } from './types';
import { compareDates } from '../thai/dates';
import { keyLabel } from '../body/ranges';

const DEFAULT_ORDER = [
	{ earlier: 'published', later: 'updated' },
	{ earlier: 'publish_request.date', later: 'published' },
];

type MessageIds = 'order';

/** `updated` before `published`; `publish_request.date` after `published`. */
export const dateOrder: Rule<MessageIds> = {
	id: 'date-order',
	tags: ['date'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'page',
	description: { th: 'ลำดับวันที่ไม่ถูกต้อง', en: 'Dates in the wrong order' },
	messages: {
		order: {
			th: '{later} ({laterLabel}) ต้องไม่ก่อน {earlier} ({earlierLabel}) แต่ระบุไว้เป็น {laterValue} ซึ่งก่อน {earlierValue} ให้ตรวจแก้วันที่ใดวันที่หนึ่ง',
			en: '{later} ({laterLabel}) {laterValue} must not be before {earlier} ({earlierLabel}) {earlierValue}',
		},
	},
	check(ctx, report) {
		for (const pair of ctx.topic?.x.dateOrder ?? DEFAULT_ORDER) {
			const a = ctx.facts.dateAt(pair.earlier);
			const b = ctx.facts.dateAt(pair.later);
			if (!a?.match?.date || !b?.match?.date) continue;
			if (compareDates(b.match.date, a.match.date) < 0) {
				// Underline the value that is more likely wrong: the one that is not `published`.
				const at = pair.later === 'published' ? a : b;
				report({
					messageId: 'order',
					start: at.start,
					end: at.end,
					args: {
						later: pair.later,
						laterLabel: keyLabel(ctx.topic, pair.later),
						laterValue: b.raw,
						earlier: pair.earlier,
						earlierLabel: keyLabel(ctx.topic, pair.earlier),
						earlierValue: a.raw,
					},
				});
			}
		}
	},
};

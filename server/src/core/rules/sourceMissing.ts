import type { Rule } from './types';
import { SOURCE_LABEL } from '../body/items';
import { attributionPageRange, attributionTargets, itemLabel, itemRange } from '../body/attribution';

type MessageIds = 'missing' | 'page';

/** An item or page that needs a source has none (docs/page-model.md). */
export const sourceMissing: Rule<MessageIds> = {
	id: 'source-missing',
	needsBody: true,
	tags: ['attribution'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'page',
	description: { th: 'รายการไม่ระบุแหล่งที่มา', en: 'An item has no source' },
	messages: {
		missing: {
			th: 'รายการ "{item}" ไม่ระบุแหล่งที่มา ให้เพิ่ม "ที่มา: …" หรือลิงก์ไปยังต้นฉบับ',
			en: 'The item "{item}" has no source; add "ที่มา: …" (Source:) or a link to the original',
		},
		page: {
			th: 'หน้านี้ไม่ระบุแหล่งที่มา ให้ใส่ {keys} ในส่วนหัวของไฟล์ (front matter) หรือเขียน "ที่มา: …" ในเนื้อหา',
			en: 'This page gives no source; add {keys} to the front matter or "ที่มา: …" (Source:) in the body',
		},
	},
	check(ctx, report) {
		const c = attributionTargets(ctx.facts, 'source');
		if (!c) return;
		if (c.pageMissing) {
			const [start, end] = attributionPageRange(ctx.doc, ctx.facts);
			report({ messageId: 'page', args: { keys: c.pageKeys.join(', ') }, start, end });
		}
		const patterns = c.patterns;
		const eol = ctx.doc.lines.eol;
		for (const item of c.items) {
			if (
				item.hasLink ||
				item.sourceCell ||
				SOURCE_LABEL.test(item.text) ||
				patterns.some((p) => p.test(item.text))
			)
				continue;
			const [start, end] = itemRange(ctx.doc, item);
			const fix =
				item.kind === 'list-item'
					? { range: [end, end] as [number, number], text: ' (ที่มา: )', safe: false }
					: item.kind === 'image'
						? { range: [item.end, item.end] as [number, number], text: `${eol}${eol}ที่มา: `, safe: false }
						: undefined;
			report({
				messageId: 'missing',
				args: { item: itemLabel(item) },
				start,
				end,
				fix,
				data: { placeholder: 'ที่มา: ' },
			});
		}
	},
};

import type { Rule, RuleContext } from './types';
import { SOURCE_LABEL, type Item } from '../body/items';
import { findDates } from '../thai/dates';
import type { AttributionSpec } from '../schema/xDisclosure';
import { ellipsize, firstLine, topicLineRange } from './util';
import { schemaPattern, type Matcher } from '../regex';

const TIME = /(?<!\d)(?:[01]?\d|2[0-4])[.:][0-5]\d\s*(?:น\.|นาฬิกา)/u;

/**
 * The items to check (docs/page-model.md). On an item page the page is the item: its source comes
 * from `sources`, a label, a gazette reference or a link anywhere on it, its date from `date`, a
 * labelled body date, `published` or `updated`. Elsewhere (hubs, topics without kinds) the list
 * entries, table rows, images and sub-sections are the items; front-matter keys attribute a page
 * without items, and the photos of a page that is itself one dated or sourced article.
 */
function context(ctx: RuleContext, need: 'source' | 'date'): { spec: AttributionSpec; items: Item[]; pageMissing: boolean; pageKeys: string[]; patterns: Matcher[] } | undefined {
	const spec = ctx.facts.disclosure()?.attribution;
	if (!spec || !spec[need]) return undefined;
	const pageKeys = need === 'source' ? spec.sourceKeys ?? ['sources'] : spec.dateKeys ?? [];
	const patterns = (spec.sourcePatterns ?? []).map((p) => schemaPattern(p.pattern, p.flags ?? 'u'));
	if (ctx.facts.pageKind() === 'item') {
		// An item page always has a date: `published` is required, and frontmatter-schema or date-invalid
		// reports a missing or broken one, so only its source can be missing.
		return { spec, items: [], pageMissing: need === 'source' && !ctx.facts.pageHasSource(pageKeys, patterns), pageKeys, patterns };
	}
	let items = ctx.facts.attributionItems();
	const present = ctx.facts.hasAnyKey(pageKeys);
	// A page without items is one item itself: its front-matter key (or, for a source, a label) must attribute it.
	const pageMissing = items.length === 0 && pageKeys.length > 0 && !present && !(need === 'source' && SOURCE_LABEL.test(ctx.facts.bodyText()));
	if (present) items = items.length <= 1 ? [] : items.filter((i) => i.kind !== 'image');
	return { spec, items, pageMissing, pageKeys, patterns };
}

/** An item page's findings go on its heading (H1 or title); other pages' on the topic line. */
const pageRange = (ctx: RuleContext): [number, number] => (ctx.facts.pageKind() === 'item' ? firstLine(ctx, [ctx.facts.pageAnchor().start, ctx.facts.pageAnchor().end]) : topicLineRange(ctx));
const itemRange = (ctx: RuleContext, item: Item): [number, number] => firstLine(ctx, [item.start, item.end]);
const label = (item: Item): string => ellipsize(item.text, 50);

/** An item or page that needs a source has none. */
export const sourceMissing: Rule = {
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
		const c = context(ctx, 'source');
		if (!c) return;
		if (c.pageMissing) {
			const [start, end] = pageRange(ctx);
			report({ messageId: 'page', args: { keys: c.pageKeys.join(', ') }, start, end });
		}
		const patterns = c.patterns;
		const eol = ctx.doc.lines.eol;
		for (const item of c.items) {
			if (item.hasLink || item.sourceCell || SOURCE_LABEL.test(item.text) || patterns.some((p) => p.test(item.text))) continue;
			const [start, end] = itemRange(ctx, item);
			const fix = item.kind === 'list-item' ? { range: [end, end] as [number, number], text: ' (ที่มา: )', safe: false } : item.kind === 'image' ? { range: [item.end, item.end] as [number, number], text: `${eol}${eol}ที่มา: `, safe: false } : undefined;
			report({ messageId: 'missing', args: { item: label(item) }, start, end, fix, data: { placeholder: 'ที่มา: ' } });
		}
	},
};

/** An item that needs a date has none (a time is recommended where the topic says so). */
export const dateMissing: Rule = {
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
		const c = context(ctx, 'date');
		if (!c) return;
		if (c.pageMissing) {
			const [start, end] = pageRange(ctx);
			report({ messageId: 'page', args: { keys: c.pageKeys.join(', ') }, start, end });
		}
		for (const item of c.items) {
			const dates = findDates(item.dateCellText ?? item.text).filter((d) => d.date);
			const [start, end] = itemRange(ctx, item);
			if (!dates.length) {
				report({ messageId: 'missing', args: { item: label(item) }, start, end });
			} else if (c.spec.time && !dates.some((d) => d.time) && !TIME.test(item.text)) {
				report({ messageId: 'noTime', severity: c.spec.time === 'warning' ? 'warning' : 'info', args: { item: label(item) }, start, end });
			}
		}
	},
};

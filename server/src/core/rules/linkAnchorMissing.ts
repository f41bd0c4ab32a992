import * as path from 'node:path';
import type { Rule } from './types';
import { findTarget, isCheckableFileLink, linkMode } from '../body/links';
import { editDistance } from '../body/text';

type MessageIds = 'missing' | 'suggest';

/** A `#fragment` that matches no heading or id in the target page. */
export const linkAnchorMissing: Rule<MessageIds> = {
	id: 'link-anchor-missing',
	tags: ['links'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'page',
	description: { th: 'ลิงก์ (#) ไปยังหัวเรื่องที่ไม่มีในหน้า', en: 'A #fragment that matches no heading' },
	messages: {
		missing: {
			th: 'ไม่พบหัวเรื่องหรือจุดลิงก์ #{fragment} ใน{page} ให้ตรวจการสะกดหลังเครื่องหมาย #',
			en: 'No heading #{fragment} in {page}',
		},
		suggest: {
			th: 'ไม่พบหัวเรื่องหรือจุดลิงก์ #{fragment} ใน{page} หมายถึง #{suggestion} หรือไม่',
			en: 'No heading #{fragment} in {page}; did you mean #{suggestion}?',
		},
	},
	check(ctx, report) {
		if (linkMode(ctx) === 'off' || !ctx.links?.anchors) return;
		for (const l of ctx.facts.links()) {
			const hash = l.url.indexOf('#');
			if (hash < 0 || l.url.length === hash + 1 || !(l.url.startsWith('#') || isCheckableFileLink(ctx, l)))
				continue;
			let fragment = l.url.slice(hash + 1);
			try {
				fragment = decodeURIComponent(fragment);
			} catch {
				// a malformed escape: compare as written
			}
			let file = ctx.doc.path;
			let page = { th: 'หน้านี้', en: 'this page' };
			if (!l.url.startsWith('#')) {
				const t = findTarget(ctx, l.url);
				if (!t.exists || !/\.md$/i.test(t.file)) continue; // link-file-missing, or not a page we can read
				file = t.file;
				const rel = path.relative(path.dirname(ctx.doc.path), file);
				page = { th: `หน้า ${rel}`, en: rel };
			}
			const anchors = file === ctx.doc.path ? ctx.links.anchors(file, ctx.doc) : ctx.links.anchors(file);
			// `#top` always scrolls to the top of the page (HTML spec), with or without an element of that id.
			if (
				!anchors ||
				fragment.toLowerCase() === 'top' ||
				anchors.has(fragment) ||
				anchors.has(fragment.toLowerCase())
			)
				continue;
			const best = [...anchors]
				.map((a) => ({ a, d: editDistance(fragment.toLowerCase(), a) }))
				.sort((x, y) => x.d - y.d)[0];
			const close = best && best.d <= Math.max(2, Math.floor(fragment.length / 4));
			report({
				messageId: close ? 'suggest' : 'missing',
				args: { fragment, page, suggestion: best?.a ?? '' },
				start: l.start,
				end: l.end,
				data: close ? { suggestion: best.a } : undefined,
			});
		}
	},
};

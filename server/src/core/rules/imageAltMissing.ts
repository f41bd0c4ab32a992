import type { Rule } from './types';
import { walk } from '../parse/walk';

const IMG_TAG = /<img\b[^>]*>/gi;

type MessageIds = 'missing' | 'missingHtml';

/** An image with empty alt text. */
export const imageAltMissing: Rule<MessageIds> = {
	id: 'image-alt-missing',
	tags: ['accessibility'],
	defaultSeverity: 'warning',
	fixable: false,
	scope: 'page',
	description: { th: 'รูปภาพไม่มีคำอธิบายภาพ (alt)', en: 'An image without alt text' },
	messages: {
		missingHtml: {
			th: 'รูปภาพ "{src}" ไม่มีคำอธิบายภาพ (alt) ให้เขียนอธิบายว่าภาพแสดงอะไรในช่องคำอธิบายภาพของระบบจัดการเว็บไซต์ หรือใน alt="…" ของแท็ก img',
			en: 'The image "{src}" has no alt text; describe what it shows in the CMS\'s alternative-text field, or in the img tag\'s alt="…"',
		},
		missing: {
			th: 'รูปภาพ "{src}" ไม่มีคำอธิบายภาพ (alt) ให้เขียนอธิบายว่าภาพแสดงอะไรไว้ในวงเล็บเหลี่ยม เช่น ![แผนผังโครงสร้างหน่วยงาน](…)',
			en: 'The image "{src}" has no alt text; describe what it shows, e.g. ![แผนผังโครงสร้างหน่วยงาน](…)',
		},
	},
	check(ctx, report) {
		walk(ctx.doc.tree, (node) => {
			const start = node.position?.start.offset;
			const end = node.position?.end.offset;
			if (start === undefined || end === undefined) return;
			if (node.type === 'image' || node.type === 'imageReference') {
				const img = node as { alt?: string | null; url?: string; identifier?: string };
				if ((img.alt ?? '').trim()) return;
				const src = img.url ?? img.identifier ?? '';
				if (ctx.format === 'html') return report({ messageId: 'missingHtml', args: { src }, start, end });
				const open = ctx.doc.text.indexOf('[', start) + 1;
				report({
					messageId: 'missing',
					args: { src },
					start,
					end,
					fix: { range: [open, ctx.doc.text.indexOf(']', open)], text: 'คำอธิบายภาพ', safe: false },
					data: { placeholder: 'คำอธิบายภาพ' },
				});
			} else if (node.type === 'html') {
				const html = ctx.doc.text.slice(start, end);
				IMG_TAG.lastIndex = 0;
				for (let m = IMG_TAG.exec(html); m; m = IMG_TAG.exec(html)) {
					const alt = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(m[0]);
					if (alt && (alt[1] ?? alt[2] ?? alt[3] ?? '').trim()) continue;
					const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(m[0])?.[1] ?? '';
					report({
						messageId: 'missing',
						args: { src },
						start: start + m.index,
						end: start + m.index + m[0].length,
					});
				}
			}
		});
	},
};

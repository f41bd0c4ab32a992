import type { Rule } from './types';
import { walk } from '../parse/walk';
import { nodeText } from '../body/text';
import type { Node, Table } from 'mdast';
import { normalizeThai } from '../thai/normalize';
import { schemaPattern } from '../regex';

type MessageIds = 'emptyNoNone' | 'empty' | 'noneNotAllowed' | 'mustContain' | 'mustMatch' | 'minLinks';

/** A required section is blank (an explicit ไม่มี… is content), or lacks what the schema says it must hold. */
export const sectionEmpty: Rule<MessageIds> = {
	id: 'section-empty',
	needsBody: true,
	tags: ['structure'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'page',
	description: { th: 'หัวข้อย่อยว่าง หรือขาดเนื้อหาที่ต้องมี', en: 'A required section is blank or lacks required content' },
	messages: {
		emptyNoNone: {
			th: 'หัวข้อย่อย "{heading}" ยังไม่มีเนื้อหา ห้ามเว้นว่างหรือใส่เพียง "-" ให้ใส่เนื้อหา',
			en: 'The section "{heading}" is blank; a blank or a lone "-" is not allowed: add the content',
		},
		empty: {
			th: 'หัวข้อย่อย "{heading}" ยังไม่มีเนื้อหา ห้ามเว้นว่างหรือใส่เพียง "-" ให้ใส่เนื้อหา หรือเขียน "{none}" หากไม่มีจริง',
			en: 'The section "{heading}" is blank; a blank or a lone "-" is not allowed: add the content, or write "{none}" if there is none',
		},
		noneNotAllowed: {
			th: 'หัวข้อย่อย "{heading}" ต้องมีเนื้อหาจริง จะเขียนว่า "ไม่มี" แทนไม่ได้',
			en: 'The section "{heading}" needs real content; "ไม่มี" (none) does not stand in here',
		},
		mustContain: {
			th: 'หัวข้อย่อย "{heading}" ต้องกล่าวถึง "{words}"',
			en: 'The section "{heading}" must mention "{words}"',
		},
		mustMatch: { th: 'หัวข้อย่อย "{heading}" ต้องระบุ{what}', en: 'The section "{heading}" must state {what}' },
		minLinks: {
			th: 'หัวข้อย่อย "{heading}" ต้องมีลิงก์อย่างน้อย {min} ลิงก์ (ขณะนี้มี {found} ลิงก์)',
			en: 'The section "{heading}" needs at least {min} link(s) (found {found})',
		},
	},
	check(ctx, report) {
		const x = ctx.facts.disclosure();
		if (!x?.sections) return;
		for (const spec of x.sections) {
			const m = ctx.facts.sections().byId.get(spec.id);
			if (!m) continue;
			const args = { heading: m.headingText };
			const start = m.headingStart;
			const end = m.headingEnd;
			if (!m.hasContent) {
				const eol = ctx.doc.lines.eol;
				const none = spec.noneText ?? 'ไม่มี';
				report({
					messageId: spec.allowNone === false ? 'emptyNoNone' : 'empty',
					args: { ...args, none },
					start,
					end,
					fix:
						spec.allowNone === false
							? undefined
							: { range: [m.headingEnd, m.headingEnd], text: `${eol}${eol}${none}`, safe: false },
					data: { sectionId: spec.id, noneText: none },
				});
				continue;
			}
			if (m.explicitNone) {
				if (spec.allowNone === false) report({ messageId: 'noneNotAllowed', args, start, end });
				continue;
			}
			if (!spec.mustContain && !spec.mustMatch && !spec.minLinks) continue;
			const hay = normalizeThai(`${m.fullText}\n${tableCellsWithHeaders(m.nodes)}`).text.toLowerCase();
			for (const alternatives of spec.mustContain ?? []) {
				if (!alternatives.some((w) => hay.includes(w.toLowerCase())))
					report({
						messageId: 'mustContain',
						args: { ...args, words: alternatives.join(' / ') },
						start,
						end,
					});
			}
			for (const p of spec.mustMatch ?? []) {
				if (!schemaPattern(p.pattern, p.flags ?? 'u').test(hay))
					report({
						messageId: 'mustMatch',
						args: { ...args, what: p.label ?? { th: p.pattern, en: p.pattern } },
						start,
						end,
					});
			}
			if (spec.minLinks) {
				let links = 0;
				for (const n of m.nodes)
					walk(n, (c) => {
						if (c.type === 'link' || c.type === 'linkReference') links++;
					});
				if (links < spec.minLinks)
					report({ messageId: 'minLinks', args: { ...args, min: spec.minLinks, found: links }, start, end });
			}
		}
	},
};

/**
 * Every table cell read with its column's header ("ร้อยละ 92.5"): a result table states its score
 * in a column headed ร้อยละ or คะแนน rather than in a sentence (docs/real-pages.md).
 */
function tableCellsWithHeaders(nodes: Node[]): string {
	const out: string[] = [];
	for (const n of nodes)
		walk(n, (x) => {
			if (x.type !== 'table') return true;
			const [head, ...rows] = (x as Table).children;
			const headers = head?.children.map((c) => nodeText(c).trim()) ?? [];
			for (const row of rows)
				row.children.forEach((c, i) => out.push(`${headers[i] ?? ''} ${nodeText(c).trim()}`));
			return false;
		});
	return out.join('\n');
}

import type { Rule, RuleContext } from './types';
import type { SectionSpec } from '../schema/xDisclosure';
import { topicLineRange } from '../body/ranges';
import { walk } from '../parse/walk';

/** Where a missing section's heading goes: after the nearest section before it in schema order. */
function insertionPoint(ctx: RuleContext, specs: SectionSpec[], index: number): number {
	const found = ctx.facts.sections().byId;
	for (let i = index - 1; i >= 0; i--) {
		const m = found.get(specs[i].id);
		if (m) return m.end;
	}
	for (let i = index + 1; i < specs.length; i++) {
		const m = found.get(specs[i].id);
		if (m) return m.headingStart;
	}
	return ctx.doc.text.length;
}

type MessageIds = 'missing';

/** A required section heading is absent (docs/page-model.md). */
export const sectionMissing: Rule<MessageIds> = {
	id: 'section-missing',
	needsBody: true,
	tags: ['structure'],
	defaultSeverity: 'error',
	fixable: true,
	scope: 'page',
	description: { th: 'ไม่มีหัวข้อย่อยที่หัวข้อนี้กำหนด', en: 'A required section heading is absent' },
	messages: {
		missing: {
			th: 'ไม่พบหัวข้อย่อย "{heading}" ({id}) ซึ่งหน้าหัวข้อ "{topic}" ต้องมี ให้เพิ่มหัวข้อย่อยนี้พร้อมเนื้อหา หรือหากหัวข้อย่อยนี้อยู่ในหน้าอื่น ให้ระบุรหัสหัวข้อย่อยที่หน้านี้ครอบคลุมใน sections: ในส่วนหัวของไฟล์ (front matter)',
			en: 'The section "{heading}" ({id}) required for {topic} is missing; add the heading with its content, or list `sections:` in the front matter if another page holds it',
		},
	},
	check(ctx, report) {
		const x = ctx.facts.disclosure();
		if (!x?.sections) return;
		const held = ctx.facts.requiredSectionIds();
		const found = ctx.facts.sections().byId;
		const covered = new Set([...found.keys()]);
		for (const s of x.sections) if (s.parent && covered.has(s.id)) covered.add(s.parent);
		const [start, end] = anchorRange(ctx);
		const eol = ctx.doc.lines.eol;
		let lastAt = -1;
		x.sections.forEach((spec, i) => {
			if (spec.required === false || covered.has(spec.id)) return;
			if (held && !held.has(spec.id)) return;
			const at = insertionPoint(ctx, x.sections!, i);
			const before = ctx.doc.text.slice(0, at);
			// The first heading inserted at a point opens with a blank line; the next ones at the same point
			// follow it (one --fix pass inserts them all, in schema order: core/fix.ts) and need only a line end.
			const lead =
				at === lastAt
					? before.endsWith(eol) || at === 0
						? ''
						: eol
					: before.endsWith(`${eol}${eol}`) || at === 0
						? ''
						: before.endsWith(eol)
							? eol
							: `${eol}${eol}`;
			lastAt = at;
			report({
				messageId: 'missing',
				start,
				end,
				args: { heading: spec.heading, id: spec.id, topic: x.name },
				// Not where the page ends inside an open code fence or HTML comment: the heading would be text in it.
				fix: insideOpenBlock(ctx, at)
					? undefined
					: { range: [at, at], text: `${lead}## ${spec.heading.th}${eol}${eol}`, safe: true },
				data: { sectionId: spec.id, heading: spec.heading.th, insertAt: at },
			});
		});
	},
};

/**
 * Whether `at` falls inside, or at the end of, a code fence or an HTML comment that is never closed (it
 * runs to the end of the page), so a heading inserted there would not be a heading.
 */
function insideOpenBlock(ctx: RuleContext, at: number): boolean {
	const text = ctx.doc.text;
	let open = false;
	walk(ctx.doc.tree, (node) => {
		const s = node.position?.start.offset;
		const e = node.position?.end.offset;
		// Only the nodes that hold `at` (or end at it) can leave it inside an open block.
		if (open || s === undefined || e === undefined || e < at) return false;
		if (s >= at) return node.type === 'root';
		const src = text.slice(s, e);
		if (node.type === 'html' && src.startsWith('<!--') && !src.includes('-->')) open = true;
		if (node.type === 'code') {
			// A fenced block is closed when its last line is a run of the same fence character, at least as long.
			const fence = /^[ \t]*(`{3,}|~{3,})/.exec(src)?.[1];
			const lines = src.split(/\r?\n|\r/);
			const last = lines[lines.length - 1].trim();
			const closes =
				lines.length > 1 && last.length >= (fence?.length ?? 0) && [...last].every((c) => c === fence?.[0]);
			if (fence && !closes) open = true;
		}
		return !open;
	});
	return open;
}

/** Missing sections are reported on the page's first heading, or on the topic line. */
function anchorRange(ctx: RuleContext): [number, number] {
	const first = ctx.facts.sections().headings[0];
	return first ? [first.start, first.end] : topicLineRange(ctx.doc);
}

import type { Rule } from './types';
import { nodeText } from '../body/text';
import { isPresent, resolveKeyPath } from '../schema/paths';
import { normalizeThai } from '../thai/normalize';
import { topicLineRange } from '../body/ranges';
import { schemaPattern } from '../regex';

type MessageIds = 'missing';

/** A link the topic requires (the Government Website Standard, the e-service, the survey) is absent. */
export const linkRequiredMissing: Rule<MessageIds> = {
	id: 'link-required-missing',
	needsBody: true,
	tags: ['links'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'page',
	description: { th: 'ไม่มีลิงก์ที่หัวข้อนี้กำหนด', en: 'A link the topic requires is absent' },
	messages: {
		missing: {
			th: 'หน้านี้ต้องมีลิงก์ไปยัง{label} ให้เพิ่มลิงก์ และระบุชื่อนี้ในข้อความลิงก์หรือข้อความที่อยู่ติดกับลิงก์',
			en: 'This page must link to {label} (named in the link text or next to the link)',
		},
	},
	check(ctx, report) {
		const x = ctx.facts.disclosure();
		if (!x?.requiredLinks) return;
		// A page that holds only some sections of a split topic (`sections:`) is not the whole topic: a
		// link the topic requires outside any section may stand on another of its pages.
		const split = ctx.facts.requiredSectionIds() !== undefined;
		for (const req of x.requiredLinks) {
			if (split && !req.section) continue;
			if ((req.keys ?? []).some((k) => ctx.data && resolveKeyPath(ctx.data, k).some((h) => isPresent(h.value))))
				continue;
			const section = req.section ? ctx.facts.sections().byId.get(req.section) : undefined;
			if (req.section && !section) continue; // section-missing reports the absent section
			if (section && req.allowNone && section.explicitNone) continue;
			const re = schemaPattern(req.pattern, req.flags ?? 'iu');
			const links = (section ? ctx.facts.linksIn(section.nodes) : ctx.facts.links()).filter(
				(l) => !l.image && l.url,
			);
			if (links.some((l) => re.test(normalizeThai(`${l.text} ${l.url} ${nodeText(l.contextNode)}`).text)))
				continue;
			const [start, end] = section ? [section.headingStart, section.headingEnd] : topicLineRange(ctx.doc);
			report({ messageId: 'missing', args: { label: req.label }, start, end, data: { link: req.id } });
		}
	},
};

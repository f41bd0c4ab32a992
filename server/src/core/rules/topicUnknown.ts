import type { Rule } from './types';
import { editDistance } from '../body/text';
import { topicLineRange, valueRange } from '../body/ranges';
import { locate } from '../parse/frontMatter';

type MessageIds =
	| 'missing'
	| 'notText'
	| 'unknown'
	| 'unknownSuggest'
	| 'unknownConfig'
	| 'schemaBroken'
	| 'recognisedTitle'
	| 'recognisedHeadings'
	| 'recognisedPlacement'
	| 'unrecognised';

/** No topic, or a value that is neither an id, a Thai name, nor a custom topic. */
export const topicUnknown: Rule<MessageIds> = {
	id: 'topic-unknown',
	tags: ['front-matter', 'topic'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'page',
	description: { th: 'ไม่ได้ระบุหัวข้อ หรือระบุหัวข้อที่ไม่รู้จัก', en: 'No topic, or an unknown topic' },
	messages: {
		missing: {
			th: 'ไม่ได้ระบุหัวข้อ (topic) ของหน้า ให้ใส่ topic: ในส่วนหัวของไฟล์ (front matter) เป็นรหัสหัวข้อใดหัวข้อหนึ่ง ({ids})',
			en: 'The page has no topic; add `topic:` with a topic id ({ids})',
		},
		notText: {
			th: 'ค่าของ topic ต้องเป็นข้อความ คือรหัสหัวข้อหรือชื่อหัวข้อภาษาไทย ({ids})',
			en: 'The topic must be text: a topic id or its Thai name ({ids})',
		},
		unknown: { th: 'ไม่รู้จักหัวข้อ "{value}" รหัสหัวข้อที่ใช้ได้: {ids}', en: 'Unknown topic "{value}"; valid ids: {ids}' },
		unknownSuggest: {
			th: 'ไม่รู้จักหัวข้อ "{value}" หมายถึง "{suggestion}" หรือไม่ รหัสหัวข้อที่ใช้ได้: {ids}',
			en: 'Unknown topic "{value}"; did you mean "{suggestion}"? Valid ids: {ids}',
		},
		unknownConfig: {
			th: 'topics ในไฟล์การตั้งค่ากำหนดหัวข้อ "{value}" ให้หน้านี้ แต่ไม่รู้จักหัวข้อนี้ รหัสหัวข้อที่ใช้ได้: {ids}',
			en: 'The configuration\'s `topics` assigns the unknown topic "{value}"; valid ids: {ids}',
		},
		recognisedTitle: {
			th: 'หน้านี้ไม่มีส่วนหัว (front matter) จึงถือเป็นหัวข้อ "{value}" เพราะชื่อเรื่อง "{evidence}" ระบุหัวข้อนี้ ถ้าไม่ใช่ ให้กำหนด topics ในไฟล์การตั้งค่า',
			en: 'No front matter: read as topic "{value}" because the title "{evidence}" names it; set `topics` in the configuration if it is not',
		},
		recognisedPlacement: {
			th: 'หน้านี้ไม่มีส่วนหัว (front matter) จึงถือเป็นหัวข้อ "{value}" เพราะหน้าอยู่ในหมวดหรือเส้นทาง (breadcrumb) "{evidence}" ถ้าไม่ใช่ ให้กำหนด topics ในไฟล์การตั้งค่า',
			en: 'No front matter: read as topic "{value}" because the page sits under "{evidence}" (its breadcrumb or category); set `topics` in the configuration if it is not',
		},
		recognisedHeadings: {
			th: 'หน้านี้ไม่มีส่วนหัว (front matter) จึงถือเป็นหัวข้อ "{value}" เพราะหัวข้อย่อยตรงกับส่วนของหัวข้อนี้ ({evidence}) ถ้าไม่ใช่ ให้กำหนด topics ในไฟล์การตั้งค่า',
			en: 'No front matter: read as topic "{value}" because its headings are that topic\'s sections ({evidence}); set `topics` in the configuration if it is not',
		},
		unrecognised: {
			th: 'ไม่ทราบว่าหน้านี้เป็นหัวข้อใด: ชื่อเรื่องและหัวข้อย่อยไม่ได้ระบุหัวข้อใดชัดเจน ถ้าเป็นหน้าเผยแพร่ข้อมูล ให้กำหนด topics ในไฟล์การตั้งค่า ({ids})',
			en: 'Which topic this page is cannot be told from its title or headings; if it is a disclosure page, assign it with `topics` in the configuration ({ids})',
		},
		schemaBroken: {
			th: 'ใช้สคีมาของหัวข้อ "{value}" ไม่ได้ ({detail}) ให้ผู้ดูแลแก้ไฟล์สคีมานี้',
			en: 'The schema of topic "{value}" cannot be used: {detail}',
		},
	},
	check(ctx, report) {
		const res = ctx.topicResolution;
		const ids = ctx.registry.ids().join(', ');
		if (res.source === 'recognised') {
			const anchor = ctx.facts.pageAnchor();
			if (ctx.topic)
				report({
					messageId:
						res.recognisedFrom === 'headings'
							? 'recognisedHeadings'
							: res.recognisedFrom === 'placement'
								? 'recognisedPlacement'
								: 'recognisedTitle',
					args: { value: ctx.topic.id, evidence: res.evidence ?? '' },
					start: anchor.start,
					end: anchor.end,
					severity: 'info',
				});
			else {
				// Most pages of a published site are no topic's (the home page, a gallery, a search page): a
				// page the user linted is told so as an info, never failing a run; an audit lists them in
				// its report instead of a finding on each (docs/audit.md#topic).
				if (!res.audit)
					report({
						messageId: 'unrecognised',
						args: { ids },
						start: anchor.start,
						end: anchor.end,
						severity: 'info',
					});
				return;
			}
		}
		if (ctx.topic) {
			const v = ctx.topic.validator();
			if ('message' in v) {
				const [start, end] = topicLineRange(ctx.doc);
				report({
					messageId: 'schemaBroken',
					args: { value: ctx.topic.id, detail: `${v.file}:${v.line}:${v.column} ${v.message.en}` },
					start,
					end,
				});
			}
			return;
		}
		if (!ctx.doc.frontMatter && res.source === 'none') return; // frontmatter-missing says it
		if (ctx.doc.frontMatter && !ctx.data && res.source === 'none') return; // frontmatter-syntax says it
		if (res.problem === 'missing') {
			const [start, end] = topicLineRange(ctx.doc);
			report({ messageId: 'missing', args: { ids }, start, end });
		} else if (res.problem === 'not-text') {
			const [start, end] = valueRange(ctx.doc, ['topic']);
			report({ messageId: 'notText', args: { ids }, start, end });
		} else if (res.problem === 'unknown-config') {
			const [start, end] = topicLineRange(ctx.doc);
			report({ messageId: 'unknownConfig', args: { value: String(res.value), ids }, start, end });
		} else if (res.problem === 'unknown') {
			const value = String(res.value);
			const [start, end] = valueRange(ctx.doc, ['topic']);
			const best = ctx.registry
				.ids()
				.map((id) => ({ id, d: editDistance(value.toLowerCase(), id) }))
				.sort((a, b) => a.d - b.d)[0];
			const r = ctx.doc.frontMatter ? locate(ctx.doc.frontMatter, ['topic'])?.value : undefined;
			if (best && best.d <= Math.max(2, Math.floor(best.id.length / 3)) && r) {
				report({
					messageId: 'unknownSuggest',
					args: { value, suggestion: best.id, ids },
					start,
					end,
					fix: { range: r, text: best.id, safe: false },
					data: { suggestion: best.id },
				});
			} else {
				report({ messageId: 'unknown', args: { value, ids }, start, end });
			}
		}
	},
};

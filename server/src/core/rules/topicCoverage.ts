import type { Rule, RuleReport } from './types';
import type { SchemaRegistry } from '../schema/registry';
import { BUILTIN_TOPIC_IDS } from '../schema/builtin';

type MessageIds = 'topic' | 'topicPublished' | 'section' | 'unknownTopic';

/**
 * Site check: a topic, or a section of a split topic, that no page covers. A site rule: `siteFindings`
 * (`core/site.ts`) calls {@link topicCoverageReports} over every page of the run and puts the
 * reports on line 1 of the file it reports them on (docs/architecture.md#site-check-and-compliance-report).
 */
export const topicCoverage: Rule<MessageIds> = {
	id: 'topic-coverage',
	tags: ['site'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'site',
	description: {
		th: 'เว็บไซต์ยังไม่มีหน้าของหัวข้อหรือหัวข้อย่อยที่ต้องเผยแพร่',
		en: 'A required topic or section is covered by no page',
	},
	messages: {
		topic: {
			th: 'ยังไม่มีหน้าของหัวข้อ "{topic}" ซึ่งหน่วยงานต้องเผยแพร่ ให้สร้างหน้าที่ระบุ topic: {id} ในส่วนหัวของไฟล์ (front matter)',
			en: 'No page covers the topic "{topic}" ({id}), which the unit must publish',
		},
		topicPublished: {
			th: 'ไม่พบหน้าของหัวข้อ "{topic}" ({id}) ซึ่งหน่วยงานต้องเผยแพร่ ในหน้าที่ตรวจของเว็บไซต์ ให้เผยแพร่หน้านี้ หรือถ้ามีอยู่แล้ว ให้ลิงก์จากเมนูหรือ sitemap.xml และให้ชื่อเรื่องระบุหัวข้อ (หรือกำหนด topics ในไฟล์การตั้งค่า)',
			en: 'No audited page of the site covers the topic "{topic}" ({id}), which the unit must publish; publish it, or if it exists, link it from the menu or sitemap.xml and name the topic in its title (or assign it with `topics`)',
		},
		section: {
			th: 'หัวข้อ "{topic}" แบ่งไว้หลายหน้า แต่ยังไม่มีหน้าใดครอบคลุมหัวข้อย่อย "{section}" ให้เพิ่มหัวข้อย่อยนี้ในหน้าใดหน้าหนึ่ง และระบุ {sectionId} ใน sections: ของหน้านั้น',
			en: 'The topic "{topic}" is split over pages, but none covers the section "{section}" ({sectionId})',
		},
		unknownTopic: {
			th: 'requiredTopics ในไฟล์การตั้งค่าระบุหัวข้อ "{topic}" ที่ไม่รู้จัก ให้ตรวจรหัสหัวข้อ',
			en: 'requiredTopics names the unknown topic "{topic}"',
		},
	},
};

/**
 * Every required topic (`requiredTopics`, default the built-in ten) is covered by some page, and when
 * a topic is split over pages (`sections:`), every required section by one of them; a sub-section
 * such as `9(4)-1` covers its parent. Reports carry no position (`start` and `end` are 0).
 */
export function topicCoverageReports(
	pages: { topic?: string; sections?: string[] }[],
	registry: SchemaRegistry,
	requiredTopics: string[] | undefined,
	published = false,
): RuleReport<MessageIds>[] {
	const required = requiredTopics ?? [...BUILTIN_TOPIC_IDS];
	const out: RuleReport<MessageIds>[] = [];
	const push = (messageId: MessageIds, args: RuleReport['args'], data: Record<string, unknown>) =>
		out.push({ messageId, args, start: 0, end: 0, data });
	for (const id of required) {
		const topic = registry.get(id);
		if (!topic) {
			push('unknownTopic', { topic: id }, { topic: id });
			continue;
		}
		const of = pages.filter((p) => p.topic === id);
		if (!of.length) {
			push(published ? 'topicPublished' : 'topic', { topic: topic.x.name, id }, { topic: id });
			continue;
		}
		if (of.some((p) => !p.sections)) continue;
		const covered = new Set(of.flatMap((p) => p.sections ?? []));
		for (const s of topic.x.sections ?? []) if (s.parent && covered.has(s.id)) covered.add(s.parent);
		for (const s of topic.x.sections ?? []) {
			if (s.required === false || covered.has(s.id)) continue;
			push(
				'section',
				{ topic: topic.x.name, id, section: s.heading, sectionId: s.id },
				{ topic: id, section: s.id },
			);
		}
	}
	return out;
}

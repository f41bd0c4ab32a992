import type { Rule } from './types';

/** Site check: a topic, or a section of a split topic, that no page covers. Run by {@link siteFindings}. */
export const topicCoverage: Rule = {
	id: 'topic-coverage',
	tags: ['site'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'site',
	description: { th: 'เว็บไซต์ยังไม่มีหน้าของหัวข้อที่ต้องเปิดเผย', en: 'A required topic or section is covered by no page' },
	messages: {
		topic: {
			th: 'ยังไม่มีหน้าใดของหัวข้อ "{topic}" ({id}) ซึ่งหน่วยงานต้องเผยแพร่',
			en: 'No page covers the topic "{topic}" ({id}), which the unit must publish',
		},
		section: {
			th: 'หัวข้อ "{topic}" แยกไว้หลายหน้า แต่ยังไม่มีหน้าใดครอบคลุมส่วน "{section}" ({sectionId})',
			en: 'The topic "{topic}" is split over pages, but none covers the section "{section}" ({sectionId})',
		},
		unknownTopic: {
			th: 'requiredTopics ระบุหัวข้อ "{topic}" ที่ไม่รู้จัก',
			en: 'requiredTopics names the unknown topic "{topic}"',
		},
	},
};

import type { Rule } from './types';

/** Site check: a topic, or a section of a split topic, that no page covers. Run by {@link siteFindings}. */
export const topicCoverage: Rule = {
	id: 'topic-coverage',
	tags: ['site'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'site',
	description: { th: 'เว็บไซต์ยังไม่มีหน้าของหัวข้อหรือหัวข้อย่อยที่ต้องเผยแพร่', en: 'A required topic or section is covered by no page' },
	messages: {
		topic: {
			th: 'ยังไม่มีหน้าของหัวข้อ "{topic}" ซึ่งหน่วยงานต้องเผยแพร่ ให้สร้างหน้าที่ระบุ topic: {id} ในส่วนหัวของไฟล์ (front matter)',
			en: 'No page covers the topic "{topic}" ({id}), which the unit must publish',
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

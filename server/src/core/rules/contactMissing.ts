import type { Rule } from './types';
import type { LocalizedText } from '../types';
import { findEmails, findPhones } from '../thai/phones';
import { normalizeThai } from '../thai/normalize';
import type { BodyLink } from '../body/links';

const CHANNEL_LABEL: Record<string, LocalizedText> = {
	phone: { th: 'หมายเลขโทรศัพท์', en: 'phone number' },
	fax: { th: 'หมายเลขโทรสาร', en: 'fax number' },
	email: { th: 'ไปรษณีย์อิเล็กทรอนิกส์ (อีเมล)', en: 'e-mail address' },
	map: { th: 'แผนที่ตั้งหน่วยงาน (รูปหรือลิงก์แผนที่)', en: 'location map (an image or a map link)' },
	address: { th: 'ที่อยู่', en: 'postal address' },
	feedback: { th: 'ช่องทางรับฟังความคิดเห็น', en: 'feedback channel' },
	hotline: { th: 'สายด่วน', en: 'hotline' },
	website: { th: 'เว็บไซต์', en: 'website' },
};

const MAP_URL =
	/maps\.google|google\.[a-z.]+\/maps|goo\.gl\/maps|maps\.app\.goo\.gl|openstreetmap|longdo\.com\/map|\/maps?\b/i;
const MAP_WORD = /แผนที่|map/i;

/** Which contact channels a text and its links offer. */
function contactChannels(text: string, links: BodyLink[]): Set<string> {
	const t = normalizeThai(text).text;
	const found = new Set<string>();
	for (const p of findPhones(t)) {
		if (p.kind === 'hotline') found.add('hotline').add('phone');
		if (p.label === 'fax' || p.label === 'both') found.add('fax');
		if (p.label !== 'fax') found.add('phone');
	}
	if (findEmails(t).length) found.add('email');
	if (/ที่อยู่|ที่ตั้ง|address|(?:^|\s)\d{5}(?:\s|$)/iu.test(t)) found.add('address');
	if (/ความคิดเห็น|ข้อเสนอแนะ|ร้องเรียน|แจ้งเรื่อง|feedback|complain/iu.test(t)) found.add('feedback');
	for (const l of links) {
		if (l.url.startsWith('mailto:')) found.add('email');
		if (l.url.startsWith('tel:')) found.add('phone');
		if (/^https?:/i.test(l.url)) found.add('website');
		if (MAP_URL.test(l.url) || MAP_WORD.test(l.text) || (l.image && MAP_WORD.test(`${l.alt ?? ''} ${l.url}`)))
			found.add('map');
	}
	return found;
}

type MessageIds = 'missing' | 'recommended' | 'none';

/** The contact section lacks a channel the topic requires (phone, fax, e-mail, map). */
export const contactMissing: Rule<MessageIds> = {
	id: 'contact-missing',
	tags: ['contact'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'page',
	description: { th: 'ช่องทางการติดต่อไม่ครบ', en: 'A contact channel is missing' },
	messages: {
		missing: {
			th: 'หัวข้อย่อย "{heading}" ยังไม่มี{channel} ให้เพิ่มข้อมูลนี้',
			en: 'The section "{heading}" gives no {channel}',
		},
		recommended: {
			th: 'หัวข้อย่อย "{heading}" ควรมี{channel}ด้วย',
			en: 'The section "{heading}" should give a {channel}',
		},
		none: {
			th: 'หัวข้อย่อย "{heading}" ต้องมีช่องทางการติดต่ออย่างน้อยหนึ่งช่องทางจากรายการต่อไปนี้: {channels}',
			en: 'The section "{heading}" needs at least one contact channel ({channels})',
		},
	},
	check(ctx, report) {
		const spec = ctx.facts.disclosure()?.contact;
		const m = spec ? ctx.facts.sections().byId.get(spec.section) : undefined;
		if (!spec || !m || !m.hasContent) return;
		const found = contactChannels(ctx.doc.text.slice(m.contentStart, m.end), ctx.facts.linksIn(m.nodes));
		const heading = m.headingText;
		const start = m.headingStart;
		const end = m.headingEnd;
		if (spec.mode === 'any') {
			if (!spec.channels.some((c) => found.has(c))) {
				report({
					messageId: 'none',
					args: {
						heading,
						channels: {
							th: spec.channels.map((c) => CHANNEL_LABEL[c]?.th ?? c).join(', '),
							en: spec.channels.map((c) => CHANNEL_LABEL[c]?.en ?? c).join(', '),
						},
					},
					start,
					end,
				});
			}
		} else {
			for (const c of spec.channels)
				if (!found.has(c))
					report({
						messageId: 'missing',
						args: { heading, channel: CHANNEL_LABEL[c] ?? c },
						start,
						end,
						data: { channel: c },
					});
		}
		for (const c of spec.recommended ?? []) {
			if (!found.has(c))
				report({
					messageId: 'recommended',
					severity: 'warning',
					args: { heading, channel: CHANNEL_LABEL[c] ?? c },
					start,
					end,
					data: { channel: c },
				});
		}
	},
};

import type { Rule } from './types';
import { isRelative, linkMode, looksLikeDomain } from '../body/links';
import { isValidEmail, isValidThaiPhone } from '../thai/phones';
import { redactUrl } from '../links/redact';

type MessageIds = 'url' | 'noScheme' | 'mailto' | 'tel';

/** A URL, `mailto:` address or `tel:` number that is not well formed. */
export const linkMalformed: Rule<MessageIds> = {
	id: 'link-malformed',
	tags: ['links'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'page',
	description: { th: 'ลิงก์เขียนผิดรูปแบบ', en: 'A malformed URL, mailto: address or tel: number' },
	messages: {
		url: { th: 'ลิงก์ "{url}" เขียนผิดรูปแบบ ให้ตรวจที่อยู่เว็บอีกครั้ง', en: 'The URL "{url}" is not well formed' },
		noScheme: {
			th: 'ลิงก์ "{url}" ไม่มี https:// นำหน้า จึงกลายเป็นลิงก์ไปยังไฟล์ในเว็บไซต์นี้ ให้เติม https:// ข้างหน้า',
			en: 'The link "{url}" lacks https:// and so points to a file of this site',
		},
		mailto: {
			th: 'ที่อยู่อีเมล "{address}" ในลิงก์ mailto: ผิดรูปแบบ',
			en: 'The e-mail address "{address}" of the mailto: link is not well formed',
		},
		tel: {
			th: 'หมายเลขโทรศัพท์ "{number}" ในลิงก์ tel: ไม่ใช่หมายเลขโทรศัพท์ในประเทศไทยที่ถูกต้อง ให้เขียน เช่น tel:+6625901234',
			en: 'The tel: number "{number}" is not a valid Thai number (e.g. tel:+6625901234)',
		},
	},
	check(ctx, report) {
		if (linkMode(ctx) === 'off') return;
		const check = (url: string, start: number, end: number): void => {
			const lower = url.toLowerCase();
			if (lower.startsWith('http:') || lower.startsWith('https:')) {
				let ok = /^https?:\/\/[^/\s?#]+/i.test(url) && !/\s/.test(url);
				if (ok) {
					try {
						const u = new URL(url);
						ok =
							Boolean(u.hostname) &&
							(u.hostname.includes('.') ||
								u.hostname === 'localhost' ||
								/^\[|^\d+\.\d+\.\d+\.\d+$/.test(u.hostname)) &&
							!/\.\.|^\.|\.$/.test(u.hostname);
					} catch {
						ok = false;
					}
				}
				if (!ok) report({ messageId: 'url', args: { url: redactUrl(url) }, start, end });
			} else if (lower.startsWith('mailto:')) {
				const addresses = url
					.slice(7)
					.split('?')[0]
					.split(',')
					.map((a) => safeDecode(a).trim());
				for (const address of addresses)
					if (!isValidEmail(address)) report({ messageId: 'mailto', args: { address }, start, end });
			} else if (lower.startsWith('tel:')) {
				const number = safeDecode(url.slice(4));
				const digits = number.replace(/[\s\-().]/g, '');
				if (!isValidThaiPhone(number) && !/^1\d{2,3}$/.test(digits))
					report({ messageId: 'tel', args: { number }, start, end });
			} else if (isRelative(url) && looksLikeDomain(url)) {
				report({ messageId: 'noScheme', args: { url: redactUrl(url) }, start, end });
			}
		};
		for (const l of ctx.facts.links()) check(l.url, l.start, l.end);
		for (const f of ctx.facts.frontMatterUrls()) check(f.url, f.start, f.end);
	},
};

function safeDecode(s: string): string {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}

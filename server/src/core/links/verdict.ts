import type { LocalizedText } from '../types';
import { redactText } from './redact';

/** What an external URL check concluded (three states: docs/architecture.md#link-checking). */
export interface Verdict {
	state: 'ok' | 'dead' | 'unverified';
	/** The last HTTP status, when there was one. */
	status?: number;
	/** Why, in a few words (`404`, `DNS failure`, `timeout`, `redirect loop`…). */
	reason: string;
	/** Where redirects ended. */
	finalUrl?: string;
}

/** The URL as checked and cached: the fragment dropped (one check per page, however many anchors). */
export function checkKey(url: string): string {
	const i = url.indexOf('#');
	return i < 0 ? url : url.slice(0, i);
}

/** Thai for the reasons that are sentences rather than a status code or a library's error text. */
const THAI_REASONS: [RegExp, string][] = [
	[
		/^private address, not requested \((.*); links\.allowPrivate allows it\)$/,
		'ที่อยู่ในเครือข่ายภายใน ไม่ได้ส่งคำขอ ($1; อนุญาตได้ด้วย links.allowPrivate)',
	],
	[/^cloud metadata address, never requested \((.*)\)$/, 'ที่อยู่บริการข้อมูลเมตาของคลาวด์ ไม่ส่งคำขอไปเด็ดขาด ($1)'],
	[/^DNS failure for every host \(no network\?\)$/, 'ไม่พบชื่อโฮสต์ใดเลย (ไม่มีเครือข่าย?)'],
	[/^DNS failure$/, 'ไม่พบชื่อโฮสต์ (DNS)'],
	[/^connection refused$/, 'เซิร์ฟเวอร์ปฏิเสธการเชื่อมต่อ'],
	[/^connection reset$/, 'การเชื่อมต่อถูกตัด'],
	[/^timeout$/, 'หมดเวลา'],
	[/^redirect loop$/, 'เปลี่ยนเส้นทางวนซ้ำ'],
	[/^(.*), Retry-After too long$/, '$1, ขอให้รอ (Retry-After) นานเกินไป'],
];

/** A verdict's reason for a message, in both languages, with any URL in it redacted. */
export function localizedReason(reason: string): LocalizedText {
	const en = redactText(reason);
	for (const [re, th] of THAI_REASONS) if (re.test(en)) return { th: en.replace(re, th), en };
	return { th: en, en };
}

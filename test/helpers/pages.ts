/** The front matter and first heading of a web-links page, topic and `updated` as given (lines 1–14). */
export function webLinksHead(topic = 'web-links', updated = '2569-10-15'): string[] {
	return [
		'---',
		`topic: ${topic}`,
		'title: เว็บไซต์หน่วยงานที่เกี่ยวข้อง',
		'agency: ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร',
		'responsible: กลุ่มงานพัฒนาระบบเว็บไซต์',
		'reviewer: หัวหน้ากลุ่มงานพัฒนาระบบเว็บไซต์',
		'approver: ผู้อำนวยการศูนย์',
		'published: 2569-10-01',
		`updated: ${updated}`,
		'publish_request: {id: "12/2570", date: 2569-09-28}',
		'---',
		'',
		'# เว็บไซต์หน่วยงานที่เกี่ยวข้อง',
		'',
	];
}

/** With one defect: `updated` is 31 April (date-invalid on line 9). */
const FRONT_MATTER = webLinksHead('web-links', '31 เมษายน 2569');

const GWS_LINK = ['- [มาตรฐานเว็บไซต์ภาครัฐ](https://www.dga.or.th/)', ''];

/** A web-links page whose only finding is date-invalid on line 9. */
export const PAGE_DATE_INVALID = [...FRONT_MATTER, ...GWS_LINK].join('\n');

/** The same page with a Christian-era body date on line 15 (date-era) as well. */
export const PAGE_TWO_FINDINGS = [...FRONT_MATTER, 'หนังสือลงวันที่ 1 ตุลาคม 2024', '', ...GWS_LINK].join('\n');

import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { Engine } from '../../server/src/core/engine';
import { fsHost } from '../../server/src/node/fsHost';
import { formatMessage } from '../../server/src/core/messages';
import type { Finding } from '../../server/src/core/types';
import { FIXTURES, FIXTURE_TODAY } from '../helpers/fixtures';

/**
 * The ten classes of wrong or duplicated findings seen on real and carefully written pages (issue
 * "Precision on real pages"), one block each: every test failed on the rule model before hub and
 * item pages, page facts and specific heading matching (docs/page-model.md).
 */
const engine = new Engine(fsHost, { root: FIXTURES, today: FIXTURE_TODAY, locale: 'en' });

/** Common front matter of a well-kept page: the keys every topic requires, current dates, an approver. */
function page(topic: string, extra: string, body: string): string {
	return [
		'---',
		`topic: ${topic}`,
		'title: หน้าทดสอบ',
		'agency: โรงพยาบาลบ้านนา',
		'responsible: งานเทคโนโลยีสารสนเทศ',
		'reviewer: กลุ่มงานบริหารทั่วไป',
		'approver: ผู้อำนวยการโรงพยาบาลบ้านนา',
		'published: 2569-10-01',
		'updated: 2569-10-20',
		'publish_request: {id: "รพ.บน. 01/2569", date: 2569-09-30}',
		...(extra ? extra.split('\n') : []),
		'---',
		'',
		...body.split('\n'),
	].join('\n');
}

/** The line of the first line of `text` that contains `needle` (1-based). */
function lineOf(text: string, needle: string): number {
	const i = text.split('\n').findIndex((l) => l.includes(needle));
	assert.ok(i >= 0, `"${needle}" is not in the page`);
	return i + 1;
}

function lint(text: string, name = 'page.md'): Finding[] {
	return engine.lintText(path.join(FIXTURES, 'precision', name), text).findings;
}

/** Findings as `line:rule-id`, sorted, info included. */
function found(text: string, name?: string): string[] {
	return lint(text, name)
		.map((f) => `${f.line}:${f.ruleId}`)
		.sort();
}

describe('precision on real page shapes (docs/page-model.md)', () => {
	describe('1. an item page is held to its item, never to the hub heading', () => {
		it('a single law announcement is not asked for "กฎหมายที่เกี่ยวข้อง"', () => {
			const text = page(
				'law',
				'kind: announcement\ndate: 2569-09-15\nsources:\n  - title: สำนักงานปลัดกระทรวงสาธารณสุข',
				[
					'# ประกาศโรงพยาบาลบ้านนา เรื่อง แนวทางการเผยแพร่ข้อมูลผ่านเว็บไซต์',
					'',
					'โรงพยาบาลกำหนดขั้นตอนการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน ตามเอกสารแนบท้ายประกาศนี้',
				].join('\n'),
			);
			assert.deepEqual(found(text), []);
		});

		it('an infographic page with no source anywhere is reported on its title; its hub heading is not asked for', () => {
			const text = page(
				'knowledge',
				'kind: infographic\ndate: 2569-10-01',
				[
					'# ล้างมือ 7 ขั้นตอน',
					'',
					'![อินโฟกราฟิกการล้างมือ 7 ขั้นตอน](../real-pages/files/infographic-handwash.png)',
				].join('\n'),
			);
			assert.deepEqual(found(text), [`${lineOf(text, '# ล้างมือ')}:source-missing`]);
		});

		it('a single e-service page and a single procurement notice are not asked for the hub or details heading', () => {
			const service = page(
				'e-service',
				'url: https://booking.bannahospital.go.th/\nsupport_contact: งานเทคโนโลยีสารสนเทศ โทร. 0 4321 0000\nprivacy_notice: https://www.bannahospital.go.th/privacy',
				['# ระบบจองคิวออนไลน์', '', '[เข้าใช้บริการ](https://booking.bannahospital.go.th/) ได้ตลอด 24 ชั่วโมง'].join(
					'\n',
				),
			);
			assert.deepEqual(found(service), []);
			const notice = page(
				'news',
				'news_kind: procurement-notice\ndate: 2569-10-05',
				[
					'# ประกาศประกวดราคาซื้อเครื่องช่วยหายใจ ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)',
					'',
					'วงเงินงบประมาณ 1,200,000 บาท ราคากลาง 1,180,000 บาท เลขที่โครงการ 69109012345',
				].join('\n'),
			);
			assert.deepEqual(found(notice), []);
		});
	});

	describe('2. a fact is read from every place the page states it', () => {
		it('a knowledge article dated by "ข้อมูล ณ วันที่" is not told it has no date', () => {
			const text = page(
				'knowledge',
				'kind: article\nsources:\n  - title: กรมควบคุมโรค',
				[
					'# ไข้เลือดออกในฤดูฝน',
					'',
					'ยุงลายวางไข่ในภาชนะที่มีน้ำขัง ควรคว่ำภาชนะทุกสัปดาห์',
					'',
					'ข้อมูล ณ วันที่ 30 กันยายน 2569',
				].join('\n'),
			);
			assert.deepEqual(found(text), []);
		});

		it('a news page dated 2565 without fiscal_year is stale, on its date line', () => {
			const text = page(
				'news',
				'news_kind: news\ndate: 2565-03-10',
				'# โรงพยาบาลรับมอบเครื่องกระตุกหัวใจ\n\nโรงพยาบาลรับมอบเครื่องจากมูลนิธิในพื้นที่',
			);
			assert.deepEqual(found(text), [`${lineOf(text, 'date: 2565-03-10')}:content-stale`]);
			assert.equal(lint(text)[0].messageId, 'dateFiscalYearOrPrevious');
		});

		it('a procurement notice dated only in its body is dated too (date checks run for every news kind)', () => {
			const text = page(
				'news',
				'news_kind: procurement-result',
				[
					'# ประกาศผลผู้ชนะการเสนอราคาซื้อวัสดุการแพทย์',
					'',
					'ประกาศ ณ วันที่ 5 มีนาคม 2566',
					'',
					'ผู้ได้รับการคัดเลือก บริษัทตัวอย่าง จำกัด ในราคา 95,000 บาท เหตุผล ราคาต่ำสุด ใบสั่งซื้อเลขที่ 12/2566',
				].join('\n'),
			);
			assert.deepEqual(found(text), [`${lineOf(text, 'ประกาศ ณ วันที่')}:content-stale`]);
		});
	});

	describe('3. one heading names at most one section, the most specific', () => {
		const stats = (headings: string[]): string =>
			page(
				'web-stats',
				'survey_period: ปีงบประมาณ 2570\nstats_as_of: 2569-10-31',
				[
					'# สถิติและความพึงพอใจ',
					'',
					'## สถิติผู้เข้าชมเว็บไซต์',
					'',
					'ผู้เข้าชมทั้งหมด 12,345 ครั้ง เริ่มนับตั้งแต่ 1 ตุลาคม 2568',
					'',
					...headings,
				].join('\n'),
			);

		it('a questionnaire part that mentions satisfaction is not the satisfaction result', () => {
			const text = stats([
				'## แบบประเมินความพึงพอใจ',
				'',
				'[แบบประเมินความพึงพอใจต่อเว็บไซต์](https://forms.bannahospital.go.th/satisfaction)',
				'',
				'### แบบสอบถาม ตอนที่ 2 ความพึงพอใจด้านการให้บริการ',
				'',
				'คำถาม 10 ข้อ',
			]);
			assert.deepEqual(found(text), [`${lineOf(text, '# สถิติและความพึงพอใจ')}:section-missing`]);
		});

		it("a result heading that contains the survey's alias is the result", () => {
			const text = stats([
				'## ผลการประเมินความพึงพอใจต่อเว็บไซต์',
				'',
				'ผู้ตอบแบบประเมิน 210 คน คะแนนเฉลี่ย 4.52 จาก 5',
				'',
				'[แบบประเมินความพึงพอใจ](https://forms.bannahospital.go.th/satisfaction)',
			]);
			assert.deepEqual(found(text), []);
		});

		it('a decorated heading still names its section', () => {
			const text = page(
				'agency-info',
				'sections: [history]',
				'# แนะนำหน่วยงาน\n\n## แนะนำหน่วยงาน - ประวัติความเป็นมา\n\nก่อตั้งเมื่อ พ.ศ. 2520',
			);
			assert.deepEqual(found(text), []);
		});
	});

	describe('4. a section is everything under its heading', () => {
		it('a monthly summary whose months hold tables, one of them quiet, is not blank or "none"', () => {
			const month = (name: string, none = false): string[] => [
				`### ${name}`,
				'',
				...(none
					? ['ไม่มีการจัดซื้อจัดจ้าง']
					: ['| รายการ | วิธี | ราคาที่ตกลง (บาท) |', '|---|---|---|', '| วัสดุสำนักงาน | เฉพาะเจาะจง | 12,000 |']),
				'',
			];
			const text = page(
				'news',
				'news_kind: procurement-monthly\nfiscal_year: 2570',
				[
					'# สรุปผลการจัดซื้อจัดจ้างรายเดือน ปีงบประมาณ 2570',
					'',
					'## สรุปผลการดำเนินการจัดซื้อจัดจ้างรายเดือน ปีงบประมาณ 2570',
					'',
					...month('ตุลาคม 2569', true),
					...month('พฤศจิกายน 2569'),
				].join('\n'),
			);
			assert.deepEqual(found(text), []);
		});
	});

	describe('5. one gap, one finding; keys required only where the domain asks', () => {
		it('an e-service page with a url needs no service_name or channel', () => {
			const text = page(
				'e-service',
				'url: https://queue.bannahospital.go.th/\nsupport_contact: งานเทคโนโลยีสารสนเทศ โทร. 0 4321 0000\nprivacy_notice: https://www.bannahospital.go.th/privacy',
				'# จองคิว\n\n[เข้าใช้บริการ](https://queue.bannahospital.go.th/)',
			);
			assert.deepEqual(
				found(text).filter((f) => f.endsWith('frontmatter-schema')),
				[],
			);
		});

		it('a standing OIA index and a web-stats page with its survey round need no fiscal_year', () => {
			const oia = page(
				'official-info',
				'sections: ["9(1)"]',
				'# ข้อมูลตามมาตรา 9\n\n## มาตรา 9 (1) ผลการพิจารณาหรือคำวินิจฉัยที่มีผลโดยตรงต่อเอกชน\n\n- [คำวินิจฉัย ปี 2569](../real-pages/files/oia-9-1-decisions-2569.pdf)',
			);
			assert.deepEqual(found(oia), []);
			const stats = page(
				'web-stats',
				'survey_period: ปีงบประมาณ 2570\nstats_as_of: 2569-10-31\nsections: [statistics]',
				'# สถิติ\n\n## สถิติผู้เข้าชมเว็บไซต์\n\nผู้เข้าชม 1,234 ครั้ง\n\n[แบบประเมินความพึงพอใจต่อเว็บไซต์](https://forms.bannahospital.go.th/satisfaction)',
			);
			assert.deepEqual(found(stats), []);
		});

		it('a manual without its file is one download-missing, not also a missing key', () => {
			const text = page(
				'sop-manual',
				'mission: งานสารบรรณ\npositions: [เจ้าพนักงานธุรการ]',
				[
					'# คู่มือการรับหนังสือ',
					'',
					'## ขั้นตอนการปฏิบัติงาน',
					'',
					'| ลำดับ | ขั้นตอน | ระยะเวลา |',
					'|---|---|---|',
					'| 1 | รับและลงทะเบียนหนังสือ | 10 นาที |',
					'',
					'## กฎหมายที่เกี่ยวข้อง',
					'',
					'- ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ พ.ศ. 2526',
				].join('\n'),
			);
			assert.deepEqual(found(text), ['2:download-missing']);
		});

		it('a stale fiscal year named by the page and by its section is one finding', () => {
			const sections = [
				'## แผนปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2567',
				'',
				'- [แผนปฏิบัติราชการ ปีงบประมาณ 2567](../real-pages/files/action-plan-2567.pdf)',
			];
			const text = page(
				'agency-info',
				'fiscal_year: 2567\nsections: [action-plan]',
				['# แผนปฏิบัติราชการ', '', ...sections].join('\n'),
			);
			assert.deepEqual(found(text), [`${lineOf(text, '## แผนปฏิบัติราชการ ประจำปี')}:content-stale`]);
		});

		it("an http: autolink to the service's own manual is one finding", () => {
			const text = page(
				'e-service',
				'url: https://queue.bannahospital.go.th/\nsupport_contact: งานเทคโนโลยีสารสนเทศ โทร. 0 4321 0000\nprivacy_notice: https://www.bannahospital.go.th/privacy',
				'# จองคิว\n\n[เข้าใช้บริการ](https://queue.bannahospital.go.th/)\n\nคู่มือ <http://queue.bannahospital.go.th/manual.pdf>',
			);
			assert.deepEqual(found(text), [`${lineOf(text, 'คู่มือ <http')}:link-insecure`]);
		});
	});

	describe('6. no noise on every page', () => {
		it('a missing publish_request is info; a missing approver stays a warning', () => {
			const text = page('law', 'kind: regulation\nsources:\n  - title: ราชกิจจานุเบกษา', '# ระเบียบ')
				.replace(/^publish_request:.*\n/m, '')
				.replace(/^approver:.*\n/m, '');
			assert.deepEqual(
				lint(text)
					.map((f) => `${f.ruleId}:${f.severity}:${String(f.args.key)}`)
					.sort(),
				['frontmatter-schema:info:publish_request', 'frontmatter-schema:warning:approver'],
			);
		});

		it('the recommended option raises publish_request to a warning', () => {
			const e = new Engine(fsHost, {
				root: path.join(FIXTURES, 'precision-config'),
				today: FIXTURE_TODAY,
				locale: 'en',
			});
			const text = page('law', 'kind: regulation\nsources:\n  - title: ราชกิจจานุเบกษา', '# ระเบียบ').replace(
				/^publish_request:.*\n/m,
				'',
			);
			const r = e.lintText(path.join(FIXTURES, 'precision-config', 'page.md'), text);
			assert.deepEqual(
				r.findings.map((f) => `${f.ruleId}:${f.severity}:${String(f.args.key)}`),
				['frontmatter-schema:warning:publish_request'],
			);
		});
	});

	describe('7. the true reason', () => {
		it('a D/M/YY date with a day over 12 is a two-digit year, not ambiguous', () => {
			const text = page('news', 'news_kind: news', '# ข่าว\n\nวันที่ลงข่าว 15/10/69 โรงพยาบาลจัดกิจกรรมวันสุขภาพ');
			assert.deepEqual(
				lint(text).map((f) => `${f.line}:${f.ruleId}:${f.messageId}`),
				[`${lineOf(text, 'วันที่ลงข่าว')}:date-era:twoDigitYear`],
			);
		});
	});

	describe('8. a YAML error where the user must act', () => {
		it('an unclosed quote is reported on the line that opens it', () => {
			const text = page('law', '', '# x').replace('title: หน้าทดสอบ', 'title: "กฎหมายที่เกี่ยวข้อง');
			const f = lint(text).filter((x) => x.ruleId === 'frontmatter-syntax');
			assert.deepEqual(
				f.map((x) => `${x.line}:${x.column}`),
				['3:8'],
			);
		});
	});

	describe('9. Thai messages read as an editor reads them', () => {
		it('names the topic as a page of the topic, the front matter by its Thai name, "recommended" once', () => {
			const missing = page('agency-info', '', '# แนะนำหน่วยงาน\n\n## ประวัติความเป็นมา\n\nก่อตั้งเมื่อ พ.ศ. 2520').replace(
				/^publish_request:.*\n/m,
				'',
			);
			const th = lint(missing).map((f) => formatMessage(f, 'th'));
			const sectionMessage = th.find((m) => m.includes('วิสัยทัศน์'));
			assert.match(sectionMessage ?? '', /ซึ่งหน้าหัวข้อ "ข้อมูลหน่วยงาน" ต้องมี/);
			const keyMessage = th.find((m) => m.includes('publish_request'));
			assert.match(keyMessage ?? '', /ส่วนหัวของไฟล์ \(front matter\)/);
			assert.equal((keyMessage ?? '').match(/แนะนำ/g)?.length ?? 0, 0, keyMessage);
			assert.ok(
				th.every((m) => !/(?<!ของไฟล์ \()\bส่วนหัว(?!ของไฟล์)/u.test(m)),
				th.join('\n'),
			);
		});
	});

	describe('10. link-insecure only where the topic expects https', () => {
		it('an http: link to a gazette PDF on a law page is not reported', () => {
			const text = page(
				'law',
				'',
				[
					'# กฎหมายที่เกี่ยวข้อง',
					'',
					'- [พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540](http://www.ratchakitcha.soc.go.th/DATA/PDF/2540/A/046/1.PDF)',
					'- [พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562](http://www.ratchakitcha.soc.go.th/DATA/PDF/2562/A/069/T_0052.PDF)',
				].join('\n'),
			);
			assert.deepEqual(found(text), []);
		});
	});
});

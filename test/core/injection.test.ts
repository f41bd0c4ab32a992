import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/core/rules/index';
import { engineAt } from '../helpers/fixtures';
import type { Verdict } from '../../server/src/core/links/verdict';

const EXAMPLES = path.resolve(__dirname, '../../examples');

/** Replace exactly one occurrence (a defect must land where the case says, or the case is wrong). */
function once(text: string, from: string | RegExp, to: string): string {
	const matches =
		typeof from === 'string'
			? text.split(from).length - 1
			: (text.match(new RegExp(from.source, from.flags.includes('g') ? from.flags : `${from.flags}g`)) ?? [])
					.length;
	assert.equal(matches, 1, `expected one match of ${String(from)}`);
	return text.replace(from, to);
}

interface Case {
	rule: string;
	page: string;
	inject: (text: string) => string;
	/** Every finding of the injected page as `line:rule-id`, in report order. */
	expect: string[];
	today?: { year: number; month: number; day: number };
	/** Online verdicts to lint with (the external check's results). */
	verdicts?: [string, Verdict][];
}

/** One defect per rule, injected into a copy of a clean example page. */
const CASES: Case[] = [
	{
		rule: 'frontmatter-missing',
		page: 'law/index.md',
		expect: ['1:frontmatter-missing'],
		inject: (t) => t.slice(t.indexOf('\n---\n', 3) + 5),
	},
	{
		rule: 'frontmatter-syntax',
		page: 'law/index.md',
		expect: ['3:frontmatter-syntax'],
		inject: (t) => once(t, /^title: /m, 'title: ['),
	},
	{
		rule: 'topic-unknown',
		page: 'law/index.md',
		expect: ['2:topic-unknown'],
		inject: (t) => once(t, /^topic: law$/m, 'topic: laws-and-rules'),
	},
	{
		rule: 'frontmatter-schema',
		page: 'law/index.md',
		expect: ['2:frontmatter-schema'],
		inject: (t) => once(t, /^reviewer: .*\n/m, ''),
	},
	{
		rule: 'date-invalid',
		page: 'stats/index.md',
		expect: ['9:date-invalid'],
		inject: (t) => once(t, /^updated: .*$/m, 'updated: 31 เมษายน 2569'),
	},
	{
		rule: 'date-era',
		page: 'stats/index.md',
		expect: ['9:date-era'],
		inject: (t) => once(t, /^updated: .*$/m, 'updated: 28 ตุลาคม 2026'),
	},
	{
		rule: 'date-future',
		page: 'stats/index.md',
		expect: ['9:date-future'],
		inject: (t) => once(t, /^updated: .*$/m, 'updated: 2569-12-01'),
	},
	{
		rule: 'date-order',
		page: 'manuals/citizen-information-request.md',
		expect: ['9:date-order'],
		inject: (t) => once(t, /^updated: .*$/m, 'updated: 2569-10-04'),
	},
	{
		rule: 'content-stale',
		page: 'news/index.md',
		expect: ['10:content-stale'],
		inject: (t) => once(t, /^fiscal_year: 2570$/m, 'fiscal_year: 2568'),
	},
	{
		rule: 'source-missing',
		page: 'law/index.md',
		expect: ['26:source-missing'],
		inject: (t) =>
			once(t, '  — ที่มา: ราชกิจจานุเบกษา เล่ม 114 ตอนที่ 46 ก หน้า 1 ลงวันที่ 10 กันยายน 2540', '  ลงวันที่ 10 กันยายน 2540'),
	},
	{
		rule: 'date-missing',
		page: 'knowledge/index.md',
		expect: ['31:date-missing'],
		inject: (t) => once(t, '  - วันที่: 10 ตุลาคม 2569 เวลา 10.30 น.\n', ''),
	},
	{
		rule: 'section-missing',
		page: 'stats/index.md',
		expect: ['26:section-missing'],
		inject: (t) => t.replace(/## ผลการประเมินความพึงพอใจ\n[\s\S]*?(?=\n## )/, ''),
	},
	{
		rule: 'section-empty',
		page: 'manuals/citizen-information-request.md',
		expect: ['71:section-empty'],
		inject: (t) => once(t, /(## ค่าธรรมเนียม\n\n).*\n/, '$1-\n'),
	},
	{
		rule: 'step-duration-missing',
		page: 'manuals/citizen-information-request.md',
		expect: ['53:step-duration-missing'],
		inject: (t) => once(t, '| 1 วันทำการ | ศูนย์ข้อมูลข่าวสาร |\n| 2', '|  | ศูนย์ข้อมูลข่าวสาร |\n| 2'),
	},
	{
		rule: 'step-duration-invalid',
		page: 'manuals/citizen-information-request.md',
		expect: ['54:step-duration-invalid'],
		inject: (t) => once(t, '| 5 วันทำการ |', '| 5 วันๆ |'),
	},
	{
		rule: 'step-total-mismatch',
		page: 'manuals/citizen-information-request.md',
		expect: ['61:step-total-mismatch'],
		inject: (t) => once(t, /^10 วันทำการ$/m, '12 วันทำการ'),
	},
	{
		rule: 'step-deadline-exceeded',
		page: 'manuals/citizen-information-request.md',
		expect: ['61:step-deadline-exceeded'],
		inject: (t) => once(t, 'legal_deadline: 15 วันทำการ', 'legal_deadline: 8 วันทำการ'),
	},
	{
		rule: 'download-missing',
		page: 'manuals/citizen-information-request.md',
		expect: ['26:download-missing'],
		inject: (t) => once(t, 'href: ../files/information-request-form.docx', 'href: ../files/no-such-form.docx'),
	},
	{
		rule: 'link-required-missing',
		page: 'links/index.md',
		expect: ['2:link-required-missing'],
		inject: (t) => once(t, /^- \[มาตรฐานเว็บไซต์ภาครัฐ.*\n/m, ''),
	},
	{
		rule: 'contact-missing',
		page: 'about/index.md',
		expect: ['119:contact-missing'],
		inject: (t) => once(t, /^- \*\*หมายเลขโทรสาร:\*\* .*\n/m, ''),
	},
	{
		rule: 'image-alt-missing',
		page: 'about/index.md',
		expect: ['71:image-alt-missing'],
		inject: (t) => once(t, '![ภาพถ่าย นายแพทย์ประเสริฐ มั่นคงดี]', '![]'),
	},
	{
		rule: 'pii-national-id',
		page: 'news/index.md',
		expect: ['29:pii-national-id'],
		inject: (t) => `${t}\nผู้ติดต่อ เลขประจำตัวประชาชน 1-1017-00203-45-0\n`,
	},
	{
		rule: 'procurement-month-missing',
		page: 'news/procurement-monthly-2570.md',
		expect: ['24:procurement-month-missing'],
		today: { year: 2027, month: 1, day: 15 },
		inject: (t) => t,
	},
	{
		rule: 'suppression-reason-missing',
		page: 'law/index.md',
		expect: ['48:suppression-reason-missing'],
		inject: (t) => `${t}\n<!-- disclosure-lint-disable-next-line date-era -->\nสำเนาหนังสือลงวันที่ 1 ตุลาคม 2024\n`,
	},
	{
		rule: 'suppression-unused',
		page: 'law/index.md',
		expect: ['48:suppression-unused'],
		inject: (t) => `${t}\n<!-- disclosure-lint-disable-next-line date-era -- คัดลอกจากต้นฉบับ -->\nข้อความทั่วไป\n`,
	},
	{
		rule: 'link-file-missing',
		page: 'law/index.md',
		expect: ['48:link-file-missing'],
		inject: (t) => `${t}\nดูฉบับเดิมที่ [หน้าเก่า](../archive/old-laws.md)\n`,
	},
	{
		rule: 'link-anchor-missing',
		page: 'law/index.md',
		expect: ['48:link-anchor-missing'],
		inject: (t) => `${t}\nดู [ส่วนที่ไม่มีอยู่](#กฎหมายที่ยกเลิกแล้ว)\n`,
	},
	{
		rule: 'link-malformed',
		page: 'law/index.md',
		expect: ['48:link-malformed'],
		inject: (t) => `${t}\nติดต่อ [อีเมล](mailto:info@@moph.go.th)\n`,
	},
	{
		rule: 'link-insecure',
		page: 'e-service/index.md',
		expect: ['14:link-insecure'],
		inject: (t) => once(t, 'url: https://ict.moph.go.th/helpdesk/', 'url: http://ict.moph.go.th/helpdesk/'),
	},
	{
		rule: 'link-external-dead',
		page: 'law/index.md',
		expect: ['15:link-external-dead', '45:link-external-dead'],
		inject: (t) => t,
		verdicts: [['https://ratchakitcha.soc.go.th/', { state: 'dead', status: 404, reason: '404' }]],
	},
	{
		rule: 'link-external-unverified',
		page: 'law/index.md',
		expect: ['17:link-external-unverified', '46:link-external-unverified'],
		inject: (t) => t,
		verdicts: [['https://www.krisdika.go.th/', { state: 'unverified', status: 503, reason: '503' }]],
	},
	{
		rule: 'page-limits',
		page: 'law/index.md',
		expect: ['48:page-limits'],
		inject: (t) => `${t}\n${'> '.repeat(40)}ซ้อนลึก\n`,
	},
];

describe('one defect injected into a clean example page yields exactly its rule', () => {
	for (const c of CASES) {
		it(`${c.rule} (${c.page})`, () => {
			const file = path.join(EXAMPLES, c.page);
			const engine = engineAt(EXAMPLES, c.today);
			const clean = fs.readFileSync(file, 'utf8');
			assert.deepEqual(
				engineAt(EXAMPLES)
					.lintText(file, clean)
					.findings.map((f) => `${f.line}:${f.ruleId}`),
				[],
				'the example page must be clean',
			);
			const findings = engine.lintText(file, c.inject(clean), {
				verdicts: c.verdicts && new Map(c.verdicts),
			}).findings;
			assert.deepEqual([...new Set(findings.map((f) => f.ruleId))], [c.rule]);
			assert.deepEqual(
				findings.map((f) => `${f.line}:${f.ruleId}`),
				c.expect,
			);
		});
	}

	it('covers every page rule', () => {
		const pageRules = RULES.filter(
			(r) => r.scope === 'page' || r.id.startsWith('suppression') || r.id === 'page-limits',
		).map((r) => r.id);
		assert.deepEqual(
			pageRules.filter((id) => !CASES.some((c) => c.rule === id)),
			[],
		);
	});
});

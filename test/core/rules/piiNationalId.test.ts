import { strict as assert } from 'node:assert';
import { formatMessage } from '../../../server/src/core/messages';
import { engineAt } from '../../helpers/fixtures';
import { tmpDir } from '../../helpers/tmp';

const FM = '---\ntopic: news\ntitle: ประกาศรายชื่อ\n---\n\n# ประกาศรายชื่อ\n\n';

/** The pii-national-id findings of a page body: `messageId` and the text they cover. */
function ids(body: string): [string, string][] {
	const e = engineAt(tmpDir('dl-pii-'));
	const text = FM + body;
	const r = e.lintText('/x/page.md', text);
	return r.findings
		.filter((f) => f.ruleId === 'pii-national-id')
		.map((f) => [
			f.messageId,
			text.slice(
				r.document.lines.offset({ line: f.line, column: f.column }),
				r.document.lines.offset({ line: f.endLine, column: f.endColumn }),
			),
		]);
}

describe('rules/pii-national-id', () => {
	describe('URL queries (links to filled-in forms)', () => {
		const found: [string, string][] = [
			['[แบบฟอร์ม](https://forms.example.go.th/apply?id=1234567890121)', '1234567890121'],
			[
				'[แบบฟอร์ม](https://forms.example.go.th/apply?lang=th&citizen_id=1-1017-00203-45-0&x=1)',
				'1-1017-00203-45-0',
			],
			['[แบบฟอร์ม](form.pdf?id=3101500123459 "ใบสมัคร")', '3101500123459'],
			['<https://forms.example.go.th/s?cid=1509900123453>', '1509900123453'],
			['ดูที่ https://forms.example.go.th/s?cid=1509900123453 ครับ', '1509900123453'],
			['[ใบสมัคร][f]\n\n[f]: https://forms.example.go.th/s?pid=2700100543219', '2700100543219'],
			['![ภาพ](https://img.example.go.th/card.png?owner=5100600112233)', '5100600112233'],
			['<a href="https://forms.example.go.th/s?pid=2700100543219">ยืนยัน</a>', '2700100543219'],
			['`https://forms.example.go.th/s?pid=2700100543219`', '2700100543219'],
		];
		for (const [body, id] of found) {
			it(`finds ${id} in ${JSON.stringify(body)}`, () => {
				assert.deepEqual(ids(body + '\n'), [['inUrl', id]]);
			});
		}
		const notFound = [
			'[ไฟล์](https://www.example.go.th/files/1101700203450.pdf)', // a path, not a query
			'[ข่าว](https://www.example.go.th/news#1101700203450)', // a fragment
			'[e-GP](https://process5.gprocurement.go.th/egp-agpc01-web/announcement?projectId=6901000123457)',
			'[โครงการ](https://www.example.go.th/view?projectId=6901000123457)',
			'[สัญญา](https://www.example.go.th/view?contract_no=6901000123457)',
			'เลขที่โครงการ [ดูประกาศ](https://www.example.go.th/view?p=6901000123457)',
			'[ตรวจ](https://www.example.go.th/view?id=1234567890)', // 10 digits
		];
		for (const body of notFound) {
			it(`nothing in ${JSON.stringify(body)}`, () => {
				assert.deepEqual(ids(body + '\n'), []);
			});
		}
		it('a wrong check digit in a query is only an info, like elsewhere', () => {
			const e = engineAt(tmpDir('dl-pii-'));
			const r = e.lintText('/x/page.md', `${FM}[แบบฟอร์ม](https://forms.example.go.th/apply?id=1234567890123)\n`);
			assert.deepEqual(
				r.findings.filter((f) => f.ruleId === 'pii-national-id').map((f) => [f.messageId, f.severity]),
				[['looksLike', 'info']],
			);
		});
		it('says in Thai and English that the number is in a link', () => {
			const e = engineAt(tmpDir('dl-pii-'));
			const r = e.lintText('/x/page.md', `${FM}[แบบฟอร์ม](https://forms.example.go.th/apply?id=1234567890121)\n`);
			const f = r.findings.find((x) => x.ruleId === 'pii-national-id')!;
			assert.equal(f.severity, 'error');
			assert.match(formatMessage(f, 'en'), /in a link's query/);
			assert.match(formatMessage(f, 'th'), /ในพารามิเตอร์ของลิงก์/);
		});
		it('a bare URL in prose is reported once, not once for the text and once for the link', () => {
			assert.deepEqual(ids('https://forms.example.go.th/s?cid=1509900123453\n'), [['inUrl', '1509900123453']]);
		});
	});

	describe('inline code and full-width digits', () => {
		it('finds an ID in inline code, with or without separators', () => {
			assert.deepEqual(ids('เลขประจำตัว `1101700203450` และ `3-1009-00123-45-5`\n'), [
				['valid', '1101700203450'],
				['valid', '3-1009-00123-45-5'],
			]);
		});
		it('still skips fenced and indented code blocks (samples, not published data)', () => {
			assert.deepEqual(
				ids(
					'```text\n1101700203450\nGET /x?id=1234567890121\n１１０１７００２０３４５０\n```\n\n    1101700203450\n',
				),
				[],
			);
		});
		it('finds IDs written with full-width digits, in prose, tables and front matter', () => {
			assert.deepEqual(
				ids(
					'ผู้ติดต่อ １１０１７００２０３４５０\n\n| ชื่อ | เลข |\n|---|---|\n| ก | ３－１００９－００１２３－４５－５ |\n',
				),
				[
					['valid', '１１０１７００２０３４５０'],
					['valid', '３－１００９－００１２３－４５－５'],
				],
			);
			const e = engineAt(tmpDir('dl-pii-'));
			const r = e.lintText(
				'/x/page.md',
				'---\ntopic: news\ntitle: ผู้ติดต่อ １２３４５６７８９０１２１\n---\n\n# ข่าว\n',
			);
			assert.deepEqual(
				r.findings.filter((f) => f.ruleId === 'pii-national-id').map((f) => [f.line, f.column, f.endColumn]),
				[[3, 18, 31]],
			);
		});
		it('never an e-GP project number or another named reference, whatever the digits or the markup', () => {
			assert.deepEqual(
				ids(
					'เลขที่โครงการ e-GP `6901000123457`\n\nเลขที่โครงการในระบบ e-GP ６９０１０００１２３４５７\n\n**เลขที่สัญญา** 6901000123457\n\nISBN `9786161234567`\n',
				),
				[],
			);
		});
	});
});

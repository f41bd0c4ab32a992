import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { tmpDir } from '../helpers/tmp';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { runMain, type CliRun } from '../helpers/cli';

const ROOT = path.resolve(__dirname, '../..');
const RESULTS = path.join(ROOT, 'test-results');
/** Debian's Chromium (installed by .ci/run); never a downloaded browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Lint `target` with `--report`; the JSON report goes to out.json beside it, so stdout stays empty. */
function writeReport(target: string, report: string): Promise<CliRun> {
	return runMain([target, '--report', report, '--format', 'json', '--output', path.join(path.dirname(report), 'out.json')], ROOT);
}

describe('--report (rendered in headless Chromium)', function () {
	this.timeout(60_000);
	let browser: Browser;
	before(async () => {
		assert.ok(fs.existsSync(CHROMIUM), `Chromium is needed at ${CHROMIUM} (apt-get install chromium; .ci/run does)`);
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
		});
	});
	after(async () => {
		await browser?.close();
	});

	it('shows every topic of the example site covered, offline, with a screenshot', async () => {
		const dir = tmpDir('dl-report-');
		const report = path.join(dir, 'compliance.html');
		assert.deepEqual(await writeReport('examples', report), { code: 0, stdout: '', stderr: '' });
		const page = await browser.newPage();
		const external: string[] = [];
		page.on('request', (r) => {
			if (!r.url().startsWith('file:')) external.push(r.url());
		});
		await page.goto(pathToFileURL(report).href);
		// Each row as rendered: topic, row class, then the text of every cell (topic, covered, pages, sections).
		const rows = await page.$$eval('#coverage tbody tr', (trs) => trs.map((tr) => [tr.getAttribute('data-topic'), tr.className, ...[...tr.querySelectorAll('td')].map((td) => td.innerText)]));
		assert.deepEqual(rows, [
			['agency-info', 'ok', 'ข้อมูลหน่วยงาน Agency information\nagency-info', '✔', 'examples/about/index.md', '10/10'],
			['law', 'ok', 'กฎหมาย ระเบียบ ข้อบังคับ Laws and regulations\nlaw', '✔', 'examples/law/index.md', '1/1'],
			['knowledge', 'ok', 'คลังความรู้ Knowledge\nknowledge', '✔', 'examples/knowledge/index.md', '1/1'],
			['web-links', 'ok', 'รายชื่อเว็บไซต์หน่วยงานที่เกี่ยวข้อง Related websites\nweb-links', '✔', 'examples/links/index.md', '1/1'],
			['official-info', 'ok', 'ข้อมูลข่าวสารตาม พ.ร.บ.ข้อมูลข่าวสารของราชการ Official information (Official Information Act)\nofficial-info', '✔', 'examples/oia/index.md', '12/12'],
			['sop-manual', 'ok', 'คู่มือมาตรฐานการปฏิบัติงาน Standard operating procedure manual\nsop-manual', '✔', 'examples/manuals/sop-web-publishing.md', '2/2'],
			['citizen-manual', 'ok', 'คู่มือสำหรับประชาชน Citizen\'s manual\ncitizen-manual', '✔', 'examples/manuals/citizen-information-request.md', '8/8'],
			['news', 'ok', 'ข่าวประชาสัมพันธ์ News and announcements\nnews', '✔', 'examples/news/2569-11-03-job-computer-officer.md\nexamples/news/2569-11-12-pdpa-workshop.md\nexamples/news/index.md\nexamples/news/procurement-monthly-2570.md', '—'],
			['e-service', 'ok', 'ระบบงานให้บริการในรูปแบบอิเล็กทรอนิกส์ Electronic services (e-Service)\ne-service', '✔', 'examples/e-service/index.md', '1/1'],
			['web-stats', 'ok', 'สถิติการเข้าใช้บริการเว็บไซต์และความพึงพอใจ Website statistics and satisfaction\nweb-stats', '✔', 'examples/stats/index.md', '2/2'],
		]);
		assert.equal(await page.textContent('#errors strong'), '0');
		const firstPageLink = await page.getAttribute('#coverage tbody tr a', 'href');
		assert.ok(firstPageLink && fs.existsSync(path.resolve(dir, decodeURI(firstPageLink))), 'page links resolve from the report');
		fs.mkdirSync(RESULTS, { recursive: true });
		await page.screenshot({ path: path.join(RESULTS, 'compliance-report.png'), fullPage: true });
		assert.deepEqual(external, [], 'the report loads nothing from the network');
	});

	it('marks uncovered topics and lists findings in Thai and English', async () => {
		const dir = tmpDir('dl-report-');
		const report = path.join(dir, 'compliance.html');
		assert.deepEqual(await writeReport('examples/law', report), { code: 1, stdout: '', stderr: '' });
		const page = await browser.newPage();
		await page.goto(pathToFileURL(report).href);
		const status = await page.$$eval('#coverage tbody tr', (trs) => Object.fromEntries(trs.map((tr) => [tr.getAttribute('data-topic'), tr.querySelector('.status')?.textContent?.trim()])));
		assert.deepEqual(status, {
			'agency-info': '✖', law: '✔', knowledge: '✖', 'web-links': '✖', 'official-info': '✖',
			'sop-manual': '✖', 'citizen-manual': '✖', news: '✖', 'e-service': '✖', 'web-stats': '✖',
		});
		const rules = await page.$$eval('#rules tbody tr', (trs) => trs.map((tr) => [tr.querySelector('code')?.textContent, tr.querySelectorAll('td')[2]?.textContent]));
		assert.deepEqual(rules, [['topic-coverage', '9']]);
		const message = await page.textContent('#findings tbody tr td:nth-child(4)');
		assert.match(message ?? '', /ยังไม่มีหน้าใดของหัวข้อ/);
		assert.match(message ?? '', /No page covers the topic/);
	});
});

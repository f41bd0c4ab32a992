import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { main } from '../../server/src/cli/main';

const ROOT = path.resolve(__dirname, '../..');
const RESULTS = path.join(ROOT, 'test-results');
/** Debian's Chromium (installed by .ci/run); never a downloaded browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function writeReport(target: string, report: string): Promise<number> {
	return main([target, '--report', report, '--format', 'json', '--output', path.join(path.dirname(report), 'out.json')], {
		cwd: ROOT, env: { DISCLOSURE_LINT_TODAY: '2026-11-27', LANG: 'C' },
		stdout: { write: () => undefined }, stderr: { write: () => undefined }, readStdin: async () => '',
	});
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
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-report-'));
		const report = path.join(dir, 'compliance.html');
		assert.equal(await writeReport('examples', report), 0);
		const page = await browser.newPage();
		const external: string[] = [];
		page.on('request', (r) => {
			if (!r.url().startsWith('file:')) external.push(r.url());
		});
		await page.goto(pathToFileURL(report).href);
		const rows = await page.$$eval('#coverage tbody tr', (trs) => trs.map((tr) => [tr.getAttribute('data-topic'), tr.querySelector('.status')?.textContent?.trim(), tr.querySelectorAll('td')[3]?.textContent?.trim()]));
		assert.deepEqual(rows.map((r) => r[0]), ['agency-info', 'law', 'knowledge', 'web-links', 'official-info', 'sop-manual', 'citizen-manual', 'news', 'e-service', 'web-stats']);
		assert.deepEqual(rows.map((r) => r[1]), Array(10).fill('✔'));
		assert.equal(rows[0][2], '10/10');
		assert.equal(await page.textContent('#errors strong'), '0');
		const firstPageLink = await page.getAttribute('#coverage tbody tr a', 'href');
		assert.ok(firstPageLink && fs.existsSync(path.resolve(dir, decodeURI(firstPageLink))), 'page links resolve from the report');
		fs.mkdirSync(RESULTS, { recursive: true });
		await page.screenshot({ path: path.join(RESULTS, 'compliance-report.png'), fullPage: true });
		assert.deepEqual(external, [], 'the report loads nothing from the network');
	});

	it('marks uncovered topics and lists findings in Thai and English', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-report-'));
		const report = path.join(dir, 'compliance.html');
		assert.equal(await writeReport('examples/law', report), 1);
		const page = await browser.newPage();
		await page.goto(pathToFileURL(report).href);
		const status = await page.$$eval('#coverage tbody tr', (trs) => Object.fromEntries(trs.map((tr) => [tr.getAttribute('data-topic'), tr.querySelector('.status')?.textContent?.trim()])));
		assert.equal(status.law, '✔');
		assert.equal(status.news, '✖');
		const rules = await page.$$eval('#rules tbody tr', (trs) => trs.map((tr) => [tr.querySelector('code')?.textContent, tr.querySelectorAll('td')[2]?.textContent]));
		assert.deepEqual(rules, [['topic-coverage', '9']]);
		const message = await page.textContent('#findings tbody tr td:nth-child(4)');
		assert.match(message ?? '', /ยังไม่มีหน้าใดของหัวข้อ/);
		assert.match(message ?? '', /No page covers the topic/);
	});
});

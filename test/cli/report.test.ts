// The compliance report (--report) rendered in a real Chromium taken from the npm registry
// (@sparticuz/chromium through playwright-core, test/helpers/browser.ts): no Debian package, no
// browser download. The browser must start: a missing or broken one fails the run, never skips it.
// Each report's charts are checked against the CLI's own --format json output of the same run,
// axe-core checks it in the page, and Thai text must render in the report's embedded Sarabun (the
// browser sees no system font but the package's Open Sans, so any other result is boxes).
// Screenshots: test-results/report.png (a site with findings), test-results/compliance-report.png
// (the example site); test-results/report.pdf is the site with findings printed to A4.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { tmpDir } from '../helpers/tmp';
import { runMain, type CliRun } from '../helpers/cli';
import { parseLintJson, type JsonEntry } from '../helpers/lintJson';
import { launchNpmChromium, npmChromiumVersion } from '../helpers/browser';
import { daysBetween, parseDate, parseIsoDay } from '../../server/src/core/thai/dates';
import { FONT_FACES } from '../../server/src/cli/report/font';

const ROOT = path.resolve(__dirname, '../..');
const RESULTS = path.join(ROOT, 'test-results');
const TODAY = '2026-11-27';
const SEVERITY = ['error', 'warning', 'info'] as const;

/** Lint `target` with `--report` and `--format json` in one run: the report and what the JSON says. */
async function writeReport(target: string, cwd = ROOT): Promise<{ run: CliRun; report: string; json: JsonEntry[] }> {
	const dir = tmpDir('dl-report-');
	const report = path.join(dir, 'compliance.html');
	const out = path.join(dir, 'out.json');
	const run = await runMain([target, '--report', report, '--format', 'json', '--output', out], cwd);
	return { run, report, json: parseLintJson(fs.readFileSync(out, 'utf8')) };
}

/** The example site with defects put in: two topics gone, a section renamed, a stale, a nearly stale page, an image without alt. */
function siteWithFindings(): string {
	const dir = path.join(tmpDir('dl-report-site-'), 'site');
	fs.cpSync(path.join(ROOT, 'examples'), dir, { recursive: true });
	const edit = (file: string, from: string | RegExp, to: string) => {
		const p = path.join(dir, file);
		const text = fs.readFileSync(p, 'utf8');
		assert.ok(typeof from === 'string' ? text.includes(from) : from.test(text), `${file} has ${from}`);
		fs.writeFileSync(p, text.replace(from, to));
	};
	fs.rmSync(path.join(dir, 'stats/index.md'));
	fs.rmSync(path.join(dir, 'e-service/index.md'));
	edit('about/index.md', '## 7. ยุทธศาสตร์', '## 7. เรื่องอื่น ๆ');
	edit('law/index.md', 'updated: 2 ตุลาคม 2569', 'updated: 2 ตุลาคม 2567');
	edit('news/2569-11-12-pdpa-workshop.md', /^updated: .*$/m, 'updated: 10 ธันวาคม 2568');
	fs.appendFileSync(path.join(dir, 'knowledge/index.md'), '\n![](../images/map.png)\n');
	return dir;
}

/** Findings per rule and per severity as the JSON output counts them. */
function jsonCounts(json: JsonEntry[]): { rules: Record<string, number>; severity: Record<string, number> } {
	const rules: Record<string, number> = {};
	const severity: Record<string, number> = { error: 0, warning: 0, info: 0 };
	for (const e of json) {
		for (const m of e.messages) {
			rules[m.ruleId] = (rules[m.ruleId] ?? 0) + 1;
			severity[SEVERITY[2 - m.severity]]++;
		}
	}
	return { rules, severity };
}

const n = (s: string | null | undefined) => Number(String(s ?? '').replace(/,/g, ''));

interface Charts {
	rings: { topic: string; ok: boolean; text: string; segments: number; red: number }[];
	severity: Record<string, string>;
	rules: [string, string][];
	freshness: { file: string; value: string; color: string }[];
	tiles: Record<string, string>;
}

/** Add the probe (test/helpers/reportProbe.js) to the page and call one of its functions. */
async function probe<T>(page: Page, fn: 'charts' | 'fonts' | 'print' | 'axe'): Promise<T> {
	if ((await page.evaluate('typeof window.__probe')) !== 'object')
		await page.addScriptTag({ path: path.join(ROOT, 'test/helpers/reportProbe.js') });
	return (await page.evaluate(`window.__probe.${fn}()`)) as T;
}

/** What the charts show, read from the rendered page: the numbers as drawn (text), not the data behind them. */
function readCharts(page: Page): Promise<Charts> {
	return probe<Charts>(page, 'charts');
}

/** The charts against the JSON output: severities, rules, stale pages (with their days and limits) and every page's age. */
async function assertChartsMatchJson(page: Page, json: JsonEntry[], siteRoot: string): Promise<Charts> {
	const charts = await readCharts(page);
	const counts = jsonCounts(json);
	assert.deepEqual(Object.fromEntries(Object.entries(charts.severity).map(([k, v]) => [k, n(v)])), counts.severity);
	assert.deepEqual(
		{ errors: n(charts.tiles.errors), warnings: n(charts.tiles.warnings), infos: n(charts.tiles.infos) },
		{ errors: counts.severity.error, warnings: counts.severity.warning, infos: counts.severity.info },
	);
	const expectedRules = Object.entries(counts.rules).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
	assert.deepEqual(
		charts.rules.map(([r, v]) => [r, n(v)]),
		expectedRules,
	);
	// The findings table lists every finding of the JSON output: where and which rule.
	const rows = await page.$$eval('#findings tbody tr[data-rule]', (trs) =>
		trs.map((tr) => `${tr.querySelector('td:nth-child(2)')!.textContent} ${tr.getAttribute('data-rule')}`),
	);
	const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join('/');
	assert.deepEqual(
		rows.sort(),
		json.flatMap((e) => e.messages.map((m) => `${rel(e.filePath)}:${m.line}:${m.column} ${m.ruleId}`)).sort(),
	);

	// Freshness: stale bars are exactly the pages content-stale reports, with its days and limit.
	// "… 786 days ago; … every 365 days" (en) or "… ผ่านมา 786 วันแล้ว … ทุก 365 วัน" (th: the examples' config sets locale th).
	const STALE = /(\d+) days ago; .* every (\d+) days|ผ่านมา (\d+) วันแล้ว .*ทุก (\d+) วัน/;
	const stale = json.flatMap((e) =>
		e.messages
			.filter((m) => m.ruleId === 'content-stale' && STALE.test(m.message))
			.map((m) => {
				const g = STALE.exec(m.message)!;
				return { file: rel(e.filePath), value: `${g[1] ?? g[3]}/${g[2] ?? g[4]}` };
			}),
	);
	const drawnStale = charts.freshness
		.filter((b) => b.color === '#b42318')
		.map(({ file, value }) => ({ file, value }));
	const left = (v: string) => n(v.split('/')[1]) - n(v.split('/')[0]);
	assert.deepEqual(
		drawnStale,
		stale.sort((a, b) => left(a.value) - left(b.value) || a.file.localeCompare(b.file)),
	);
	// Every bar: the age computed here from the page's own `updated`, closest to the limit first.
	const today = parseIsoDay(TODAY)!;
	for (const bar of charts.freshness) {
		const text = fs.readFileSync(path.join(ROOT, bar.file), 'utf8');
		const updated = /^updated: (.*)$/m.exec(text)![1].trim();
		const [age, limit] = bar.value.split('/').map(Number);
		assert.equal(age, daysBetween(parseDate(updated)!.date!, today), `${bar.file}: updated ${updated}`);
		assert.ok(limit > 0, bar.file);
	}
	const lefts = charts.freshness.map((b) => left(b.value));
	assert.deepEqual(
		lefts,
		[...lefts].sort((a, b) => a - b),
		'closest to going stale first',
	);
	assert.ok(
		charts.freshness.every((b) => b.file.startsWith(rel(siteRoot))),
		'bars name the pages',
	);
	return charts;
}

/** axe-core in the page: no violations of any rule (WCAG 2.1 A and AA and best practices). */
async function assertAccessible(page: Page): Promise<void> {
	await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
	const violations = await probe<string[]>(page, 'axe');
	assert.deepEqual(violations, []);
}

/** Thai renders in the embedded Sarabun: the font loaded, and every glyph of a Thai heading drawn with it. */
async function assertThaiInSarabun(page: Page, more: string[] = []): Promise<void> {
	const fonts = await probe<{ check: boolean; loaded: string[]; family: string }>(page, 'fonts');
	assert.equal(fonts.check, true);
	assert.ok(
		fonts.loaded.includes('400 thai') && fonts.loaded.includes('700 thai'),
		`loaded faces: ${fonts.loaded.join(', ')}`,
	);
	assert.match(fonts.family, /^"?Sarabun"?/);
	// What the renderer used for the h1's Thai text (its English part is a child span).
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('DOM.enable');
	await cdp.send('CSS.enable');
	const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
	for (const selector of ['h1', '#h-overview span[lang="th"]', '#coverage li a span[lang="th"]', ...more]) {
		const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
		assert.ok(nodeId, `${selector} is in the page`);
		const { fonts: used } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
		assert.deepEqual(
			used.map((f) => [f.familyName, f.isCustomFont]),
			[['Sarabun', true]],
			`${selector}: ${JSON.stringify(used)}`,
		);
	}
	await cdp.detach();
}

describe('--report rendered in Chromium from the npm registry', function () {
	this.timeout(120_000);
	let browser: Browser;
	before(async () => {
		// Unpacking the browser the first time takes a few seconds.
		browser = await launchNpmChromium();
		assert.equal(
			browser.version().split('.')[0],
			npmChromiumVersion().split('.')[0],
			`the npm Chromium runs (${browser.version()})`,
		);
	});
	after(async () => {
		await browser?.close();
	});

	async function open(
		report: string,
		opts: { javaScriptEnabled?: boolean } = {},
	): Promise<{ page: Page; external: string[] }> {
		const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, ...opts });
		const page = await context.newPage();
		const external: string[] = [];
		page.on('request', (r) => {
			if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) external.push(r.url());
		});
		await page.goto(pathToFileURL(report).href);
		await page.evaluate('document.fonts.ready');
		return { page, external };
	}

	it('the example site: every topic covered, charts as the JSON says, accessible, Thai in Sarabun, offline', async () => {
		const { run, report, json } = await writeReport('examples');
		assert.deepEqual(run, { code: jsonCounts(json).severity.error ? 1 : 0, stdout: '', stderr: '' });
		const { page, external } = await open(report);
		const charts = await assertChartsMatchJson(page, json, path.join(ROOT, 'examples'));
		assert.deepEqual(
			charts.rings.map((r) => r.topic),
			[
				'agency-info',
				'law',
				'knowledge',
				'web-links',
				'official-info',
				'sop-manual',
				'citizen-manual',
				'news',
				'e-service',
				'web-stats',
			],
		);
		for (const r of charts.rings) {
			assert.ok(r.ok, `${r.topic} covered`);
			const [covered, total] = r.text.split('/').map(Number);
			assert.deepEqual([covered, r.segments, r.red], [total, total, 0], r.topic);
		}
		assert.equal(charts.tiles['topics-covered'], '10/10');
		assert.equal(charts.freshness.length, json.length, 'every example page has a date and a limit');
		// Page links resolve from the report.
		const hrefs = await page.$$eval('#topics a.page', (as) => as.map((a) => a.getAttribute('href')!));
		assert.equal(hrefs.length, json.length);
		for (const h of hrefs) assert.ok(fs.existsSync(path.resolve(path.dirname(report), decodeURI(h))), h);
		await assertAccessible(page);
		await assertThaiInSarabun(page);
		fs.mkdirSync(RESULTS, { recursive: true });
		await page.screenshot({ path: path.join(RESULTS, 'compliance-report.png'), fullPage: true });
		assert.deepEqual(external, [], 'the report loads nothing from the network');
	});

	it('a site with findings: rings, charts and table as the JSON says; filters, sorting, no-script and print', async () => {
		const site = siteWithFindings();
		const { run, report, json } = await writeReport(site);
		assert.deepEqual(run, { code: 1, stdout: '', stderr: '' });
		const { page, external } = await open(report);
		const charts = await assertChartsMatchJson(page, json, site);
		const file = (rel: string) => json.find((e) => e.filePath === path.join(site, rel))!;

		// Coverage: the two removed topics have no page (topic-coverage says so), agency-info lacks what section-missing reports.
		const siteMessages = json
			.filter((e) => !e.filePath.endsWith('.md'))
			.flatMap((e) => e.messages.filter((m) => m.ruleId === 'topic-coverage'));
		// The topic id as the message names it: "Name" (id) in English, topic: id in Thai.
		assert.deepEqual(
			siteMessages
				.map((m) => /"[^"]*" \(([a-z-]+)\)|topic: ([a-z-]+)/.exec(m.message)?.slice(1).find(Boolean))
				.sort(),
			['e-service', 'web-stats'],
		);
		const rings = Object.fromEntries(charts.rings.map((r) => [r.topic, r]));
		for (const id of ['e-service', 'web-stats'])
			assert.deepEqual(
				[rings[id].ok, rings[id].text, rings[id].red],
				[false, `0/${rings[id].segments}`, rings[id].segments],
				id,
			);
		const aboutMissing = file('about/index.md').messages.filter((m) => m.ruleId === 'section-missing');
		assert.ok(aboutMissing.length >= 1, 'renaming a heading is reported');
		const [covered, total] = rings['agency-info'].text.split('/').map(Number);
		assert.deepEqual(
			[covered, rings['agency-info'].red, rings['agency-info'].ok],
			[total - aboutMissing.length, aboutMissing.length, false],
		);
		const missingListed = await page.$$eval('#topic-agency-info .sections li.missing .heading', (els) =>
			els.map((el) => el.textContent),
		);
		assert.equal(missingListed.length, aboutMissing.length);
		for (const s of missingListed)
			assert.ok(
				aboutMissing.some((m) => m.message.includes(s!)),
				`${s} in ${aboutMissing.map((m) => m.message).join(' | ')}`,
			);
		for (const r of charts.rings.filter((x) => !['e-service', 'web-stats', 'agency-info'].includes(x.topic)))
			assert.ok(r.ok, r.topic);
		assert.equal(charts.tiles['topics-covered'], '7/10');

		// Freshness: the law page is stale (first), the workshop news due within 30 days (amber).
		assert.deepEqual(charts.freshness[0], {
			file: path.relative(ROOT, path.join(site, 'law/index.md')),
			value: `${daysBetween(parseDate('2 ตุลาคม 2567')!.date!, parseIsoDay(TODAY)!)}/365`,
			color: '#b42318',
		});
		assert.equal(
			charts.freshness[1].file,
			path.relative(ROOT, path.join(site, 'news/2569-11-12-pdpa-workshop.md')),
		);
		assert.equal(charts.freshness[1].color, '#b54708');
		assert.equal(n(charts.tiles.stale), 1);

		// Filters and sorting (script on).
		const visible = () => page.locator('#findings tbody tr[data-rule]:visible').count();
		const all = json.reduce((k, e) => k + e.messages.length, 0);
		const counts = jsonCounts(json);
		assert.equal(await page.isVisible('#filters'), true);
		await page.selectOption('#filters select[name="rule"]', 'content-stale');
		assert.equal(await visible(), counts.rules['content-stale']);
		await page.selectOption('#filters select[name="rule"]', '');
		await page.selectOption('#filters select[name="severity"]', 'warning');
		assert.equal(await visible(), counts.severity.warning);
		assert.equal(await page.textContent('#shown'), `${counts.severity.warning} / ${all}`);
		await page.selectOption('#filters select[name="severity"]', '');
		await page.selectOption('#filters select[name="topic"]', 'knowledge');
		assert.equal(await visible(), file('knowledge/index.md').messages.length);
		await page.selectOption('#filters select[name="topic"]', '');
		assert.equal(await visible(), all);
		await page.click('#findings thead th:nth-child(3) button');
		const sev = () =>
			page.$$eval('#findings tbody tr[data-rule]', (trs) => trs.map((tr) => tr.getAttribute('data-severity')!));
		const asc = await sev();
		assert.deepEqual(
			asc,
			[...asc].sort((a, b) => SEVERITY.indexOf(a as 'error') - SEVERITY.indexOf(b as 'error')),
		);
		assert.equal(await page.getAttribute('#findings thead th:nth-child(3)', 'aria-sort'), 'ascending');
		await page.click('#findings thead th:nth-child(3) button');
		assert.deepEqual(
			await sev(),
			[...asc].reverse().sort((a, b) => SEVERITY.indexOf(b as 'error') - SEVERITY.indexOf(a as 'error')),
		);
		// By where: page by page, lines in numeric order.
		await page.click('#findings thead th:nth-child(2) button');
		const where = (
			await page.$$eval('#findings tbody tr[data-rule] td:nth-child(2)', (tds) =>
				tds.map((td) => td.textContent!),
			)
		).map((w) => /^(.*):(\d+):\d+$/.exec(w)!);
		const keys = where.map((w) => [w[1], Number(w[2])] as const);
		const files = keys.map((k) => k[0]).filter((f, i, all) => i === 0 || all[i - 1] !== f);
		assert.equal(files.length, new Set(files).size, "each page's findings together");
		for (let i = 1; i < keys.length; i++)
			if (keys[i][0] === keys[i - 1][0]) assert.ok(keys[i][1] >= keys[i - 1][1], `line order in ${keys[i][0]}`);

		await assertAccessible(page);
		await assertThaiInSarabun(page, [
			'#findings tbody tr td:nth-child(5)',
			'#topic-agency-info .sections li.missing .heading',
		]);
		fs.mkdirSync(RESULTS, { recursive: true });
		await page.screenshot({ path: path.join(RESULTS, 'report.png'), fullPage: true });

		// Print: A4, a page per topic, page links printed with their address.
		await page.emulateMedia({ media: 'print' });
		const print = await probe<Record<string, string>>(page, 'print');
		assert.deepEqual(
			{
				...print,
				linkAfter: print.linkAfter.startsWith('" <'),
				ruleLinkAfter: print.ruleLinkAfter.includes('https://'),
			},
			{ topicBreak: 'page', firstBreak: 'page', filters: 'none', linkAfter: true, ruleLinkAfter: true },
		);
		const pdf = await page.pdf({ path: path.join(RESULTS, 'report.pdf'), format: 'A4', printBackground: true });
		const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
		assert.ok(pages >= 12, `one page per topic at least: ${pages} pages`);
		assert.deepEqual(external, [], 'the report loads nothing from the network');

		// Script off: no filter controls, every row shown.
		const off = await open(report, { javaScriptEnabled: false });
		assert.equal(await off.page.isVisible('#filters'), false);
		assert.equal(await off.page.locator('#findings tbody tr[data-rule]:visible').count(), all);
		await off.page.context().close();
		await page.context().close();
	});

	it('embeds the Sarabun subset that scripts/report-font.mjs makes from @fontsource/sarabun, under 40 KB', () => {
		const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/report-font.mjs'), '--check'], {
			cwd: ROOT,
			encoding: 'utf8',
		});
		assert.equal(r.status, 0, r.stderr);
		assert.deepEqual(
			FONT_FACES.map((f) => `${f.weight} ${f.subset}`),
			['400 thai', '400 latin', '700 thai', '700 latin'],
		);
		const bytes = FONT_FACES.reduce((k, f) => k + f.bytes, 0);
		assert.ok(bytes < 40_000, `${bytes} bytes of woff2`);
		for (const f of FONT_FACES)
			assert.equal(Buffer.from(f.base64, 'base64').subarray(0, 4).toString('latin1'), 'wOF2');
	});
});

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { runMain } from '../helpers/cli';
import { tmpDir } from '../helpers/tmp';
import { parseLintJson } from '../helpers/lintJson';
import { startAuditSite, AUDIT_SITE, type AuditSiteServer } from '../helpers/auditSite';
import { FIXTURES, engineAt } from '../helpers/fixtures';
import { startLinkServer } from '../helpers/httpServer';
import { BUILTIN_TOPIC_IDS } from '../../server/src/core/schema/builtin';

/** Today for the audit site (test/fixtures/audit-site/EXPECTED.md). */
const TODAY = '2026-12-03';

/** The findings test/fixtures/audit-site/EXPECTED.md lists, as `path:line rule-id` (info aside). */
const EXPECTED = [
	'/eservice/:83 date-invalid',
	'/manuals/water-permit.html:110 step-duration-missing',
	'/manuals/water-permit.html:143 link-insecure',
	'/news/2569-road-repair.html:79 pii-national-id',
	'/news/2569-road-repair.html:80 image-alt-missing',
];

/** The topic EXPECTED.md gives each page, read from the `topic-unknown` info that says which and why. */
const TOPICS: Record<string, string> = {
	'/about/': 'agency-info',
	'/eservice/': 'e-service',
	'/knowledge/': 'knowledge',
	'/law/': 'law',
	'/links/': 'web-links',
	'/manuals/water-permit.html': 'citizen-manual',
	'/news/': 'news',
	'/news/2569-road-repair.html': 'news',
	'/news/2569-unlinked.html': 'news',
	'/oia/': 'official-info',
	'/sop/': 'sop-manual',
	'/stats/': 'web-stats',
};

describe('audit: a live site on 127.0.0.1 in the shapes units publish', function () {
	this.timeout(60_000);
	let site: AuditSiteServer;
	let dir: string;
	before(async () => {
		site = await startAuditSite();
		dir = tmpDir('dl-audit-');
	});
	after(async () => {
		await site.close();
	});

	const audit = (args: string[]) =>
		runMain(['audit', '--today', TODAY, '--format', 'json', ...args, `${site.base}/`], dir);
	const local = (url: string) => url.slice(site.base.length);
	const findings = (stdout: string) =>
		parseLintJson(stdout)
			.flatMap((e) => e.messages.map((m) => ({ ...m, page: local(e.filePath) })))
			.filter((m) => m.severity > 0)
			.map((m) => `${m.page}:${m.line} ${m.ruleId}`)
			.sort();
	const topics = (stdout: string) =>
		Object.fromEntries(
			parseLintJson(stdout).flatMap((e) =>
				e.messages
					.filter((m) => m.ruleId === 'topic-unknown')
					.map((m) => [local(e.filePath), /"([a-z-]+)"/.exec(m.message)?.[1]]),
			),
		);

	it('finds what EXPECTED.md lists, on the HTML lines, with the ten topics covered and a report linked to the live pages', async () => {
		site.requests.length = 0;
		const report = path.join(dir, 'reports', 'audit.html');
		const run = await audit(['--cache', '--report', report]);
		assert.equal(run.code, 1, run.stderr);
		assert.deepEqual(findings(run.stdout), EXPECTED);
		assert.deepEqual(topics(run.stdout), TOPICS);
		// The home page is no topic's: listed by the report, no finding; every topic is covered: no topic-coverage.
		const entries = parseLintJson(run.stdout);
		assert.deepEqual(entries.find((e) => local(e.filePath) === '/')?.messages, []);
		assert.ok(!run.stdout.includes('topic-coverage'));

		const asked = site.requests.map((r) => r.url);
		assert.ok(!asked.some((u) => u.startsWith('/private/')), 'robots.txt disallows /private/');
		assert.ok(asked.includes('/news/2569-unlinked.html'), 'the sitemap names a page no link leads to');
		assert.equal(asked.filter((u) => u === '/old-news.html').length, 1);
		assert.equal(
			entries.filter((e) => e.filePath.endsWith('/news/2569-road-repair.html')).length,
			1,
			'audited once',
		);
		assert.ok(!asked.some((u) => /\.(pdf|png|jpg)$/.test(u)), 'documents and images are not crawled');
		assert.equal(site.peak(), 2, 'two requests in flight at most, and two when there is work for them');
		assert.ok(site.requests.every((r) => r.userAgent?.startsWith('disclosure-lint audit')));

		const html = fs.readFileSync(report, 'utf8');
		for (const id of Object.values(TOPICS)) assert.ok(html.includes(`data-topic="${id}" data-covered=`), id);
		assert.match(html, new RegExp(`<a class="page" href="${site.base}/news/2569-road-repair.html">`));
		assert.match(html, /Rules not run on HTML pages/);
		assert.match(html, /<code>frontmatter-schema<\/code>/);
		assert.match(html, new RegExp(`Pages of no known topic.*<a href="${site.base}/">`, 's'));
		assert.match(html, /robots: 1/);
	});

	it('sends conditional requests on the second audit and gets the same findings from the kept pages', async () => {
		await audit(['--cache']);
		site.requests.length = 0;
		const run = await audit(['--cache']);
		assert.deepEqual(findings(run.stdout), EXPECTED);
		const pages = site.requests.filter(
			(r) => r.url !== '/robots.txt' && r.url !== '/sitemap.xml' && r.status !== 301,
		);
		// Every HTML page of the site, each once, each asked conditionally (the 301 is asked plainly).
		assert.deepEqual(pages.map((r) => r.url).sort(), ['/', ...Object.keys(TOPICS)].sort());
		for (const r of pages) {
			assert.ok(r.ifNoneMatch && r.ifModifiedSince, `${r.url} was asked unconditionally`);
			assert.equal(r.status, 304, r.url);
		}
	});

	it('holds a lower per-host limit', async () => {
		site.requests.length = 0;
		const run = await audit(['--per-host', '1']);
		assert.deepEqual(findings(run.stdout), EXPECTED);
		assert.ok(
			site.requests.every((r) => r.inFlight === 1),
			'one request at a time',
		);
	});

	it('stops at --max-pages, and the site check names the topics no audited page covers', async () => {
		const run = await audit(['--max-pages', '3', '--per-host', '1']);
		const entries = parseLintJson(run.stdout);
		const pages = entries.filter((e) => !e.messages.some((m) => m.ruleId === 'topic-coverage'));
		assert.deepEqual(
			pages.map((e) => local(e.filePath)),
			['/', '/about/', '/news/'],
		);
		const siteEntry = entries.find((e) => e.messages.some((m) => m.ruleId === 'topic-coverage'));
		assert.equal(siteEntry?.filePath, `${site.base}/`);
		const missing = siteEntry!.messages.map(
			(m) => /\(([a-z-]+)\), which the unit must publish; publish it/.exec(m.message)?.[1],
		);
		// Every topic but those of the three pages reached (the home page is none).
		assert.deepEqual(
			missing,
			BUILTIN_TOPIC_IDS.filter((id) => id !== 'agency-info' && id !== 'news'),
		);
	});

	it('names pages by URL in every output format', async () => {
		const sarif = JSON.parse(
			(await runMain(['audit', '--today', TODAY, '--format', 'sarif', `${site.base}/`], dir)).stdout,
		);
		const uris = sarif.runs[0].results.map(
			(r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
				r.locations[0].physicalLocation.artifactLocation.uri,
		);
		assert.ok(uris.includes(`${site.base}/news/2569-road-repair.html`), uris.join('\n'));
		const github = (await runMain(['audit', '--today', TODAY, '--format', 'github', `${site.base}/`], dir)).stdout;
		// Workflow command properties escape ':' (as %3A).
		const escaped = `${site.base.replace(/:/g, '%3A')}/news/2569-road-repair.html`;
		assert.ok(github.includes(`::error file=${escaped},line=79,col=101,`), github);
		const junit = (await runMain(['audit', '--today', TODAY, '--format', 'junit', `${site.base}/`], dir)).stdout;
		assert.match(junit, new RegExp(`<testsuite name="${site.base}/news/2569-road-repair.html"`));
		const stylish = (await runMain(['audit', '--today', TODAY, `${site.base}/`], dir)).stdout;
		assert.match(stylish, new RegExp(`^${site.base}/eservice/\\n\\s+4:1\\s+info.*\\n\\s+83:64\\s+error`, 'm'));
	});

	it('audits many units from --sites, one report each and a summary table', async () => {
		const second = await startAuditSite();
		try {
			const list = path.join(dir, 'units.txt');
			fs.writeFileSync(
				list,
				`# units of the district\n${site.base}/ อบต.หนองบัวทอง\n\n${second.base}/ อบต.หนองบัวทอง (สำรอง)\n`,
			);
			const summary = path.join(dir, 'district', 'summary.html');
			const run = await runMain(
				['audit', '--today', TODAY, '--format', 'json', '--sites', list, '--report', summary],
				dir,
			);
			assert.equal(run.code, 1, run.stderr);
			const pages = parseLintJson(run.stdout).map((e) => e.filePath);
			assert.ok(pages.includes(`${site.base}/about/`) && pages.includes(`${second.base}/about/`));
			const table = fs.readFileSync(summary, 'utf8');
			const rows = [...table.matchAll(/<tr><th scope="row">(.*?)<\/tr>/g)].map((m) =>
				m[1]
					.replace(/<[^>]+>/g, ' ')
					.replace(/\s+/g, ' ')
					.trim(),
			);
			assert.equal(rows.length, 2);
			for (const [i, s] of [site, second].entries()) {
				// unit, address, pages, topics covered, errors, warnings, stale pages, report
				assert.equal(rows[i], `อบต.หนองบัวทอง${i ? ' (สำรอง)' : ''} ${s.base}/ 13 10/10 3 2 0 รายงาน report`);
				const own = path.join(dir, 'district', `summary-${new URL(s.base).host.replace(':', '_')}.html`);
				assert.match(fs.readFileSync(own, 'utf8'), new RegExp(`Site audited.*${s.base}/`, 's'));
			}
		} finally {
			await second.close();
		}
	});

	it('checks the external links the pages cite with --links online, on their HTML lines', async () => {
		const links = await startLinkServer(0);
		const root = tmpDir('dl-audit-online-');
		fs.writeFileSync(
			path.join(root, 'index.html'),
			[
				'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>รายชื่อเว็บไซต์หน่วยงานที่เกี่ยวข้อง</title></head><body>', // 1
				'<nav><a href="/">หน้าแรก</a></nav>', // 2
				'<main><h1>รายชื่อเว็บไซต์หน่วยงานที่เกี่ยวข้อง</h1>', // 3
				'<ul>', // 4
				`<li><a href="${links.base}/ok">สำนักงานสาธารณสุขจังหวัด</a></li>`, // 5
				`<li><a href="${links.base}/gone">โรงพยาบาลส่งเสริมสุขภาพตำบล</a></li>`, // 6
				'</ul></main>', // 7
				`<footer><a href="${links.base}/gone">ลิงก์ในส่วนท้าย</a></footer>`, // 8: chrome, not checked
				'</body></html>',
			].join('\n'),
		);
		const own = await startAuditSite(root);
		try {
			const run = await runMain(
				[
					'audit',
					'--today',
					TODAY,
					'--format',
					'json',
					'--links',
					'online',
					'--links-allow-private',
					`${own.base}/`,
				],
				dir,
			);
			const page = parseLintJson(run.stdout).find((e) => e.filePath === `${own.base}/`);
			assert.deepEqual(
				page?.messages
					.filter((m) => m.ruleId.startsWith('link-external'))
					.map((m) => `${m.line}:${m.column} ${m.ruleId}`),
				['6:5 link-external-dead'],
			);
			assert.equal(links.log.hits.get('HEAD /gone'), 1, 'each URL once; the footer link is not the page');
		} finally {
			await own.close();
			await links.close();
		}
	});

	it("takes the configuration's ignores and topics as globs over the URL's path", async () => {
		const cwd = tmpDir('dl-audit-config-');
		fs.writeFileSync(
			path.join(cwd, '.disclosurelintrc.json'),
			JSON.stringify({ ignores: ['news/**'], topics: { 'about/**': 'web-links' } }),
		);
		site.requests.length = 0;
		const run = await runMain(['audit', '--today', TODAY, '--format', 'json', `${site.base}/`], cwd);
		const entries = parseLintJson(run.stdout);
		const pages = entries.map((e) => local(e.filePath));
		assert.ok(!pages.some((p) => p.startsWith('/news/')), pages.join(' '));
		assert.ok(
			site.requests.some((r) => r.url === '/news/'),
			'an ignored page is still crawled through',
		);
		// about/ is web-links by the configuration, not agency information by its title.
		const about = entries.find((e) => local(e.filePath) === '/about/');
		assert.ok(!about?.messages.some((m) => m.ruleId === 'topic-unknown'), 'a configured topic needs no info');
		const coverage = entries
			.filter((e) => e.messages.some((m) => m.ruleId === 'topic-coverage'))
			.flatMap((e) => e.messages.map((m) => /\(([a-z-]+)\), which the unit must publish/.exec(m.message)?.[1]));
		assert.deepEqual(coverage, ['agency-info', 'news']);
	});

	it('says which site gave no page and why, without a site check it could not make', async () => {
		const closed = http.createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const port = (closed.address() as AddressInfo).port;
		await new Promise((resolve) => closed.close(resolve));
		const down = `http://127.0.0.1:${port}/`;
		const alone = await runMain(['audit', '--today', TODAY, '--format', 'json', down], dir);
		assert.equal(alone.code, 2, 'nothing was checked: not a clean pass');
		assert.deepEqual(JSON.parse(alone.stdout), []);
		assert.equal(
			alone.stderr,
			`disclosure-lint: ${down}: no HTML page could be audited (${down} error connection refused)\n`,
		);
		const list = path.join(dir, 'two.txt');
		fs.writeFileSync(list, `${site.base}/ อบต.หนองบัวทอง\n${down} อบต.ที่ปิดปรับปรุง\n`);
		const summary = path.join(dir, 'two', 'summary.html');
		const both = await runMain(
			['audit', '--today', TODAY, '--format', 'json', '--sites', list, '--report', summary],
			dir,
		);
		assert.equal(both.code, 1, 'the audited unit has errors');
		assert.ok(
			!parseLintJson(both.stdout).some((e) => e.filePath === down),
			'no topic-coverage on the unit not reached',
		);
		const table = fs.readFileSync(summary, 'utf8');
		assert.match(
			table,
			new RegExp(
				`อบต.ที่ปิดปรับปรุง<br><a href="${down}">.*?<td class="n">0</td><td class="n">0/10</td>.*?not audited</span>: <code>${down} error connection refused</code>`,
				's',
			),
		);
	});

	it('refuses what cannot be audited with a clear message', async () => {
		const bad = await runMain(['audit', 'ftp://example.go.th/'], dir);
		assert.equal(bad.code, 2);
		assert.match(bad.stderr, /"ftp:\/\/example\.go\.th\/" is not an http\(s\) address/);
		const none = await runMain(['audit'], dir);
		assert.equal(none.code, 2);
		assert.match(none.stderr, /audit needs a site: a URL, or --sites FILE/);
		const mixed = await runMain(['audit', '--fix', `${site.base}/`], dir);
		assert.equal(mixed.code, 2);
		assert.match(mixed.stderr, /--fix cannot be used with `disclosure-lint audit`/);
		const lintOnly = await runMain(['--max-pages', '3', '.'], dir);
		assert.equal(lintOnly.code, 2);
		assert.match(lintOnly.stderr, /--max-pages belong to `disclosure-lint audit`/);
	});
});

describe('the same page as Markdown and as HTML', () => {
	it('gives the same body findings (the citizen manual of the audit site)', () => {
		const engine = engineAt(FIXTURES, { year: 2026, month: 12, day: 3 });
		const htmlFile = path.join(AUDIT_SITE, 'manuals', 'water-permit.html');
		const mdFile = path.join(FIXTURES, 'audit-site-src', 'water-permit.md');
		const html = engine.lintHtml(htmlFile, fs.readFileSync(htmlFile), {
			url: 'https://www.nongbuathong.go.th/manuals/water-permit.html',
		});
		const md = engine.lintText(mdFile, fs.readFileSync(mdFile, 'utf8'));
		const body = (r: { findings: { ruleId: string; messageId: string; args: unknown }[] }) =>
			r.findings
				.filter((f) => f.ruleId !== 'topic-unknown')
				.map((f) => `${f.ruleId}:${f.messageId}:${JSON.stringify(f.args)}`);
		assert.deepEqual(body(html), body(md));
		assert.deepEqual(
			md.findings.map((f) => `${f.line} ${f.ruleId}`),
			['47 step-duration-missing', '78 link-insecure'],
		);
		assert.deepEqual(
			html.findings.map((f) => `${f.line} ${f.ruleId}`),
			['72 topic-unknown', '110 step-duration-missing', '143 link-insecure'],
		);
	});
});

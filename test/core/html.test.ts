import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tmpDir } from '../helpers/tmp';
import { engineAt } from '../helpers/fixtures';
import { decodeHtml } from '../../server/src/core/html/decode';
import type { HtmlPageResult } from '../../server/src/core/html/lint';
import type { Finding } from '../../server/src/core/types';

/** Thai text as TIS-620 / windows-874 bytes (Thai letters U+0E01–U+0E5B are bytes 0xA1–0xFB). */
function tis620(text: string): Uint8Array {
	const out: number[] = [];
	for (const ch of text) {
		const cp = ch.codePointAt(0)!;
		if (cp < 0x80) out.push(cp);
		else if (cp >= 0x0e01 && cp <= 0x0e5b) out.push(cp - 0x0d60);
		else throw new Error(`not in TIS-620: ${ch}`);
	}
	return Uint8Array.from(out);
}

const at = (r: { findings: Finding[] }) => r.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}:${f.messageId}`);
const rules = (r: { findings: Finding[] }) => r.findings.map((f) => `${f.line} ${f.ruleId}`);

/** A WordPress-like news item: site header, menu, article, sidebar widget and footer. */
const WORDPRESS_NEWS = [
	'<!DOCTYPE html>', // 1
	'<html lang="th">', // 2
	'<head>', // 3
	'<meta charset="utf-8">', // 4
	'<title>ข่าวประชาสัมพันธ์ อบต.ทดสอบจัดประชุมประชาคม – องค์การบริหารส่วนตำบลทดสอบ</title>', // 5
	'<meta property="article:published_time" content="2026-11-20T10:00:00+07:00">', // 6
	'<meta property="article:modified_time" content="2026-11-21T03:00:00+00:00">', // 7
	'</head>', // 8
	'<body class="post-template-default single">', // 9
	'<header id="masthead" class="site-header"><p class="site-title">องค์การบริหารส่วนตำบลทดสอบ</p>', // 10
	'<nav class="main-navigation"><ul id="primary-menu" class="menu"><li><a href="/">หน้าแรก</a></li><li><a href="http://old.example.go.th/">เว็บเดิม</a></li></ul></nav></header>', // 11
	'<div id="content" class="site-content">', // 12
	'<main id="main" class="site-main">', // 13
	'<article id="post-41" class="post-41 post type-post">', // 14
	'<header class="entry-header"><h1 class="entry-title">ข่าวประชาสัมพันธ์ อบต.ทดสอบจัดประชุมประชาคม</h1>', // 15
	'<div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="2026-11-20T10:00:00+07:00">20 พฤศจิกายน 2569</time></span></div></header>', // 16
	'<div class="entry-content">', // 17
	'<!-- wp:paragraph -->', // 18
	'<p>วันที่ลงข่าว: 20 พฤศจิกายน 2569</p>', // 19
	'<p>องค์การบริหารส่วนตำบลทดสอบจัดประชุมประชาคมหมู่บ้านเพื่อรับฟังความเห็นต่อแผนพัฒนาท้องถิ่น', // 20
	'ผู้ประสานงานโครงการ เลขประจำตัว 1101700230074 โทร. 0 4300 0000</p>', // 21
	'<p><img src="/wp-content/uploads/2569/11/meeting.jpg"></p>', // 22
	'<p>ที่มา: <a href="https://www.example.go.th/plan">กองยุทธศาสตร์และงบประมาณ</a></p>', // 23
	'</div>', // 24
	'<footer class="entry-footer"><span class="cat-links">หมวดหมู่ <a href="/category/news/">ข่าว</a></span></footer>', // 25
	'</article>', // 26
	'<nav class="navigation post-navigation"><a href="/2569/11/older/">ข่าวก่อนหน้า</a></nav>', // 27
	'</main>', // 28
	'<aside id="secondary" class="widget-area"><section class="widget"><h2 class="widget-title">ข่าวเก่า</h2><p>ประกาศเมื่อ 31 เมษายน 2560</p></section></aside>', // 29
	'</div>', // 30
	'<footer id="colophon" class="site-footer"><p>ติดต่อ <a href="http://www.example.go.th/contact">ติดต่อเรา</a> 1101700230074</p></footer>', // 31
	'</body>', // 32
	'</html>', // 33
	'',
].join('\n');

/** The same item's body as Markdown, with the front matter a unit writes. */
const MARKDOWN_NEWS = [
	'---',
	'topic: news',
	'title: ข่าวประชาสัมพันธ์ อบต.ทดสอบจัดประชุมประชาคม',
	'agency: องค์การบริหารส่วนตำบลทดสอบ',
	'responsible: สำนักปลัด องค์การบริหารส่วนตำบลทดสอบ',
	'reviewer: ปลัดองค์การบริหารส่วนตำบลทดสอบ',
	'approver: นายกองค์การบริหารส่วนตำบลทดสอบ',
	'publish_request:',
	'  id: สป. 41/2569',
	'  date: 20 พฤศจิกายน 2569',
	'published: 20 พฤศจิกายน 2569',
	'updated: 21 พฤศจิกายน 2569',
	'---',
	'',
	'# ข่าวประชาสัมพันธ์ อบต.ทดสอบจัดประชุมประชาคม',
	'',
	'20 พฤศจิกายน 2569',
	'',
	'วันที่ลงข่าว: 20 พฤศจิกายน 2569',
	'',
	'องค์การบริหารส่วนตำบลทดสอบจัดประชุมประชาคมหมู่บ้านเพื่อรับฟังความเห็นต่อแผนพัฒนาท้องถิ่น',
	'ผู้ประสานงานโครงการ เลขประจำตัว 1101700230074 โทร. 0 4300 0000',
	'',
	'![](/wp-content/uploads/2569/11/meeting.jpg)',
	'',
	'ที่มา: [กองยุทธศาสตร์และงบประมาณ](https://www.example.go.th/plan)',
	'',
].join('\n');

describe('HTML pages: the same rules on published markup', () => {
	let dir: string;
	before(() => {
		dir = tmpDir('dl-html-');
	});

	const lint = (name: string, content: string | Uint8Array, opts: { url?: string; contentType?: string } = {}) => {
		const file = path.join(dir, name);
		fs.writeFileSync(file, content);
		const engine = engineAt(dir);
		if (opts.url || opts.contentType)
			return engine.lintHtml(file, fs.readFileSync(file), { ...opts, topicPath: file, configFrom: file });
		return engine.lintBytes(file, fs.readFileSync(file)) as HtmlPageResult;
	};

	it('lints only the main content, reporting each finding on the HTML line and column it stands on', () => {
		const r = lint('news-item.html', WORDPRESS_NEWS, { url: 'https://www.example.go.th/2569/11/meeting/' });
		assert.deepEqual(at(r), [
			'15:30 topic-unknown:recognisedTitle', // the H1 names the topic: info
			'21:33 pii-national-id:valid', // the very digits, on the paragraph's second line
			'22:4 image-alt-missing:missingHtml', // the <img>; the advice speaks of alt="…", not Markdown
		]);
		assert.equal(r.topic, 'news');
		assert.equal(r.findings[0].severity, 'info');
		assert.equal(r.html.mainBy, 'main');
		assert.equal(r.html.mainLabel, 'main#main.site-main');
		// The menu, the sidebar's impossible date and the footer's http link and ID are chrome, not the page.
		assert.ok(
			!r.markdown.includes('เว็บเดิม') && !r.markdown.includes('31 เมษายน') && !r.markdown.includes('ติดต่อเรา'),
		);
		assert.ok(
			r.markdown.startsWith(
				'---\ntitle: "ข่าวประชาสัมพันธ์ อบต.ทดสอบจัดประชุมประชาคม"\npublished: "2026-11-20"\nupdated: "2026-11-21"\n---\n',
			),
		);
		assert.deepEqual(r.meta, {
			title: 'ข่าวประชาสัมพันธ์ อบต.ทดสอบจัดประชุมประชาคม',
			updated: '2026-11-21',
			ageDays: 6,
			maxAgeDays: 365,
		});
		// The crawl goes on from every link of the page, menus included, resolved against its URL.
		assert.ok(r.links.includes('https://www.example.go.th/2569/11/older/'));
		assert.ok(r.links.includes('http://old.example.go.th/'));
		assert.ok(
			r.findings.every((f) => !f.fix),
			'a published page gets no fixes',
		);
	});

	it('gives the same body findings as the same page written in Markdown', () => {
		const html = lint('same.html', WORDPRESS_NEWS);
		const md = engineAt(dir).lintText(path.join(dir, 'same.md'), MARKDOWN_NEWS);
		// The same findings with the same arguments; only the advice is worded for the page's format.
		const body = (r: { findings: Finding[] }) =>
			r.findings
				.filter((f) => f.ruleId !== 'topic-unknown')
				.map((f) => `${f.ruleId}:${f.messageId.replace(/Html$/, '')}:${JSON.stringify(f.args)}`);
		assert.deepEqual(body(html), body(md));
		// Saved to disk, the page's image is a file that must exist there, as a Markdown page's is.
		assert.deepEqual(body(md), [
			'pii-national-id:valid:{}',
			'image-alt-missing:missing:{"src":"/wp-content/uploads/2569/11/meeting.jpg"}',
			'link-file-missing:image:{"url":"/wp-content/uploads/2569/11/meeting.jpg","file":"wp-content/uploads/2569/11/meeting.jpg"}',
		]);
		assert.deepEqual(rules(html), [
			'15 topic-unknown',
			'21 pii-national-id',
			'22 image-alt-missing',
			'22 link-file-missing',
		]);
	});

	it('reads the dates of the markup: a future published date and a stale modified date point at their <meta>', () => {
		const page = WORDPRESS_NEWS.replace('2026-11-20T10:00:00+07:00">', '2026-12-20T10:00:00+07:00">').replace(
			'2026-11-21T03:00:00+00:00',
			'2026-12-21T03:00:00+00:00',
		);
		const r = lint('future.html', page);
		assert.deepEqual(
			r.findings.filter((f) => f.ruleId === 'date-future').map((f) => `${f.line}:${f.column}`),
			['6:1', '7:1'],
		);
	});

	it('takes a Joomla article: the h2 headline is the title, the article-info date is the published date', () => {
		const page = [
			'<!DOCTYPE html>', // 1
			'<html lang="th-th" dir="ltr">', // 2
			'<head><meta charset="utf-8"><title>คู่มือสำหรับประชาชน การขอรับเบี้ยยังชีพผู้สูงอายุ</title></head>', // 3
			'<body class="site com_content view-article">', // 4
			'<div class="container"><div class="header"><a class="brand" href="/">เทศบาลตำบลทดสอบ</a></div>', // 5
			'<div class="navigation"><ul class="nav menu"><li><a href="/index.php/news">ข่าว</a></li></ul></div>', // 6
			'<div class="row-fluid"><div id="sidebar" class="span3"><div class="well"><h3>เมนูหลัก</h3><p>ประกาศเมื่อ 31 เมษายน 2560</p></div></div>', // 7
			'<div id="content" class="span9">', // 8
			'<div class="item-page" itemscope itemtype="https://schema.org/Article">', // 9
			'<div class="page-header"><h2 itemprop="headline">คู่มือสำหรับประชาชน การขอรับเบี้ยยังชีพผู้สูงอายุ</h2></div>', // 10
			'<dl class="article-info muted"><dd class="published"><time datetime="2026-10-01T09:00:00+07:00" itemprop="datePublished">1 ตุลาคม 2569</time></dd></dl>', // 11
			'<div itemprop="articleBody">', // 12
			'<h3>ขั้นตอน ระยะเวลา และส่วนงานที่รับผิดชอบ</h3>', // 13
			'<table>', // 14
			'<tr><th>ขั้นตอน</th><th>ระยะเวลา</th><th>ส่วนงานที่รับผิดชอบ</th></tr>', // 15
			'<tr><td>ยื่นคำขอและตรวจเอกสาร</td><td>15 นาที</td><td>กองสวัสดิการสังคม</td></tr>', // 16
			'<tr><td>พิจารณาอนุมัติ</td><td></td><td>กองสวัสดิการสังคม</td></tr>', // 17
			'</table>', // 18
			'</div></div></div></div></div>', // 19
			'</body></html>', // 20
			'',
		].join('\n');
		const r = lint('joomla.html', page);
		assert.equal(r.topic, 'citizen-manual');
		assert.equal(r.html.mainBy, 'cms');
		assert.match(r.markdown, /\n# คู่มือสำหรับประชาชน การขอรับเบี้ยยังชีพผู้สูงอายุ\n/);
		assert.match(r.markdown, /\npublished: "2026-10-01"\n/);
		assert.ok(!r.markdown.includes('เมนูหลัก'), 'the sidebar is not content');
		// Written from the rules: the manual shows one of its eight parts, a step without a duration and
		// no manual to download; every finding stands in the article, none on the sidebar's line 7.
		assert.deepEqual(at(r), [
			'10:26 download-missing:requiredHtml',
			...Array.from({ length: 7 }, () => '10:26 section-missing:missing'),
			'10:26 topic-unknown:recognisedTitle',
			'17:5 step-duration-missing:missing',
		]);
		assert.deepEqual(
			r.findings.filter((f) => f.ruleId === 'section-missing').map((f) => f.args.id),
			['criteria', 'channels', 'total', 'documents', 'fees', 'complaints', 'forms'], // the item's parts but its steps
		);
	});

	it('decodes TIS-620 pages by their meta charset, and never makes findings of mojibake', () => {
		const html = [
			'<html><head>', // 1
			'<meta http-equiv="Content-Type" content="text/html; charset=windows-874">', // 2
			'<title>ระบบงานให้บริการในรูปแบบอิเล็กทรอนิกส์</title></head>', // 3
			'<body><table width="100%"><tr><td width="20%"><a href="/">หน้าแรก</a><br><a href="/news.php">ข่าว</a></td>', // 4
			'<td>', // 5
			'<p>ระบบงานให้บริการในรูปแบบอิเล็กทรอนิกส์ของเทศบาล ข้อมูล ณ วันที่ 31 เมษายน 2569</p>', // 6
			'<p>ยื่นคำร้องออนไลน์ได้ที่ระบบรับเรื่องของเทศบาล ตลอดยี่สิบสี่ชั่วโมง และติดตามผลได้ทางโทรศัพท์</p>', // 7
			'</td></tr></table></body></html>', // 8
			'',
		].join('\n');
		const bytes = tis620(html);
		const decoded = decodeHtml(bytes);
		assert.deepEqual([decoded.encoding, decoded.from], ['windows-874', 'meta']);
		assert.equal(decoded.text, html);
		// A server that claims UTF-8 for these bytes is contradicted by them.
		const claimed = decodeHtml(bytes, 'text/html; charset=UTF-8');
		assert.deepEqual([claimed.encoding, claimed.from, claimed.declared], ['windows-874', 'detected', 'UTF-8']);
		assert.equal(claimed.text, html);
		// Declared windows-874 but saved as UTF-8 by a later editor: the bytes win.
		const resaved = decodeHtml(new TextEncoder().encode(html));
		assert.deepEqual([resaved.encoding, resaved.from, resaved.declared], ['utf-8', 'detected', 'windows-874']);
		// No declaration at all: detected from the bytes.
		const bare = decodeHtml(tis620(html.replace(/<meta[^>]*>/, '')));
		assert.deepEqual([bare.encoding, bare.from], ['windows-874', 'detected']);

		const r = lint('legacy.html', bytes);
		assert.equal(r.html.encoding, 'windows-874');
		assert.equal(r.html.mainBy, 'densest');
		assert.equal(r.topic, 'e-service');
		const invalid = r.findings.find((f) => f.ruleId === 'date-invalid');
		assert.ok(invalid, at(r).join('\n'));
		assert.equal(invalid.line, 6);
		assert.match(JSON.stringify(invalid.args), /31 เมษายน 2569/);
	});

	it('takes the topic from the configuration first, and says so when nothing names one', () => {
		const plain = [
			'<html><head><meta charset="utf-8"><title>กิจกรรมของเรา</title></head><body>', // 1
			'<main><h1>กิจกรรมของเรา</h1><p>ภาพกิจกรรมปลูกต้นไม้ประจำปี</p></main>', // 2
			'</body></html>',
		].join('\n');
		const unnamed = lint('activities.html', plain);
		assert.deepEqual(at(unnamed), ['2:7 topic-unknown:unrecognised']);
		assert.equal(unnamed.findings[0].severity, 'info'); // a page the user linted: told, never failing a run
		const audited = lint('activities2.html', plain, { url: 'https://www.example.go.th/activities/' });
		// One page of a crawled site: most are no topic's; the report lists them, no finding.
		assert.deepEqual(at(audited), []);
		assert.deepEqual([audited.topic, audited.html.topicFrom], [undefined, 'recognised']);

		fs.mkdirSync(path.join(dir, 'news'), { recursive: true });
		fs.writeFileSync(path.join(dir, '.disclosurelintrc.json'), JSON.stringify({ topics: { 'news/**': 'news' } }));
		const configured = lint('news/activities.html', plain);
		fs.rmSync(path.join(dir, '.disclosurelintrc.json'));
		assert.equal(configured.topic, 'news');
		assert.equal(configured.html.topicFrom, 'config');
		assert.ok(!configured.findings.some((f) => f.ruleId === 'topic-unknown'), at(configured).join('\n'));
	});

	it('reports markup nested deeper than can be read as page-limits, and never throws', () => {
		const deep = `<html><body><main><h1>ข่าวประชาสัมพันธ์</h1>${'<div>'.repeat(20_000)}ข้อความ${'</div>'.repeat(20_000)}</main></body></html>`;
		const r = lint('deep.html', deep);
		assert.deepEqual(at(r), ['1:1 page-limits:htmlDepth']);
		// An ordinary theme's depth (a few hundred) is read.
		const fine = lint(
			'fine.html',
			deep
				.replaceAll('<div>'.repeat(20_000), '<div>'.repeat(300))
				.replaceAll('</div>'.repeat(20_000), '</div>'.repeat(300)),
		);
		assert.deepEqual(at(fine), ['1:19 topic-unknown:recognisedTitle']);
	});

	it('reads the topic of a story from its category or breadcrumb, but not a part of a split topic', () => {
		const story = (title: string, crumb: string, category: string) =>
			[
				'<html><head><meta charset="utf-8"><title>t</title></head><body>', // 1
				`<nav class="breadcrumbs"><a href="/">หน้าแรก</a> › <a href="/x/">${crumb}</a> › <span>${title}</span></nav>`, // 2
				`<main><article><h1 class="entry-title">${title}</h1>`, // 3
				'<p>เนื้อหาของหน้า เผยแพร่เมื่อ 20 พฤศจิกายน 2569</p>', // 4
				`<footer class="entry-footer"><span class="cat-links"><a href="/c/" rel="category tag">${category}</a></span></footer>`, // 5
				'</article></main></body></html>',
			].join('\n');
		const news = lint('story.html', story('อบต.ซ่อมถนนสายบ้านโนนงาม', 'กิจกรรม', 'ข่าวประชาสัมพันธ์'), {
			url: 'https://www.example.go.th/2569/11/road/',
		});
		assert.deepEqual(at(news), ['3:16 topic-unknown:recognisedPlacement']);
		assert.equal(news.findings[0].args.evidence, 'ข่าวประชาสัมพันธ์');
		// Agency information has no item pages: a page under it may be one part (the executives).
		const part = lint('part.html', story('คณะผู้บริหาร', 'ข้อมูลหน่วยงาน', 'ทั่วไป'), {
			url: 'https://www.example.go.th/about/executives/',
		});
		assert.deepEqual([part.topic, at(part)], [undefined, []]);
	});
});

import * as path from 'node:path';
import type { FileReport } from './formatters/types';
import type { SchemaRegistry } from '../core/schema/registry';
import type { ResolvedConfig } from '../core/config/types';
import { BUILTIN_TOPIC_IDS } from '../core/schema/builtin';
import { formatMessage } from '../core/messages';
import { getRule, ruleDocsUrl } from '../core/rules/index';
import { formatDate, parseIsoDay } from '../core/thai/dates';
import { VERSION } from '../shared/version';
import { buildModel, SEVERITIES, type FreshnessEntry, type TopicView } from './report/model';
import {
	coverageRing,
	DUE_SOON_DAYS,
	freshnessChart,
	FRESHNESS_CHART_MAX,
	resetChartIds,
	ruleChart,
	severityChart,
} from './report/charts';
import { both, bothText, esc, num, SEVERITY_NAMES } from './report/html';
import { CSS, fontCss, SCRIPT } from './report/assets';
import { NOT_RUN_ON_HTML } from '../core/html/lint';
import type { CrawlSummary } from '../core/audit/types';

/** What the report needs besides the pages. */
export interface ReportContext {
	/** Where the report is written: page links are relative to it. */
	reportFile: string;
	cwd: string;
	registry: SchemaRegistry;
	config: ResolvedConfig;
	/** "Today" as YYYY-MM-DD (CE). */
	today: string;
	/** An audit of a published site: what was crawled, and what the HTML pages could not be checked for. */
	audit?: AuditContext;
}

/** What the report says about an audit (docs/audit.md#report). */
export interface AuditContext {
	site: string;
	crawl: CrawlSummary;
	/** Pages whose topic neither the configuration nor their title or headings named. */
	unrecognised: string[];
}

/** 27 พฤศจิกายน พ.ศ. 2569 / 27 November 2026. */
function longDate(iso: string): string {
	const d = parseIsoDay(iso);
	if (!d) return esc(iso);
	const written = { eraMarker: false, thaiDigits: false, dayPrefix: false } as const;
	return `<time datetime="${esc(iso)}">${both(formatDate(d, { ...written, style: 'th-long', era: 'BE', eraMarker: true }), formatDate(d, { ...written, style: 'en', era: 'CE' }))}</time>`;
}

/** The configuration on the first page: files, required topics, rules set, links, schemas. */
function configSummary(ctx: ReportContext): string {
	const c = ctx.config;
	const rel = (f: string) => esc(path.relative(ctx.cwd, f) || f);
	const rules = Object.entries(c.rules).map(([id, r]) => {
		const dflt = getRule(id)?.defaultSeverity;
		return `<li><code>${esc(id)}</code>: ${esc(r.level)}${Object.keys(r.options).length ? ` <code>${esc(JSON.stringify(r.options))}</code>` : ''}${dflt === r.level ? '' : ` <span class="en">(${esc(`default ${dflt ?? '?'}`)})</span>`}</li>`;
	});
	const required = c.requiredTopics ?? [...BUILTIN_TOPIC_IDS];
	const requiredText = !c.requiredTopics
		? both(`ครบทั้ง ${required.length} หัวข้อ (ค่าเริ่มต้น)`, `all ${required.length} (default)`)
		: required.map((id) => `<code>${esc(id)}</code>`).join(', ');
	const rows: [string, string][] = [
		[
			both('ไฟล์การตั้งค่า', 'Configuration files'),
			c.files.length
				? c.files.map((f) => `<code>${rel(f)}</code>`).join(', ')
				: both('ไม่มี ใช้ค่าเริ่มต้น', 'none, defaults'),
		],
		[both('หัวข้อที่ต้องมี', 'Required topics'), requiredText],
		[
			both('กฎที่ตั้งค่า', 'Rules set'),
			rules.length ? `<ul>${rules.join('')}</ul>` : both('ค่าเริ่มต้นทุกกฎ', 'all rules at their defaults'),
		],
		[both('การตรวจลิงก์', 'Link checks'), esc(c.links.mode ?? 'local')],
	];
	if (c.schemas.length)
		rows.push([both('สคีมาของหน่วยงาน', 'Unit schemas'), c.schemas.map((s) => `<code>${rel(s)}</code>`).join(', ')]);
	if (c.topics.length)
		rows.push([
			both('หัวข้อตามที่อยู่ไฟล์', 'Topics by path'),
			c.topics.map((t) => `<code>${esc(t.glob)}</code> → <code>${esc(t.topic)}</code>`).join(', '),
		]);
	return rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('');
}

/**
 * The site compliance report (docs/architecture.md#site-check-and-compliance-report): one self-contained HTML page, no network — the first page
 * with the date, the tool version and the configuration; charts of the coverage of the required
 * topics and their sections, the findings per severity and per rule, and the pages closest to going
 * stale; a section per topic (a printed page each); every finding in a table that filters and sorts —
 * in Thai first with English beside it, in the embedded Sarabun font, fit to print to A4 as audit
 * evidence.
 */
export function renderReport(reports: FileReport[], ctx: ReportContext): string {
	resetChartIds();
	const m = buildModel(reports, ctx);
	// A live page (an audit) is named and linked by its URL.
	const live = (file: string) => /^https?:\/\//i.test(file);
	const relFile = (file: string) =>
		live(file) ? file : path.relative(ctx.cwd, file).split(path.sep).join('/') || file;
	const href = (file: string) =>
		esc(live(file) ? file : encodeURI(path.relative(path.dirname(ctx.reportFile), file).split(path.sep).join('/')));
	const pageLink = (file: string) => `<a class="page" href="${href(file)}">${esc(relFile(file))}</a>`;
	const topicName = (t: TopicView) => (t.name ? both(t.name.th, t.name.en) : `<code>${esc(t.id)}</code>`);
	const required = m.topics.filter((t) => t.required);

	const tiles = [
		`<li id="topics-covered">${both('หัวข้อครบ', 'topics covered')}<strong>${required.filter((t) => t.ok).length}/${required.length}</strong></li>`,
		`<li id="pages">${both('หน้า', 'pages')}<strong>${num(m.pages.length)}</strong></li>`,
		...SEVERITIES.map(
			(s) =>
				`<li id="${s}s" class="${s}">${both(SEVERITY_NAMES[s].th, SEVERITY_NAMES[s].en)}<strong>${num(m.bySeverity[s])}</strong></li>`,
		),
		`<li id="stale">${both('หน้าเกินกำหนด', 'stale pages')}<strong>${num(m.freshness.filter((e) => e.stale).length)}</strong></li>`,
	];

	const rings = required.map((t) => {
		const missing = t.sections.filter((s) => !s.covered);
		const state = !t.pages.length
			? `<span class="state missing">${both('ยังไม่มีหน้า', 'no page')}</span>`
			: t.ok
				? `<span class="state ok">${both('ครบ', 'complete')}</span>`
				: `<span class="state missing">${both(`ขาด ${missing.length} ส่วน`, `${missing.length} missing`)}</span>`;
		const label = `${t.name ? bothText(t.name.th, t.name.en) : t.id}: ${t.covered}/${t.total}`;
		return `<li class="${t.ok ? 'ok' : 'missing'}" data-topic="${esc(t.id)}" data-covered="${t.covered}" data-total="${t.total}">${coverageRing(t, label)}<div><a href="#topic-${esc(t.id)}">${topicName(t)}</a><br>${state}</div></li>`;
	});

	const ruleRows = m.byRule.map((r) => {
		const rule = getRule(r.ruleId);
		return `<tr data-rule="${esc(r.ruleId)}"><th scope="row"><a href="${esc(ruleDocsUrl(r.ruleId))}"><code>${esc(r.ruleId)}</code></a></th><td>${rule ? both(rule.description.th, rule.description.en) : ''}</td>${SEVERITIES.map((s) => `<td class="n">${r[s] ? num(r[s]) : ''}</td>`).join('')}<td class="n">${num(r.total)}</td></tr>`;
	});

	// Days left, and a word only where it needs attention (a 2,000-page report stays small).
	const freshState = (e: FreshnessEntry | undefined) => {
		if (!e || e.ageDays === undefined)
			return `<td></td><td><span class="badge due">${both('ไม่มีวันที่', 'no date')}</span></td>`;
		if (e.remaining === undefined) return `<td class="n">—</td><td></td>`;
		if (e.stale)
			return `<td class="n">${e.remaining}</td><td><span class="badge stale">${both('เกินกำหนด', 'stale')}</span></td>`;
		return `<td class="n">${e.remaining}</td><td>${e.remaining <= DUE_SOON_DAYS ? `<span class="badge due">${both('ใกล้ครบกำหนด', 'due soon')}</span>` : ''}</td>`;
	};
	const pageRows = (pages: FileReport[]) =>
		pages
			.map((p) => {
				const e = m.freshnessOf.get(p);
				const count = (s: string) => p.findings.filter((f) => f.severity === s).length;
				return `<tr${e?.stale ? ' class="stale"' : ''}><th scope="row">${pageLink(p.filePath)}${p.meta?.title ? `<br>${esc(p.meta.title)}` : ''}</th><td>${esc(e?.updated ?? '—')}</td><td class="n">${e?.ageDays ?? '—'}</td><td class="n">${e?.maxAgeDays ?? '—'}</td>${freshState(e)}<td class="n">${count('error') || ''}</td><td class="n">${count('warning') || ''}</td></tr>`;
			})
			.join('\n');
	const pageTable = (pages: FileReport[]) =>
		`<table class="pages"><thead><tr><th scope="col">${both('หน้า', 'Page')}</th><th scope="col">${both('ปรับปรุงล่าสุด', 'Updated')}</th><th scope="col" class="n">${both('ผ่านมา (วัน)', 'Age (days)')}</th><th scope="col" class="n">${both('กำหนด (วัน)', 'Limit (days)')}</th><th scope="col" class="n">${both('เหลือ (วัน)', 'Days left')}</th><th scope="col">${both('สถานะ', 'State')}</th><th scope="col" class="n">${both('ผิดพลาด', 'Errors')}</th><th scope="col" class="n">${both('เตือน', 'Warnings')}</th></tr></thead><tbody>\n${pageRows(pages)}\n</tbody></table>`;

	const topicSections = m.topics.map((t) => {
		const sections = t.sections.length
			? `<ul class="sections">${t.sections.map((s) => `<li class="${s.covered ? 'ok' : 'missing'}" data-section="${esc(s.id)}"><span class="badge ${s.covered ? 'ok' : 'stale'}">${s.covered ? both('มี', 'present') : both('ขาด', 'missing')}</span> <span class="heading">${esc(s.heading.th)}</span> <span class="en" lang="en">${esc(s.heading.en)}</span></li>`).join('')}</ul>`
			: '';
		const head = t.unknown
			? both('ไม่มีสคีมาของหัวข้อนี้', 'no schema for this topic')
			: t.ok
				? both('ครบ', 'complete')
				: !t.pages.length
					? both('ยังไม่มีหน้า', 'no page')
					: both(`ครอบคลุม ${t.covered} จาก ${t.total} ส่วน`, `${t.covered} of ${t.total} sections covered`);
		return `<section class="topic" id="topic-${esc(t.id)}" data-topic="${esc(t.id)}" aria-labelledby="h-${esc(t.id)}"><h3 id="h-${esc(t.id)}">${topicName(t)} <code>${esc(t.id)}</code></h3>
<p class="state ${t.ok ? 'ok' : 'missing'}">${head}${t.required ? '' : ` · ${both('ไม่อยู่ในหัวข้อที่ต้องมี', 'not required')}`}</p>${sections}
${t.pages.length ? pageTable(t.pages) : ''}</section>`;
	});
	if (m.untopiced.length) {
		topicSections.push(
			`<section class="topic" id="topic--" data-topic="" aria-labelledby="h--"><h3 id="h--">${both('หน้าที่ไม่ระบุหัวข้อ', 'Pages without a topic')}</h3>\n${pageTable(m.untopiced)}</section>`,
		);
	}

	const topicOf = (r: FileReport) => (r.site ? 'site' : (r.topic ?? '-'));
	const findingRows = m.findings.map(({ report: r, finding: f }) => {
		const topic = topicOf(r);
		return `<tr class="sev-${f.severity}" data-topic="${esc(topic)}" data-rule="${esc(f.ruleId)}" data-severity="${f.severity}"><td><code>${esc(topic)}</code></td><td>${pageLink(r.filePath)}:${f.line}:${f.column}</td><td data-sort="${SEVERITIES.indexOf(f.severity)}"><span class="badge ${f.severity}">${esc(f.severity)}</span></td><td><code>${esc(f.ruleId)}</code></td><td>${esc(formatMessage(f, 'th'))}<div class="en" lang="en">${esc(formatMessage(f, 'en'))}</div></td></tr>`;
	});
	const options = (values: string[]) =>
		`<option value="">${esc(bothText('ทั้งหมด', 'all'))}</option>${values.map((v) => `<option value="${esc(v)}">${esc(v)}</option>`).join('')}`;
	const topicValues = [...new Set(m.findings.map((x) => topicOf(x.report)))].sort();
	const filters = `<div id="filters" hidden role="search" aria-label="${esc(bothText('กรองรายการ', 'Filter findings'))}">
<label>${both('หัวข้อ', 'Topic')}<select name="topic">${options(topicValues)}</select></label>
<label>${both('กฎ', 'Rule')}<select name="rule">${options(m.byRule.map((r) => r.ruleId).sort())}</select></label>
<label>${both('ระดับ', 'Severity')}<select name="severity">${options(SEVERITIES.filter((s) => m.bySeverity[s]))}</select></label>
<p>${both('แสดง', 'Showing')} <output id="shown" role="status">${m.findings.length} / ${m.findings.length}</output></p></div>`;

	const freshnessNote =
		m.freshness.length > FRESHNESS_CHART_MAX
			? `<p>${both(`แสดง ${FRESHNESS_CHART_MAX} หน้าที่ใกล้เกินกำหนดที่สุด จาก ${num(m.freshness.length)} หน้า ทุกหน้าอยู่ในส่วนรายหัวข้อ`, `The ${FRESHNESS_CHART_MAX} pages closest to going stale of ${num(m.freshness.length)}; every page is listed by topic below.`)}</p>`
			: '';
	const undated = m.pages.filter((p) => p.topic && m.freshnessOf.get(p)?.ageDays === undefined).length;

	return `${pageStart('รายงานผลการตรวจการเปิดเผยข้อมูล', 'รายงานผลการตรวจการเปิดเผยข้อมูลตามมาตรฐาน', 'Disclosure compliance report', ctx.today)}
<dt>${both('ขอบเขต', 'Scope')}</dt><dd>${both(`${num(m.pages.length)} หน้า`, `${num(m.pages.length)} pages`)}</dd>
${configSummary(ctx)}
${ctx.audit ? auditSummary(ctx.audit) : ''}
</dl>
<ul class="tiles" aria-label="${esc(bothText('สรุป', 'Summary'))}">${tiles.join('')}</ul>
</header>
<main>
<section id="overview" aria-labelledby="h-overview">
<h2 id="h-overview">${both('ภาพรวม', 'Overview')}</h2>
<h3 id="h-coverage">${both('ความครบถ้วนของหัวข้อและส่วนย่อย', 'Coverage of the topics and their sections')}</h3>
<p>${both('วงละหนึ่งหัวข้อ แต่ละช่วงคือหนึ่งส่วนที่ต้องมี: สีเขียวมีแล้ว สีแดงยังขาด', 'One ring per topic, a segment per required section: green present, red missing.')}</p>
<ul class="rings" id="coverage" aria-labelledby="h-coverage">
${rings.join('\n')}
</ul>
<div class="charts">
<figure id="severity-chart"><figcaption>${both('จำนวนที่พบตามระดับ', 'Findings per severity')}</figcaption>${severityChart(m.bySeverity)}</figure>
<figure id="rule-chart"><figcaption>${both('จำนวนที่พบตามกฎ', 'Findings per rule')}</figcaption>${ruleChart(m.byRule) || `<p>${both('ไม่พบปัญหา', 'No findings')}</p>`}</figure>
</div>
<figure id="freshness-chart"><figcaption>${both('ความเป็นปัจจุบัน: วันนับจากปรับปรุงล่าสุดเทียบกับกำหนดของหัวข้อ หน้าที่ใกล้เกินกำหนดก่อน', 'Freshness: days since the last review against the topic limit, closest to stale first')}</figcaption>
${freshnessChart(m.freshness, (e) => relFile(e.page.filePath)) || `<p>${both('ไม่มีหน้าที่มีทั้งวันที่ปรับปรุงและกำหนด', 'No page has both a review date and a limit')}</p>`}
<ul class="legend"><li><span class="key stale"></span>${both('เกินกำหนด', 'stale')}</li><li><span class="key due"></span>${both(`เหลือไม่เกิน ${DUE_SOON_DAYS} วัน`, `due within ${DUE_SOON_DAYS} days`)}</li><li><span class="key ok"></span>${both('ยังไม่ถึงกำหนด', 'fresh')}</li><li><span class="key limit"></span>${both('เส้นประ: กำหนด', 'dashed line: the limit')}</li></ul>
${freshnessNote}${undated ? `<p>${both(`${num(undated)} หน้าไม่มีวันที่ปรับปรุงที่อ่านได้`, `${num(undated)} pages have no readable review date`)}</p>` : ''}
</figure>
<h3 id="h-rules">${both('จำนวนที่พบตามกฎ', 'Findings per rule')}</h3>
<table id="rules"><thead><tr><th scope="col">${both('กฎ', 'Rule')}</th><th scope="col">${both('สิ่งที่ตรวจ', 'Reports')}</th>${SEVERITIES.map((s) => `<th scope="col" class="n">${both(SEVERITY_NAMES[s].th, SEVERITY_NAMES[s].en)}</th>`).join('')}<th scope="col" class="n">${both('รวม', 'Total')}</th></tr></thead><tbody>
${ruleRows.join('\n') || `<tr><td colspan="6">${both('ไม่พบปัญหา', 'No findings')}</td></tr>`}
</tbody></table>
</section>
<section id="topics" aria-labelledby="h-topics">
<h2 id="h-topics">${both('รายหัวข้อ', 'By topic')}</h2>
${topicSections.join('\n')}
</section>
<section id="findings-section" aria-labelledby="h-findings">
<h2 id="h-findings">${both('ปัญหาที่พบ', 'Findings')}</h2>
${filters}
<table id="findings"><thead><tr><th scope="col">${both('หัวข้อ', 'Topic')}</th><th scope="col">${both('ตำแหน่ง', 'Where')}</th><th scope="col">${both('ระดับ', 'Severity')}</th><th scope="col">${both('กฎ', 'Rule')}</th><th scope="col">${both('ข้อความ', 'Message')}</th></tr></thead><tbody>
${findingRows.join('\n') || `<tr><td colspan="5">${both('ไม่พบปัญหา', 'No findings')}</td></tr>`}
</tbody></table>
</section>
</main>
<footer><p>disclosure-lint ${esc(VERSION)} · ${esc(ctx.today)} · ${both('แบบอักษร Sarabun ฝังในไฟล์', 'Font: Sarabun, embedded')} (SIL Open Font License 1.1)</p></footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** The audit's facts on the first page: the site, the crawl, and the rules HTML pages are not checked by. */
function auditSummary(a: AuditContext): string {
	const c = a.crawl;
	const skipped = new Map<string, number>();
	for (const s of c.skipped) skipped.set(s.reason, (skipped.get(s.reason) ?? 0) + 1);
	const skippedText = [...skipped].map(([r, n]) => `${esc(r)}: ${num(n)}`).join(', ') || '—';
	const notRun = Object.entries(NOT_RUN_ON_HTML)
		.map(([id, why]) => `<li><code>${esc(id)}</code>: ${both(why.th, why.en)}</li>`)
		.join('');
	return [
		[both('เว็บไซต์ที่ตรวจ', 'Site audited'), `<a href="${esc(a.site)}">${esc(a.site)}</a>`],
		[
			both('การเก็บหน้า', 'Crawl'),
			both(
				`${num(c.pages)} หน้า คำขอ ${num(c.requests)} ครั้ง (ไม่เปลี่ยนแปลง ${num(c.notModified)}) robots.txt ${c.robots ? 'มี' : 'ไม่มี'} sitemap ${c.sitemap ? 'มี' : 'ไม่มี'}`,
				`${num(c.pages)} pages, ${num(c.requests)} requests (${num(c.notModified)} not modified), robots.txt ${c.robots ? 'found' : 'none'}, sitemap ${c.sitemap ? 'found' : 'none'}`,
			),
		],
		[both('ที่อยู่ที่ไม่ได้ตรวจ', 'Addresses not audited'), skippedText],
		[
			both('หน้าที่ไม่ทราบหัวข้อ', 'Pages of no known topic'),
			a.unrecognised.length
				? `<details><summary>${num(a.unrecognised.length)}</summary><ul>${a.unrecognised.map((u) => `<li><a href="${esc(u)}">${esc(u)}</a></li>`).join('')}</ul></details>`
				: '—',
		],
		[both('กฎที่ไม่ใช้กับหน้า HTML', 'Rules not run on HTML pages'), `<ul>${notRun}</ul>`],
	]
		.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`)
		.join('\n');
}

/**
 * The opening every page the CLI writes shares: the head with the embedded font and styles, the title
 * as H1 in Thai with English beside it, and the first facts (the day checked, the tool), up to the
 * open `<dl class="meta">` the caller goes on filling.
 */
function pageStart(titleTh: string, headingTh: string, en: string, today: string): string {
	return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="disclosure-lint ${esc(VERSION)}">
<title>${esc(titleTh)} / ${esc(en)}</title>
<style>
${fontCss()}
${CSS}</style>
</head>
<body>
<header id="first">
<h1>${esc(headingTh)} <span class="en" lang="en">${esc(en)}</span></h1>
<dl class="meta">
<dt>${both('วันที่ตรวจ', 'Checked on')}</dt><dd>${longDate(today)}</dd>
<dt>${both('เครื่องมือ', 'Tool')}</dt><dd>disclosure-lint ${esc(VERSION)}</dd>`;
}

/** A row of the summary of many audited units (`audit --sites`). */
export interface AuditSummaryRow {
	name?: string;
	url: string;
	pages: number;
	topicsCovered: number;
	topicsRequired: number;
	errors: number;
	warnings: number;
	stalePages: number;
	/** The site's own report, relative to the summary. */
	report?: string;
	/** Why the site gave no page, when it gave none. */
	problem?: string;
}

/** The summary table of an audit of many units: one row per site, linking to its report. */
export function renderAuditSummary(rows: AuditSummaryRow[], today: string): string {
	const body = rows
		.map(
			(r) =>
				`<tr><th scope="row">${r.name ? `${esc(r.name)}<br>` : ''}<a href="${esc(r.url)}">${esc(r.url)}</a></th><td class="n">${num(r.pages)}</td><td class="n">${num(r.topicsCovered)}/${num(r.topicsRequired)}</td><td class="n">${num(r.errors)}</td><td class="n">${num(r.warnings)}</td><td class="n">${num(r.stalePages)}</td><td>${r.report ? `<a href="${esc(encodeURI(r.report))}">${both('รายงาน', 'report')}</a>` : ''}${r.problem ? `<br>${both('ตรวจไม่ได้', 'not audited')}: <code>${esc(r.problem)}</code>` : ''}</td></tr>`,
		)
		.join('\n');
	return `${pageStart('สรุปผลการตรวจเว็บไซต์หน่วยงาน', 'สรุปผลการตรวจเว็บไซต์หน่วยงาน', 'Audit summary', today)}
<dt>${both('หน่วยงาน', 'Units')}</dt><dd>${num(rows.length)}</dd>
</dl>
</header>
<main>
<table id="sites"><thead><tr><th scope="col">${both('หน่วยงาน', 'Unit')}</th><th scope="col" class="n">${both('หน้า', 'Pages')}</th><th scope="col" class="n">${both('หัวข้อที่มี', 'Topics covered')}</th><th scope="col" class="n">${both('ข้อผิดพลาด', 'Errors')}</th><th scope="col" class="n">${both('คำเตือน', 'Warnings')}</th><th scope="col" class="n">${both('หน้าเกินกำหนด', 'Stale pages')}</th><th scope="col">${both('รายงาน', 'Report')}</th></tr></thead><tbody>
${body}
</tbody></table>
</main>
</body>
</html>
`;
}

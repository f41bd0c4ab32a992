import * as path from 'node:path';
import type { FileReport } from './formatters/types';
import type { SchemaRegistry } from '../core/schema/registry';
import type { ResolvedConfig } from '../core/config/types';
import { BUILTIN_TOPIC_IDS } from '../core/schema/builtin';
import { formatMessage } from '../core/messages';
import { RULES, ruleDocsUrl } from '../core/rules/index';
import { VERSION } from '../shared/version';

/** What the report needs besides the pages. */
export interface ReportContext {
	/** Where the report is written: page links are relative to it. */
	reportFile: string;
	cwd: string;
	registry: SchemaRegistry;
	config: ResolvedConfig;
	/** "Today" as YYYY-MM-DD (CE). */
	today: string;
}

function esc(s: unknown): string {
	return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function both(th: string, en: string): string {
	return `<span lang="th">${esc(th)}</span> <span lang="en" class="en">${esc(en)}</span>`;
}

/**
 * The site compliance report (SPEC §6.3): one self-contained HTML page, no network — coverage of the
 * required topics and their sections, freshness per page, counts per rule, every finding linked to
 * its page — in Thai and English, fit to attach as audit evidence.
 */
export function renderReport(reports: FileReport[], ctx: ReportContext): string {
	const pages = reports.filter((r) => !r.site);
	const link = (file: string) => esc(path.relative(path.dirname(ctx.reportFile), file).split(path.sep).join('/'));
	const shown = (file: string) => esc(path.relative(ctx.cwd, file) || file);
	const required = ctx.config.requiredTopics ?? [...BUILTIN_TOPIC_IDS];

	const coverageRows = required.map((id) => {
		const topic = ctx.registry.get(id);
		const of = pages.filter((p) => p.topic === id);
		const name = topic ? both(topic.x.name.th, topic.x.name.en) : esc(id);
		const sections = (topic?.x.sections ?? []).filter((s) => s.required !== false);
		const covered = sections.filter((s) => of.some((p) => (p.sections ? p.sections.includes(s.id) : !p.findings.some((f) => f.ruleId === 'section-missing' && f.data?.sectionId === s.id))));
		const ok = of.length > 0 && covered.length === sections.length;
		const missing = sections.filter((s) => !covered.includes(s)).map((s) => esc(s.heading.th)).join(', ');
		return `<tr class="${ok ? 'ok' : 'missing'}" data-topic="${esc(id)}"><td>${name}<br><code>${esc(id)}</code></td><td class="status">${ok ? '✔' : '✖'}</td><td>${of.length ? of.map((p) => `<a href="${link(p.filePath)}">${shown(p.filePath)}</a>`).join('<br>') : both('ยังไม่มีหน้า', 'no page')}</td><td>${sections.length ? `${covered.length}/${sections.length}` : '—'}${missing ? `<div class="gap">${both('ขาด:', 'missing:')} ${missing}</div>` : ''}</td></tr>`;
	});

	const freshnessRows = pages.filter((p) => p.topic).map((p) => {
		const m = p.meta ?? {};
		const stale = m.ageDays !== undefined && m.maxAgeDays != null && m.ageDays > m.maxAgeDays;
		return `<tr class="${stale ? 'missing' : 'ok'}"><td><a href="${link(p.filePath)}">${shown(p.filePath)}</a><br>${esc(m.title ?? '')}</td><td><code>${esc(p.topic)}</code></td><td>${esc(m.updated ?? '—')}</td><td>${m.ageDays ?? '—'}</td><td>${m.maxAgeDays ?? '∞'}</td><td class="status">${stale ? '✖' : '✔'}</td></tr>`;
	});

	const counts = new Map<string, number>();
	for (const r of reports) for (const f of r.findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
	const countRows = RULES.filter((r) => counts.has(r.id)).map((r) => `<tr><td><a href="${esc(ruleDocsUrl(r.id))}"><code>${esc(r.id)}</code></a></td><td>${both(r.description.th, r.description.en)}</td><td>${counts.get(r.id)}</td></tr>`);

	const findingRows = reports.flatMap((r) => r.findings.map((f) => `<tr class="${f.severity}"><td><a href="${link(r.filePath)}">${shown(r.filePath)}</a>:${f.line}:${f.column}</td><td>${esc(f.severity)}</td><td><code>${esc(f.ruleId)}</code></td><td>${esc(formatMessage(f, 'th'))}<div class="en">${esc(formatMessage(f, 'en'))}</div></td></tr>`));
	const errors = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
	const warnings = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);

	return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>รายงานการเปิดเผยข้อมูล / Disclosure compliance report</title>
<style>
body { font-family: "Sarabun", "Noto Sans Thai", "Tahoma", sans-serif; margin: 2rem; color: #1a1a1a; line-height: 1.5; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { margin-top: 2rem; border-bottom: 2px solid #ddd; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; } th, td { border: 1px solid #ccc; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; } tr.ok .status { color: #17803d; font-weight: bold; } tr.missing .status { color: #b42318; font-weight: bold; }
tr.missing { background: #fff5f5; } tr.error td:nth-child(2) { color: #b42318; } tr.warning td:nth-child(2) { color: #a15c00; }
.en { color: #555; font-size: .9em; } .gap { color: #b42318; font-size: .9em; } .summary { display: flex; gap: 1rem; } .summary div { border: 1px solid #ccc; padding: .5rem 1rem; border-radius: 6px; }
</style>
</head>
<body>
<h1>รายงานการเปิดเผยข้อมูลตามมาตรฐาน <span class="en">/ Disclosure compliance report</span></h1>
<p>${both('ตรวจเมื่อ', 'Checked on')} <strong>${esc(ctx.today)}</strong> · disclosure-lint ${esc(VERSION)} · ${both(`${pages.length} หน้า`, `${pages.length} pages`)}</p>
<div class="summary"><div id="errors">${both('ข้อผิดพลาด', 'errors')}: <strong>${errors}</strong></div><div id="warnings">${both('คำเตือน', 'warnings')}: <strong>${warnings}</strong></div></div>
<h2>${both('ความครบถ้วนของหัวข้อ', 'Topic coverage')}</h2>
<table id="coverage"><thead><tr><th>${both('หัวข้อ', 'Topic')}</th><th>${both('ครบ', 'Covered')}</th><th>${both('หน้า', 'Pages')}</th><th>${both('หัวข้อย่อย', 'Sections')}</th></tr></thead><tbody>
${coverageRows.join('\n')}
</tbody></table>
<h2>${both('ความเป็นปัจจุบัน', 'Freshness')}</h2>
<table id="freshness"><thead><tr><th>${both('หน้า', 'Page')}</th><th>${both('หัวข้อ', 'Topic')}</th><th>${both('ปรับปรุงล่าสุด', 'Updated')}</th><th>${both('ผ่านมา (วัน)', 'Age (days)')}</th><th>${both('ไม่เกิน (วัน)', 'Limit (days)')}</th><th>${both('สถานะ', 'Status')}</th></tr></thead><tbody>
${freshnessRows.join('\n')}
</tbody></table>
<h2>${both('จำนวนตามกฎ', 'Findings per rule')}</h2>
<table id="rules"><thead><tr><th>${both('กฎ', 'Rule')}</th><th>${both('ตรวจอะไร', 'Reports')}</th><th>${both('จำนวน', 'Count')}</th></tr></thead><tbody>
${countRows.join('\n') || `<tr><td colspan="3">${both('ไม่พบปัญหา', 'No findings')}</td></tr>`}
</tbody></table>
<h2>${both('รายการที่พบ', 'Findings')}</h2>
<table id="findings"><thead><tr><th>${both('ตำแหน่ง', 'Where')}</th><th>${both('ระดับ', 'Severity')}</th><th>${both('กฎ', 'Rule')}</th><th>${both('ข้อความ', 'Message')}</th></tr></thead><tbody>
${findingRows.join('\n') || `<tr><td colspan="4">${both('ไม่พบปัญหา', 'No findings')}</td></tr>`}
</tbody></table>
</body>
</html>
`;
}

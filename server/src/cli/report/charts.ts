// Inline SVG charts, drawn when the report is written: no chart library, nothing from the network.
// Each chart is an <svg role="img"> named by its <title>; the numbers it shows are also written as text
// (in the chart and in the tables below it), so it reads in print, in grey and to a screen reader.
import type { Severity } from '../../core/types';
import type { FreshnessEntry, RuleCount, TopicView } from './model';
import { SEVERITIES } from './model';
import { bothText, esc, num, SEVERITY_NAMES } from './html';

export const COLORS = {
	ok: '#1a7f37',
	missing: '#b42318',
	due: '#b54708',
	track: '#d0d5dd',
	error: '#b42318',
	warning: '#b54708',
	info: '#175cd3',
	text: '#1a1a1a',
	grid: '#667085',
} as const;

/** How many pages the freshness chart draws (all of them are in the tables). */
export const FRESHNESS_CHART_MAX = 60;
/** A page within this many days of its limit is drawn as due soon. */
export const DUE_SOON_DAYS = 30;

let ids = 0;
/** Start the chart ids again (one report's ids are unique; two reports are alike). */
export function resetChartIds(): void {
	ids = 0;
}

function svgOpen(width: number, height: number, label: string, cls: string): string {
	const id = `chart-${++ids}`;
	return `<svg class="${cls}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}"><title id="${id}">${esc(label)}</title>`;
}

/** One ring per topic, a segment per required section: green covered, red missing. */
export function coverageRing(t: TopicView, label: string): string {
	const r = 28;
	const c = 2 * Math.PI * r;
	const n = t.total;
	const gap = n > 1 ? Math.min(3, c / n / 4) : 0;
	const parts = t.sections.length ? t.sections.map((s) => s.covered) : [t.covered > 0];
	const segs = parts.map((covered, i) => {
		const dash = c / n - gap;
		return `<circle cx="36" cy="36" r="${r}" fill="none" stroke="${covered ? COLORS.ok : COLORS.missing}" stroke-width="${covered ? 10 : 6}" stroke-dasharray="${dash.toFixed(2)} ${(c - dash).toFixed(2)}" stroke-dashoffset="${(-(i * c) / n).toFixed(2)}"/>`;
	});
	return `${svgOpen(72, 72, label, 'ring')}<g transform="rotate(-90 36 36)"><circle cx="36" cy="36" r="${r}" fill="none" stroke="${COLORS.track}" stroke-width="2"/>${segs.join('')}</g><text x="36" y="41" text-anchor="middle" class="ring-num" fill="${COLORS.text}">${t.covered}/${t.total}</text></svg>`;
}

/** Horizontal bars: findings per severity. */
export function severityChart(counts: Record<Severity, number>): string {
	const max = Math.max(1, ...SEVERITIES.map((s) => counts[s]));
	const W = 260;
	const rows = SEVERITIES.map((s, i) => {
		const y = i * 30;
		const w = (counts[s] / max) * W;
		const name = SEVERITY_NAMES[s];
		return (
			`<g class="bar" data-severity="${s}"><text x="0" y="${y + 17}" class="label">${esc(name.th)}</text><text x="74" y="${y + 17}" class="label en" lang="en">${esc(name.en)}</text>` +
			`<rect x="140" y="${y + 4}" width="${Math.max(w, counts[s] ? 2 : 0).toFixed(1)}" height="18" fill="${COLORS[s]}"/>` +
			`<text x="${(146 + w).toFixed(1)}" y="${y + 18}" class="value">${num(counts[s])}</text></g>`
		);
	});
	const label = `${bothText('จำนวนที่พบตามระดับ', 'Findings per severity')}: ${SEVERITIES.map((s) => `${SEVERITY_NAMES[s].en} ${counts[s]}`).join(', ')}`;
	return `${svgOpen(460, 90, label, 'chart severity-chart')}${rows.join('')}</svg>`;
}

/** Horizontal bars: findings per rule, stacked by severity, most frequent first. */
export function ruleChart(rules: RuleCount[]): string {
	if (!rules.length) return '';
	const max = Math.max(...rules.map((r) => r.total));
	const X = 250;
	const W = 330;
	const H = 24;
	const rows = rules.map((r, i) => {
		const y = i * H;
		let x = X;
		const rects = SEVERITIES.filter((s) => r[s]).map((s) => {
			const w = Math.max(2, (r[s] / max) * W);
			const rect = `<rect x="${x.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="16" fill="${COLORS[s]}"><title>${esc(`${r.ruleId}: ${r[s]} ${SEVERITY_NAMES[s].en}`)}</title></rect>`;
			x += w;
			return rect;
		});
		return `<g class="bar" data-rule="${esc(r.ruleId)}"><text x="${X - 8}" y="${y + 17}" text-anchor="end" class="label mono">${esc(r.ruleId)}</text>${rects.join('')}<text x="${(x + 6).toFixed(1)}" y="${y + 17}" class="value">${num(r.total)}</text></g>`;
	});
	const label = `${bothText('จำนวนที่พบตามกฎ', 'Findings per rule')}: ${rules.map((r) => `${r.ruleId} ${r.total}`).join(', ')}`;
	return `${svgOpen(X + W + 60, rules.length * H + 4, label, 'chart rule-chart')}${rows.join('')}</svg>`;
}

/** A path shortened from the left to fit a label. */
function shorten(s: string, max: number): string {
	return s.length <= max ? s : `…${s.slice(s.length - max + 1)}`;
}

/**
 * Days since each page's last review against its topic's limit, closest to going stale first: a bar
 * per page as a share of its own limit, the limit a dashed line; red stale, amber due within 30 days.
 */
export function freshnessChart(entries: FreshnessEntry[], name: (e: FreshnessEntry) => string): string {
	if (!entries.length) return '';
	const shown = entries.slice(0, FRESHNESS_CHART_MAX);
	const ratio = (e: FreshnessEntry) => e.ageDays! / Math.max(1, e.maxAgeDays as number);
	const domain = Math.min(2, Math.max(1.25, ...shown.map(ratio)));
	const X = 330;
	const W = 300;
	const H = 22;
	const limitX = X + W / domain;
	const rows = shown.map((e, i) => {
		const y = 18 + i * H;
		const w = Math.min(W, (ratio(e) / domain) * W);
		const color = e.stale ? COLORS.missing : e.remaining! <= DUE_SOON_DAYS ? COLORS.due : COLORS.ok;
		const file = name(e);
		const state = e.stale
			? `เกินกำหนด ${-e.remaining!} วัน / stale by ${-e.remaining!} days`
			: `เหลือ ${e.remaining} วัน / ${e.remaining} days left`;
		return (
			`<g class="bar" data-file="${esc(file)}" data-age="${e.ageDays}" data-limit="${e.maxAgeDays}"><title>${esc(`${file}: ${e.updated ?? ''} · ${state}`)}</title>` +
			`<text x="${X - 8}" y="${y + 15}" text-anchor="end" class="label mono">${esc(shorten(file, 44))}</text>` +
			`<rect x="${X}" y="${y + 3}" width="${Math.max(2, w).toFixed(1)}" height="16" fill="${color}"/>` +
			`<text x="${(X + Math.max(2, w) + 6).toFixed(1)}" y="${y + 15}" class="value">${e.ageDays}/${e.maxAgeDays}</text></g>`
		);
	});
	const height = 18 + shown.length * H + 4;
	const label = `${bothText('วันนับจากปรับปรุงล่าสุดเทียบกับกำหนดของหัวข้อ', 'Days since the last review against the topic limit')}: ${shown.filter((e) => e.stale).length} stale`;
	const axis = `<text x="${limitX.toFixed(1)}" y="12" text-anchor="middle" class="axis">กำหนด · limit</text><line x1="${limitX.toFixed(1)}" x2="${limitX.toFixed(1)}" y1="16" y2="${height}" stroke="${COLORS.grid}" stroke-width="1.5" stroke-dasharray="4 3"/>`;
	return `${svgOpen(X + W + 80, height, label, 'chart freshness-chart')}${rows.join('')}${axis}</svg>`;
}

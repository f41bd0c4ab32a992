import type { FileReport } from '../formatters/types';
import type { Finding, Severity } from '../../core/types';
import type { ReportContext } from '../report';
import { siteCoverage, type TopicCoverage } from '../../core/coverage';
export type { SectionCoverage } from '../../core/coverage';

/** A topic as the report shows it: its pages, its sections and how far they are covered. */
export type TopicView = TopicCoverage<FileReport>;

/** A page's review date against its topic's limit. */
export interface FreshnessEntry {
	page: FileReport;
	topic?: string;
	updated?: string;
	ageDays?: number;
	/** null: the topic sets no limit; undefined: unknown (no topic). */
	maxAgeDays?: number | null;
	/** Days left before the page is stale (negative: stale for that many days). */
	remaining?: number;
	stale: boolean;
}

/** Findings of one rule, by severity. */
export interface RuleCount {
	ruleId: string;
	error: number;
	warning: number;
	info: number;
	total: number;
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface ReportModel {
	pages: FileReport[];
	/** The required topics first (config order), then other topics with pages. */
	topics: TopicView[];
	/** Pages without a topic. */
	untopiced: FileReport[];
	/** Pages with a date and a limit, closest to going stale first. */
	freshness: FreshnessEntry[];
	/** Every page's entry, by file. */
	freshnessOf: Map<FileReport, FreshnessEntry>;
	bySeverity: Record<Severity, number>;
	byRule: RuleCount[];
	findings: { report: FileReport; finding: Finding }[];
}

/** What the report shows, computed once from the run's reports. */
export function buildModel(reports: FileReport[], ctx: ReportContext): ReportModel {
	const pages = reports.filter((r) => !r.site);
	const untopiced = pages.filter((p) => !p.topic);
	const topics: TopicView[] = siteCoverage(pages, ctx.registry, ctx.config);

	const freshnessOf = new Map<FileReport, FreshnessEntry>();
	for (const p of pages) {
		const m = p.meta ?? {};
		const limited = m.ageDays !== undefined && typeof m.maxAgeDays === 'number';
		const remaining = limited ? (m.maxAgeDays as number) - m.ageDays! : undefined;
		freshnessOf.set(p, {
			page: p,
			topic: p.topic,
			updated: m.updated,
			ageDays: m.ageDays,
			maxAgeDays: p.topic ? m.maxAgeDays : undefined,
			remaining,
			stale: remaining !== undefined && remaining < 0,
		});
	}
	const freshness = [...freshnessOf.values()]
		.filter((e) => e.remaining !== undefined)
		.sort((a, b) => a.remaining! - b.remaining! || a.page.filePath.localeCompare(b.page.filePath));

	const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
	const rules = new Map<string, RuleCount>();
	const findings: ReportModel['findings'] = [];
	for (const r of reports) {
		for (const f of r.findings) {
			bySeverity[f.severity]++;
			const c =
				rules.get(f.ruleId) ??
				rules.set(f.ruleId, { ruleId: f.ruleId, error: 0, warning: 0, info: 0, total: 0 }).get(f.ruleId)!;
			c[f.severity]++;
			c.total++;
			findings.push({ report: r, finding: f });
		}
	}
	const byRule = [...rules.values()].sort((a, b) => b.total - a.total || a.ruleId.localeCompare(b.ruleId));
	return { pages, topics, untopiced, freshness, freshnessOf, bySeverity, byRule, findings };
}

import type { FileReport } from '../formatters/types';
import type { Finding, LocalizedText, Severity } from '../../core/types';
import type { ReportContext } from '../report';
import { BUILTIN_TOPIC_IDS } from '../../core/schema/builtin';

/** A section of a required topic, and whether some page covers it. */
export interface SectionCoverage {
	id: string;
	heading: LocalizedText;
	covered: boolean;
}

/** A topic as the report shows it: its pages, its sections and how far they are covered. */
export interface TopicView {
	id: string;
	name?: LocalizedText;
	/** Whether `requiredTopics` (default: all ten) asks for it. */
	required: boolean;
	/** The topic id is unknown to the schemas (a requiredTopics entry without a schema). */
	unknown: boolean;
	pages: FileReport[];
	/** The required sections (none: the topic has no sections, a page covers it). */
	sections: SectionCoverage[];
	/** Covered parts out of all: sections, or 1 of 1 for a topic without sections that has a page. */
	covered: number;
	total: number;
	ok: boolean;
}

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

/** Whether a section-missing finding on the page names the section. */
function reportsMissing(page: FileReport, sectionId: string): boolean {
	return page.findings.some((f) => f.ruleId === 'section-missing' && f.data?.sectionId === sectionId);
}

/** What the report shows, computed once from the run's reports. */
export function buildModel(reports: FileReport[], ctx: ReportContext): ReportModel {
	const pages = reports.filter((r) => !r.site);
	const requiredIds = ctx.config.requiredTopics ?? [...BUILTIN_TOPIC_IDS];
	const pagesOf = new Map<string, FileReport[]>();
	const untopiced: FileReport[] = [];
	for (const p of pages) {
		if (!p.topic) untopiced.push(p);
		else (pagesOf.get(p.topic) ?? pagesOf.set(p.topic, []).get(p.topic)!).push(p);
	}
	const ids = [...requiredIds, ...[...pagesOf.keys()].filter((id) => !requiredIds.includes(id)).sort()];
	const topics = ids.map((id): TopicView => {
		const topic = ctx.registry.get(id);
		const of = pagesOf.get(id) ?? [];
		// The topic's own required sections, and any other section its pages report missing (a section
		// of a kind of page or of a variant, which the report cannot tell apart page by page).
		const specs: { id: string; heading: LocalizedText }[] = (topic?.x.sections ?? []).filter((s) => s.required !== false);
		const known = [topic?.x.kinds?.hub, topic?.x.kinds?.item, ...(topic?.x.variants ?? [])].flatMap((k) => k?.sections ?? []);
		for (const p of of) {
			for (const f of p.findings) {
				const id = f.ruleId === 'section-missing' ? f.data?.sectionId : undefined;
				if (typeof id !== 'string' || specs.some((s) => s.id === id)) continue;
				const heading = known.find((s) => s.id === id)?.heading ?? { th: String(f.data?.heading ?? id), en: id };
				specs.push({ id, heading });
			}
		}
		// A section is covered by a page split with `sections:` that lists it (or one of its
		// sub-sections, as topic-coverage counts it), or by a whole page that does not report it missing.
		const listed = new Set(of.flatMap((p) => p.sections ?? []));
		for (const s of topic?.x.sections ?? []) if (s.parent && listed.has(s.id)) listed.add(s.parent);
		const sections = specs.map((s) => ({
			id: s.id,
			heading: s.heading,
			covered: listed.has(s.id) || of.some((p) => !p.sections && !reportsMissing(p, s.id)),
		}));
		const covered = sections.length ? sections.filter((s) => s.covered).length : of.length ? 1 : 0;
		const total = sections.length || 1;
		return { id, name: topic?.x.name, required: requiredIds.includes(id), unknown: !topic, pages: of, sections, covered, total, ok: of.length > 0 && covered === total };
	});

	const freshnessOf = new Map<FileReport, FreshnessEntry>();
	for (const p of pages) {
		const m = p.meta ?? {};
		const limited = m.ageDays !== undefined && typeof m.maxAgeDays === 'number';
		const remaining = limited ? (m.maxAgeDays as number) - m.ageDays! : undefined;
		freshnessOf.set(p, { page: p, topic: p.topic, updated: m.updated, ageDays: m.ageDays, maxAgeDays: p.topic ? m.maxAgeDays : undefined, remaining, stale: remaining !== undefined && remaining < 0 });
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
			const c = rules.get(f.ruleId) ?? rules.set(f.ruleId, { ruleId: f.ruleId, error: 0, warning: 0, info: 0, total: 0 }).get(f.ruleId)!;
			c[f.severity]++;
			c.total++;
			findings.push({ report: r, finding: f });
		}
	}
	const byRule = [...rules.values()].sort((a, b) => b.total - a.total || a.ruleId.localeCompare(b.ruleId));
	return { pages, topics, untopiced, freshness, freshnessOf, bySeverity, byRule, findings };
}

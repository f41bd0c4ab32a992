import type { Finding, Host, Locale, Report, Severity } from './types';
import { parseDocument, type ParsedDocument } from './parse/document';
import { budgetFrom } from './parse/limits';
import type { FrontMatter } from './parse/frontMatter';
import type { ParseCache } from './parse/incremental';
import type { SchemaRegistry, TopicSchema } from './schema/registry';
import type { ResolvedConfig, RuleConfig } from './config/types';
import { topicFromConfig } from './config/resolve';
import { daysBetween, toIsoCE, type CalendarDate } from './thai/dates';
import { Facts, type FreshnessOptions } from './facts';
import {
	RULES,
	getRule,
	internalErrorReport,
	pageLimitReport,
	reasonMissingReports,
	unusedDirectiveReports,
	type LinkContext,
	type Rule,
	type RuleContext,
	type TopicResolution,
} from './rules/index';
import { readDirectives, suppressedBy, type Directive } from './suppressions';

/** What a lint run needs besides the page. */
export interface LintEnvironment {
	registry: SchemaRegistry;
	config: ResolvedConfig;
	/** "Today" in Asia/Bangkok (or fixed by `--today`). */
	today: CalendarDate;
	locale: Locale;
	/** The rules to run (default: all); tests and embedders may pass their own. */
	rules?: readonly Rule[];
	/** File access for relative links and downloads. */
	host?: Host;
	/** The workspace root. */
	root?: string;
	/** Link checking services. */
	links?: LinkContext;
	/** Reuse the unchanged parts of this page's previous parse (an editor's open buffer). */
	parseCache?: ParseCache;
	/** What the page was written in (default Markdown): rules word their advice for it. */
	format?: 'markdown' | 'html';
	/** The topic decided before the page was parsed (an HTML page's, recognised from its markup). */
	topicDecided?: { topic?: TopicSchema; resolution: TopicResolution };
}

/** A page as the compliance report lists it. */
export interface PageMeta {
	title?: string;
	/** `updated` as an ISO (CE) date, when it is a valid date. */
	updated?: string;
	/** Days since `updated`, and the most the topic allows (null: no limit). */
	ageDays?: number;
	maxAgeDays?: number | null;
}

/** The findings of one page, and what the site check and the editor need to know about it. */
export interface PageResult {
	path: string;
	findings: Finding[];
	/** The page's topic id, when known. */
	topic?: string;
	/** Section ids listed in `sections:` (for the site check). */
	sections?: string[];
	/** The page's http(s) URLs, in online link mode (for the external check). */
	externalUrls?: string[];
	/** What the compliance report shows of the page. */
	meta?: PageMeta;
	/** Other files the result depends on (link targets), when the engine records them. */
	dependencies?: string[];
	document: ParsedDocument;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The configured level of a rule for a page. */
export function ruleLevel(rule: Rule, config: ResolvedConfig): RuleConfig {
	return config.rules[rule.id] ?? { level: rule.defaultSeverity, options: {} };
}

/**
 * The configured severity of a rule the engine reports itself (internal-error, page-limits, the
 * suppression rules, file-unreadable, topic-coverage), or undefined when it is off.
 */
export function engineRuleLevel(ruleId: string, config: ResolvedConfig): Severity | undefined {
	const { level } = ruleLevel(getRule(ruleId)!, config);
	return level === 'off' ? undefined : level;
}

/** The front matter as a plain mapping; undefined when absent, broken or not a mapping. */
export function frontMatterData(fm: FrontMatter | undefined): Record<string, unknown> | undefined {
	// An empty front matter (`---` / `---`) parses to null: it is an empty mapping, so its missing keys are reported.
	const value = fm && fm.closed && fm.problems.length === 0 && fm.value == null ? {} : fm?.value;
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: undefined;
}

/** Decide the topic of a page: its `topic` key, else a config glob, else none (docs/architecture.md#topic-resolution). */
export function resolveTopic(
	path: string,
	data: Record<string, unknown> | undefined,
	env: Pick<LintEnvironment, 'registry' | 'config'>,
): { topic?: TopicSchema; resolution: TopicResolution } {
	const value = data?.topic;
	if (value !== undefined && value !== null && value !== '') {
		if (typeof value !== 'string') return { resolution: { source: 'front-matter', value, problem: 'not-text' } };
		const m = env.registry.resolve(value);
		if (m) return { topic: m.topic, resolution: { source: 'front-matter', value, by: m.by } };
		return { resolution: { source: 'front-matter', value, problem: 'unknown' } };
	}
	const fromConfig = topicFromConfig(env.config, path);
	if (fromConfig) {
		const t = env.registry.get(fromConfig);
		return t
			? { topic: t, resolution: { source: 'config', value: fromConfig } }
			: { resolution: { source: 'config', value: fromConfig, problem: 'unknown-config' } };
	}
	return { resolution: { source: 'none', problem: 'missing' } };
}

/** Lint one page's text. Never throws for user content: a failing rule becomes one `internal-error`. */
export function lintText(path: string, text: string, env: LintEnvironment): PageResult {
	const doc = parseDocument(
		path,
		text,
		env.parseCache,
		budgetFrom(ruleLevel(getRule('page-limits')!, env.config).options),
	);
	const data = frontMatterData(doc.frontMatter);
	const { topic, resolution } = env.topicDecided ?? resolveTopic(path, data, env);
	const facts = new Facts(
		doc,
		data,
		topic,
		{ workdayMinutes: env.config.workdayMinutes },
		topic ? env.config.aliases[topic.id] : undefined,
	);
	const raw: { rule: Rule; report: Report; level: Severity }[] = [];
	const base = {
		doc,
		topic,
		topicResolution: resolution,
		data,
		registry: env.registry,
		config: env.config,
		today: env.today,
		locale: env.locale,
		facts,
		host: env.host,
		root: env.root,
		links: env.links,
		format: env.format,
	};

	for (const rule of env.rules ?? RULES) {
		if (!rule.check || rule.scope !== 'page' || (rule.needsBody && doc.limit)) continue;
		const { level, options } = ruleLevel(rule, env.config);
		if (level === 'off') continue;
		const ctx: RuleContext = { ...base, options };
		try {
			rule.check(ctx, (report) => raw.push({ rule, report, level }));
		} catch (err) {
			pushInternalError(raw, env.config, rule.id, err);
		}
	}

	const directives = readDirectives(doc);
	const findings: Finding[] = [];
	for (const { rule, report, level } of raw) {
		const f = toFinding(doc, rule.id, report, level);
		if (!suppressedBy(directives, f.ruleId, f.line)) findings.push(f);
	}
	findings.push(...directiveFindings(doc, directives, env.config));
	const limitFinding = pageLimitFinding(doc, env.config);
	if (limitFinding) findings.push(limitFinding);
	findings.sort(compareFindings);
	const held = facts.requiredSectionIds();
	const sections = held && [...held];
	const urls =
		env.links?.mode === 'online'
			? [...new Set(facts.externalUrls(env.config.links.exclude).map((u) => u.url))]
			: undefined;
	const updated = facts.dateAt('updated')?.match?.date ?? undefined;
	const meta: PageMeta = {
		title: typeof data?.title === 'string' ? data.title : undefined,
		updated: updated ? toIsoCE(updated) : undefined,
		ageDays: updated ? daysBetween(updated, env.today) : undefined,
		// The age content-stale allows, with its configured options.
		maxAgeDays: topic
			? facts.freshness(ruleLevel(getRule('content-stale')!, env.config).options as FreshnessOptions).maxAgeDays
			: undefined,
	};
	return { path, findings, topic: topic?.id, sections, externalUrls: urls, meta, document: doc };
}

function pushInternalError(
	raw: { rule: Rule; report: Report; level: Severity }[],
	config: ResolvedConfig,
	ruleId: string,
	err: unknown,
): void {
	const rule = getRule('internal-error')!;
	const level = engineRuleLevel(rule.id, config);
	if (!level) return;
	raw.push({ rule, level, report: internalErrorReport(ruleId, err) });
}

/** page-limits (`rules/pageLimits.ts`): the page the parser refused, unless the rule is off. */
function pageLimitFinding(doc: ParsedDocument, config: ResolvedConfig): Finding | undefined {
	const level = engineRuleLevel('page-limits', config);
	const report = pageLimitReport(doc);
	return level && report ? toFinding(doc, 'page-limits', report, level) : undefined;
}

/** suppression-reason-missing and suppression-unused (their rule files), after every rule ran. */
function directiveFindings(doc: ParsedDocument, directives: Directive[], config: ResolvedConfig): Finding[] {
	const out: Finding[] = [];
	const reasonLevel = engineRuleLevel('suppression-reason-missing', config);
	if (reasonLevel)
		for (const r of reasonMissingReports(doc, directives))
			out.push(toFinding(doc, 'suppression-reason-missing', r, reasonLevel));
	const unusedLevel = engineRuleLevel('suppression-unused', config);
	if (unusedLevel)
		for (const r of unusedDirectiveReports(doc, directives, (id) => getRule(id) !== undefined))
			out.push(toFinding(doc, 'suppression-unused', r, unusedLevel));
	return out;
}

/** Resolve a report's severity and positions. */
export function toFinding(doc: ParsedDocument, ruleId: string, r: Report, level: Severity): Finding {
	const severity = r.severity && SEVERITY_RANK[r.severity] < SEVERITY_RANK[level] ? r.severity : level;
	const start = beforeCr(doc.text, r.start);
	const end = beforeCr(doc.text, Math.max(r.end, r.start));
	const s = doc.lines.position(start);
	const e = doc.lines.position(end);
	const f: Finding = {
		ruleId,
		severity,
		messageId: r.messageId,
		args: r.args ?? {},
		start,
		end,
		line: s.line,
		column: s.column,
		endLine: e.line,
		endColumn: e.column,
	};
	if (r.fix) f.fix = r.fix;
	if (r.data) f.data = r.data;
	return f;
}

/**
 * An offset between a CR and its LF (a rule's range that ends on the CR of a CRLF line) moved before the
 * CR: the line's end, so no range ends past the last column of its line.
 */
function beforeCr(text: string, offset: number): number {
	return offset > 0 && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10 ? offset - 1 : offset;
}

/** Order findings by position, then rule id. */
export function compareFindings(a: Finding, b: Finding): number {
	return (
		a.line - b.line ||
		a.column - b.column ||
		a.ruleId.localeCompare(b.ruleId) ||
		a.messageId.localeCompare(b.messageId)
	);
}

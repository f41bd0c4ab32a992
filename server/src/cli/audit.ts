import * as fs from 'node:fs';
import * as path from 'node:path';
import { isIP } from 'node:net';
import type { Engine } from '../core/engine';
import { crawlSite, DEFAULT_CRAWL_OPTIONS } from '../core/audit/crawl';
import type { CrawlOptions, CrawlSummary } from '../core/audit/types';
import { siteFindings } from '../core/site';
import { matchesGlob } from '../core/config/resolve';
import { htmlPageLinks, type HtmlPageResult } from '../core/html/lint';
import { fileReport } from './pool';
import type { ReportModel } from './report/model';
import type { AuditSummaryRow } from './report';
import { AuditCacheFile } from '../node/auditCache';
import { undiciPageFetcher } from '../node/pageFetcher';
import type { FileReport } from './formatters/types';
import type { Finding } from '../core/types';
import type { Verdict } from '../core/links/verdict';
import { UsageError } from './args';

/** The options of `disclosure-lint audit` besides the common ones (format, output, today, locale, config). */
export interface AuditOptions {
	sites: { url: string; name?: string }[];
	maxPages: number;
	maxDepth: number;
	perHost: number;
	/** Sites audited at once (each polite on its own). */
	parallelSites: number;
	cache: boolean;
	cacheLocation?: string;
	report?: string;
	online: boolean;
	linksAllowPrivate: boolean;
}

export const AUDIT_HELP = `disclosure-lint audit [options] URL [URL …]
disclosure-lint audit [options] --sites FILE
  Audit published websites: crawl each unit's own host (robots.txt and sitemap.xml honoured) and
  lint its HTML pages with the same rules as Markdown (docs/audit.md).

  --sites FILE                   units to audit, one per line: URL, then optionally the unit's name
  --max-pages N                  most pages per site (default ${DEFAULT_CRAWL_OPTIONS.maxPages})
  --max-depth N                  most links followed from the start page (default ${DEFAULT_CRAWL_OPTIONS.maxDepth})
  --per-host N                   requests in flight per site (default ${DEFAULT_CRAWL_OPTIONS.perHostConcurrency})
  --parallel-sites N             sites audited at once (default 4)
  --cache [--cache-location DIR] remember ETag / Last-Modified: the next audit fetches only what changed
                                 (default .disclosurelintcache/audit)
  --report FILE.html             the compliance report; with several sites, FILE is the summary table
                                 and each site's report is written beside it
  --links online                 also check the external links the pages cite
  --format, --output, --today, --locale, --config, --quiet, --max-warnings: as for linting files
`;

/** Read `--sites FILE`: one unit per line, `URL [name]`; blank lines and `#` comments skipped. */
export function readSitesFile(file: string): { url: string; name?: string }[] {
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch (err) {
		throw new UsageError(`cannot read the sites file ${file}: ${(err as Error).message}`);
	}
	const sites: { url: string; name?: string }[] = [];
	text.split(/\r?\n/).forEach((raw, i) => {
		const line = raw.replace(/^\uFEFF/, '').trim();
		if (!line || line.startsWith('#')) return;
		const [first, ...rest] = line.split(/[\s,]+/);
		sites.push({ url: siteUrl(first, `${file}:${i + 1}`), name: rest.join(' ').trim() || undefined });
	});
	if (!sites.length) throw new UsageError(`the sites file ${file} lists no site`);
	return sites;
}

/** A start URL, checked: http(s) only, a bare host gets `https://`. */
export function siteUrl(raw: string, where = 'audit'): string {
	const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`;
	let u: URL;
	try {
		u = new URL(withScheme);
	} catch {
		throw new UsageError(`${where}: "${raw}" is not a web address`);
	}
	if (u.protocol !== 'http:' && u.protocol !== 'https:')
		throw new UsageError(`${where}: "${raw}" is not an http(s) address`);
	u.hash = '';
	return u.href;
}

/** One audited site: its pages' reports, the site check's entry, and the crawl. */
export interface SiteAudit {
	url: string;
	name?: string;
	reports: FileReport[];
	/** The site check (`topic-coverage`), reported on the start URL. */
	site: FileReport;
	crawl: CrawlSummary;
	/** What each page's body was, to lint it again with link verdicts (online mode). */
	bodies: Map<string, { body: Uint8Array; contentType?: string }>;
}

/**
 * Audit the sites: each crawled politely (its own per-host limit), several at once, every HTML page
 * linted as it arrives. Pages are named by their final URL; `topics` globs in the configuration match
 * the URL's path (docs/audit.md#topic).
 */
export async function auditSites(
	engine: Engine,
	opts: AuditOptions,
	progress?: (text: string) => void,
): Promise<SiteAudit[]> {
	const results: SiteAudit[] = new Array(opts.sites.length);
	let next = 0;
	let done = 0;
	const worker = async (): Promise<void> => {
		while (next < opts.sites.length) {
			const i = next++;
			const site = opts.sites[i];
			const fetcher = undiciPageFetcher(opts.perHost, { allowPrivate: privateAllowed(site.url, opts) });
			try {
				results[i] = await auditSite(engine, site, fetcher.fetch, opts, (pages) =>
					progress?.(
						`auditing ${new URL(site.url).host}: ${pages} pages (${done}/${opts.sites.length} sites done)`,
					),
				);
			} finally {
				await fetcher.close();
			}
			done++;
		}
	};
	await Promise.all(Array.from({ length: Math.min(opts.parallelSites, opts.sites.length) }, worker));
	return results;
}

/**
 * Whether a site's crawl may connect to loopback, private and link-local addresses
 * (docs/security.md#audit): when the user typed such an address as the site (`http://127.0.0.1:8080/`,
 * `http://10.0.0.5/`), or with `--links-allow-private`. A host name is held to the default policy:
 * its addresses are checked after DNS resolution, so a public name cannot be turned onto the
 * intranet. Cloud metadata addresses stay refused either way.
 */
function privateAllowed(url: string, opts: Pick<AuditOptions, 'linksAllowPrivate'>): boolean {
	if (opts.linksAllowPrivate) return true;
	const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
	return isIP(host) !== 0;
}

function cacheFileFor(engine: Engine, opts: AuditOptions, url: string): string {
	const dir = path.resolve(engine.options.root, opts.cacheLocation ?? '.disclosurelintcache/audit');
	const u = new URL(url);
	return path.join(dir, `${u.protocol.slice(0, -1)}_${u.host.replace(/[^\w.-]/g, '_')}.json`);
}

/** Whether the configuration's `ignores` cover a path. */
function isIgnoredPath(engine: Engine, file: string): boolean {
	return engine.configs.ignoreGlobs(path.dirname(file)).some(({ base, globs }) => matchesGlob(file, base, globs));
}

/** The path a page's URL stands for under the workspace: `topics` globs and `overrides` match it. */
function pathForUrl(root: string, url: string): string {
	const u = new URL(url);
	let p = u.pathname;
	try {
		p = decodeURIComponent(p);
	} catch {
		// A malformed escape keeps the raw path.
	}
	if (p.endsWith('/')) p += 'index.html';
	return path.join(root, ...p.split('/').filter((s) => s && s !== '..' && s !== '.'));
}

async function auditSite(
	engine: Engine,
	site: { url: string; name?: string },
	fetch: ReturnType<typeof undiciPageFetcher>['fetch'],
	opts: AuditOptions,
	progress: (pages: number) => void,
): Promise<SiteAudit> {
	const reports: FileReport[] = [];
	const bodies = new Map<string, { body: Uint8Array; contentType?: string }>();
	const cache = opts.cache ? AuditCacheFile.load(cacheFileFor(engine, opts, site.url)) : undefined;
	const options: CrawlOptions = {
		...DEFAULT_CRAWL_OPTIONS,
		maxPages: opts.maxPages,
		maxDepth: opts.maxDepth,
		perHostConcurrency: opts.perHost,
	};
	// The crawler hands each page over once, however many addresses lead to it.
	const crawl = await crawlSite(site.url, fetch, options, cache, (page) => {
		const contentType = page.headers['content-type'];
		const localPath = pathForUrl(engine.options.root, page.finalUrl);
		// The configuration's `ignores` match the URL's path as they match files: such a page is crawled
		// through (its links followed) but not linted or reported.
		if (isIgnoredPath(engine, localPath)) return htmlPageLinks(page.body, page.finalUrl, contentType);
		const result = lintAuditedPage(engine, page.finalUrl, { body: page.body, contentType });
		if (opts.online) bodies.set(page.finalUrl, { body: page.body, contentType });
		reports.push(fileReport(page.finalUrl, result, engine.localeFor(engine.configFor(localPath))));
		progress(reports.length);
		return result.links;
	});
	cache?.save();
	const config = engine.configForFolder(engine.options.root);
	// A site that gave no page was not audited: "no page covers the topic" would be a false finding.
	const findings = reports.length
		? siteFindings(
				reports.map((r) => ({ path: r.filePath, topic: r.topic, sections: r.sections })),
				engine.registryFor(config),
				config,
				true,
			)
		: [];
	reports.sort((a, b) => a.filePath.localeCompare(b.filePath));
	return {
		url: site.url,
		name: site.name,
		reports,
		site: { filePath: site.url, findings, locale: engine.localeFor(config), site: true },
		crawl,
		bodies,
	};
}

/**
 * Lint a page of a live site: named by its URL, with the configuration, `topics` and `overrides` of
 * the path the URL stands for (with the online link verdicts, when checked).
 */
function lintAuditedPage(
	engine: Engine,
	url: string,
	page: { body: Uint8Array; contentType?: string },
	verdicts?: Map<string, Verdict>,
): HtmlPageResult {
	const localPath = pathForUrl(engine.options.root, url);
	return engine.lintHtml(
		url,
		page.body,
		{ url, contentType: page.contentType, topicPath: localPath, configFrom: localPath },
		{ verdicts },
	);
}

/** Lint an audited page again with the online link verdicts. */
export function relintAudited(
	engine: Engine,
	audit: SiteAudit[],
): (r: FileReport, verdicts: Map<string, Verdict>) => Finding[] {
	const bodies = new Map(audit.flatMap((a) => [...a.bodies]));
	return (r, verdicts) => {
		const page = bodies.get(r.filePath);
		return page ? lintAuditedPage(engine, r.filePath, page, verdicts).findings : r.findings;
	};
}

/** A site's pages, then its site check's entry when it has findings: what the outputs and its report show. */
export function siteReports(a: SiteAudit): FileReport[] {
	return [...a.reports, ...(a.site.findings.length ? [a.site] : [])];
}

/** The summary of one audited site from its report's model: topics with a page, errors, warnings, stale pages. */
export function siteRow(a: SiteAudit, model: ReportModel): AuditSummaryRow {
	const required = model.topics.filter((t) => t.required);
	return {
		name: a.name,
		url: a.url,
		pages: a.reports.length,
		topicsCovered: required.filter((t) => t.pages.length > 0).length,
		topicsRequired: required.length,
		errors: model.bySeverity.error,
		warnings: model.bySeverity.warning,
		problem: a.reports.length ? undefined : notAudited(a.crawl),
		stalePages: model.freshness.filter((e) => e.stale).length,
	};
}

/** Why a site gave no page: its first skipped addresses and their reasons. */
export function notAudited(crawl: CrawlSummary): string {
	return (
		crawl.skipped
			.slice(0, 3)
			.map((k) => `${k.url} ${k.reason}${k.detail ? ` ${k.detail}` : ''}`)
			.join('; ') || 'nothing found'
	);
}

/** Where each site's report goes when a summary is written to `summaryFile`. */
export function siteReportFile(summaryFile: string, url: string): string {
	const ext = path.extname(summaryFile) || '.html';
	const base = summaryFile.slice(0, summaryFile.length - path.extname(summaryFile).length);
	return `${base}-${new URL(url).host.replace(/[^\w.-]/g, '_')}${ext}`;
}

export { DEFAULT_CRAWL_OPTIONS };

import * as fs from 'node:fs';
import { decodePage, type DecodeResult } from '../core/parse/decode';
import { toIsoCE } from '../core/thai/dates';
import * as path from 'node:path';
import { Engine } from '../core/engine';
import { isHtmlPath } from '../core/html/lint';
import type { SiteAudit } from './audit';
import { fsHost, readRegularFile } from '../node/fsHost';
import { localeFromEnv, pick } from '../core/i18n/render';
import { parseIsoDay, todayInBangkok, type CalendarDate } from '../core/thai/dates';
import type { FileProblem, Locale } from '../core/types';
import { RULES, ruleDocsUrl } from '../core/rules/index';
import { HELP, parseCliArgs, UsageError, type CliOptions } from './args';
import { collectFiles } from '../node/files';
import { jsonFormatter } from './formatters/json';
import { stylishFormatter } from './formatters/stylish';
import { sarifFormatter } from './formatters/sarif';
import { junitFormatter } from './formatters/junit';
import { githubFormatter } from './formatters/github';
import type { FileReport, Formatter } from './formatters/types';
import { lintFile, lintFiles } from './pool';
import { fixDiff, fixText, writeFixed } from './fix';
import { DEFAULT_CACHE_LOCATION, ResultCache } from './cache';
import { applyBaseline, makeBaseline, readBaseline, writeBaseline } from './baseline';
import { siteFindings } from '../core/site';
import { VERSION } from '../shared/version';

/** Where the CLI writes; injected so tests can run `main()` in-process. */
export interface CliIo {
	cwd: string;
	env: Record<string, string | undefined>;
	stdout: { write(s: string): unknown; isTTY?: boolean };
	stderr: { write(s: string): unknown; isTTY?: boolean };
	readStdin(): Promise<string>;
	/** "Now", for today's date in Asia/Bangkok. */
	now?: () => Date;
	/** Called just before a fixed file is written (tests use it to change the file under the CLI's feet). */
	beforeWrite?: (file: string) => void;
}

const FORMATTERS: Record<string, Formatter | undefined> = {
	stylish: stylishFormatter,
	json: jsonFormatter,
	sarif: sarifFormatter,
	junit: junitFormatter,
	github: githubFormatter,
};

/** Options that belong to later releases: refused clearly rather than ignored. */
const NOT_YET: [keyof CliOptions, string][] = [];

/** Run the CLI; resolves to the exit code (0 clean, 1 findings, 2 usage/config/internal failure). */
export async function main(argv: string[], io: CliIo): Promise<number> {
	let opts: CliOptions;
	try {
		opts = parseCliArgs(argv);
		for (const [key, flag] of NOT_YET)
			if (opts[key]) throw new UsageError(`${flag} is not available in disclosure-lint ${VERSION} yet`);
		if (!FORMATTERS[opts.format])
			throw new UsageError(
				`--format ${opts.format} is not available in disclosure-lint ${VERSION} yet; use stylish or json`,
			);
		if (opts.stdinFilename && !opts.stdin) throw new UsageError('--stdin-filename needs --stdin');
		if (opts.stdin && opts.patterns.length)
			throw new UsageError('--stdin lints standard input; do not also give paths');
		if (opts.stdin && opts.fix)
			throw new UsageError('--fix writes files; with --stdin use --fix-dry-run to see the diff');
		if (opts.fix && opts.fixDryRun) throw new UsageError('use either --fix or --fix-dry-run');
		if (opts.cacheLocation && !opts.cache) throw new UsageError('--cache-location needs --cache');
		if (opts.updateBaseline && !opts.baseline) throw new UsageError('--update-baseline needs --baseline FILE');
	} catch (err) {
		if (err instanceof UsageError) {
			io.stderr.write(`disclosure-lint: ${err.message}\n\n${HELP}`);
			return 2;
		}
		throw err;
	}
	try {
		return await run(opts, io);
	} catch (err) {
		if (err instanceof UsageError) {
			io.stderr.write(`disclosure-lint: ${err.message}\n`);
			return 2;
		}
		io.stderr.write(
			`disclosure-lint: internal failure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
		);
		return 2;
	}
}

async function run(opts: CliOptions, io: CliIo): Promise<number> {
	if (opts.help) {
		io.stdout.write(opts.command === 'audit' ? (await import('./audit')).AUDIT_HELP : HELP);
		return 0;
	}
	if (opts.version) {
		io.stdout.write(`${VERSION}\n`);
		return 0;
	}
	const envLocale: Locale = (opts.locale as Locale | undefined) ?? localeFromEnv(io.env);
	if (opts.listRules) {
		io.stdout.write(listRules(envLocale));
		return 0;
	}
	const engine = createEngine(opts, io, envLocale);
	if (opts.init) return init(io.cwd, io);
	if (opts.printConfig) return printConfig(engine, path.resolve(io.cwd, opts.printConfig), envLocale, io);

	if (opts.command === 'audit') return audit(engine, opts, io, envLocale);
	const linted = opts.stdin
		? await lintStdin(engine, opts, io, envLocale)
		: await lintSelection(engine, opts, io, envLocale);
	if (typeof linted === 'number') return linted; // an exit code: config problems, or the diff of --fix-dry-run
	let reports = linted;
	if (opts.report) await writeReport(engine, reports, path.resolve(io.cwd, opts.report), io.cwd);
	if (opts.baseline) reports = baseline(reports, opts, io);
	if (opts.quiet)
		reports = reports.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') }));
	output(reports, opts, io, envLocale);
	return exitCode(reports, opts, envLocale, io);
}

/**
 * `audit`: crawl the named sites, lint their HTML pages, check the site's topics, and write the
 * findings and the reports (one per site, and a summary table when there are several).
 */
async function audit(engine: Engine, opts: CliOptions, io: CliIo, envLocale: Locale): Promise<number> {
	const a = await import('./audit');
	const problems = engine.problemsFor(path.join(io.cwd, 'index.html'));
	if (problems.length) return reportProblems(problems, envLocale, io);
	const sites = [
		...(opts.sites ? a.readSitesFile(path.resolve(io.cwd, opts.sites)) : []),
		...opts.patterns.map((u) => ({ url: a.siteUrl(u) })),
	];
	if (!sites.length) throw new UsageError('audit needs a site: a URL, or --sites FILE');
	const config = engine.configForFolder(io.cwd);
	const online = ((opts.links as string | undefined) ?? config.links.mode) === 'online';
	const tty = Boolean(io.stderr.isTTY);
	const audited = await a.auditSites(
		engine,
		{
			sites,
			maxPages: opts.maxPages ?? a.DEFAULT_CRAWL_OPTIONS.maxPages,
			maxDepth: opts.maxDepth ?? a.DEFAULT_CRAWL_OPTIONS.maxDepth,
			perHost: opts.perHost ?? a.DEFAULT_CRAWL_OPTIONS.perHostConcurrency,
			parallelSites: opts.parallelSites ?? 4,
			cache: opts.cache,
			cacheLocation: opts.cacheLocation,
			online,
			linksAllowPrivate: opts.linksAllowPrivate,
		},
		tty ? (text) => io.stderr.write(`\r${text}\u001b[K`) : undefined,
	);
	if (tty) io.stderr.write('\r\u001b[K');
	const failed = audited.filter((s) => s.reports.length === 0);
	for (const s of failed)
		io.stderr.write(`disclosure-lint: ${s.url}: no HTML page could be audited (${a.notAudited(s.crawl)})\n`);
	if (online) {
		const { checkExternalLinks } = await import('./online');
		const relint = a.relintAudited(engine, audited);
		for (const s of audited)
			s.reports = await checkExternalLinks(
				engine,
				s.reports,
				undefined,
				{ allowPrivate: opts.linksAllowPrivate },
				relint,
			);
	}
	if (opts.report) await writeAuditReports(engine, audited, path.resolve(io.cwd, opts.report), io.cwd);
	let reports = audited.flatMap(a.siteReports);
	if (opts.quiet)
		reports = reports.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') }));
	output(reports, opts, io, envLocale);
	// Nothing could be audited at all: nothing was checked, which must not pass as clean.
	if (failed.length === audited.length) return 2;
	return exitCode(reports, opts, envLocale, io);
}

/** One site: its compliance report. Several: a report per site beside the summary table written to `file`. */
async function writeAuditReports(engine: Engine, audited: SiteAudit[], file: string, cwd: string): Promise<void> {
	const { renderReport, renderAuditSummary } = await import('./report');
	const { buildModel } = await import('./report/model');
	const { siteReportFile, siteReports, siteRow } = await import('./audit');
	const config = engine.configForFolder(cwd);
	const today = toIsoCE(engine.options.today);
	const write = (f: string, html: string) => {
		fs.mkdirSync(path.dirname(f), { recursive: true });
		fs.writeFileSync(f, html);
	};
	const rows = audited.map((s) => {
		const reportFile = audited.length === 1 ? file : siteReportFile(file, s.url);
		const ctx = {
			reportFile,
			cwd,
			registry: engine.registryFor(config),
			config,
			today,
			audit: {
				site: s.url,
				crawl: s.crawl,
				unrecognised: s.reports.filter((r) => !r.topic).map((r) => r.filePath),
			},
		};
		const reports = siteReports(s);
		write(reportFile, renderReport(reports, ctx));
		return { ...siteRow(s, buildModel(reports, ctx)), report: path.basename(reportFile) };
	});
	if (audited.length > 1) write(file, renderAuditSummary(rows, today));
}

/** The engine for this run: the workspace is the current folder, `--config` replaces the cascade. */
function createEngine(opts: CliOptions, io: CliIo, envLocale: Locale): Engine {
	const today = resolveToday(opts, io);
	const configFile = opts.config ? path.resolve(io.cwd, opts.config) : undefined;
	if (configFile && !fsHost.fileExists(configFile))
		throw new UsageError(`cannot read the config file ${opts.config}`);
	const linksMode = opts.links as 'off' | 'local' | 'online' | undefined;
	return new Engine(fsHost, {
		root: io.cwd,
		configFile,
		today,
		locale: envLocale,
		localeOverride: opts.locale as Locale | undefined,
		linksMode,
		recordDependencies: opts.cache,
	});
}

/** `--print-config FILE`: the configuration that applies to a file, with the topics it knows. */
function printConfig(engine: Engine, file: string, envLocale: Locale, io: CliIo): number {
	const problems = engine.problemsFor(file);
	if (problems.length) return reportProblems(problems, envLocale, io);
	const config = engine.configFor(file);
	const registry = engine.registryFor(config);
	io.stdout.write(
		JSON.stringify({ ...config, topicIds: registry.ids(), locale: engine.localeFor(config) }, null, 2) + '\n',
	);
	return 0;
}

/** `--stdin`: lint standard input as the file `--stdin-filename` names (or show its fixes). */
async function lintStdin(
	engine: Engine,
	opts: CliOptions,
	io: CliIo,
	envLocale: Locale,
): Promise<FileReport[] | number> {
	const name = path.resolve(io.cwd, opts.stdinFilename ?? '<stdin>.md');
	const problems = engine.problemsFor(name);
	if (problems.length) return reportProblems(problems, envLocale, io);
	const text = await io.readStdin();
	if (opts.fixDryRun) {
		const fixed = fixText(engine, name, text);
		io.stdout.write(fixDiff(fixed, io.cwd));
		return exitCode([{ filePath: name, findings: fixed.findings, locale: envLocale }], opts, envLocale, io);
	}
	const result = engine.lintText(name, text);
	return [{ filePath: name, findings: result.findings, locale: engine.localeFor(engine.configFor(name)) }];
}

/**
 * The files the patterns select, linted (fixed, from the cache, or in workers), their external links
 * checked when online, and the site check of the first folder given.
 */
async function lintSelection(
	engine: Engine,
	opts: CliOptions,
	io: CliIo,
	envLocale: Locale,
): Promise<FileReport[] | number> {
	const cwd = io.cwd;
	const patterns = opts.patterns.length ? opts.patterns : ['.'];
	const selection = collectFiles(patterns, cwd, (dir) => engine.configs.ignoreGlobs(dir));
	for (const f of selection.ignored)
		io.stderr.write(`disclosure-lint: ${path.relative(cwd, f)} is ignored by an ignore pattern; not linted\n`);
	if (selection.unmatched.length) {
		throw new UsageError(`no Markdown files match ${selection.unmatched.map((p) => `"${p}"`).join(', ')}`);
	}
	const problems = dedupeProblems(selection.files.flatMap((f) => engine.problemsFor(f)));
	if (problems.length) return reportProblems(problems, envLocale, io);
	// Progress on stderr, on a terminal only, for runs long enough to want it.
	const progress =
		io.stderr.isTTY && selection.files.length >= 200
			? (done: number, total: number) =>
					io.stderr.write(done >= total ? '\r\u001b[K' : `\rdisclosure-lint: ${done}/${total}\u001b[K`)
			: undefined;
	let reports: FileReport[];
	if (opts.fix || opts.fixDryRun) {
		const fixed = fixFiles(engine, selection.files, opts, io);
		if (opts.fixDryRun) {
			io.stdout.write(fixed.diff);
			return exitCode(fixed.reports, opts, envLocale, io);
		}
		reports = fixed.reports;
	} else if (opts.cache) {
		reports = await lintWithCache(
			engine,
			selection.files,
			new ResultCache(path.resolve(cwd, opts.cacheLocation ?? DEFAULT_CACHE_LOCATION)),
			opts.threads,
			progress,
		);
	} else {
		reports = await lintFiles(engine, selection.files, opts.threads, progress);
	}
	const linksMode = opts.links as 'off' | 'local' | 'online' | undefined;
	if ((linksMode ?? engine.configForFolder(cwd).links.mode) === 'online')
		reports = await checkOnline(engine, reports, opts, io);
	const folders = patterns
		.map((p) => path.resolve(cwd, p))
		.filter((p) => fs.existsSync(p) && fs.statSync(p).isDirectory());
	if (folders.length) {
		const site = siteReport(engine, folders[0], reports);
		if (site.findings.length) reports.push(site);
	}
	return reports;
}

/** `--fix` / `--fix-dry-run`: each readable page fixed (written, or its diff kept), then its findings. */
function fixFiles(
	engine: Engine,
	files: string[],
	opts: CliOptions,
	io: CliIo,
): { reports: FileReport[]; diff: string } {
	const reports: FileReport[] = [];
	let diff = '';
	for (const file of files) {
		const locale = engine.localeFor(engine.configFor(file));
		let decoded: DecodeResult | undefined;
		try {
			decoded = decodePage(readRegularFile(file));
		} catch {
			// unreadable or no regular file (a FIFO is never waited on): lintFile reports it as file-unreadable
		}
		if (!decoded?.ok || isHtmlPath(file)) {
			// unreadable, binary or not UTF-8: reported, never rewritten; a published HTML page has no fixes
			reports.push(lintFile(engine, file));
			continue;
		}
		const { text } = decoded;
		let fixed = fixText(engine, file, text);
		if (opts.fix) {
			fixed = writeFixed(fixed, io.beforeWrite);
			if (fixed.skipped)
				io.stderr.write(`disclosure-lint: ${path.relative(io.cwd, file)} not fixed: ${fixed.skipped}\n`);
		} else {
			diff += fixDiff(fixed, io.cwd);
		}
		const findings = fixed.skipped ? engine.lintText(file, text).findings : fixed.findings;
		reports.push({ filePath: file, findings, locale, topic: fixed.topic, sections: fixed.sections });
	}
	return { reports, diff };
}

/** Online links: loaded only when asked for (it brings the HTTP client). Progress on a terminal. */
async function checkOnline(engine: Engine, reports: FileReport[], opts: CliOptions, io: CliIo): Promise<FileReport[]> {
	const { checkExternalLinks } = await import('./online');
	const tty = Boolean(io.stderr.isTTY);
	const checked = await checkExternalLinks(
		engine,
		reports,
		tty ? (text) => io.stderr.write(`\r${text}\u001b[K`) : undefined,
		{ allowPrivate: opts.linksAllowPrivate },
	);
	if (tty) io.stderr.write('\r\u001b[K');
	return checked;
}

/** `--report FILE`: the compliance report (loaded only when asked for). */
async function writeReport(engine: Engine, reports: FileReport[], reportFile: string, cwd: string): Promise<void> {
	const { renderReport } = await import('./report');
	const config = engine.configForFolder(cwd);
	const html = renderReport(reports, {
		reportFile,
		cwd,
		registry: engine.registryFor(config),
		config,
		today: toIsoCE(engine.options.today),
	});
	fs.mkdirSync(path.dirname(reportFile), { recursive: true });
	fs.writeFileSync(reportFile, html);
}

/** `--baseline FILE` (and `--update-baseline`): findings already known are left out. */
function baseline(reports: FileReport[], opts: CliOptions, io: CliIo): FileReport[] {
	const file = path.resolve(io.cwd, opts.baseline!);
	if (opts.updateBaseline) {
		writeBaseline(file, makeBaseline(reports, io.cwd));
		io.stderr.write(
			`disclosure-lint: wrote ${path.relative(io.cwd, file)} (${reports.reduce((n, r) => n + r.findings.length, 0)} findings)\n`,
		);
	}
	let known;
	try {
		known = readBaseline(file);
	} catch (err) {
		throw new UsageError((err as Error).message);
	}
	return applyBaseline(reports, known, io.cwd);
}

/** The findings in the chosen format, to `--output` or standard output. */
function output(reports: FileReport[], opts: CliOptions, io: CliIo, envLocale: Locale): void {
	const color = opts.color ?? (!opts.output && Boolean(io.stdout.isTTY) && !io.env.NO_COLOR);
	// Totals speak the pages' language when their configs agree on one.
	const locales = new Set(reports.map((r) => r.locale));
	const runLocale = locales.size === 1 ? [...locales][0] : envLocale;
	const text = FORMATTERS[opts.format]!(reports, { cwd: io.cwd, color, locale: runLocale });
	if (opts.output) {
		const out = path.resolve(io.cwd, opts.output);
		fs.mkdirSync(path.dirname(out), { recursive: true });
		fs.writeFileSync(out, text);
	} else if (text) {
		io.stdout.write(text);
	}
}

/** 0 clean, 1 errors or more warnings than --max-warnings allows. */
function exitCode(reports: FileReport[], opts: CliOptions, locale: Locale, io: CliIo): number {
	const errors = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
	const warnings = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
	if (errors) return 1;
	if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
		io.stderr.write(
			locale === 'th'
				? `disclosure-lint: พบคำเตือน ${warnings} รายการ เกินจำนวนที่ --max-warnings กำหนดไว้ (${opts.maxWarnings})\n`
				: `disclosure-lint: ${warnings} warnings exceed --max-warnings ${opts.maxWarnings}\n`,
		);
		return 1;
	}
	return 0;
}

/** Lint with `--cache`: unchanged pages come from the cache, the others are linted and remembered. */
async function lintWithCache(
	engine: Engine,
	files: string[],
	cache: ResultCache,
	threads?: number,
	progress?: (done: number, total: number) => void,
): Promise<FileReport[]> {
	const keys = new Map<string, { hash: string; stamp: string }>();
	const found = new Map<string, FileReport>();
	const todo: string[] = [];
	for (const file of files) {
		let bytes: Uint8Array;
		try {
			bytes = fs.readFileSync(file);
		} catch {
			todo.push(file);
			continue;
		}
		const key = { hash: ResultCache.hash(bytes), stamp: engine.configStamp(file) };
		keys.set(file, key);
		const hit = cache.get(file, key.hash, key.stamp);
		if (hit) found.set(file, hit);
		else todo.push(file);
	}
	for (const r of await lintFiles(engine, todo, threads, progress)) {
		found.set(r.filePath, r);
		const key = keys.get(r.filePath);
		if (key) cache.set(r, key.hash, key.stamp);
	}
	cache.save();
	return files.map((f) => found.get(f)!);
}

/**
 * The site check over every page found (docs/architecture.md#site-check-and-compliance-report), reported on the folder's configuration file,
 * or on the folder itself when it has none.
 */
function siteReport(engine: Engine, folder: string, reports: FileReport[]): FileReport {
	const config = engine.configForFolder(folder);
	const findings = siteFindings(
		reports.map((r) => ({ path: r.filePath, topic: r.topic, sections: r.sections })),
		engine.registryFor(config),
		config,
	);
	return { filePath: config.files.at(-1) ?? folder, findings, locale: engine.localeFor(config), site: true };
}

function resolveToday(opts: CliOptions, io: CliIo): CalendarDate {
	const raw = opts.today ?? io.env.DISCLOSURE_LINT_TODAY;
	if (raw === undefined || raw === '') return todayInBangkok(io.now?.() ?? new Date());
	const d = parseIsoDay(raw);
	if (!d)
		throw new UsageError(
			`${opts.today ? '--today' : 'DISCLOSURE_LINT_TODAY'} must be a real date written YYYY-MM-DD (Christian era), not "${raw}"`,
		);
	return d;
}

function listRules(locale: Locale): string {
	const w = Math.max(...RULES.map((r) => r.id.length));
	return (
		RULES.map(
			(r) =>
				`${r.id.padEnd(w)}  ${r.defaultSeverity.padEnd(7)}  ${r.fixable ? 'fix' : '   '}  ${pick(r.description, locale)}  ${ruleDocsUrl(r.id)}`,
		).join('\n') + '\n'
	);
}

function dedupeProblems(problems: FileProblem[]): FileProblem[] {
	const seen = new Set<string>();
	return problems.filter((p) => {
		const k = `${p.file}:${p.line}:${p.column}:${p.message.en}`;
		if (seen.has(k)) return false;
		seen.add(k);
		return true;
	});
}

function reportProblems(problems: FileProblem[], locale: Locale, io: CliIo): number {
	for (const p of problems) io.stderr.write(`${p.file}:${p.line}:${p.column}: ${pick(p.message, locale)}\n`);
	io.stderr.write(
		locale === 'th'
			? 'disclosure-lint: ให้แก้ปัญหาในไฟล์การตั้งค่าหรือสคีมาข้างต้นก่อน จึงจะตรวจหน้าได้\n'
			: 'disclosure-lint: fix the configuration or schema problems above first\n',
	);
	return 2;
}

/** A starter configuration: every key with its default, so users see what they can set. */
export const INIT_CONFIG = {
	$schema: 'https://disclosure-lint.dev/schemas/disclosure-lint.config.schema.json',
	locale: 'th',
	rules: {},
	topics: {},
	ignores: [],
	workdayMinutes: 420,
};

function init(cwd: string, io: CliIo): number {
	const file = path.join(cwd, '.disclosurelintrc.json');
	for (const existing of ['.disclosurelintrc.json', '.disclosurelintrc.yaml', '.disclosurelintrc.yml']) {
		if (fs.existsSync(path.join(cwd, existing))) {
			io.stderr.write(`disclosure-lint: ${existing} already exists; nothing written\n`);
			return 2;
		}
	}
	fs.writeFileSync(file, JSON.stringify(INIT_CONFIG, null, '\t') + '\n', { flag: 'wx' });
	io.stdout.write(`wrote ${file}\n`);
	return 0;
}

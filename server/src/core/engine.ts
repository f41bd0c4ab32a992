import type { Finding, FileProblem, Host, Locale } from './types';
import { ConfigResolver } from './config/resolve';
import type { ResolvedConfig } from './config/types';
import { SchemaRegistryCache } from './schema/load';
import type { SchemaRegistry } from './schema/registry';
import { engineRuleLevel, lintText, toFinding, type LintEnvironment, type PageResult } from './lint';
import { isHtmlPath, lintHtml, type HtmlLintOptions, type HtmlPageResult } from './html/lint';
import { decodePage } from './parse/decode';
import { parseDocument } from './parse/document';
import { ParseCache } from './parse/incremental';
import type { CalendarDate } from './thai/dates';
import { AnchorCache, anchorsOf } from './links/anchors';
import type { Verdict } from './links/verdict';
import { undecodableReport, unreadableReport, type LinkContext, type RuleReport } from './rules/index';
import { VERSION } from '../shared/version';

/** A host that notes every path a lint looks at (files, folders, existence). */
function recordingHost(host: Host, seen: Set<string>): Host {
	return {
		readFile: (p) => (seen.add(p), host.readFile(p)),
		fileExists: (p) => (seen.add(p), host.fileExists(p)),
		readDir: (p) => (seen.add(p), host.readDir(p)),
		mtime: (p) => (seen.add(p), host.mtime(p)),
	};
}

/** Options of an engine instance. */
export interface EngineOptions {
	/** The workspace root: config discovery stops there. */
	root: string;
	/** A config file that replaces discovery (`--config`). */
	configFile?: string;
	today: CalendarDate;
	/** The message language when neither the caller nor the config sets one. */
	locale: Locale;
	/** A language that wins over the config's (`--locale`). */
	localeOverride?: Locale;
	/** The link mode that wins over the config's (`--links`). */
	linksMode?: 'off' | 'local' | 'online';
	/** Record the other files each page's result depends on (for `--cache`). */
	recordDependencies?: boolean;
	/** Load the topic schemas the configuration names (`schemas`); false in an untrusted workspace: built-ins only. */
	workspaceSchemas?: boolean;
}

/** How {@link Engine.lintText} treats one page. */
export interface LintTextOptions {
	/** The online link results, when checked. */
	verdicts?: Map<string, Verdict>;
	/**
	 * The page is an editor buffer that will be linted again and again: keep its parsed segments and
	 * reuse the unchanged ones next time (until {@link Engine.forget}).
	 */
	incremental?: boolean;
}

/**
 * The engine as the CLI and the language server use it: configuration discovery, schema registries
 * and page linting over an injected host. Holds caches; create one per workspace.
 */
export class Engine {
	readonly configs: ConfigResolver;
	private readonly schemas: SchemaRegistryCache;

	private readonly anchorCache: AnchorCache;
	/** Parsed segments of the pages linted with `incremental` (editor buffers), by file. */
	private readonly parseCaches = new Map<string, ParseCache>();

	/** Drop what is kept for a page linted with `incremental` (its buffer was closed). */
	forget(file: string): void {
		this.parseCaches.delete(file);
	}

	constructor(
		readonly host: Host,
		readonly options: EngineOptions,
	) {
		this.configs = new ConfigResolver(host, options.root, options.configFile);
		this.schemas = new SchemaRegistryCache(host);
		this.anchorCache = new AnchorCache(host);
	}

	/** The configuration of a file. */
	configFor(file: string): ResolvedConfig {
		return this.configs.forFile(file);
	}

	/** The configuration of a folder itself (the site check, a run's link mode): no per-file overrides. */
	configForFolder(dir: string): ResolvedConfig {
		return this.configs.forFolder(dir);
	}

	/** The schema registry a configuration uses. */
	registryFor(config: ResolvedConfig): SchemaRegistry {
		return this.schemas.get(this.options.workspaceSchemas === false ? [] : config.schemas);
	}

	/** The message language for a file. */
	localeFor(config: ResolvedConfig): Locale {
		return this.options.localeOverride ?? config.locale ?? this.options.locale;
	}

	/** Problems in the configuration and schema files that apply to a file. */
	problemsFor(file: string): FileProblem[] {
		const config = this.configFor(file);
		return [...config.problems, ...this.registryFor(config).problems];
	}

	/** Lint page text (an open buffer or stdin); an `.html` name is read as a published HTML page. */
	lintText(file: string, text: string, options: LintTextOptions = {}): PageResult {
		if (isHtmlPath(file)) return this.lintHtml(file, text, {}, options);
		const { env, deps } = this.environment(file, options);
		let parseCache: ParseCache | undefined;
		if (options.incremental) {
			parseCache = this.parseCaches.get(file);
			if (!parseCache) this.parseCaches.set(file, (parseCache = new ParseCache()));
		}
		return withDependencies(lintText(file, text, { ...env, parseCache }), file, deps);
	}

	/**
	 * Lint a published HTML page (docs/audit.md): a file (`page.html`) or, with `html.url`, a page of
	 * a live site, whose `file` is then its URL and whose configuration is that of `html.configFrom`.
	 */
	lintHtml(
		file: string,
		bytes: Uint8Array | string,
		html: HtmlLintOptions & { configFrom?: string } = {},
		options: LintTextOptions = {},
	): HtmlPageResult {
		const { env, deps } = this.environment(html.configFrom ?? file, options);
		return withDependencies(lintHtml(file, bytes, env, html), file, deps);
	}

	/** What a page's lint needs: its configuration, schemas, link services and a host that records what it reads. */
	private environment(file: string, options: LintTextOptions): { env: LintEnvironment; deps?: Set<string> } {
		const { verdicts } = options;
		const config = this.configFor(file);
		const profile = config.links.slugProfile ?? 'github';
		const deps = this.options.recordDependencies ? new Set<string>() : undefined;
		const host = deps ? recordingHost(this.host, deps) : this.host;
		let own: Set<string> | undefined; // the page's own anchors, computed once however many `#…` links it has
		const links: LinkContext = {
			mode: this.options.linksMode ?? config.links.mode ?? 'local',
			anchors: (f, doc) => {
				if (doc) return (own ??= anchorsOf(doc, profile));
				deps?.add(f);
				return this.anchorCache.get(f, profile);
			},
			verdicts,
		};
		return {
			env: {
				config,
				registry: this.registryFor(config),
				today: this.options.today,
				locale: this.localeFor(config),
				host,
				root: this.options.root,
				links,
			},
			deps,
		};
	}

	/**
	 * A stamp of everything besides the page and its dependencies that decides its findings: the
	 * configuration, the schema files, today, the link mode and this version. Cached results with
	 * another stamp are not reused.
	 */
	configStamp(file: string): string {
		const config = this.configFor(file);
		return JSON.stringify([
			VERSION,
			config,
			this.schemas.stamp(config.schemas).stamp,
			this.options.today,
			this.options.linksMode,
			this.options.localeOverride,
			this.options.locale,
		]);
	}

	/**
	 * Lint page bytes from disk: binary or non-UTF-8 files become one `file-unreadable` finding. HTML
	 * pages are decoded as browsers do (a declared or detected legacy Thai encoding included).
	 */
	lintBytes(file: string, bytes: Uint8Array, options: LintTextOptions = {}): PageResult {
		if (isHtmlPath(file)) return this.lintHtml(file, bytes, {}, options);
		const decoded = decodePage(bytes);
		if (decoded.ok) return this.lintText(file, decoded.text, options);
		return this.unreadable(file, undecodableReport(decoded), decoded.line);
	}

	/** A file that could not be read at all (the caller's error message as detail). */
	lintUnreadable(file: string, detail: string): PageResult {
		return this.unreadable(file, unreadableReport(detail), 1);
	}

	/** One `file-unreadable` finding (`rules/fileUnreadable.ts`) on `line` of the unread file, unless the rule is off. */
	private unreadable(file: string, report: RuleReport, line: number): PageResult {
		const doc = parseDocument(file, '');
		const level = engineRuleLevel('file-unreadable', this.configFor(file));
		const findings: Finding[] = level
			? [{ ...toFinding(doc, 'file-unreadable', report, level), line, endLine: line }]
			: [];
		return { path: file, findings, document: doc };
	}
}

/** Note the files a result depends on (its own file aside). */
function withDependencies<T extends PageResult>(result: T, file: string, deps: Set<string> | undefined): T {
	if (deps) {
		deps.delete(file);
		result.dependencies = [...deps].sort();
	}
	return result;
}

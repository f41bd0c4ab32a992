import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
	ErrorCodes,
	ResponseError,
	TextDocuments,
	type CancellationToken,
	type Connection,
	type Diagnostic,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Engine } from '../core/engine';
import { engineRuleLevel } from '../core/lint';
import { formatMessage } from '../core/messages';
import type { Verdict } from '../core/links/verdict';
import { ruleDocsUrl } from '../core/rules/index';
import type { Host, Locale } from '../core/types';
import { fsHost } from '../node/fsHost';
import type { OnlineLinks } from '../node/onlineLinks';
import { SEVERITY } from './convert';
import { LintThread, type Settled } from './lintThread';
import { DEFAULTS, initOptions, todayFor, type InitOptions, type Settings } from './settings';
import { SiteChecklist } from './siteChecklist';
import type { LintJob, PageOutcome } from './workerProtocol';

/** How the server was started. */
export interface ServerOptions {
	/** The script a lint thread runs (the bundled dist/server.js); undefined: lint in the server's thread. */
	workerScript?: string;
}

/**
 * Everything the language server holds (docs/architecture.md#language-server): the open documents,
 * what the client can do, settings and engines per setting combination, the lint threads, each open
 * page's latest lint, the online link results and the site's checklist. The handler modules
 * (`diagnostics`, `actions`, `assist`, `workspace`, `links`, `commands`) work on one instance.
 */
export class ServerState {
	readonly documents = new TextDocuments(TextDocument);
	root = process.cwd();
	clientLocale: Locale = 'en';
	canConfigure = false;
	canPull = false;
	canRegisterConfig = false;
	canProgress = false;
	/** LSP: every request before `initialize` is answered with ServerNotInitialized (-32002). */
	initialized = false;
	shutdownReceived = false;
	init: InitOptions = initOptions(undefined);
	/** Online link results so far (from the shared link cache or checked by this server), by URL. */
	readonly verdicts = new Map<string, Verdict>();
	/** Link checkers by their link settings (cache file, allowPrivate, limits): an edited setting gets a new one. */
	readonly linkCheckers = new Map<string, OnlineLinks>();
	/** The pages the last workspace lint covered: their saved findings stay listed when they are closed. */
	readonly workspaceFiles = new Set<string>();
	/** Each open document's latest lint, so completion, code lens and fix-all do not lint again. */
	readonly lastResults = new Map<string, { version: number; outcome: PageOutcome }>();
	readonly checklist: SiteChecklist;
	/** Lints of open documents (and of a page just closed): never behind the workspace lint. */
	editThread!: LintThread;
	/** The workspace lint's pages. */
	workspaceThread!: LintThread;

	private readonly settingsCache = new Map<string, Promise<Settings>>();
	/** Push mode: the debounce of each open document. */
	private readonly timers = new Map<string, NodeJS.Timeout>();
	private readonly engines = new Map<string, Engine>();
	/** Lints in flight by `uri@version`, shared by whoever asks meanwhile. */
	private readonly inFlight = new Map<string, Promise<PageOutcome | undefined>>();
	/** The server's own engines read configuration and schemas only (for hover, completion, the site check). */
	private readonly host: Host;

	constructor(
		readonly connection: Connection,
		readonly options: ServerOptions = {},
	) {
		this.checklist = new SiteChecklist(this);
		const open = (p: string) => this.documents.get(pathToFileURL(p).href);
		this.host = {
			readFile: (p) => open(p)?.getText() ?? fsHost.readFile(p),
			fileExists: (p) => Boolean(open(p)) || fsHost.fileExists(p),
			readDir: (p) => fsHost.readDir(p),
			mtime: (p) => {
				const d = open(p);
				return d ? -d.version : fsHost.mtime(p);
			},
			realpath: (p) => fsHost.realpath!(p),
		};
		this.startThreads();
	}

	/** (Re)create the lint threads with the current budget (after `initialize`). */
	startThreads(): void {
		this.editThread?.dispose();
		this.workspaceThread?.dispose();
		const common = {
			script: this.options.workerScript,
			timeoutMs: this.init.lintTimeoutMs,
			memoryMb: this.init.lintMemoryMb,
			document: (uri: string) => this.documents.get(uri),
			openDocuments: () => this.documents.keys(),
			verdicts: () => [...this.verdicts],
			log: (line: string) => this.log(line),
		};
		this.editThread = new LintThread({ ...common, name: 'editor', depth: 1 });
		// The workspace's thread runs at a lower priority (typing goes first) and gives its memory back between workspace lints.
		this.workspaceThread = new LintThread({ ...common, name: 'workspace', depth: 2, idleMs: 30_000, nice: 10 });
	}

	get threads(): LintThread[] {
		return [this.editThread, this.workspaceThread];
	}

	/** Push mode: lint the document after the debounce, and publish unless a newer edit came meanwhile. */
	schedule(doc: TextDocument): void {
		if (this.canPull) return;
		clearTimeout(this.timers.get(doc.uri));
		void this.settingsFor(doc.uri).then((s) => {
			this.timers.set(
				doc.uri,
				setTimeout(() => {
					void this.lintDocument(doc).then((diagnostics) => {
						if (diagnostics)
							void this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
					});
				}, s.debounceMs),
			);
		});
	}

	/** Throws ServerNotInitialized before `initialize`. */
	ready(): void {
		if (!this.initialized)
			throw new ResponseError(
				ErrorCodes.ServerNotInitialized,
				'disclosure-lint: the server is not initialized yet; send initialize first',
			);
	}

	log(line: string): void {
		if (this.initialized) this.connection.console.error(line);
		else process.stderr.write(`${line}\n`);
	}

	fileOf(uri: string): string {
		return uri.startsWith('file:') ? fileURLToPath(uri) : path.join(this.root, path.basename(uri));
	}

	settingsFor(uri: string): Promise<Settings> {
		if (!this.canConfigure) return Promise.resolve(DEFAULTS);
		let s = this.settingsCache.get(uri);
		if (!s) {
			s = this.connection.workspace
				.getConfiguration({ scopeUri: uri, section: 'disclosure-lint' })
				.then((v: Partial<Settings> | null) => ({ ...DEFAULTS, ...(v ?? {}) }));
			this.settingsCache.set(uri, s);
		}
		return s;
	}

	/** Trusted: the client did not say otherwise, at start or in the settings. */
	isTrusted(s: Settings): boolean {
		return this.init.trusted && s.trusted !== false;
	}

	/** External links are checked over the network only where asked for and trusted. */
	isOnline(s: Settings): boolean {
		return s.links === 'online' && this.isTrusted(s);
	}

	/** The engine of a setting combination (the lint threads make theirs from its options). */
	engineFor(s: Settings): Engine {
		const key = `${s.links}|${s.today}|${s.locale}|${this.isTrusted(s)}`;
		let e = this.engines.get(key);
		if (!e) {
			const locale: Locale = s.locale === 'auto' ? this.clientLocale : s.locale;
			e = new Engine(this.host, {
				root: this.root,
				today: todayFor(s),
				locale,
				localeOverride: s.locale === 'auto' ? undefined : s.locale,
				linksMode: s.links === 'online' && !this.isOnline(s) ? 'local' : s.links,
				workspaceSchemas: this.isTrusted(s),
			});
			this.engines.set(key, e);
		}
		return e;
	}

	/** Settings, configuration, ignore or schema files changed: every engine and result is made again. */
	forgetAll(): void {
		this.settingsCache.clear();
		this.engines.clear();
		this.lastResults.clear();
		// A lint still running goes by the old configuration: its result is not kept, and a new one is made.
		this.inFlight.clear();
		for (const t of this.threads) t.reset();
	}

	/**
	 * What the open pages' lints depend on changed (online link results arrived): no kept or running
	 * lint is reused, the next ones are made anew.
	 */
	invalidate(): void {
		this.lastResults.clear();
		this.inFlight.clear();
	}

	/** A document was closed: what was kept for it goes. */
	forget(uri: string): void {
		clearTimeout(this.timers.get(uri));
		this.timers.delete(uri);
		const file = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
		if (file) for (const engine of this.engines.values()) engine.forget(file);
		for (const t of this.threads) t.closed(uri, file);
		this.settingsCache.delete(uri);
		this.lastResults.delete(uri);
		for (const key of [...this.inFlight.keys()]) if (key.startsWith(`${uri}@`)) this.inFlight.delete(key);
	}

	/** New online link results: kept here and handed to the lint threads. */
	addVerdicts(found: Map<string, Verdict>): void {
		for (const [u, v] of found) this.verdicts.set(u, v);
		for (const t of this.threads) t.addVerdicts([...found]);
	}

	/**
	 * An open document's lint: the kept result of its current version, unless `fresh` (other pages it
	 * links to may have changed), else linted now in the editor's lint thread, incrementally, and kept.
	 * Undefined when a newer edit superseded it.
	 */
	resultFor(doc: TextDocument, settings: Settings, fresh = false): Promise<PageOutcome | undefined> {
		const last = this.lastResults.get(doc.uri);
		const version = doc.version;
		if (!fresh && last?.version === version) return Promise.resolve(last.outcome);
		const key = `${doc.uri}@${version}`;
		// A lint already under way is shared (what it depends on changing drops it: see invalidate).
		const pending = this.inFlight.get(key);
		if (pending) return pending;
		const engine = this.engineFor(settings);
		const job: LintJob = {
			kind: 'buffer',
			uri: doc.uri,
			file: this.fileOf(doc.uri),
			version,
			online: this.isOnline(settings),
		};
		const run: Promise<PageOutcome | undefined> = this.editThread
			.submit(job, engine.options, { key: doc.uri })
			.then((settled) => {
				const outcome = this.settle(settled, job.file, engine, doc.uri);
				// Closed meanwhile (and maybe opened again with the same version number): not this text's result.
				if (this.inFlight.get(key) !== run) return undefined;
				this.inFlight.delete(key);
				if (outcome && this.documents.get(doc.uri)) {
					this.lastResults.set(doc.uri, { version, outcome });
					if (outcome.checklist) this.checklist.note(outcome.path, outcome.checklist);
				}
				return outcome;
			});
		this.inFlight.set(key, run);
		return run;
	}

	/**
	 * Lint an open document (or reuse its latest result for this version, with `reuse`); undefined
	 * when it changed or the request was cancelled meanwhile (a newer result will come).
	 */
	async lintDocument(doc: TextDocument, token?: CancellationToken, reuse = false): Promise<Diagnostic[] | undefined> {
		return (await this.currentOutcome(doc, token, reuse))?.diagnostics;
	}

	/** {@link lintDocument}, with all that is kept of the lint. */
	async currentOutcome(
		doc: TextDocument,
		token?: CancellationToken,
		reuse = false,
	): Promise<PageOutcome | undefined> {
		const version = doc.version;
		const settings = await this.settingsFor(doc.uri);
		const current = this.documents.get(doc.uri);
		if (!current || current.version !== version || token?.isCancellationRequested) return undefined;
		const outcome = await this.resultFor(current, settings, !reuse);
		// A newer edit came while it ran (its own lint publishes, this one must not), or the request was cancelled.
		if (!outcome || this.documents.get(doc.uri)?.version !== version || token?.isCancellationRequested)
			return undefined;
		return outcome;
	}

	/** Lint a file as saved on disk, in the editor's thread (`urgent`: before queued edits) or the workspace's. */
	async lintFile(
		file: string,
		settings: Settings,
		thread: LintThread,
		tag?: number,
		urgent = false,
	): Promise<PageOutcome | undefined> {
		const engine = this.engineFor(settings);
		return this.settle(
			await thread.submit({ kind: 'disk', file }, engine.options, { tag, urgent }),
			file,
			engine,
			pathToFileURL(file).href,
		);
	}

	/** Push the findings of a file linted from disk (the workspace lint, a closed page). */
	publishFromDisk(uri: string, outcome: PageOutcome): void {
		void this.connection.sendDiagnostics({ uri, diagnostics: outcome.diagnostics });
	}

	/** A settled job as what the server keeps: a stopped one becomes its finding, a failed one none. */
	private settle(settled: Settled | undefined, file: string, engine: Engine, uri: string): PageOutcome | undefined {
		if (!settled || settled.kind === 'stale') return undefined;
		if (settled.kind === 'done') return settled.outcome;
		if (settled.kind === 'failed') {
			this.log(`disclosure-lint: ${uri}: ${settled.error}`);
			return { path: file, findings: [], diagnostics: [] };
		}
		return this.stoppedOutcome(file, engine, settled.reason, this.documents.get(uri)?.getText());
	}

	/**
	 * A page whose lint was stopped: one `page-limits` finding on its first line saying so (at the
	 * rule's configured severity; none when the rule is off). Its checklist entry is left as it was.
	 */
	stoppedOutcome(file: string, engine: Engine, reason: 'time' | 'memory' | 'crash', text?: string): PageOutcome {
		const config = engine.configFor(file);
		const level = engineRuleLevel('page-limits', config);
		const outcome: PageOutcome = { path: file, findings: [], diagnostics: [], stopped: reason };
		if (!level) return outcome;
		const locale = engine.localeFor(config);
		const messageId = reason === 'time' ? 'time' : 'memory';
		const message = formatMessage(
			{ ruleId: 'page-limits', messageId, args: { seconds: String(this.init.lintTimeoutMs / 1000) } },
			locale,
		);
		const firstLine = text === undefined ? 0 : Math.min(80, /^[^\r\n]*/.exec(text)?.[0].length ?? 0);
		outcome.diagnostics.push({
			range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLine } },
			severity: SEVERITY[level],
			code: 'page-limits',
			codeDescription: { href: ruleDocsUrl('page-limits') },
			source: 'disclosure-lint',
			message,
			data: {
				ruleId: 'page-limits',
				messageId,
				extra: { limit: reason, ms: this.init.lintTimeoutMs },
			},
		});
		return outcome;
	}
}

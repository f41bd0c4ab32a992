import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHECKLIST_CHANGED, CHECKLIST_REQUEST, checklist, checklistPage, reviewLens, type Checklist, type ChecklistPage } from './checklist';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
	CodeActionKind, CompletionItemKind, ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, DidChangeConfigurationNotification, DocumentDiagnosticReportKind, MarkupKind, ProposedFeatures, TextDocumentSyncKind, TextDocuments,
	createConnection, type CodeAction, type CompletionItem, type Connection, type Diagnostic, type Hover,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Engine } from '../core/engine';
import { frontMatterData, resolveTopic, type PageResult } from '../core/lint';
import type { Host, Locale } from '../core/types';
import { fsHost } from '../node/fsHost';
import { parseIsoDay, todayInBangkok } from '../core/thai/dates';
import { LineIndex } from '../core/parse/lineIndex';
import { readFrontMatter, locate, type FrontMatter } from '../core/parse/frontMatter';
import { pick } from '../core/i18n/render';
import { toDiagnostic, toRange, type DiagnosticData } from './convert';
import { collectFiles } from '../node/files';
import { frontMatterCompletions, keySchemaOf, skeletonCompletions } from './completion';
import { siteFindings, type PageSummary } from '../core/site';
import { lintFromDisk } from '../node/readPage';
import { OnlineLinks } from '../node/onlineLinks';
import { checkKey, type Verdict } from '../core/links/verdict';

/** The server command that lints the whole workspace again (the extension's "Lint workspace"). */
export const LINT_WORKSPACE_COMMAND = 'disclosure-lint.server.lintWorkspace';

/** Settings under `disclosure-lint` (pulled per document with workspace/configuration). */
export interface Settings {
	/** Message language: `auto` follows the editor's locale. */
	locale: 'th' | 'en' | 'auto';
	links: 'off' | 'local' | 'online';
	/** Delay after typing before a page is linted, in ms. */
	debounceMs: number;
	/** Fix "today" (YYYY-MM-DD, CE) for reproducible results; empty: today in Asia/Bangkok. */
	today: string;
	/** Set to false by the VS Code client in an untrusted workspace: no network, no workspace schemas. */
	trusted?: boolean;
}

const DEFAULTS: Settings = { locale: 'auto', links: 'local', debounceMs: 200, today: '' };

/** "Today" for a document: the `today` setting, else today in Asia/Bangkok. */
const todayFor = (s: Settings) => (s.today && parseIsoDay(s.today)) || todayInBangkok();

/** A host where open documents stand in for the files on disk (unsaved text counts). */
function overlayHost(documents: TextDocuments<TextDocument>): Host {
	const open = (p: string) => documents.get(pathToFileURL(p).href);
	return {
		readFile: (p) => open(p)?.getText() ?? fsHost.readFile(p),
		fileExists: (p) => Boolean(open(p)) || fsHost.fileExists(p),
		readDir: (p) => fsHost.readDir(p),
		mtime: (p) => {
			const d = open(p);
			return d ? -d.version : fsHost.mtime(p);
		},
	};
}

/** Start the language server on a connection (stdio, node-ipc or socket, from the command line). */
export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
	const documents = new TextDocuments(TextDocument);
	const host = overlayHost(documents);
	const settingsCache = new Map<string, Promise<Settings>>();
	const timers = new Map<string, NodeJS.Timeout>();
	const engines = new Map<string, Engine>();
	/** Each open document's latest lint, so completion does not lint again on every keystroke. */
	const lastResults = new Map<string, { version: number; result: PageResult }>();
	let root = process.cwd();
	let clientLocale: Locale = 'en';
	let canConfigure = false;
	let canPull = false;
	let canRegisterConfig = false;
	let canProgress = false;
	let trustedAtStart = true;
	/** Online link results so far (from the shared link cache or checked by this server), by URL. */
	const verdicts = new Map<string, Verdict>();
	/** Link checkers by their link settings (cache file, allowPrivate, limits): an edited setting gets a new one. */
	const checkers = new Map<string, OnlineLinks>();
	/** The pages the last workspace lint covered: their saved findings stay listed when they are closed. */
	const workspaceFiles = new Set<string>();
	/** What the disclosure checklist knows of each workspace page, updated as pages are linted. */
	const checklistPages = new Map<string, ChecklistPage>();
	let lastChecklist = '';
	let checklistTimer: NodeJS.Timeout | undefined;
	const computeChecklist = async (): Promise<Checklist> => {
		const engine = engineFor(await settingsFor(pathToFileURL(root).href));
		const config = engine.configForFolder(root);
		return checklist([...checklistPages.values()], engine.registryFor(config), config);
	};
	/** Tell the client when the checklist changed (debounced). */
	const checkChecklist = (): void => {
		clearTimeout(checklistTimer);
		checklistTimer = setTimeout(() => {
			void computeChecklist().then((c) => {
				const text = JSON.stringify(c);
				if (text !== lastChecklist) {
					lastChecklist = text;
					void connection.sendNotification(CHECKLIST_CHANGED, {});
				}
			}).catch((err: unknown) => connection.console.error(`disclosure-lint: checklist: ${(err as Error).stack ?? err}`));
		}, 100);
	};
	/**
	 * A page was linted: keep what the checklist needs of it. Most edits change none of that (topic,
	 * sections, counts, review date), and then nothing more is done on the keystroke.
	 */
	const notePage = (result: PageResult, notify = true): void => {
		if (!workspaceFiles.has(result.path)) return;
		const entry = checklistPage(result);
		const before = checklistPages.get(result.path);
		checklistPages.set(result.path, entry);
		if (notify && (!before || JSON.stringify(before) !== JSON.stringify(entry))) checkChecklist();
	};
	/** Push the findings of a file linted from disk (the workspace lint, a closed page). */
	const publishFromDisk = (uri: string, engine: Engine, result: PageResult): void => {
		const locale = engine.localeFor(engine.configFor(result.path));
		void connection.sendDiagnostics({ uri, diagnostics: result.findings.map((f) => toDiagnostic(f, result.document.lines, locale)) });
	};
	const fileOf = (uri: string): string => (uri.startsWith('file:') ? fileURLToPath(uri) : path.join(root, path.basename(uri)));

	const settingsFor = (uri: string): Promise<Settings> => {
		if (!canConfigure) return Promise.resolve(DEFAULTS);
		let s = settingsCache.get(uri);
		if (!s) {
			s = connection.workspace.getConfiguration({ scopeUri: uri, section: 'disclosure-lint' }).then((v: Partial<Settings> | null) => ({ ...DEFAULTS, ...(v ?? {}) }));
			settingsCache.set(uri, s);
		}
		return s;
	};

	/** Trusted: the client did not say otherwise, at start or in the settings. */
	const isTrusted = (s: Settings): boolean => trustedAtStart && s.trusted !== false;
	/** External links are checked over the network only where asked for and trusted. */
	const isOnline = (s: Settings): boolean => s.links === 'online' && isTrusted(s);

	const engineFor = (s: Settings): Engine => {
		const key = `${s.links}|${s.today}|${s.locale}|${isTrusted(s)}`;
		let e = engines.get(key);
		if (!e) {
			const today = todayFor(s);
			const locale: Locale = s.locale === 'auto' ? clientLocale : s.locale;
			e = new Engine(host, {
				root, today, locale, localeOverride: s.locale === 'auto' ? undefined : s.locale,
				linksMode: s.links === 'online' && !isOnline(s) ? 'local' : s.links, workspaceSchemas: isTrusted(s),
			});
			engines.set(key, e);
		}
		return e;
	};

	/**
	 * An open document's lint: the kept result of its current version, unless `fresh` (other pages it
	 * links to may have changed), else linted now, incrementally, and kept.
	 */
	const resultFor = (doc: TextDocument, settings: Settings, fresh = false): PageResult => {
		const last = lastResults.get(doc.uri);
		if (!fresh && last?.version === doc.version) return last.result;
		const result = engineFor(settings).lintText(fileOf(doc.uri), doc.getText(), { incremental: true, verdicts: isOnline(settings) ? verdicts : undefined });
		lastResults.set(doc.uri, { version: doc.version, result });
		notePage(result);
		return result;
	};

	/**
	 * Lint an open document (or reuse its latest result for this version, with `reuse`); undefined
	 * when it changed or the request was cancelled meanwhile (a newer result will come).
	 */
	const lintDocument = async (doc: TextDocument, token?: CancellationToken, reuse = false): Promise<Diagnostic[] | undefined> => {
		const version = doc.version;
		const settings = await settingsFor(doc.uri);
		const current = documents.get(doc.uri);
		if (!current || current.version !== version || token?.isCancellationRequested) return undefined;
		const file = fileOf(doc.uri);
		const engine = engineFor(settings);
		try {
			const result = resultFor(current, settings, !reuse);
			const locale = engine.localeFor(engine.configFor(file));
			return result.findings.map((f) => toDiagnostic(f, result.document.lines, locale));
		} catch (err) {
			connection.console.error(`disclosure-lint: ${doc.uri}: ${(err as Error).stack ?? err}`);
			return [];
		}
	};

	const schedule = (doc: TextDocument): void => {
		if (canPull) return;
		clearTimeout(timers.get(doc.uri));
		void settingsFor(doc.uri).then((s) => {
			timers.set(doc.uri, setTimeout(() => {
				void lintDocument(doc).then((diagnostics) => {
					if (diagnostics) void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
				});
			}, s.debounceMs));
		});
	};

	/** LSP: every request before `initialize` is answered with ServerNotInitialized (-32002). */
	let initialized = false;
	const ready = (): void => {
		if (!initialized) throw new ResponseError(ErrorCodes.ServerNotInitialized, 'disclosure-lint: the server is not initialized yet; send initialize first');
	};

	connection.onInitialize((params) => {
		initialized = true;
		const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
		if (folder?.startsWith('file:')) root = fileURLToPath(folder);
		clientLocale = /^th\b/i.test(params.locale ?? '') ? 'th' : 'en';
		canConfigure = Boolean(params.capabilities.workspace?.configuration);
		canRegisterConfig = Boolean(params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration);
		canPull = Boolean(params.capabilities.textDocument?.diagnostic);
		canProgress = Boolean(params.capabilities.window?.workDoneProgress);
		trustedAtStart = (params.initializationOptions as { trusted?: boolean } | undefined)?.trusted !== false;
		return {
			capabilities: {
				textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
				codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, 'source.fixAll.disclosure-lint'] },
				hoverProvider: true,
				executeCommandProvider: { commands: [LINT_WORKSPACE_COMMAND] },
				completionProvider: { triggerCharacters: [':', ' '] },
				codeLensProvider: { resolveProvider: false },
				...(canPull ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
			},
			serverInfo: { name: 'disclosure-lint' },
		};
	});

	/** A generation counter: a newer workspace lint cancels an older one between files. */
	let generation = 0;

	/**
	 * Lint every page of the workspace in the background, with work-done progress, so the Problems
	 * panel lists them all (open pages are linted from their buffers); then the site check on the
	 * root configuration file.
	 */
	const lintWorkspace = async (): Promise<void> => {
		const mine = ++generation;
		const settings = await settingsFor(pathToFileURL(root).href);
		const engine = engineFor(settings);
		const files = collectFiles(['.'], root, (dir) => engine.configs.ignoreGlobs(dir)).files;
		const progress = canProgress ? await connection.window.createWorkDoneProgress() : undefined;
		progress?.begin('disclosure-lint', 0, `0/${files.length}`, true);
		const pages: PageSummary[] = [];
		workspaceFiles.clear();
		for (const f of files) workspaceFiles.add(f);
		for (const f of [...checklistPages.keys()]) if (!workspaceFiles.has(f)) checklistPages.delete(f);
		for (let i = 0; i < files.length; i++) {
			if (mine !== generation || progress?.token.isCancellationRequested) {
				progress?.done();
				return;
			}
			const file = files[i];
			const uri = pathToFileURL(file).href;
			const open = documents.get(uri);
			const result = open ? resultFor(open, settings) : lintFromDisk(engine, file);
			notePage(result, false);
			pages.push({ path: file, topic: result.topic, sections: result.sections });
			if (!open) publishFromDisk(uri, engine, result);
			if (i % 20 === 0) {
				progress?.report(Math.round((i / files.length) * 100), `${i}/${files.length}`);
				await new Promise((r) => setImmediate(r)); // keep answering the editor meanwhile
			}
		}
		const config = engine.configForFolder(root);
		const anchor = config.files.at(-1);
		if (anchor) {
			const locale = engine.localeFor(config);
			const lines = new LineIndex(fsHost.readFile(anchor) ?? '');
			void connection.sendDiagnostics({ uri: pathToFileURL(anchor).href, diagnostics: siteFindings(pages, engine.registryFor(config), config).map((f) => toDiagnostic(f, lines, locale)) });
		}
		progress?.done();
		checkChecklist();
	};

	/** Settings, config, ignore or schema files changed: forget every cache and lint everything again. */
	const relintAll = (): void => {
		settingsCache.clear();
		engines.clear();
		lastResults.clear();
		for (const d of documents.all()) schedule(d);
		if (canPull) void connection.languages.diagnostics.refresh();
		void lintWorkspace();
	};

	connection.onDidChangeWatchedFiles((params) => {
		if (params.changes.some((c) => /\.disclosurelintrc\.(json|ya?ml)$|\.disclosurelintignore$|\.schema\.json$/.test(c.uri))) relintAll();
		else void lintWorkspace(); // a page changed on disk: other pages' links and the site check may change
	});

	connection.onInitialized(() => {
		void lintWorkspace();
		if (canRegisterConfig) {
			connection.client.register(DidChangeConfigurationNotification.type, { section: 'disclosure-lint' }).catch((err: unknown) => connection.console.warn(`disclosure-lint: cannot register for configuration changes: ${String(err)}`));
		}
	});

	connection.onDidChangeConfiguration(relintAll);

	connection.onExecuteCommand(async (params) => {
		ready();
		if (params.command === LINT_WORKSPACE_COMMAND) await lintWorkspace();
	});

	connection.languages.diagnostics.on(async (params, token) => {
		ready();
		const doc = documents.get(params.textDocument.uri);
		// The client cancels a pull when the page changes again; it will pull the newer version. Yield once
		// first, so that a cancellation or a change already waiting in the input is seen before linting.
		await new Promise((resolve) => setImmediate(resolve));
		const items = doc ? await lintDocument(doc, token) : [];
		if (items === undefined) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'the page changed', { retriggerRequest: true });
		return { kind: DocumentDiagnosticReportKind.Full, items };
	});

	/** When the page was last reviewed and when its next review is due, on its first line. */
	connection.onCodeLens(async (params) => {
		ready();
		const doc = documents.get(params.textDocument.uri);
		if (!doc) return [];
		const settings = await settingsFor(doc.uri);
		const engine = engineFor(settings);
		const title = reviewLens(resultFor(doc, settings), engine.localeFor(engine.configFor(fileOf(doc.uri))));
		return title ? [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, command: { title, command: '' } }] : [];
	});

	connection.onRequest(CHECKLIST_REQUEST, async (): Promise<Checklist> => {
		ready();
		return computeChecklist();
	});

	connection.onCodeAction(async (params) => {
		ready();
		const doc = documents.get(params.textDocument.uri);
		if (!doc) return [];
		const actions: CodeAction[] = [];
		const only = params.context.only;
		const mine = params.context.diagnostics.filter((d) => d.source === 'disclosure-lint');
		if (!only || only.some((k) => k === CodeActionKind.QuickFix || k === CodeActionKind.Empty)) {
			for (const d of mine) {
				// `data` comes back from the client: only a well-formed fix becomes an edit.
				const data = d.data as DiagnosticData | undefined;
				const fix = validFix(data?.fix);
				if (fix) {
					actions.push({ title: `disclosure-lint: fix ${String(data?.ruleId ?? d.code)}`, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: fix.safe, edit: { changes: { [doc.uri]: [fix.edit] } } });
				}
				if (typeof d.code !== 'string' || !/^[a-z0-9-]+$/.test(d.code)) continue;
				const line = d.range.start.line;
				const indent = /^\s*/.exec(doc.getText({ start: { line, character: 0 }, end: { line, character: 1000 } }))?.[0] ?? '';
				actions.push({
					title: `disclosure-lint: disable ${d.code} for the next line`, kind: CodeActionKind.QuickFix, diagnostics: [d],
					edit: { changes: { [doc.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- disclosure-lint-disable-next-line ${d.code} -- เหตุผล -->\n` }] } },
				});
			}
		}
		if (only?.some((k) => k.startsWith('source.fixAll'))) {
			// Fix all covers the whole page, not only the diagnostics the client sent (those under the cursor).
			const whole = (await lintDocument(doc, undefined, true)) ?? [];
			const edits = whole.map((d) => d.data as DiagnosticData | undefined).filter((x) => x?.fix?.safe).map((x) => x!.fix!.edit);
			const ordered = edits.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
				.filter((e, i, all) => i === 0 || (e.range.start.line > all[i - 1].range.end.line || (e.range.start.line === all[i - 1].range.end.line && e.range.start.character >= all[i - 1].range.end.character)));
			if (ordered.length) actions.push({ title: 'disclosure-lint: fix all', kind: 'source.fixAll.disclosure-lint', edit: { changes: { [doc.uri]: ordered } } });
		}
		return actions;
	});

	/**
	 * The schemas, message language and topic that apply to a document (for hover and completion): the
	 * topic as the engine decides it, from `topic:` or else from the configuration's `topics` globs.
	 */
	const schemaContext = async (doc: TextDocument, fm: FrontMatter | undefined) => {
		const engine = engineFor(await settingsFor(doc.uri));
		const file = fileOf(doc.uri);
		const config = engine.configFor(file);
		const registry = engine.registryFor(config);
		return { registry, locale: engine.localeFor(config), topic: resolveTopic(file, frontMatterData(fm), { registry, config }).topic };
	};

	connection.onHover(async (params): Promise<Hover | null> => {
		ready();
		const doc = documents.get(params.textDocument.uri);
		if (!doc) return null;
		const text = doc.getText();
		const fm = readFrontMatter(text);
		const offset = doc.offsetAt(params.position);
		if (!fm?.yaml || offset < fm.contentStart || offset > fm.contentEnd) return null;
		const line = text.slice(text.lastIndexOf('\n', offset - 1) + 1, text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset));
		const key = /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1];
		if (!key) return null;
		const { registry, locale, topic } = await schemaContext(doc, fm);
		if (key === 'topic' && topic) {
			return { contents: { kind: MarkupKind.Markdown, value: `**${pick(topic.x.name, locale)}** (\`${topic.id}\`)\n\n${pick((topic.json['x-description'] as { th: string; en: string } | undefined) ?? topic.x.name, locale)}` } };
		}
		const info = keySchemaOf(topic, registry).keys.get(key);
		if (!info) return null;
		const r = locate(fm, [key])?.key;
		const lines = new LineIndex(text);
		return {
			contents: { kind: MarkupKind.Markdown, value: `**${key}** — ${pick(info.label ?? { th: key, en: key }, locale)}\n\n${pick(info.description ?? { th: '', en: '' }, locale)}` },
			range: r ? toRange(lines, r[0], r[1]) : undefined,
		};
	});

	/** In the body, at the start of a line: the headings of the required sections the page still lacks, in schema order. */
	const missingSectionHeadings = async (doc: TextDocument, offset: number): Promise<CompletionItem[]> => {
		const text = doc.getText();
		const before = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
		if (!/^#{0,6}\s*$/.test(before)) return [];
		const settings = await settingsFor(doc.uri);
		const result = resultFor(doc, settings);
		const engine = engineFor(settings);
		const locale = engine.localeFor(engine.configFor(fileOf(doc.uri)));
		const missing = result.findings.filter((f) => f.ruleId === 'section-missing' && f.data?.heading);
		const line = doc.positionAt(offset).line;
		return missing.map((f, i) => ({
			label: `## ${String(f.data!.heading)}`,
			kind: CompletionItemKind.Snippet,
			detail: locale === 'th' ? 'หัวข้อย่อยที่ยังขาด' : 'missing section',
			sortText: String(i).padStart(3, '0'),
			textEdit: { range: { start: { line, character: 0 }, end: doc.positionAt(offset) }, newText: `## ${String(f.data!.heading)}\n\n` },
		}));
	};

	connection.onCompletion(async (params, token): Promise<CompletionItem[]> => {
		ready();
		const doc = documents.get(params.textDocument.uri);
		if (!doc) return [];
		const fm = readFrontMatter(doc.getText());
		const offset = doc.offsetAt(params.position);
		if (fm?.closed && offset > fm.end) return missingSectionHeadings(doc, offset);
		const settings = await settingsFor(doc.uri);
		if (token.isCancellationRequested) return [];
		const { registry, locale, topic } = await schemaContext(doc, fm);
		const env = { registry, locale, topic, today: todayFor(settings) };
		if (!fm) return skeletonCompletions(doc, offset, env);
		if (offset < fm.contentStart || offset > fm.contentEnd) return [];
		return frontMatterCompletions(doc, offset, fm, env);
	});

	/**
	 * Online mode: check the external links of an open page (on open and on save, not while typing a
	 * URL), reusing the link cache the CLI shares; when verdicts arrive, lint the page again.
	 */
	const checkLinks = async (doc: TextDocument): Promise<void> => {
		const settings = await settingsFor(doc.uri);
		if (!isOnline(settings)) return;
		const result = resultFor(doc, settings);
		const links = engineFor(settings).configFor(fileOf(doc.uri)).links;
		const cacheKey = JSON.stringify(links);
		let online = checkers.get(cacheKey);
		if (!online) checkers.set(cacheKey, (online = new OnlineLinks(links, root)));
		const { verdicts: known, todo } = online.known((result.externalUrls ?? []).filter((u) => !verdicts.has(checkKey(u))));
		for (const [u, v] of known) verdicts.set(u, v);
		const fresh = await online.check(todo);
		for (const [u, v] of fresh) verdicts.set(u, v);
		if (!known.size && !fresh.size) return;
		lastResults.delete(doc.uri);
		if (canPull) void connection.languages.diagnostics.refresh();
		else for (const d of documents.all()) schedule(d);
	};
	const checkLinksLater = (doc: TextDocument): void => {
		checkLinks(doc).catch((err: unknown) => connection.console.error(`disclosure-lint: link check of ${doc.uri}: ${(err as Error).stack ?? err}`));
	};

	documents.onDidOpen((e) => {
		// A pull client now pulls this page: the findings pushed for it while it was closed would show twice.
		if (canPull && workspaceFiles.size) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
		schedule(e.document);
		checkLinksLater(e.document);
	});
	documents.onDidSave((e) => checkLinksLater(e.document));
	documents.onDidChangeContent((e) => schedule(e.document));
	documents.onDidClose((e) => {
		clearTimeout(timers.get(e.document.uri));
		if (e.document.uri.startsWith('file:')) for (const engine of engines.values()) engine.forget(fileURLToPath(e.document.uri));
		settingsCache.delete(e.document.uri);
		lastResults.delete(e.document.uri);
		// A closed page of the workspace keeps its findings in the Problems panel: those of the saved file
		// (an unsaved edit is gone with the buffer). A pull client drops its pulled ones on close, so
		// they are pushed in both modes. Other pages (outside the workspace, ignored) are cleared.
		const file = e.document.uri.startsWith('file:') ? fileURLToPath(e.document.uri) : undefined;
		if (file && workspaceFiles.has(file) && fs.existsSync(file)) void publishSaved(e.document.uri, file);
		else if (!canPull) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
	});
	/** Push the findings of a page as saved on disk. */
	const publishSaved = async (uri: string, file: string): Promise<void> => {
		try {
			const settings = await settingsFor(uri);
			const engine = engineFor(settings);
			if (documents.get(uri)) return; // opened again meanwhile: the buffer's result rules
			const result = lintFromDisk(engine, file);
			notePage(result);
			publishFromDisk(uri, engine, result);
		} catch (err) {
			connection.console.error(`disclosure-lint: ${uri}: ${(err as Error).stack ?? err}`);
		}
	};
	documents.listen(connection);
	connection.listen();
}

/** A quick fix as the client sent it back in `diagnostic.data`, when it is well formed. */
function validFix(x: unknown): { edit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }; safe: boolean } | undefined {
	if (!x || typeof x !== 'object') return undefined;
	const { edit, safe } = x as { edit?: unknown; safe?: unknown };
	if (!edit || typeof edit !== 'object') return undefined;
	const { range, newText } = edit as { range?: unknown; newText?: unknown };
	const pos = (p: unknown): p is { line: number; character: number } => !!p && typeof p === 'object'
		&& Number.isInteger((p as { line: unknown }).line) && (p as { line: number }).line >= 0
		&& Number.isInteger((p as { character: unknown }).character) && (p as { character: number }).character >= 0;
	if (typeof newText !== 'string' || newText.length > 100_000 || !range || typeof range !== 'object') return undefined;
	const { start, end } = range as { start?: unknown; end?: unknown };
	if (!pos(start) || !pos(end) || start.line > end.line || (start.line === end.line && start.character > end.character)) return undefined;
	return { edit: { range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } }, newText }, safe: safe === true };
}

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeConfigurationNotification, type Diagnostic } from 'vscode-languageserver/node';
import type { Engine } from '../core/engine';
import { pick } from '../core/i18n/render';
import { LineIndex } from '../core/parse/lineIndex';
import { siteFindings, type PageSummary } from '../core/site';
import type { FileProblem, Locale } from '../core/types';
import { fsHost } from '../node/fsHost';
import { collectFiles } from '../node/files';
import { isHtmlPath } from '../core/html/lint';
import { toDiagnostic } from './convert';
import type { ServerState } from './state';
import type { PageOutcome } from './workerProtocol';

/**
 * The background lint of the whole workspace (docs/architecture.md#language-server): every page,
 * with work-done progress, in the workspace's lint thread (open pages from their buffers, in the
 * editor's), so the Problems panel lists them all while typing never waits on it; then
 * `topic-coverage` and the configuration and schema problems on their files.
 */
export class WorkspaceLint {
	/** A generation counter: a newer workspace lint cancels an older one's queued pages. */
	private generation = 0;
	/** Files that have configuration or schema problems published, to clear them once fixed. */
	private problemFiles = new Set<string>();

	constructor(private readonly state: ServerState) {}

	async run(): Promise<void> {
		const { state } = this;
		const mine = ++this.generation;
		state.workspaceThread.cancel((tag) => tag !== undefined && tag < mine);
		const settings = await state.settingsFor(pathToFileURL(state.root).href);
		const engine = state.engineFor(settings);
		// The editor checks the sources the unit edits: published HTML pages are the CLI's and the audit's (docs/audit.md).
		const files = collectFiles(['.'], state.root, (dir) => engine.configs.ignoreGlobs(dir)).files.filter(
			(f) => !isHtmlPath(f),
		);
		const progress = state.canProgress ? await state.connection.window.createWorkDoneProgress() : undefined;
		progress?.begin('disclosure-lint', 0, `0/${files.length}`, true);
		state.workspaceFiles.clear();
		for (const f of files) state.workspaceFiles.add(f);
		state.checklist.keepOnly(state.workspaceFiles);
		const stopped = (): boolean => mine !== this.generation || Boolean(progress?.token.isCancellationRequested);
		// Every page is queued at once; the thread takes them in order, two at a time.
		const results = files.map((file): Promise<PageOutcome | undefined> => {
			const uri = pathToFileURL(file).href;
			const open = state.documents.get(uri);
			const run = open
				? state.resultFor(open, settings)
				: state.lintFile(file, settings, state.workspaceThread, mine).then((outcome) => {
						if (outcome && !stopped() && !state.documents.get(uri)) state.publishFromDisk(uri, outcome);
						return outcome;
					});
			return run.catch((err: unknown) => {
				state.log(`disclosure-lint: ${uri}: ${(err as Error).stack ?? err}`);
				return undefined;
			});
		});
		const pages: PageSummary[] = [];
		for (let i = 0; i < files.length; i++) {
			const outcome = await results[i];
			if (stopped()) {
				state.workspaceThread.cancel((tag) => tag === mine);
				progress?.done();
				return;
			}
			// A page whose lint was stopped keeps what was known of it (its topic) for the site check.
			const known = outcome?.checklist ?? state.checklist.get(files[i]);
			if (outcome?.checklist) state.checklist.note(files[i], outcome.checklist, false);
			pages.push({ path: files[i], topic: known?.topic, sections: known?.sections });
			if (i % 20 === 0) progress?.report(Math.round((i / files.length) * 100), `${i}/${files.length}`);
		}
		this.publishSite(engine, pages, files);
		progress?.done();
		state.checklist.changed();
	}

	/** {@link run}, its failure logged. */
	runLater(): void {
		this.run().catch((err: unknown) =>
			this.state.log(`disclosure-lint: workspace lint: ${(err as Error).stack ?? err}`),
		);
	}

	/** `topic-coverage` on the root configuration file, and every configuration and schema problem on its file. */
	private publishSite(engine: Engine, pages: PageSummary[], files: string[]): void {
		const { state } = this;
		const config = engine.configForFolder(state.root);
		const byFile = new Map<string, Diagnostic[]>();
		const locale = engine.localeFor(config);
		for (const p of problemsOf(engine, state.root, files)) {
			let list = byFile.get(p.file);
			if (!list) byFile.set(p.file, (list = []));
			list.push(problemDiagnostic(p, locale));
		}
		const anchor = config.files.at(-1);
		if (anchor) {
			const lines = new LineIndex(fsHost.readFile(anchor) ?? '');
			const site = siteFindings(pages, engine.registryFor(config), config).map((f) =>
				toDiagnostic(f, lines, locale),
			);
			byFile.set(anchor, [...site, ...(byFile.get(anchor) ?? [])]);
		}
		for (const file of this.problemFiles) if (!byFile.has(file)) byFile.set(file, []);
		this.problemFiles = new Set([...byFile].filter(([f, d]) => d.length && f !== anchor).map(([f]) => f));
		for (const [file, diagnostics] of byFile)
			void state.connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics });
	}
}

/** The configuration and schema problems that apply to the workspace's pages (once per folder, each once). */
function problemsOf(engine: Engine, root: string, files: string[]): FileProblem[] {
	const seen = new Set<string>();
	const out: FileProblem[] = [];
	const dirs = new Set([root, ...files.map((f) => path.dirname(f))]);
	for (const dir of dirs) {
		for (const p of engine.problemsFor(path.join(dir, 'page.md'))) {
			const key = `${p.file}:${p.line}:${p.column}:${p.message.en}`;
			if (!seen.has(key) && seen.add(key)) out.push(p);
		}
	}
	return out;
}

/** A configuration or schema problem as an error on its file, at its place. */
function problemDiagnostic(p: FileProblem, locale: Locale): Diagnostic {
	return {
		range: {
			start: { line: p.line - 1, character: p.column - 1 },
			end: { line: p.endLine - 1, character: p.endColumn - 1 },
		},
		severity: 1,
		source: 'disclosure-lint',
		message: pick(p.message, locale),
	};
}

/** Start-up, the *Lint workspace* command's work, watched files and settings changes. */
export function registerWorkspace(state: ServerState, workspace: WorkspaceLint): void {
	const { connection } = state;
	/** Settings, config, ignore or schema files changed: forget every cache and lint everything again. */
	const relintAll = (): void => {
		state.forgetAll();
		for (const d of state.documents.all()) state.schedule(d);
		if (state.canPull) void connection.languages.diagnostics.refresh();
		workspace.runLater();
	};

	connection.onDidChangeWatchedFiles((params) => {
		if (
			params.changes.some((c) =>
				/\.disclosurelintrc\.(json|ya?ml)$|\.disclosurelintignore$|\.schema\.json$/.test(c.uri),
			)
		)
			relintAll();
		else workspace.runLater(); // a page changed on disk: other pages' links and the site check may change
	});

	connection.onInitialized(() => {
		workspace.runLater();
		if (state.canRegisterConfig) {
			connection.client
				.register(DidChangeConfigurationNotification.type, { section: 'disclosure-lint' })
				.catch((err: unknown) =>
					connection.console.warn(
						`disclosure-lint: cannot register for configuration changes: ${String(err)}`,
					),
				);
		}
	});

	connection.onDidChangeConfiguration(relintAll);
}

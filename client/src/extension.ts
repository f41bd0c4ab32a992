import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
	LanguageClient,
	TransportKind,
	type LanguageClientOptions,
	type ServerOptions,
} from 'vscode-languageclient/node';
import { ChecklistView } from './checklist/view';

let client: LanguageClient | undefined;
let status: vscode.LanguageStatusItem | undefined;
let checklistView: ChecklistView | undefined;

/** What the extension exports: the checklist view, for tests and other extensions. */
export interface DisclosureLintApi {
	checklist: ChecklistView;
}

/**
 * V8 heap flags for the server: a smaller young generation and an old-space cap make V8 collect the
 * parse trees of the background workspace lint sooner. With 2,000 pages the peak RSS drops from about
 * 250 MB to about 135 MB at the same speed (`npm run bench:lsp`); the live heap is about 25 MB.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4', '--max-old-space-size=512'];

/** Files whose changes re-lint pages: configuration, ignore files, topic schemas. */
const WATCHED =
	'**/{.disclosurelintrc.json,.disclosurelintrc.yaml,.disclosurelintrc.yml,.disclosurelintignore,*.schema.json}';
/**
 * Pages created or deleted on disk (by the checklist view, git, another program) change the site's
 * coverage; their edits in the editor reach the server anyway, so changes are not watched.
 */
const PAGES = '**/*.md';
const CONFIG_FILES = ['.disclosurelintrc.json', '.disclosurelintrc.yaml', '.disclosurelintrc.yml'];

/** Start the language client over node-ipc with the bundled server. */
async function start(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<void> {
	const module = context.asAbsolutePath(path.join('dist', 'server.js'));
	const serverOptions: ServerOptions = {
		run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_FLAGS } },
		debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6012'] } },
	};
	const clientOptions: LanguageClientOptions = {
		documentSelector: [
			{ language: 'markdown', scheme: 'file' },
			{ language: 'markdown', scheme: 'untitled' },
		],
		synchronize: {
			configurationSection: 'disclosure-lint',
			fileEvents: [
				vscode.workspace.createFileSystemWatcher(WATCHED),
				vscode.workspace.createFileSystemWatcher(PAGES, false, true, false),
			],
		},
		outputChannel: output,
		initializationOptions: { trusted: vscode.workspace.isTrusted },
		middleware: {
			// An untrusted workspace gets no network and no workspace schemas (package.json: untrustedWorkspaces limited).
			workspace: {
				configuration: async (params, token, next) => {
					const result = (await next(params, token)) as Record<string, unknown>[];
					if (vscode.workspace.isTrusted || !Array.isArray(result)) return result;
					return result.map((r) => ({
						...r,
						links: r?.links === 'online' ? 'local' : r?.links,
						trusted: false,
					}));
				},
			},
		},
	};
	client = new LanguageClient('disclosure-lint', 'disclosure-lint', serverOptions, clientOptions);
	await client.start();
	checklistView?.attach(client);
	if (status) {
		status.text = 'disclosure-lint';
		status.severity = vscode.LanguageStatusSeverity.Information;
		status.detail = vscode.workspace.isTrusted
			? vscode.l10n.t('checking disclosure pages')
			: vscode.l10n.t('restricted mode: no online link checks, no workspace schemas');
	}
}

/**
 * Open the workspace folder's configuration file, writing the starter one first (the bundled CLI's
 * `--init`, so both write the same) when the folder has none.
 */
async function createConfig(context: vscode.ExtensionContext): Promise<vscode.Uri | undefined> {
	const folder = vscode.workspace.workspaceFolders?.[0];
	if (!folder || folder.uri.scheme !== 'file') {
		void vscode.window.showErrorMessage(
			vscode.l10n.t('Open a folder first: the configuration is a file in the workspace folder.'),
		);
		return undefined;
	}
	const existing = CONFIG_FILES.map((f) => path.join(folder.uri.fsPath, f)).find((f) => fs.existsSync(f));
	if (!existing) {
		const cli = context.asAbsolutePath(path.join('dist', 'cli.js'));
		const failed = await new Promise<string | undefined>((resolve) => {
			execFile(
				process.execPath,
				[cli, '--init'],
				{ cwd: folder.uri.fsPath, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } },
				(err, _out, stderr) => resolve(err ? stderr || err.message : undefined),
			);
		});
		if (failed) {
			void vscode.window.showErrorMessage(vscode.l10n.t('Could not write the configuration: {0}', failed.trim()));
			return undefined;
		}
	}
	const uri = vscode.Uri.file(existing ?? path.join(folder.uri.fsPath, CONFIG_FILES[0]));
	await vscode.window.showTextDocument(uri);
	return uri;
}

/** Activate on Markdown (or the Disclosure view): the client, commands, the checklist view, a language status item and an output channel. */
export async function activate(context: vscode.ExtensionContext): Promise<DisclosureLintApi> {
	const output = vscode.window.createOutputChannel('disclosure-lint', { log: true });
	status = vscode.languages.createLanguageStatusItem('disclosure-lint.status', { language: 'markdown' });
	status.name = 'disclosure-lint';
	status.command = { title: vscode.l10n.t('Show log'), command: 'disclosure-lint.showOutput' };
	checklistView = new ChecklistView(() => client);
	context.subscriptions.push(output, status, checklistView);
	context.subscriptions.push(
		vscode.commands.registerCommand('disclosure-lint.createConfig', () => createConfig(context)),
		vscode.commands.registerCommand('disclosure-lint.showOutput', () => output.show()),
		vscode.commands.registerCommand('disclosure-lint.restartServer', async () => {
			await client?.stop();
			await start(context, output);
		}),
		vscode.commands.registerCommand('disclosure-lint.fixAll', async () => {
			await vscode.commands.executeCommand('editor.action.sourceAction', {
				kind: 'source.fixAll.disclosure-lint',
				apply: 'first',
			});
		}),
		// The server lints every page in the background (with progress); this asks it to start again.
		vscode.commands.registerCommand('disclosure-lint.lintWorkspace', () =>
			vscode.commands.executeCommand('disclosure-lint.server.lintWorkspace'),
		),
		vscode.commands.registerCommand('disclosure-lint.showReport', async () => {
			const folder = vscode.workspace.workspaceFolders?.[0];
			if (!folder) return;
			const report = vscode.Uri.joinPath(context.globalStorageUri, 'compliance.html');
			await vscode.workspace.fs.createDirectory(context.globalStorageUri);
			const task = new vscode.Task(
				{ type: 'process' },
				folder,
				'compliance report',
				'disclosure-lint',
				new vscode.ProcessExecution(
					process.execPath,
					[
						context.asAbsolutePath(path.join('dist', 'cli.js')),
						'.',
						'--report',
						report.fsPath,
						'--format',
						'json',
						'--output',
						vscode.Uri.joinPath(context.globalStorageUri, 'report.json').fsPath,
					],
					{ cwd: folder.uri.fsPath, env: { ELECTRON_RUN_AS_NODE: '1' } },
				),
			);
			const done = new Promise<void>((resolve) => {
				const sub = vscode.tasks.onDidEndTaskProcess((e) => {
					if (e.execution.task === task) {
						sub.dispose();
						resolve();
					}
				});
			});
			await vscode.tasks.executeTask(task);
			await done;
			await vscode.env.openExternal(report);
		}),
		// Restricted mode lifts when the user trusts the folder: start again with the network and the workspace's schemas.
		vscode.workspace.onDidGrantWorkspaceTrust(async () => {
			await client?.stop();
			await start(context, output);
		}),
	);
	await start(context, output);
	return { checklist: checklistView };
}

/** Stop the client with the extension. */
export async function deactivate(): Promise<void> {
	await client?.stop();
}

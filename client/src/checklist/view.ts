// The "Disclosure" view (docs/editor.md): the site's disclosure checklist from the language server's
// `disclosure-lint/checklist` request, refreshed on `disclosure-lint/checklistChanged`. Topics with their
// state, their pages (errors, warnings, when the review is due) and missing sections; a page opens on
// click; a missing topic or section can be created from the topic's skeleton, never over an existing file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { checkNewPage, daysUntil, relativeSlash, type NewPageProblem } from './paths';
import {
	CHECKLIST_CHANGED,
	CHECKLIST_REQUEST,
	type Checklist,
	type ChecklistCreate,
	type ChecklistPage,
	type ChecklistSection,
	type ChecklistTopic,
	type LocalizedText,
} from './protocol';
import { dateVariables, snippetToText, todayInBangkok } from './snippet';

export const VIEW_ID = 'disclosure-lint.checklist';
export const COMMANDS = {
	refresh: 'disclosure-lint.checklist.refresh',
	createPage: 'disclosure-lint.checklist.createPage',
	createSectionPage: 'disclosure-lint.checklist.createSectionPage',
	addSection: 'disclosure-lint.checklist.addSection',
} as const;

/** A node of the view: a topic, a page of it, or a section that is missing (from the topic or from a page). */
export type ChecklistNode =
	| { kind: 'topic'; topic: ChecklistTopic }
	| { kind: 'page'; topic: ChecklistTopic; page: ChecklistPage }
	| { kind: 'section'; topic: ChecklistTopic; section: ChecklistSection; page?: ChecklistPage };

/** What a create command is given: a node of the view, or (from a walkthrough, a test, another extension) ids and a target. */
export interface CreateRequest {
	topic: string;
	section?: string;
	/** The file to create (a URI string or an absolute path); without it the user is asked, with a suggestion. */
	file?: string;
}

type ViewState = 'loading' | 'ready' | 'failed';

/** How long to wait for the server's first checklistChanged before asking anyway. */
const FIRST_ANSWER_MS = 60_000;

function isThai(): boolean {
	return vscode.env.language.toLowerCase().startsWith('th');
}

function pick(text: LocalizedText): string {
	return isThai() ? text.th : text.en;
}

function count(n: number, one: string, many: string): string {
	return n === 1 ? one : many;
}

/** "2 errors · 1 warning", or undefined when there are neither. */
function findingsText(errors: number, warnings: number): string | undefined {
	const parts: string[] = [];
	if (errors) parts.push(count(errors, vscode.l10n.t('1 error'), vscode.l10n.t('{0} errors', errors)));
	if (warnings) parts.push(count(warnings, vscode.l10n.t('1 warning'), vscode.l10n.t('{0} warnings', warnings)));
	return parts.length ? parts.join(' · ') : undefined;
}

/** The view's tree of the checklist, and its commands. */
export class ChecklistView implements vscode.TreeDataProvider<ChecklistNode>, vscode.Disposable {
	private readonly changed = new vscode.EventEmitter<ChecklistNode | undefined>();
	readonly onDidChangeTreeData = this.changed.event;
	private readonly refreshed = new vscode.EventEmitter<Checklist | undefined>();
	/** Fires after each answer of the server has been shown (tests wait on it). */
	readonly onDidRefresh = this.refreshed.event;
	/** The latest checklist the server answered. */
	checklist: Checklist | undefined;
	state: ViewState = 'loading';
	private treeView: vscode.TreeView<ChecklistNode> | undefined;
	private listener: vscode.Disposable | undefined;
	private fallback: NodeJS.Timeout | undefined;
	private inFlight: Promise<void> | undefined;
	private again = false;
	private readonly disposables: vscode.Disposable[] = [];

	constructor(private readonly getClient: () => LanguageClient | undefined) {
		this.treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
		this.disposables.push(
			this.treeView,
			this.changed,
			this.refreshed,
			vscode.commands.registerCommand(COMMANDS.refresh, () => this.refresh()),
			vscode.commands.registerCommand(COMMANDS.createPage, (arg?: ChecklistNode | CreateRequest) =>
				this.createFrom(arg, false),
			),
			vscode.commands.registerCommand(COMMANDS.createSectionPage, (arg?: ChecklistNode | CreateRequest) =>
				this.createFrom(arg, true),
			),
			vscode.commands.registerCommand(COMMANDS.addSection, (arg?: ChecklistNode) => this.addSection(arg)),
			// The dates of the review and of new pages follow the `today` setting.
			vscode.workspace.onDidChangeConfiguration(
				(e) => e.affectsConfiguration('disclosure-lint.today') && this.changed.fire(undefined),
			),
		);
		void this.setState('loading');
	}

	/**
	 * The language client (re)started: ask for the checklist when the server says it changed. The server
	 * says so first after its workspace lint; asked before, it would list every topic as missing. Should
	 * no notification come (a server without it), ask anyway after a while.
	 */
	attach(client: LanguageClient): void {
		this.listener?.dispose();
		clearTimeout(this.fallback);
		this.checklist = undefined;
		void this.setState('loading');
		this.changed.fire(undefined);
		const onChange = client.onNotification(CHECKLIST_CHANGED, () => {
			clearTimeout(this.fallback);
			void this.refresh();
		});
		this.fallback = setTimeout(() => void this.refresh(), FIRST_ANSWER_MS);
		this.listener = {
			dispose: () => {
				onChange.dispose();
				clearTimeout(this.fallback);
			},
		};
	}

	dispose(): void {
		this.listener?.dispose();
		for (const d of this.disposables) d.dispose();
	}

	/** Ask the server for the checklist and show it; one request at a time, the latest change never lost. */
	refresh(): Promise<void> {
		if (this.inFlight) {
			this.again = true;
			return this.inFlight;
		}
		this.inFlight = (async () => {
			do {
				this.again = false;
				const client = this.getClient();
				if (!client?.isRunning()) break;
				try {
					this.checklist = await client.sendRequest<Checklist>(CHECKLIST_REQUEST, {});
					await this.setState('ready');
				} catch (err) {
					client.warn(`disclosure-lint: checklist request failed: ${String(err)}`);
					await this.setState('failed');
				}
				this.updateBadge();
				this.changed.fire(undefined);
				this.refreshed.fire(this.checklist);
			} while (this.again);
		})().finally(() => (this.inFlight = undefined));
		return this.inFlight;
	}

	private async setState(state: ViewState): Promise<void> {
		this.state = state;
		await vscode.commands.executeCommand('setContext', 'disclosure-lint.checklist.state', state);
	}

	private updateBadge(): void {
		if (!this.treeView) return;
		const open = this.checklist?.topics.filter((t) => t.state !== 'covered').length ?? 0;
		this.treeView.badge = open
			? {
					value: open,
					tooltip: count(
						open,
						vscode.l10n.t('1 topic still needs pages or sections'),
						vscode.l10n.t('{0} topics still need pages or sections', open),
					),
				}
			: undefined;
	}

	getChildren(node?: ChecklistNode): ChecklistNode[] {
		if (!node) return this.checklist?.topics.map((topic) => ({ kind: 'topic', topic })) ?? [];
		if (node.kind === 'topic') {
			const { topic } = node;
			const onPages = new Set(topic.pages.flatMap((p) => p.missingSections ?? []));
			// The sections no page reports missing are missing from the topic: a page of their own creates them.
			const missing = (topic.sections ?? []).filter(
				(s) => !s.covered && !onPages.has(s.id) && topic.pages.length > 0,
			);
			return [
				...topic.pages.map((page): ChecklistNode => ({ kind: 'page', topic, page })),
				...missing.map((section): ChecklistNode => ({ kind: 'section', topic, section })),
			];
		}
		if (node.kind === 'page') {
			return (node.page.missingSections ?? []).map(
				(id): ChecklistNode => ({
					kind: 'section',
					topic: node.topic,
					page: node.page,
					section: this.section(node.topic, id),
				}),
			);
		}
		return [];
	}

	private section(topic: ChecklistTopic, id: string): ChecklistSection {
		return topic.sections?.find((s) => s.id === id) ?? { id, heading: { th: id, en: id }, covered: false };
	}

	getParent(node: ChecklistNode): ChecklistNode | undefined {
		if (node.kind === 'topic') return undefined;
		if (node.kind === 'section' && node.page) return { kind: 'page', topic: node.topic, page: node.page };
		return { kind: 'topic', topic: node.topic };
	}

	getTreeItem(node: ChecklistNode): vscode.TreeItem {
		if (node.kind === 'topic') return this.topicItem(node.topic);
		if (node.kind === 'page') return this.pageItem(node.topic, node.page);
		return this.sectionItem(node.topic, node.section, node.page);
	}

	private topicItem(topic: ChecklistTopic): vscode.TreeItem {
		const errors = topic.pages.reduce((n, p) => n + p.errors, 0);
		const warnings = topic.pages.reduce((n, p) => n + p.warnings, 0);
		const pages = count(
			topic.pages.length,
			vscode.l10n.t('1 page'),
			vscode.l10n.t('{0} pages', topic.pages.length),
		);
		const item = new vscode.TreeItem(pick(topic.name));
		const parts: string[] = [];
		let state: string;
		if (topic.state === 'missing') {
			state = vscode.l10n.t('No page yet');
			item.iconPath = new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('problemsErrorIcon.foreground'));
			parts.push(state);
		} else {
			if (topic.state === 'partial') {
				const n = topic.missingSections.length;
				state = count(n, vscode.l10n.t('1 section missing'), vscode.l10n.t('{0} sections missing', n));
				item.iconPath = new vscode.ThemeIcon(
					'warning',
					new vscode.ThemeColor('problemsWarningIcon.foreground'),
				);
				parts.push(state);
			} else if (errors) {
				state = vscode.l10n.t('Covered, with errors');
				item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
			} else {
				state = vscode.l10n.t('Covered');
				item.iconPath = new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'));
			}
			parts.push(pages);
			const found = findingsText(errors, warnings);
			if (found) parts.push(found);
		}
		item.description = parts.join(' · ');
		const tip = new vscode.MarkdownString(undefined, true);
		// The official name in the other language too: auditors and forms use the Thai one.
		const other = isThai() ? topic.name.en : topic.name.th;
		tip.appendMarkdown(
			`**${escape(pick(topic.name))}**${other !== pick(topic.name) ? ` · ${escape(other)}` : ''} \`${topic.id}\`\n\n${escape(state)}`,
		);
		if (topic.state !== 'missing')
			tip.appendMarkdown(`\n\n${escape([pages, findingsText(errors, warnings)].filter(Boolean).join(' · '))}`);
		item.tooltip = tip;
		item.contextValue = `topic.${topic.state}${topic.create ? '.create' : ''}`;
		item.collapsibleState =
			this.getChildren({ kind: 'topic', topic }).length === 0
				? vscode.TreeItemCollapsibleState.None
				: topic.state === 'partial' || errors
					? vscode.TreeItemCollapsibleState.Expanded
					: vscode.TreeItemCollapsibleState.Collapsed;
		// VS Code keeps an item's expansion by id and applies collapsibleState only to ids it has not seen:
		// a topic that turns partial or gets errors is a new item, so it opens to show what is wrong.
		item.id = `topic:${topic.id}:${item.collapsibleState}`;
		return item;
	}

	private pageItem(topic: ChecklistTopic, page: ChecklistPage): vscode.TreeItem {
		const uri = vscode.Uri.parse(page.uri);
		const root = vscode.workspace.getWorkspaceFolder(uri);
		const item = new vscode.TreeItem(uri);
		item.label = root ? relativeSlash(root.uri.fsPath, uri.fsPath) : path.basename(uri.fsPath);
		const parts = [findingsText(page.errors, page.warnings), this.reviewText(page, uri)].filter((p): p is string =>
			Boolean(p),
		);
		item.description = parts.join(' · ');
		const tip = new vscode.MarkdownString(undefined, true);
		tip.appendMarkdown(`**${escape(String(item.label))}**\n\n${escape(pick(topic.name))}`);
		if (parts.length) tip.appendMarkdown(`\n\n${escape(parts.join(' · '))}`);
		if (page.reviewDue) tip.appendMarkdown(`\n\n${escape(vscode.l10n.t('Next review due {0}', page.reviewDue))}`);
		item.tooltip = tip;
		item.command = { command: 'vscode.open', title: vscode.l10n.t('Open page'), arguments: [uri] };
		item.contextValue = 'page';
		item.collapsibleState = page.missingSections?.length
			? vscode.TreeItemCollapsibleState.Expanded
			: vscode.TreeItemCollapsibleState.None;
		item.id = `page:${page.uri}:${item.collapsibleState}`;
		return item;
	}

	private reviewText(page: ChecklistPage, uri: vscode.Uri): string | undefined {
		if (!page.reviewDue) return undefined;
		const days = daysUntil(this.today(uri), page.reviewDue);
		if (days < 0)
			return count(
				-days,
				vscode.l10n.t('Review overdue by 1 day'),
				vscode.l10n.t('Review overdue by {0} days', -days),
			);
		if (days === 0) return vscode.l10n.t('Review due today');
		return count(days, vscode.l10n.t('Review due in 1 day'), vscode.l10n.t('Review due in {0} days', days));
	}

	private sectionItem(topic: ChecklistTopic, section: ChecklistSection, page?: ChecklistPage): vscode.TreeItem {
		const item = new vscode.TreeItem(pick(section.heading));
		item.id = `section:${topic.id}:${section.id}:${page?.uri ?? ''}`;
		item.description = section.id;
		item.iconPath = new vscode.ThemeIcon(
			'circle-large-outline',
			new vscode.ThemeColor('problemsWarningIcon.foreground'),
		);
		const tip = new vscode.MarkdownString(undefined, true);
		if (page) {
			tip.appendMarkdown(
				escape(
					vscode.l10n.t(
						'This page lacks the section "{0}". Add its heading with its content.',
						pick(section.heading),
					),
				),
			);
			item.contextValue = 'section.page';
		} else {
			tip.appendMarkdown(
				escape(
					vscode.l10n.t(
						'No page covers the section "{0}". Create a page for it, or add the section to a page and list its id in the sections: of that page.',
						pick(section.heading),
					),
				),
			);
			item.contextValue = section.create ? 'section.topic.create' : 'section.topic';
		}
		item.tooltip = tip;
		return item;
	}

	/** "Today" for a page: the `disclosure-lint.today` setting, else today in Asia/Bangkok (as the server). */
	today(scope?: vscode.Uri): string {
		const fixed = vscode.workspace.getConfiguration('disclosure-lint', scope).get<string>('today');
		return fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed) ? fixed : todayInBangkok();
	}

	/** Resolve what a create command was given to a topic, an optional section and what to create. */
	private target(
		arg: ChecklistNode | CreateRequest | undefined,
	):
		| { topic: ChecklistTopic; section?: ChecklistSection; create: ChecklistCreate; file?: string }
		| string
		| undefined {
		const topics = this.checklist?.topics ?? [];
		if (!arg) return undefined;
		let topic: ChecklistTopic | undefined;
		let section: ChecklistSection | undefined;
		let file: string | undefined;
		if ('kind' in arg) {
			topic = arg.topic;
			section = arg.kind === 'section' ? arg.section : undefined;
		} else {
			topic = topics.find((t) => t.id === arg.topic);
			if (!topic) return vscode.l10n.t('The checklist has no topic "{0}".', arg.topic);
			if (arg.section) {
				section = topic.sections?.find((s) => s.id === arg.section);
				if (!section) return vscode.l10n.t('The topic "{0}" has no section "{1}".', arg.topic, arg.section);
			}
			file = arg.file;
		}
		const create = section ? section.create : topic.create;
		if (!create)
			return section
				? vscode.l10n.t(
						'The section "{0}" is already covered, or its topic has no page to put a new one beside.',
						section.id,
					)
				: vscode.l10n.t('No schema describes the topic "{0}", so it has no skeleton.', topic.id);
		return { topic, section, create, file };
	}

	/** The create commands: ask where (unless told), write the skeleton to a new file, open it. Returns the new page's URI. */
	private async createFrom(
		arg: ChecklistNode | CreateRequest | undefined,
		sectionOnly: boolean,
	): Promise<vscode.Uri | undefined> {
		if (!this.checklist) await this.refresh();
		if (!arg) arg = await this.pickTopic();
		if (!arg) return undefined;
		if (sectionOnly && 'kind' in arg && arg.kind !== 'section') return undefined;
		const target = this.target(arg);
		if (typeof target === 'string') {
			void vscode.window.showErrorMessage(target);
			return undefined;
		}
		if (!target) return undefined;
		const root = vscode.workspace.workspaceFolders?.[0];
		if (!root || root.uri.scheme !== 'file') {
			void vscode.window.showErrorMessage(
				vscode.l10n.t('Open a folder first: pages are created in the workspace folder.'),
			);
			return undefined;
		}
		let file: string | undefined;
		if (target.file) {
			file =
				/^[a-z][a-z0-9+.-]+:/i.test(target.file) && !/^[a-z]:[\\/]/i.test(target.file)
					? vscode.Uri.parse(target.file).fsPath
					: target.file;
			const checked = checkNewPage(root.uri.fsPath, relativeSlash(root.uri.fsPath, file), probe);
			if ('problem' in checked) return this.refuse(checked.problem, file);
		} else {
			file = await this.askWhere(
				root.uri.fsPath,
				target.create,
				target.section ? pick(target.section.heading) : pick(target.topic.name),
			);
			if (!file) return undefined;
		}
		const text = snippetToText(target.create.snippet, dateVariables(this.today(vscode.Uri.file(file)))).replace(
			/\n/g,
			eol(),
		);
		try {
			fs.mkdirSync(path.dirname(file), { recursive: true });
			// `wx`: the file is created, or nothing is written. Never over an existing file, even one made since the check.
			fs.writeFileSync(file, text, { flag: 'wx' });
		} catch (err) {
			const code = (err as NodeJS.ErrnoException).code;
			if (code === 'EEXIST') return this.refuse('exists', file);
			void vscode.window.showErrorMessage(
				vscode.l10n.t('Could not create {0}: {1}', file, (err as Error).message),
			);
			return undefined;
		}
		const uri = vscode.Uri.file(file);
		const editor = await vscode.window.showTextDocument(uri);
		// Put the cursor on the title, the first thing to fill in.
		const line = editor.document
			.getText()
			.split(/\r?\n/)
			.findIndex((l) => l.startsWith('title:'));
		if (line >= 0) {
			const end = editor.document.lineAt(line).range.end;
			editor.selection = new vscode.Selection(new vscode.Position(line, 'title: '.length), end);
		}
		return uri;
	}

	private refuse(problem: NewPageProblem, file: string): undefined {
		if (problem === 'exists') {
			const open = vscode.l10n.t('Open it');
			void vscode.window
				.showErrorMessage(
					vscode.l10n.t('{0} already exists. Nothing was written; pick another name.', file),
					open,
				)
				.then((choice) => {
					if (choice === open) void vscode.window.showTextDocument(vscode.Uri.file(file));
				});
		} else {
			void vscode.window.showErrorMessage(`${problemText(problem)} (${file})`);
		}
		return undefined;
	}

	private async askWhere(root: string, create: ChecklistCreate, what: string): Promise<string | undefined> {
		const folder = create.folder ? vscode.Uri.parse(create.folder).fsPath : root;
		let suggestion = relativeSlash(root, path.join(folder, create.file));
		// A suggestion that exists already gets a number: news.md → news-2.md.
		for (let n = 2; probe(path.join(root, suggestion)) && n < 100; n++)
			suggestion = relativeSlash(root, path.join(folder, create.file.replace(/\.md$/, `-${n}.md`)));
		const base = suggestion.lastIndexOf('/') + 1;
		const typed = await vscode.window.showInputBox({
			title: vscode.l10n.t('New page: {0}', what),
			prompt: vscode.l10n.t(
				'Where to create the page, relative to the workspace folder. An existing file is never replaced.',
			),
			value: suggestion,
			valueSelection: [base, suggestion.length - 3],
			ignoreFocusOut: true,
			validateInput: (value) => {
				const checked = checkNewPage(root, value, probe);
				return 'problem' in checked
					? { message: problemText(checked.problem), severity: vscode.InputBoxValidationSeverity.Error }
					: undefined;
			},
		});
		if (typed === undefined) return undefined;
		const checked = checkNewPage(root, typed, probe);
		if ('problem' in checked) return this.refuse(checked.problem, path.resolve(root, typed.trim()));
		return checked.file;
	}

	private async pickTopic(): Promise<ChecklistNode | undefined> {
		const topics = (this.checklist?.topics ?? []).filter((t) => t.create);
		// Missing topics first, then partly covered, then the rest: what the site still owes comes first.
		const order = { missing: 0, partial: 1, covered: 2 } as const;
		const items = [...topics]
			.sort((a, b) => order[a.state] - order[b.state])
			.map((topic) => ({
				label: pick(topic.name),
				description: topic.id,
				detail:
					topic.state === 'missing'
						? vscode.l10n.t('No page yet')
						: topic.state === 'partial'
							? vscode.l10n.t('Partly covered')
							: vscode.l10n.t('Covered'),
				topic,
			}));
		const chosen = await vscode.window.showQuickPick(items, {
			title: vscode.l10n.t('New disclosure page'),
			placeHolder: vscode.l10n.t('Pick the topic of the page'),
		});
		return chosen ? { kind: 'topic', topic: chosen.topic } : undefined;
	}

	/** Add a missing section's heading to the page that lacks it: the server's quick fix, else at the end. Not saved. */
	private async addSection(node?: ChecklistNode): Promise<void> {
		if (!node || node.kind !== 'section' || !node.page) return;
		const uri = vscode.Uri.parse(node.page.uri);
		const editor = await vscode.window.showTextDocument(uri);
		const marker = `(${node.section.id})`;
		const diagnostic = vscode.languages
			.getDiagnostics(uri)
			.find(
				(d) => d.source === 'disclosure-lint' && codeOf(d) === 'section-missing' && d.message.includes(marker),
			);
		if (diagnostic) {
			const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
				'vscode.executeCodeActionProvider',
				uri,
				diagnostic.range,
				vscode.CodeActionKind.QuickFix.value,
			);
			const fix = actions?.find(
				(a): a is vscode.CodeAction =>
					'edit' in a &&
					Boolean(a.edit) &&
					(a.diagnostics ?? []).some((d) => d.message === diagnostic.message),
			);
			if (fix?.edit && (await vscode.workspace.applyEdit(fix.edit))) {
				const heading = `## ${node.section.heading.th}`;
				const line = editor.document.getText().split(/\r?\n/).indexOf(heading);
				if (line >= 0)
					editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.InCenter);
				if (line >= 0) editor.selection = new vscode.Selection(line + 1, 0, line + 1, 0);
				return;
			}
		}
		const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
		const lead = editor.document.getText().endsWith('\n\n')
			? ''
			: editor.document.getText().endsWith('\n')
				? '\n'
				: '\n\n';
		await editor.insertSnippet(
			new vscode.SnippetString(`${lead}## ${node.section.heading.th.replace(/[$}\\]/g, '\\$&')}\n\n$0\n`),
			end,
		);
	}
}

function codeOf(d: vscode.Diagnostic): string {
	return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function probe(file: string): 'file' | 'folder' | undefined {
	try {
		return fs.statSync(file).isDirectory() ? 'folder' : 'file';
	} catch {
		return undefined;
	}
}

function problemText(problem: NewPageProblem): string {
	switch (problem) {
		case 'empty':
			return vscode.l10n.t('Type a path for the page, such as news.md.');
		case 'absolute':
			return vscode.l10n.t('Type a path relative to the workspace folder.');
		case 'outside':
			return vscode.l10n.t('The page must be inside the workspace folder.');
		case 'extension':
			return vscode.l10n.t('A page is a Markdown file: end the name with .md.');
		case 'exists':
			return vscode.l10n.t('A file or folder with this name exists already; it is never replaced.');
		case 'parentIsFile':
			return vscode.l10n.t('A file stands where a folder of the path should be.');
	}
}

/** The line ending for new files: the `files.eol` setting, else the platform's. */
function eol(): string {
	const setting = vscode.workspace.getConfiguration('files').get<string>('eol');
	return setting === '\r\n' || setting === '\n' ? setting : process.platform === 'win32' ? '\r\n' : '\n';
}

/** Text for a Markdown tooltip, with Markdown's special characters escaped. */
function escape(text: string): string {
	return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

// Runs inside the real VS Code extension host on a copy of examples/ (the outer test's workspace; settings:
// locale en, today 2026-11-27): the Disclosure view's tree as VS Code asks for it (getChildren/getTreeItem of
// the provider the extension registered), fed by the real server's disclosure-lint/checklist, and its create
// and add-section commands.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { DisclosureLintApi } from '../../../../client/src/extension';
import type { ChecklistNode, ChecklistView } from '../../../../client/src/checklist/view';
import type { Checklist } from '../../../../client/src/checklist/protocol';
import { dateVariables, snippetToText } from '../../../../client/src/checklist/snippet';
import { EXTENSION_ID, codeOf, ours, restore, waitFor, wsUri } from './util';

const TOPICS_EN = [
	'Agency information',
	'Laws and regulations',
	'Knowledge',
	'Related websites',
	'Official information (Official Information Act)',
	'Standard operating procedure manual',
	"Citizen's manual",
	'News and announcements',
	'Electronic services (e-Service)',
	'Website statistics and satisfaction',
];
const IDS = [
	'agency-info',
	'law',
	'knowledge',
	'web-links',
	'official-info',
	'sop-manual',
	'citizen-manual',
	'news',
	'e-service',
	'web-stats',
];

/** Wait (on the view's refresh events, not by sleeping) until the checklist satisfies `ok`. */
function waitForChecklist(
	view: ChecklistView,
	what: string,
	ok: (c: Checklist) => boolean,
	timeoutMs = 20_000,
): Promise<Checklist> {
	if (view.checklist && ok(view.checklist)) return Promise.resolve(view.checklist);
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			sub.dispose();
			reject(
				new Error(
					`timed out after ${timeoutMs} ms waiting for the checklist: ${what}; last: ${JSON.stringify(view.checklist?.topics.map((t) => [t.id, t.state, t.pages.length, t.missingSections]))}`,
				),
			);
		}, timeoutMs);
		const sub = view.onDidRefresh((c) => {
			if (c && ok(c)) {
				clearTimeout(timer);
				sub.dispose();
				resolve(c);
			}
		});
	});
}

function topicState(c: Checklist, id: string): string | undefined {
	return c.topics.find((t) => t.id === id)?.state;
}

/** The tree items VS Code would render for the children of `node` (the roots without one). */
function items(view: ChecklistView, node?: ChecklistNode): { node: ChecklistNode; item: vscode.TreeItem }[] {
	return view.getChildren(node).map((n) => ({ node: n, item: view.getTreeItem(n) }));
}

function label(item: vscode.TreeItem): string {
	return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

function topicNode(view: ChecklistView, id: string): { node: ChecklistNode; item: vscode.TreeItem } {
	const found = items(view).find((i) => i.node.kind === 'topic' && i.node.topic.id === id);
	assert.ok(found, `no topic ${id} in the view`);
	return found;
}

describe('the Disclosure checklist view in the VS Code extension host', () => {
	let view: ChecklistView;

	before(async () => {
		const ext = vscode.extensions.getExtension<DisclosureLintApi>(EXTENSION_ID);
		assert.ok(ext, `${EXTENSION_ID} is not loaded`);
		// Opening the view activates the extension (no Markdown page is open yet).
		await vscode.commands.executeCommand('disclosure-lint.checklist.focus');
		await waitFor(`${EXTENSION_ID} to activate`, () => ext.isActive, 30_000);
		view = ext.exports.checklist;
		assert.ok(view, 'the extension exports no checklist view');
	});

	afterEach(async () => {
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	it('shows the ten topics of examples/ as covered, with their pages, counts and review dates', async () => {
		await waitForChecklist(
			view,
			'every topic covered',
			(c) => c.topics.length === 10 && c.topics.every((t) => t.state === 'covered'),
		);
		const roots = items(view);
		assert.deepEqual(
			roots.map((r) => label(r.item)),
			TOPICS_EN,
		);
		assert.deepEqual(
			roots.map((r) => r.item.contextValue),
			IDS.map(() => 'topic.covered.create'),
		);
		assert.deepEqual(
			roots.map((r) => (r.item.iconPath as vscode.ThemeIcon).id),
			IDS.map(() => 'pass-filled'),
		);
		// news: the hub and three items, each a file link; their descriptions say when the review is due.
		const news = roots[7];
		assert.equal(news.item.description, '4 pages');
		assert.equal(news.item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
		const pages = items(view, news.node);
		assert.deepEqual(pages.map((p) => label(p.item)).sort(), [
			'news/2569-11-03-job-computer-officer.md',
			'news/2569-11-12-pdpa-workshop.md',
			'news/index.md',
			'news/procurement-monthly-2570.md',
		]);
		for (const p of pages) {
			assert.equal(p.item.command?.command, 'vscode.open');
			assert.equal(
				(p.item.command?.arguments?.[0] as vscode.Uri).toString(),
				(p.item.resourceUri as vscode.Uri).toString(),
			);
			assert.equal(p.item.contextValue, 'page');
		}
		const about = items(view, roots[0].node);
		assert.deepEqual(
			about.map((p) => label(p.item)),
			['about/index.md'],
		);
		// updated 2569-11-10 (10 Nov 2026), a 365-day limit: due 10 Nov 2027, 348 days after 27 Nov 2026.
		assert.equal(about[0].item.description, 'Review due in 348 days');
		// The view's badge counts nothing left to do.
		assert.deepEqual(
			view.checklist?.topics.filter((t) => t.state !== 'covered'),
			[],
		);
	});

	it('a missing topic: its create action writes the topic skeleton to a new file, opens it, and the view shows the topic covered', async function () {
		this.timeout(60_000);
		const stats = wsUri('stats/index.md');
		const saved = fs.readFileSync(stats.fsPath);
		await vscode.workspace.fs.delete(stats);
		try {
			// The deletion reaches the server through the client's file watcher; the view follows its notification.
			const missing = await waitForChecklist(
				view,
				'web-stats missing',
				(c) => topicState(c, 'web-stats') === 'missing',
			);
			const topic = missing.topics.find((t) => t.id === 'web-stats')!;
			const { node, item } = topicNode(view, 'web-stats');
			assert.equal(item.contextValue, 'topic.missing.create');
			assert.equal(item.description, 'No page yet');
			assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.None);
			assert.equal((item.iconPath as vscode.ThemeIcon).id, 'circle-slash');
			assert.deepEqual(view.getChildren(node), []);

			const target = wsUri('web-stats.md');
			const created = await vscode.commands.executeCommand<vscode.Uri | undefined>(
				'disclosure-lint.checklist.createPage',
				{ topic: 'web-stats', file: target.toString() },
			);
			try {
				assert.equal(created?.toString(), target.toString());
				// On disk: the topic's skeleton with every placeholder's default and the workspace's "today".
				const text = fs.readFileSync(target.fsPath, 'utf8');
				assert.equal(text, snippetToText(topic.create!.snippet, dateVariables('2026-11-27')));
				assert.match(text, /^---\ntopic: web-stats\ntitle: ชื่อเรื่อง\n/);
				assert.match(text, /\nupdated: 2026-11-27\n/);
				// It is open, with the title selected.
				const editor = vscode.window.activeTextEditor;
				assert.equal(editor?.document.uri.toString(), target.toString());
				assert.equal(editor?.document.getText(editor.selection), 'ชื่อเรื่อง');

				const covered = await waitForChecklist(
					view,
					'web-stats covered by web-stats.md',
					(c) => topicState(c, 'web-stats') === 'covered',
				);
				assert.deepEqual(
					covered.topics.find((t) => t.id === 'web-stats')!.pages.map((p) => p.uri),
					[target.toString()],
				);
				const after = topicNode(view, 'web-stats');
				assert.equal(after.item.contextValue, 'topic.covered.create');
				assert.deepEqual(
					items(view, after.node).map((p) => label(p.item)),
					['web-stats.md'],
				);
				// The new page lints with nothing missing: what is left comes from the placeholder content.
				await waitFor('diagnostics of the new page', () => ours(target).length > 0 || undefined, 20_000);
				const codes = ours(target).map(codeOf);
				assert.deepEqual(
					codes.filter((c) =>
						/^(section-missing|frontmatter-missing|frontmatter-schema|topic-unknown|link-required-missing|date-)/.test(
							c,
						),
					),
					[],
					JSON.stringify(codes),
				);
			} finally {
				await vscode.commands.executeCommand('workbench.action.closeAllEditors');
				await vscode.workspace.fs.delete(target);
			}
		} finally {
			fs.writeFileSync(stats.fsPath, saved);
		}
		await waitForChecklist(view, 'every topic covered again', (c) => c.topics.every((t) => t.state === 'covered'));
	});

	it('never overwrites: creating where a file exists, or outside the workspace, writes nothing', async () => {
		const existing = wsUri('about/index.md');
		const before = fs.readFileSync(existing.fsPath, 'utf8');
		const result = await vscode.commands.executeCommand<vscode.Uri | undefined>(
			'disclosure-lint.checklist.createPage',
			{ topic: 'agency-info', file: existing.toString() },
		);
		assert.equal(result, undefined);
		assert.equal(fs.readFileSync(existing.fsPath, 'utf8'), before);
		// A folder with a page's name is not replaced either.
		const folder = wsUri('stats.md');
		fs.mkdirSync(folder.fsPath);
		try {
			assert.equal(
				await vscode.commands.executeCommand('disclosure-lint.checklist.createPage', {
					topic: 'web-stats',
					file: folder.fsPath,
				}),
				undefined,
			);
			assert.ok(fs.statSync(folder.fsPath).isDirectory());
		} finally {
			fs.rmdirSync(folder.fsPath);
		}
		const outside = vscode.Uri.joinPath(wsUri('.'), '..', 'outside.md');
		assert.equal(
			await vscode.commands.executeCommand('disclosure-lint.checklist.createPage', {
				topic: 'news',
				file: outside.toString(),
			}),
			undefined,
		);
		assert.equal(fs.existsSync(outside.fsPath), false);
	});

	it('a page that lacks a section lists it under the page; "add the section heading" inserts it and the topic is covered again', async function () {
		this.timeout(60_000);
		const about = wsUri('about/index.md');
		const doc = await vscode.workspace.openTextDocument(about);
		const editor = await vscode.window.showTextDocument(doc);
		const original = doc.getText();
		const line = original.split('\n').indexOf('## 10. รายละเอียดช่องทางการติดต่อสื่อสาร');
		assert.ok(line > 0);
		try {
			// Rename the heading in the editor (unsaved) to one no alias matches: the server lints the buffer and the checklist follows it.
			await editor.edit((e) =>
				e.replace(new vscode.Range(line, 0, line, doc.lineAt(line).text.length), '## 10. ที่ตั้งสำนักงาน'),
			);
			await waitForChecklist(
				view,
				'agency-info partial (contact)',
				(c) => c.topics[0].state === 'partial' && c.topics[0].missingSections.join() === 'contact',
			);
			const topic = topicNode(view, 'agency-info');
			assert.equal(topic.item.description, '1 section missing · 1 page · 1 error');
			assert.equal(topic.item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
			const [page] = items(view, topic.node);
			assert.equal(label(page.item), 'about/index.md');
			assert.equal(page.item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
			const sections = items(view, page.node);
			assert.deepEqual(
				sections.map((s) => [label(s.item), s.item.description, s.item.contextValue]),
				[['Contact details', 'contact', 'section.page']],
			);
			// The section belongs to the page, so the topic does not offer a page of its own for it.
			assert.deepEqual(
				items(view, topic.node).map((i) => i.node.kind),
				['page'],
			);

			await waitFor(
				'the section-missing diagnostic',
				() => ours(about).some((d) => codeOf(d) === 'section-missing'),
				20_000,
			);
			await vscode.commands.executeCommand('disclosure-lint.checklist.addSection', sections[0].node);
			await waitFor(
				'the heading to be inserted',
				() => doc.getText().includes('\n## รายละเอียดช่องทางการติดต่อสื่อสาร\n'),
				10_000,
				() => doc.getText().slice(-400),
			);
			await waitForChecklist(view, 'agency-info covered again', (c) => c.topics[0].state === 'covered');
			assert.deepEqual(
				items(view, topicNode(view, 'agency-info').node).flatMap((p) => view.getChildren(p.node)),
				[],
			);
		} finally {
			// The quick fix may have saved the page (files.refactoring.autoSave): put the text back on disk too.
			await restore(doc, original);
		}
		await waitForChecklist(view, 'every topic covered after the restore', (c) =>
			c.topics.every((t) => t.state === 'covered'),
		);
	});
});

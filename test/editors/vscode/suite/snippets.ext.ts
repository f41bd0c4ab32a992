// Runs inside the real VS Code extension host: the page skeleton snippets that package.json contributes for
// Markdown (snippets/disclosure.code-snippets), inserted by VS Code itself (variables resolved by the editor),
// then linted by the real server.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, codeOf, ours, open, show, summary, waitFor, waitForSummary, wsUri } from './util';

interface Snippet {
	prefix: string | string[];
	body: string[];
	description?: string;
}

/** The snippets file the extension contributes for Markdown, read through its package.json. */
function contributedSnippets(): Record<string, Snippet> {
	const ext = vscode.extensions.getExtension(EXTENSION_ID);
	assert.ok(ext, `${EXTENSION_ID} is not loaded`);
	const contrib = (ext.packageJSON.contributes?.snippets ?? []) as { language: string; path: string }[];
	const md = contrib.find((c) => c.language === 'markdown');
	assert.ok(md, 'package.json contributes no Markdown snippets');
	return JSON.parse(fs.readFileSync(path.join(ext.extensionPath, md.path), 'utf8')) as Record<string, Snippet>;
}

/** The topic a page skeleton declares on its `topic:` line, or undefined for the other snippets. */
function topicOf(s: Snippet): string | undefined {
	return s.body[0] === '---' ? /^topic: ([a-z0-9-]+)$/.exec(s.body[1] ?? '')?.[1] : undefined;
}

/** Create an empty page in the workspace, open it and wait for the server's frontmatter-missing on it. */
async function emptyPage(name: string): Promise<{ uri: vscode.Uri; editor: vscode.TextEditor }> {
	const uri = wsUri(name);
	await vscode.workspace.fs.writeFile(uri, new Uint8Array());
	const editor = await open(uri);
	await waitForSummary(uri, [['frontmatter-missing', 0]]);
	return { uri, editor };
}

/** Insert a contributed snippet by name (as the user would pick it), then wait for the server's next result. */
async function insertSkeleton(editor: vscode.TextEditor, name: string): Promise<vscode.Diagnostic[]> {
	const uri = editor.document.uri;
	await vscode.window.showTextDocument(editor.document);
	editor.selection = new vscode.Selection(0, 0, 0, 0);
	await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name });
	await waitFor(
		`snippet "${name}" to be inserted`,
		() => editor.document.lineCount > 5,
		10_000,
		() => JSON.stringify(editor.document.getText().slice(0, 200)),
	);
	// The empty page had only frontmatter-missing; the skeleton's result replaces it (a clean skeleton has none).
	await waitFor(
		`diagnostics for the skeleton ${name}`,
		() => !summary(uri).some(([c]) => c === 'frontmatter-missing'),
		20_000,
		() => show(uri),
	);
	return ours(uri);
}

async function discard(uri: vscode.Uri): Promise<void> {
	await open(uri);
	await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
	await vscode.workspace.fs.delete(uri);
}

describe('page skeleton snippets in the VS Code extension host', () => {
	// The editor fills a skeleton's dates with the real date (CURRENT_YEAR…); the workspace fixes the
	// server's "today" for the other tests, which would make those dates lie in the future. Here the
	// server takes the real date too.
	const settings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('disclosure-lint');
	let fixedToday: string | undefined;
	before(async () => {
		fixedToday = settings().get<string>('today');
		await settings().update('today', '', vscode.ConfigurationTarget.Workspace);
	});
	after(async () => {
		await settings().update('today', fixedToday, vscode.ConfigurationTarget.Workspace);
	});
	it('inserts the web-links skeleton: front matter with the topic, every required and recommended key, and the required link', async () => {
		const snippets = contributedSnippets();
		assert.equal(topicOf(snippets['disclosure-lint: web-links']), 'web-links');
		const { uri, editor } = await emptyPage('skeleton-web-links.md');
		try {
			const diags = await insertSkeleton(editor, 'disclosure-lint: web-links');
			const lines = editor.document.getText().split('\n');
			assert.deepEqual(lines.slice(0, 6), [
				'---',
				'topic: web-links',
				'title: ชื่อเรื่อง',
				'agency: หน่วยงาน',
				'responsible: ผู้รับผิดชอบ',
				'reviewer: ผู้ตรวจสอบ',
			]);
			// ${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}, resolved by the editor.
			assert.match(lines[6], /^published: \d{4}-\d{2}-\d{2}$/);
			assert.match(lines[7], /^updated: \d{4}-\d{2}-\d{2}$/);
			// The recommended keys follow, with the publication request as a mapping.
			assert.deepEqual(lines.slice(8, 11), ['approver: ผู้อนุมัติ', 'publish_request:', '  id: เลขที่แบบขอเผยแพร่']);
			assert.match(lines[11], /^ {2}date: \d{4}-\d{2}-\d{2}$/);
			assert.equal(lines[12], '---');
			assert.doesNotMatch(editor.document.getText(), /\$\{|\$\d/, 'a snippet placeholder was left unresolved');
			// The page is the list (docs/page-model.md): the required link to the Government Website Standard
			// follows the title, its URL a placeholder.
			assert.equal(lines[14], '# รายชื่อเว็บไซต์หน่วยงานที่เกี่ยวข้อง');
			assert.equal(lines[16], '- [มาตรฐานเว็บไซต์ภาครัฐ (Government Website Standard)](https://)');

			// The page is complete: no missing or recommended key, section or required link. What remains is
			// the URL the user has still to type (the placeholder `https://`).
			const got = diags.map((d) => [codeOf(d), d.range.start.line, d.severity]);
			assert.deepEqual(got, [['link-malformed', 16, vscode.DiagnosticSeverity.Error]], show(uri));
		} finally {
			await discard(uri);
		}
	});

	it('every topic skeleton yields no missing key (required or recommended), section or required link', async () => {
		const snippets = contributedSnippets();
		const topics = Object.entries(snippets).filter(([, s]) => topicOf(s));
		assert.deepEqual(
			topics.map(([, s]) => topicOf(s)),
			[
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
			],
		);
		const problems: string[] = [];
		for (const [name, s] of topics) {
			const { uri, editor } = await emptyPage(`skeleton-${topicOf(s)}.md`);
			try {
				const diags = await insertSkeleton(editor, name);
				assert.equal(editor.document.lineAt(1).text, `topic: ${topicOf(s)}`);
				for (const d of diags) {
					const code = codeOf(d);
					// Only placeholder values may be invalid (`url: https://`); nothing may be missing, not even a recommended key.
					const pageDateMissing = code === 'date-missing' && d.range.start.line === 1;
					if (
						['frontmatter-missing', 'topic-unknown', 'section-missing', 'link-required-missing'].includes(
							code,
						) ||
						pageDateMissing ||
						(code === 'frontmatter-schema' && !/ is not valid: /.test(d.message))
					) {
						problems.push(`${name}: ${code} line ${d.range.start.line + 1}: ${d.message}`);
					}
				}
			} finally {
				await discard(uri);
			}
		}
		assert.deepEqual(problems, []);
	});
});

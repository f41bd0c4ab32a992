// Runs inside the real VS Code extension host (code-server), with the extension loaded from the project folder.
// ws/page.md is PAGE_TWO_FINDINGS (test/helpers/pages.ts), written by the outer test; ws/.vscode/settings.json
// sets locale en, today 2026-11-27 and debounceMs 50.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
	DOCS_BASE,
	EXTENSION_ID,
	codeOf,
	codeTarget,
	open,
	restore,
	revert,
	waitFor,
	waitForSummary,
	wsUri,
} from './util';

const BOTH: [string, number][] = [
	['date-invalid', 8],
	['date-era', 14],
];
const ERA_LINE = 'หนังสือลงวันที่ 1 ตุลาคม 2024';
const ERA_FIXED = 'หนังสือลงวันที่ 1 ตุลาคม 2567';

describe('disclosure-lint in the VS Code extension host', () => {
	const page = wsUri('page.md');

	afterEach(async () => {
		// Leave no dirty editor behind for the next test.
		for (const editor of vscode.window.visibleTextEditors) if (editor.document.isDirty) await revert(editor);
	});

	it('activates on a Markdown page and registers its commands', async () => {
		await open(page);
		const ext = vscode.extensions.getExtension(EXTENSION_ID);
		assert.ok(ext, `${EXTENSION_ID} is not loaded`);
		await waitFor(`${EXTENSION_ID} to activate`, () => ext.isActive);
		const commands = await vscode.commands.getCommands(true);
		for (const c of ['lintWorkspace', 'fixAll', 'showReport', 'restartServer', 'showOutput']) {
			assert.ok(commands.includes(`disclosure-lint.${c}`), `command disclosure-lint.${c} is not registered`);
		}
	});

	it('publishes date-invalid (line 9) and date-era (line 15) with English messages and rule links', async () => {
		await open(page);
		const diags = await waitForSummary(page, BOTH);
		const [invalid, era] = diags;

		assert.equal(invalid.severity, vscode.DiagnosticSeverity.Error);
		assert.deepEqual(
			[invalid.range.start.character, invalid.range.end.line, invalid.range.end.character],
			[9, 8, 23],
		);
		assert.equal(invalid.message, 'updated (Last updated): "31 เมษายน 2569" does not exist in the calendar');

		assert.equal(era.severity, vscode.DiagnosticSeverity.Warning);
		assert.deepEqual([era.range.start.character, era.range.end.line, era.range.end.character], [16, 14, 29]);
		assert.equal(
			era.message,
			'"1 ตุลาคม 2024" has a Christian-era year beside a Thai month name; government pages use Buddhist Era years',
		);

		// codeDescription.href: the rule's page, which exists in the extension's docs/rules.
		const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
		for (const d of diags) {
			assert.equal(codeTarget(d), `${DOCS_BASE}${codeOf(d)}.md`);
			assert.ok(
				fs.existsSync(path.join(ext.extensionPath, 'docs/rules', `${codeOf(d)}.md`)),
				`docs/rules/${codeOf(d)}.md is missing`,
			);
		}
	});

	it('applies the date-era quick fix: the year becomes 2567 and only date-invalid is left', async () => {
		const editor = await open(page);
		const doc = editor.document;
		const era = (await waitForSummary(page, BOTH))[1];
		assert.equal(doc.lineAt(14).text, ERA_LINE);

		const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
			'vscode.executeCodeActionProvider',
			page,
			era.range,
		);
		const mine = actions
			.filter((a) => a.title.startsWith('disclosure-lint:'))
			.map((a) => a.title)
			.sort();
		assert.deepEqual(mine, [
			'disclosure-lint: disable date-era for the next line',
			'disclosure-lint: fix date-era',
		]);
		const fix = actions.find((a) => a.title === 'disclosure-lint: fix date-era') as vscode.CodeAction;
		assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
		assert.equal(fix.isPreferred, true, 'the era fix is safe, so it should be the preferred fix');
		assert.ok(fix.edit, 'the quick fix carries no edit');
		assert.deepEqual(
			fix.edit.entries().map(([uri, edits]) => [uri.toString(), edits.length]),
			[[page.toString(), 1]],
		);

		const before = doc.getText();
		try {
			assert.equal(await vscode.workspace.applyEdit(fix.edit), true, 'workspace.applyEdit refused the fix');
			assert.equal(doc.lineAt(14).text, ERA_FIXED);
			assert.equal(
				doc.getText(),
				before.replace(ERA_LINE, ERA_FIXED),
				'the fix must change nothing but the year',
			);
			await waitForSummary(page, [['date-invalid', 8]]);
		} finally {
			await restore(doc, before);
		}
		assert.equal(doc.lineAt(14).text, ERA_LINE);
		await waitForSummary(page, BOTH);
	});

	it('"disclosure-lint.fixAll" applies the safe fixes of the whole page (date-era) and leaves date-invalid', async () => {
		const editor = await open(page);
		const doc = editor.document;
		await waitForSummary(page, BOTH);
		const before = doc.getText();
		// The cursor where a freshly opened page has it, away from the finding: "fix all" means the whole page.
		editor.selection = new vscode.Selection(0, 0, 0, 0);
		try {
			await vscode.commands.executeCommand('disclosure-lint.fixAll');
			await waitFor(
				'fixAll to rewrite line 15',
				() => doc.lineAt(14).text === ERA_FIXED,
				10_000,
				() => doc.lineAt(14).text,
			);
			// Exactly one edit: the text differs from before only in the year on line 15.
			assert.equal(doc.getText(), before.replace(ERA_LINE, ERA_FIXED));
			await waitForSummary(page, [['date-invalid', 8]]);
		} finally {
			await restore(doc, before);
		}
		await waitForSummary(page, BOTH);
	});
});

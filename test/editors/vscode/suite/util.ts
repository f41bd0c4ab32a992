// Helpers for the tests that run inside the real extension host (bundled into each *.ext.js).
import * as vscode from 'vscode';

export const SOURCE = 'disclosure-lint';
export const EXTENSION_ID = 'disclosure-lint.disclosure-lint';
/** Where the server's rule pages live (server/src/core/rules/index.ts DOCS_BASE_URL). */
export const DOCS_BASE = 'https://github.com/disclosure-lint/disclosure-lint/blob/main/docs/rules/';

/** A file in the opened workspace folder (the outer test's <scratch>/ws). */
export function wsUri(name: string): vscode.Uri {
	const folder = vscode.workspace.workspaceFolders?.[0];
	if (!folder) throw new Error('no workspace folder');
	return vscode.Uri.joinPath(folder.uri, name);
}

/** Poll `fn` every `intervalMs` until it returns something other than undefined/false; fail after `timeoutMs`. */
export async function waitFor<T>(
	what: string,
	fn: () => T | undefined | false,
	timeoutMs = 20_000,
	detail?: () => string,
	intervalMs = 50,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const v = fn();
		if (v !== undefined && v !== false) return v;
		if (Date.now() >= deadline)
			throw new Error(
				`timed out after ${timeoutMs} ms waiting for ${what}${detail ? `; last: ${detail()}` : ''}`,
			);
		await new Promise((r) => setTimeout(r, intervalMs));
	}
}

/** The rule id of a diagnostic (VS Code turns code + codeDescription into { value, target }). */
export function codeOf(d: vscode.Diagnostic): string {
	return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** The link of a diagnostic's code (codeDescription.href on the LSP side). */
export function codeTarget(d: vscode.Diagnostic): string | undefined {
	return typeof d.code === 'object' ? d.code.target.toString(true) : undefined;
}

/** Our diagnostics for a document (the built-in Markdown server may add its own), in document order. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
	return vscode.languages
		.getDiagnostics(uri)
		.filter((d) => d.source === SOURCE)
		.sort((a, b) => a.range.start.compareTo(b.range.start) || codeOf(a).localeCompare(codeOf(b)));
}

/** [rule id, 0-based line] of our diagnostics. */
export function summary(uri: vscode.Uri): [string, number][] {
	return ours(uri).map((d) => [codeOf(d), d.range.start.line]);
}

export function show(uri: vscode.Uri): string {
	return JSON.stringify(ours(uri).map((d) => [codeOf(d), d.range.start.line, d.message]));
}

/** Wait until our diagnostics for `uri` are exactly `expected` ([rule id, 0-based line], in document order). */
export async function waitForSummary(
	uri: vscode.Uri,
	expected: [string, number][],
	timeoutMs = 20_000,
): Promise<vscode.Diagnostic[]> {
	const want = JSON.stringify(expected);
	return waitFor(
		`disclosure-lint diagnostics ${want} on ${uri.path}`,
		() => JSON.stringify(summary(uri)) === want && ours(uri),
		timeoutMs,
		() => show(uri),
	);
}

/** Open a document in an editor (this activates the extension on onLanguage:markdown). */
export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
	const doc = await vscode.workspace.openTextDocument(uri);
	return vscode.window.showTextDocument(doc);
}

/** Throw away unsaved changes of a document (it must be in the active editor) and wait until it is clean. */
export async function revert(editor: vscode.TextEditor): Promise<void> {
	await vscode.window.showTextDocument(editor.document);
	await vscode.commands.executeCommand('workbench.action.files.revert');
	await waitFor(`${editor.document.uri.path} to be reverted`, () => !editor.document.isDirty, 10_000);
}

/**
 * Put a document back to `text` on disk and in the editor. Needed after source actions: VS Code saves the
 * files a refactoring touched (files.refactoring.autoSave, on by default), so a revert cannot undo them.
 */
export async function restore(doc: vscode.TextDocument, text: string): Promise<void> {
	if (doc.getText() !== text) {
		const edit = new vscode.WorkspaceEdit();
		edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
		await vscode.workspace.applyEdit(edit);
	}
	if (doc.isDirty) await doc.save();
	await waitFor(`${doc.uri.path} to be restored`, () => doc.getText() === text && !doc.isDirty, 10_000);
}

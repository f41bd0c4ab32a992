import { CodeActionKind, type CodeAction, type TextEdit } from 'vscode-languageserver/node';
import { selectSafeFixes } from '../core/fix';
import type { DiagnosticData } from './convert';
import type { ServerState } from './state';

/**
 * Code actions: each finding's fix (rebuilt from `diagnostic.data`, without server state), "disable
 * for the next line" with a reason placeholder, and `source.fixAll.disclosure-lint` over the whole
 * page, choosing its fixes as `--fix` does (core's {@link selectSafeFixes}).
 */
export function registerActions(state: ServerState): void {
	state.connection.onCodeAction(async (params) => {
		state.ready();
		const doc = state.documents.get(params.textDocument.uri);
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
					actions.push({
						title: `disclosure-lint: fix ${String(data?.ruleId ?? d.code)}`,
						kind: CodeActionKind.QuickFix,
						diagnostics: [d],
						isPreferred: fix.safe,
						edit: { changes: { [doc.uri]: [fix.edit] } },
					});
				}
				if (typeof d.code !== 'string' || !/^[a-z0-9-]+$/.test(d.code)) continue;
				const line = d.range.start.line;
				const indent =
					/^\s*/.exec(doc.getText({ start: { line, character: 0 }, end: { line, character: 1000 } }))?.[0] ??
					'';
				actions.push({
					title: `disclosure-lint: disable ${d.code} for the next line`,
					kind: CodeActionKind.QuickFix,
					diagnostics: [d],
					edit: {
						changes: {
							[doc.uri]: [
								{
									range: { start: { line, character: 0 }, end: { line, character: 0 } },
									newText: `${indent}<!-- disclosure-lint-disable-next-line ${d.code} -- เหตุผล -->\n`,
								},
							],
						},
					},
				});
			}
		}
		if (only?.some((k) => k.startsWith('source.fixAll'))) {
			// Fix all covers the whole page, not only the diagnostics the client sent (those under the cursor).
			const edits = await fixAllEdits(state, doc.uri);
			if (edits.length)
				actions.push({
					title: 'disclosure-lint: fix all',
					kind: 'source.fixAll.disclosure-lint',
					edit: { changes: { [doc.uri]: edits } },
				});
		}
		return actions;
	});
}

/** The safe fixes of the page's current version that one pass applies, as LSP edits in text order. */
async function fixAllEdits(state: ServerState, uri: string): Promise<TextEdit[]> {
	const doc = state.documents.get(uri);
	const outcome = doc && (await state.currentOutcome(doc, undefined, true));
	if (!outcome) return [];
	// The findings and their diagnostics are in the same order: the fix as an offset range chooses, its LSP edit applies.
	const chosen = selectSafeFixes(outcome.findings.map((f, i) => ({ fix: f.fix, ruleId: f.ruleId, i })));
	return chosen.map((c) => (outcome.diagnostics[c.i].data as DiagnosticData).fix!.edit);
}

/** A quick fix as the client sent it back in `diagnostic.data`, when it is well formed. */
export function validFix(x: unknown): { edit: TextEdit; safe: boolean } | undefined {
	if (!x || typeof x !== 'object') return undefined;
	const { edit, safe } = x as { edit?: unknown; safe?: unknown };
	if (!edit || typeof edit !== 'object') return undefined;
	const { range, newText } = edit as { range?: unknown; newText?: unknown };
	const pos = (p: unknown): p is { line: number; character: number } =>
		!!p &&
		typeof p === 'object' &&
		Number.isInteger((p as { line: unknown }).line) &&
		(p as { line: number }).line >= 0 &&
		Number.isInteger((p as { character: unknown }).character) &&
		(p as { character: number }).character >= 0;
	if (typeof newText !== 'string' || newText.length > 100_000 || !range || typeof range !== 'object')
		return undefined;
	const { start, end } = range as { start?: unknown; end?: unknown };
	if (
		!pos(start) ||
		!pos(end) ||
		start.line > end.line ||
		(start.line === end.line && start.character > end.character)
	)
		return undefined;
	return {
		edit: {
			range: {
				start: { line: start.line, character: start.character },
				end: { line: end.line, character: end.character },
			},
			newText,
		},
		safe: safe === true,
	};
}

import type { Diagnostic, DiagnosticSeverity, TextEdit } from 'vscode-languageserver';
import type { Finding, Locale } from '../core/types';
import { formatMessage } from '../core/messages';
import { ruleDocsUrl } from '../core/rules/index';
import type { LineIndex } from '../core/parse/lineIndex';

/**
 * LSP's DiagnosticSeverity values, written out: this module runs in the lint threads too, which load
 * nothing of vscode-languageserver.
 */
export const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = { error: 1, warning: 2, info: 3 };

/** What a quick fix needs, carried in `diagnostic.data` (stateless code actions, as vscode-remark does). */
export interface DiagnosticData {
	ruleId: string;
	messageId: string;
	/** The finding's fix as LSP edits (offsets already turned into positions). */
	fix?: { edit: TextEdit; safe: boolean };
	/** The rule's own data (suggestion, section id, …). */
	extra?: Record<string, unknown>;
}

/** The text document offsets (BOM-free, as LSP clients send text) as an LSP range. */
export function toRange(lines: LineIndex, start: number, end: number) {
	const s = lines.position(start);
	const e = lines.position(end);
	return { start: { line: s.line - 1, character: s.column - 1 }, end: { line: e.line - 1, character: e.column - 1 } };
}

/** A finding as an LSP diagnostic: code = rule id, a link to its page, data for quick fixes. */
export function toDiagnostic(f: Finding, lines: LineIndex, locale: Locale): Diagnostic {
	const data: DiagnosticData = { ruleId: f.ruleId, messageId: f.messageId };
	if (f.fix)
		data.fix = {
			edit: { range: toRange(lines, f.fix.range[0], f.fix.range[1]), newText: f.fix.text },
			safe: f.fix.safe,
		};
	if (f.data) data.extra = f.data;
	return {
		range: {
			start: { line: f.line - 1, character: f.column - 1 },
			end: { line: f.endLine - 1, character: f.endColumn - 1 },
		},
		severity: SEVERITY[f.severity],
		code: f.ruleId,
		codeDescription: { href: ruleDocsUrl(f.ruleId) },
		source: 'disclosure-lint',
		message: formatMessage(f, locale),
		data,
	};
}

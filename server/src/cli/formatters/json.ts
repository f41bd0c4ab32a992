import type { Formatter } from './types';
import { formatMessage } from '../../core/messages';
import type { Finding } from '../../core/types';

const SEVERITY = { error: 2, warning: 1, info: 0 } as const;

/** ESLint-compatible JSON (docs/architecture.md#output-formats): one entry per file, findings sorted by position. */
export const jsonFormatter: Formatter = (reports) =>
	JSON.stringify(
		reports.map((r) => ({
			filePath: r.filePath,
			messages: r.findings.map((f) => message(f, r.locale)),
			errorCount: count(r.findings, 'error'),
			warningCount: count(r.findings, 'warning'),
			infoCount: count(r.findings, 'info'),
			fixableErrorCount: r.findings.filter((f) => f.severity === 'error' && f.fix?.safe).length,
			fixableWarningCount: r.findings.filter((f) => f.severity === 'warning' && f.fix?.safe).length,
		})),
	);

function message(f: Finding, locale: 'th' | 'en') {
	const m: Record<string, unknown> = {
		ruleId: f.ruleId,
		severity: SEVERITY[f.severity],
		message: formatMessage(f, locale),
		line: f.line,
		column: f.column,
		endLine: f.endLine,
		endColumn: f.endColumn,
	};
	if (f.fix?.safe) m.fix = { range: f.fix.range, text: f.fix.text };
	return m;
}

function count(findings: Finding[], severity: Finding['severity']): number {
	return findings.filter((f) => f.severity === severity).length;
}

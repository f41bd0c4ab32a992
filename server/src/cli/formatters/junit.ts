import { displayPath, type Formatter } from './types';
import { formatMessage } from '../../core/messages';

// XML 1.0 cannot hold these control characters: they are dropped.
// eslint-disable-next-line no-control-regex -- control characters are what it matches
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

function xml(s: string): string {
	return s
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(XML_INVALID, '');
}

/** JUnit XML: one test suite per file, one failing test case per error or warning (infos are skipped cases). */
export const junitFormatter: Formatter = (reports, ctx) => {
	const suites = reports.map((r) => {
		const name = displayPath(r.filePath, ctx.cwd);
		const cases = r.findings.map((f) => {
			const message = formatMessage(f, r.locale);
			const head = `<testcase classname="${xml(name)}" name="${xml(`${f.line}:${f.column} ${f.ruleId}`)}" time="0">`;
			if (f.severity === 'info') return `    ${head}<skipped message="${xml(message)}"/></testcase>`;
			return `    ${head}<failure type="${f.ruleId}" message="${xml(message)}">${xml(`${f.severity} ${f.ruleId} at ${name}:${f.line}:${f.column}: ${message}`)}</failure></testcase>`;
		});
		const failures = r.findings.filter((f) => f.severity !== 'info').length;
		const skipped = r.findings.length - failures;
		const body = cases.length
			? cases.join('\n')
			: `    <testcase classname="${xml(name)}" name="disclosure-lint" time="0"/>`;
		return `  <testsuite name="${xml(name)}" tests="${Math.max(1, cases.length)}" failures="${failures}" errors="0" skipped="${skipped}" time="0">\n${body}\n  </testsuite>`;
	});
	const tests = reports.reduce((n, r) => n + Math.max(1, r.findings.length), 0);
	const failures = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity !== 'info').length, 0);
	return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="disclosure-lint" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
};

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine } from '../../server/src/core/engine';
import { fsHost } from '../../server/src/node/fsHost';
import { fixText } from '../../server/src/cli/fix';
import type { PageResult } from '../../server/src/core/lint';

/** The fixed "today" of every fixture: 27 Nov 2026 (BE 2569, fiscal year 2570). */
export const FIXTURE_TODAY = { year: 2026, month: 11, day: 27 };

export const FIXTURES = path.resolve(__dirname, '../fixtures');

/** An engine rooted at a folder, on a fixed "today" (FIXTURE_TODAY unless told), with English messages. */
export function engineAt(root: string, today: { year: number; month: number; day: number } = FIXTURE_TODAY): Engine {
	return new Engine(fsHost, { root, today, locale: 'en' });
}

/**
 * The findings a real-page fixture (test/fixtures/real-pages/) expects, as `line:rule-id` strings.
 * Markers: `<!-- expect: rule-a, rule-b -->` or `# expect: rule-a` (in YAML) mean the line they stand
 * on; `<!-- expect-line 3: rule-a -->` names a line explicitly (for lines that cannot hold a marker).
 * Rule fixtures (test/fixtures/rules/) use the stricter {@link ruleExpectations}.
 */
export function expectedFindings(text: string): string[] {
	const out: string[] = [];
	text.split(/\r\n|\r|\n/).forEach((line, i) => {
		for (const m of line.matchAll(/(?:<!--|#)\s*expect:\s*([a-z0-9 ,-]+?)\s*(?:-->|$)/g)) {
			for (const id of m[1].split(/[\s,]+/).filter(Boolean)) out.push(`${i + 1}:${id}`);
		}
		for (const m of line.matchAll(/<!--\s*expect-line\s+(\d+):\s*([a-z0-9 ,-]+?)\s*-->/g)) {
			for (const id of m[2].split(/[\s,]+/).filter(Boolean)) out.push(`${m[1]}:${id}`);
		}
	});
	return out.sort();
}

/** The findings of a lint result as sorted `line:rule-id` strings (real-page fixtures). */
export function actualFindings(result: PageResult): string[] {
	return result.findings.map((f) => `${f.line}:${f.ruleId}`).sort();
}

/** One expectation of a rule fixture: `[LINE:]COLUMN rule-id:messageId`. */
const ENTRY = /^(?:(\d+):)?(\d+) ([a-z0-9]+(?:-[a-z0-9]+)*):([A-Za-z][A-Za-z0-9]*)$/;

/** A marker in an HTML comment (Markdown) or a `#` comment (YAML front matter); the keyword is checked after. */
const HTML_MARKER = /<!--\s*(expect(?:-[a-z]+)?)(?=\s*[:\d])([^]*?)-->/g;
const YAML_MARKER = /(?:^|\s)#\s*(expect(?:-[a-z]+)?)(?=\s*[:\d])(.*)$/;

/** What a rule-fixture expectation must look like, for error messages. */
export const ENTRY_SYNTAX = '[LINE:]COLUMN rule-id:messageId';

/**
 * The findings a rule fixture (test/fixtures/rules/) expects, as sorted `line:column rule-id:messageId`
 * strings (the syntax is in test/fixtures/README.md):
 *
 * - `<!-- expect: 12 date-era:twoDigitYear -->` in Markdown, `# expect: 10 date-era:ceWithThaiMonth` in
 *   YAML: a finding on the marker's own line, at column 12 (1-based, UTF-16 code units);
 * - `<!-- expect: 24:1 procurement-month-missing:missing -->`: a finding at line 24, column 1, for a line
 *   that cannot hold a marker;
 * - several entries in one marker are separated by commas.
 *
 * Anything else that starts like a marker (the old `<!-- expect: rule-id -->` and
 * `<!-- expect-line N: rule-id -->`, a missing column or message id) throws, naming the line, so a
 * fixture never silently expects less than it says.
 */
export function ruleExpectations(text: string, where = 'fixture'): string[] {
	const out: string[] = [];
	text.split(/\r\n|\r|\n/).forEach((line, i) => {
		const markers: { keyword: string; body: string }[] = [];
		for (const m of line.matchAll(HTML_MARKER)) markers.push({ keyword: m[1], body: m[2] });
		const rest = line.replace(HTML_MARKER, '');
		const y = YAML_MARKER.exec(rest);
		if (y) markers.push({ keyword: y[1], body: y[2] });
		for (const { keyword, body } of markers) {
			const fail = (why: string): never => {
				throw new Error(
					`${where}:${i + 1}: ${why} in "${line.trim()}"; write <!-- expect: ${ENTRY_SYNTAX}[, …] --> (or # expect: … in YAML)`,
				);
			};
			if (keyword !== 'expect')
				fail(`"${keyword}" is not a marker (expect-line markers are gone: write the line into the entry)`);
			const m = /^\s*:\s*(.*?)\s*$/.exec(body);
			if (!m || !m[1]) fail('an expect marker without entries');
			for (const entry of m![1].split(',').map((e) => e.trim())) {
				const e = ENTRY.exec(entry);
				if (!e) fail(`"${entry}" is not ${ENTRY_SYNTAX}`);
				out.push(`${e![1] ?? i + 1}:${e![2]} ${e![3]}:${e![4]}`);
			}
		}
	});
	return sortFindings(out);
}

/** The findings of a lint result as sorted `line:column rule-id:messageId` strings (rule fixtures). */
export function ruleFindings(result: PageResult): string[] {
	return sortFindings(result.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}:${f.messageId}`));
}

/** Sort `line:column rule:message` strings by line and column as numbers, then by text: a diff reads top to bottom. */
function sortFindings(list: string[]): string[] {
	const key = (s: string): number[] => s.split(' ')[0].split(':').map(Number);
	return list.sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1] || (a < b ? -1 : a > b ? 1 : 0));
}

/** The engine fixtures are linted with: config discovery rooted at the fixtures folder. */
function fixtureEngine(locale: 'th' | 'en'): Engine {
	return new Engine(fsHost, { root: FIXTURES, today: FIXTURE_TODAY, locale });
}

/** Lint a fixture file with config discovery rooted at the fixtures folder. */
export function lintFixture(file: string, locale: 'th' | 'en' = 'en'): PageResult {
	const engine = fixtureEngine(locale);
	const problems = engine.problemsFor(file);
	if (problems.length)
		throw new Error(
			`config or schema problems: ${problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message.en}`).join('; ')}`,
		);
	return engine.lintBytes(file, fs.readFileSync(file));
}

/** One engine for every {@link fixFixture} call: its schema and configuration caches hold for the whole run. */
let fixEngine: Engine | undefined;

/**
 * A fixture page after `--fix`: every safe fix applied, in passes until nothing changes, exactly as
 * the CLI does it (`cli/fix.ts` `fixText`, over `core/fix.ts` `applyFixes`). Also the findings left.
 */
export function fixFixture(file: string): { text: string; result: PageResult } {
	fixEngine ??= fixtureEngine('en');
	const engine = fixEngine;
	const fixed = fixText(engine, file, fs.readFileSync(file, 'utf8'));
	return { text: fixed.after, result: engine.lintText(file, fixed.after.replace(/^\uFEFF/, '')) };
}

/** The expected `--fix` output of a fixture: `fail.md` → `fail.fixed.md` beside it. */
export function fixedOutputFile(file: string): string {
	return file.replace(/\.md$/, '.fixed.md');
}

/** Whether a file is a fixture's expected `--fix` output rather than a fixture. */
export function isFixedOutput(file: string): boolean {
	return file.endsWith('.fixed.md');
}

/** Every `.md` file under a folder. */
export function markdownFiles(dir: string): string[] {
	const out: string[] = [];
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) out.push(...markdownFiles(p));
		else if (e.name.endsWith('.md')) out.push(p);
	}
	return out.sort();
}

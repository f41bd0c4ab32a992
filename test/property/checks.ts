import { strict as assert } from 'node:assert';
import { Engine } from '../../server/src/core/engine';
import { applyFixes } from '../../server/src/core/fix';
import type { Finding, Host, TextEdit } from '../../server/src/core/types';
import { fixText } from '../../server/src/cli/fix';
import { FIXTURE_TODAY } from '../helpers/fixtures';

/**
 * The properties the engine must have on any page, as assertions over one page: lint.test.ts runs
 * them over generated pages. Each throws an AssertionError that says what broke.
 */

/** A small site in memory, so links have something to find and nothing touches the disk. */
const SITE: Record<string, string> = {
	'/site/files/manual.pdf': '%PDF-1.4',
	'/site/files/form.docx': 'PK',
	'/site/images/map.png': 'PNG',
	'/site/other.md': '---\ntopic: law\n---\n\n# ขั้นตอนการขอข้อมูล\n',
	'/site/about/index.md': '# เกี่ยวกับเรา\n',
};
const host: Host = {
	readFile: (p) => SITE[p],
	fileExists: (p) => p in SITE,
	readDir: (p) => {
		const prefix = p.endsWith('/') ? p : `${p}/`;
		const names = Object.keys(SITE)
			.filter((f) => f.startsWith(prefix))
			.map((f) => f.slice(prefix.length).split('/')[0]);
		return names.length ? [...new Set(names)] : undefined;
	},
	mtime: (p) => (p in SITE ? 0 : undefined),
};
const FILE = '/site/page.md';
const engine = new Engine(host, { root: '/site', today: FIXTURE_TODAY, locale: 'en' });

/** Lint a page; a rule that throws is caught by the engine as `internal-error`, which counts as a throw here. */
function lint(text: string): Finding[] {
	const findings = engine.lintText(FILE, text).findings;
	const internal = findings.filter((f) => f.ruleId === 'internal-error');
	assert.deepEqual(
		internal.map((f) => `${f.line}:${f.column} ${JSON.stringify(f.args)}`),
		[],
		'a rule threw',
	);
	return findings;
}

/** The 1-based line and UTF-16 column of an offset, counted here independently of the engine's LineIndex. */
function positionOf(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	for (const m of text.slice(0, offset).matchAll(/\r\n|\r(?!\n)|\n/g)) {
		line++;
		lineStart = m.index + m[0].length;
	}
	return { line, column: offset - lineStart + 1 };
}

/** The text of each line, without its line end. */
function linesOf(text: string): string[] {
	return text.split(/\r\n|\r|\n/);
}

/** Where an offset of the text before the edits is in the text after them (inside a replaced range: its start). */
function mapOffset(offset: number, edits: TextEdit[]): number {
	let shift = 0;
	for (const e of [...edits].sort((a, b) => a.range[0] - b.range[0])) {
		const [s, end] = e.range;
		if (offset < s || (offset === s && end > s)) break;
		if (offset < end) return s + shift;
		shift += e.text.length - (end - s);
	}
	return offset + shift;
}

/** A finding as "the same finding" is judged after a fix: its rule at its (mapped) start. */
const place = (ruleId: string, start: number): string => `${ruleId}@${start}`;

/** How often each key occurs. */
function countBy(keys: string[]): Map<string, number> {
	const m = new Map<string, number>();
	for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
	return m;
}

/** What a finding and its fix were, for a failure message. */
function describeFinding(text: string, f: Finding): string {
	const fix = f.fix
		? ` fix ${JSON.stringify(text.slice(f.fix.range[0], f.fix.range[1]))} → ${JSON.stringify(f.fix.text)} at [${f.fix.range}]`
		: '';
	return `${f.line}:${f.column} ${f.ruleId}:${f.messageId} ${JSON.stringify(text.slice(f.start, f.end))}${fix}`;
}

/**
 * After the edits, a finding of the same rule at the same (mapped) place must be gone: as many fewer
 * as there were fixed findings there.
 */
function assertFixed(before: string, findings: Finding[], fixed: Finding[], edits: TextEdit[]): void {
	const after = applyEdits(before, edits);
	const left = countBy(lint(after).map((f) => place(f.ruleId, f.start)));
	const had = countBy(findings.map((f) => place(f.ruleId, mapOffset(f.start, edits))));
	const gone = countBy(fixed.map((f) => place(f.ruleId, mapOffset(f.start, edits))));
	for (const f of fixed) {
		const k = place(f.ruleId, mapOffset(f.start, edits));
		assert.ok(
			(left.get(k) ?? 0) <= (had.get(k) ?? 0) - (gone.get(k) ?? 0),
			`still reported after the fix: ${describeFinding(before, f)}\n--- after ---\n${after}`,
		);
	}
}

/** Apply non-overlapping edits (from the end, so offsets stay valid). */
function applyEdits(text: string, edits: TextEdit[]): string {
	let out = text;
	for (const e of [...edits].sort((a, b) => b.range[0] - a.range[0]))
		out = out.slice(0, e.range[0]) + e.text + out.slice(e.range[1]);
	return out;
}

/** Linting never throws, and no rule throws (the engine turns a throw into `internal-error`). */
export function checkLints(text: string): void {
	lint(text);
}

/** Every finding and every fix lies inside the page, its line and column agreeing with its offsets. */
export function checkRanges(text: string): void {
	const lines = linesOf(text);
	for (const f of lint(text)) {
		const what = describeFinding(text, f);
		assert.ok(
			f.start >= 0 && f.start <= f.end && f.end <= text.length,
			`offsets [${f.start}, ${f.end}) outside 0..${text.length}: ${what}`,
		);
		assert.ok(
			f.line >= 1 && f.line <= lines.length && f.endLine >= f.line && f.endLine <= lines.length,
			`lines ${f.line}–${f.endLine} outside 1..${lines.length}: ${what}`,
		);
		assert.ok(
			f.column >= 1 && f.column <= lines[f.line - 1].length + 1,
			`column ${f.column} outside line ${f.line} (${lines[f.line - 1].length} long): ${what}`,
		);
		assert.ok(
			f.endColumn >= 1 && f.endColumn <= lines[f.endLine - 1].length + 1,
			`end column ${f.endColumn} outside line ${f.endLine} (${lines[f.endLine - 1].length} long): ${what}`,
		);
		assert.ok(f.endLine > f.line || f.endColumn >= f.column, `ends before it starts: ${what}`);
		assert.deepEqual({ line: f.line, column: f.column }, positionOf(text, f.start), `start position: ${what}`);
		assert.deepEqual({ line: f.endLine, column: f.endColumn }, positionOf(text, f.end), `end position: ${what}`);
		if (f.fix)
			assert.ok(
				f.fix.range[0] >= 0 && f.fix.range[0] <= f.fix.range[1] && f.fix.range[1] <= text.length,
				`fix range outside the page: ${what}`,
			);
	}
}

/** Each safe fix applied alone removes its finding. */
export function checkEachFix(text: string): void {
	const findings = lint(text);
	for (const f of findings.filter((x) => x.fix?.safe)) assertFixed(text, findings, [f], [f.fix!]);
}

/** All safe fixes applied together (one `--fix` pass) remove their findings. */
export function checkAllFixes(text: string): void {
	const findings = lint(text);
	const { applied } = applyFixes(text, findings);
	const fixed = findings.filter((f) => f.fix && applied.includes(f.fix));
	assertFixed(text, findings, fixed, applied);
}

/** Fixing is idempotent: after `--fix`, fixing again changes nothing. */
export function checkIdempotent(text: string): void {
	const once = fixText(engine, FILE, text).after;
	const again = applyFixes(once, lint(once));
	assert.deepEqual(
		again.applied.map(
			(x) => `[${x.range}] ${JSON.stringify(once.slice(x.range[0], x.range[1]))} → ${JSON.stringify(x.text)}`,
		),
		[],
		`--fix left safe fixes to apply\n--- after --fix ---\n${once}`,
	);
	assert.equal(fixText(engine, FILE, once).after, once);
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine } from '../../server/src/core/engine';
import { fsHost } from '../../server/src/node/fsHost';
import type { PageResult } from '../../server/src/core/lint';

/** The fixed "today" of every fixture: 27 Nov 2026 (BE 2569, fiscal year 2570). */
export const FIXTURE_TODAY = { year: 2026, month: 11, day: 27 };

export const FIXTURES = path.resolve(__dirname, '../fixtures');

/** An engine rooted at a folder, on a fixed "today" (FIXTURE_TODAY unless told), with English messages. */
export function engineAt(root: string, today: { year: number; month: number; day: number } = FIXTURE_TODAY): Engine {
	return new Engine(fsHost, { root, today, locale: 'en' });
}

/**
 * The findings a fixture expects, as `line:rule-id` strings. Markers:
 * `<!-- expect: rule-a, rule-b -->` or `# expect: rule-a` (in YAML) mean the line they stand on;
 * `<!-- expect-line 3: rule-a -->` names a line explicitly (for lines that cannot hold a marker).
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

/** The findings of a lint result as sorted `line:rule-id` strings. */
export function actualFindings(result: PageResult): string[] {
	return result.findings.map((f) => `${f.line}:${f.ruleId}`).sort();
}

/** Lint a fixture file with config discovery rooted at the fixtures folder. */
export function lintFixture(file: string, locale: 'th' | 'en' = 'en'): PageResult {
	const engine = new Engine(fsHost, { root: FIXTURES, today: FIXTURE_TODAY, locale });
	const problems = engine.problemsFor(file);
	if (problems.length) throw new Error(`config or schema problems: ${problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message.en}`).join('; ')}`);
	return engine.lintBytes(file, fs.readFileSync(file));
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

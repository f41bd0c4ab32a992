import * as fs from 'node:fs';
import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { Engine } from '../core/engine';
import { applyFixes } from '../core/fix';
import type { Finding } from '../core/types';

/** The most lint-and-fix passes per file (a fix may make another possible, as in ESLint). */
const MAX_PASSES = 10;

/** What fixing one file did. */
export interface FileFix {
	file: string;
	/** The text before and after (BOM and line ends as in the file). */
	before: string;
	after: string;
	/** The findings after the last pass. */
	findings: Finding[];
	/** The page's topic and `sections:` after the last pass (for the site check). */
	topic?: string;
	sections?: string[];
	/** Why the fixed text was not written, when it was not. */
	skipped?: string;
}

/**
 * Fix one page in memory: lint, apply the safe fixes, lint again, until nothing changes. The text
 * keeps its BOM and line ends; everything outside the fixes' ranges stays byte for byte.
 */
export function fixText(engine: Engine, file: string, original: string): FileFix {
	const bom = original.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
	let text = bom ? original.slice(1) : original;
	let result = engine.lintText(file, text);
	for (let pass = 0; pass < MAX_PASSES; pass++) {
		const { text: next, applied } = applyFixes(text, result.findings);
		if (!applied.length || next === text) break;
		text = next;
		result = engine.lintText(file, text);
	}
	return { file, before: original, after: bom + text, findings: result.findings, topic: result.topic, sections: result.sections };
}

/**
 * Write a fixed page atomically (temporary file in the same folder, file mode kept, then rename),
 * and only if the file on disk is still what was read: a file changed meanwhile is left alone.
 */
export function writeFixed(fix: FileFix, beforeWrite?: (file: string) => void): FileFix {
	if (fix.after === fix.before) return fix;
	beforeWrite?.(fix.file);
	const current = fs.readFileSync(fix.file);
	if (!current.equals(Buffer.from(fix.before, 'utf8'))) return { ...fix, skipped: 'the file changed after it was read' };
	const { mode } = fs.statSync(fix.file);
	const tmp = path.join(path.dirname(fix.file), `.${path.basename(fix.file)}.${process.pid}.disclosure-lint.tmp`);
	fs.writeFileSync(tmp, fix.after, { mode });
	fs.chmodSync(tmp, mode);
	fs.renameSync(tmp, fix.file);
	return fix;
}

/** A unified diff of a fix, with paths relative to `cwd`. */
export function fixDiff(fix: FileFix, cwd: string): string {
	if (fix.after === fix.before) return '';
	const rel = path.relative(cwd, fix.file).split(path.sep).join('/');
	return createTwoFilesPatch(`a/${rel}`, `b/${rel}`, fix.before, fix.after, '', '', { context: 3 }).replace(/^Index: .*\n=+\n/m, '');
}

import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../core/types';
import type { FileReport } from './formatters/types';

/** The baseline file: known findings per file, keyed so that moving lines does not invalidate them. */
export interface BaselineFile {
	version: 1;
	/** Relative path (forward slashes) → finding keys (a key appears once per occurrence). */
	files: Record<string, string[]>;
}

/**
 * A finding's key: its rule, its message and a hash of the text of the line it is on (trimmed),
 * not its line number, so lines added above it leave it recognised.
 */
export function findingKey(f: Finding, lineText: string): string {
	const hash = crypto
		.createHash('sha256')
		.update(`${f.ruleId}\0${f.messageId}\0${lineText.trim()}`)
		.digest('hex')
		.slice(0, 16);
	return `${f.ruleId}:${hash}`;
}

function lineTexts(file: string): string[] {
	try {
		return fs
			.readFileSync(file, 'utf8')
			.replace(/^\ufeff/, '')
			.split(/\r\n|\r|\n/);
	} catch {
		return [];
	}
}

function relative(cwd: string, file: string): string {
	return path.relative(cwd, file).split(path.sep).join('/');
}

/** Read a baseline file; a missing one is empty, a broken one is an error the caller reports. */
export function readBaseline(file: string): BaselineFile {
	if (!fs.existsSync(file)) return { version: 1, files: {} };
	const data = JSON.parse(fs.readFileSync(file, 'utf8')) as BaselineFile;
	if (data?.version !== 1 || typeof data.files !== 'object')
		throw new Error(`${file} is not a disclosure-lint baseline (version 1)`);
	return data;
}

/** Drop the findings the baseline knows (each key as often as it is recorded). */
export function applyBaseline(reports: FileReport[], baseline: BaselineFile, cwd: string): FileReport[] {
	return reports.map((r) => {
		const known = [...(baseline.files[relative(cwd, r.filePath)] ?? [])];
		if (!known.length) return r;
		const lines = lineTexts(r.filePath);
		const findings = r.findings.filter((f) => {
			const i = known.indexOf(findingKey(f, lines[f.line - 1] ?? ''));
			if (i < 0) return true;
			known.splice(i, 1);
			return false;
		});
		return { ...r, findings };
	});
}

/** The baseline of the current findings (fixed ones drop out, new ones come in). */
export function makeBaseline(reports: FileReport[], cwd: string): BaselineFile {
	const files: Record<string, string[]> = {};
	for (const r of [...reports].sort((a, b) => a.filePath.localeCompare(b.filePath))) {
		if (!r.findings.length) continue;
		const lines = lineTexts(r.filePath);
		files[relative(cwd, r.filePath)] = r.findings.map((f) => findingKey(f, lines[f.line - 1] ?? '')).sort();
	}
	return { version: 1, files };
}

/** Write a baseline atomically, stable for version control (sorted, one key per line). */
export function writeBaseline(file: string, baseline: BaselineFile): void {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	const tmp = `${file}.${process.pid}.tmp`;
	fs.writeFileSync(tmp, JSON.stringify(baseline, null, '\t') + '\n');
	fs.renameSync(tmp, file);
}

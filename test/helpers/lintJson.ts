import { strict as assert } from 'node:assert';
import * as path from 'node:path';

/** One message of `--format json` output. */
export interface JsonMessage {
	ruleId: string;
	severity: number;
	message: string;
	line: number;
	column: number;
	endLine: number;
	endColumn: number;
	fix?: { range: [number, number]; text: string };
}

/** One file (or the site) of `--format json` output. */
export interface JsonEntry {
	filePath: string;
	messages: JsonMessage[];
	errorCount: number;
	warningCount: number;
	infoCount: number;
	fixableErrorCount: number;
	fixableWarningCount: number;
}

/** Parse `--format json` output; empty or non-array output fails instead of passing as "no findings". */
export function parseLintJson(stdout: string): JsonEntry[] {
	const parsed: unknown = JSON.parse(stdout);
	assert.ok(Array.isArray(parsed), `--format json printed ${stdout}`);
	return parsed as JsonEntry[];
}

/** Each entry as `[path relative to root, ['line:ruleId', ...]]`, in output order. */
export function findingsByFile(stdout: string, root: string): [string, string[]][] {
	return parseLintJson(stdout).map((e) => [
		path.relative(root, e.filePath),
		e.messages.map((m) => `${m.line}:${m.ruleId}`),
	]);
}

/** Every finding of the run as `line:ruleId`, in output order. */
export function findingLines(stdout: string): string[] {
	return parseLintJson(stdout).flatMap((e) => e.messages.map((m) => `${m.line}:${m.ruleId}`));
}

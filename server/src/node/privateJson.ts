import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The `entries` of a cache file's data shaped `{ version: 1, entries: { … } }`, or undefined when its
 * shape is any other (an older or newer format, a hand-edited file): the caller starts afresh.
 */
export function versionOneEntries(data: unknown): Record<string, unknown> | undefined {
	const d = data as { version?: unknown; entries?: unknown } | null;
	if (!d || typeof d !== 'object' || d.version !== 1) return undefined;
	const e = d.entries;
	return e && typeof e === 'object' && !Array.isArray(e) ? (e as Record<string, unknown>) : undefined;
}

/**
 * Write JSON atomically (a temporary file, then a rename) and readable by its owner only; a folder it
 * creates is 0700 (docs/security.md#writes). The temporary file is removed when writing fails.
 */
export function writePrivateJson(file: string, value: unknown): void {
	fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
	const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
	try {
		fs.writeFileSync(tmp, JSON.stringify(value), { mode: 0o600 });
		fs.chmodSync(tmp, 0o600);
		fs.renameSync(tmp, file);
	} catch (err) {
		fs.rmSync(tmp, { force: true });
		throw err;
	}
}

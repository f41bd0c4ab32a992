import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createTwoFilesPatch } from 'diff';
import type { Engine } from '../core/engine';
import { applyFixes } from '../core/fix';
import type { Finding } from '../core/types';
import { NO_WAIT, readAll } from '../node/fsHost';

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
	return {
		file,
		before: original,
		after: bom + text,
		findings: result.findings,
		topic: result.topic,
		sections: result.sections,
	};
}

/** Why a fix was not written because the file changed meanwhile. */
const CHANGED = 'the file changed after it was read';

/**
 * Write a fixed page through to the real file, and only if the file is still what was read (a file
 * changed meanwhile is left alone; so is anything but a regular file).
 *
 * - A symlink is resolved and its target fixed: the link stays a link.
 * - A file with one link is replaced atomically: a temporary file in the target's folder, given
 *   the original's owner, group and mode (set-id bits included), then renamed over it. If the old
 *   file grew in the meantime (an append after the check), the old content is put back.
 * - Where that would change anything (more than one hard link, an owner or group that cannot be
 *   given, a folder where no file can be made), the file is rewritten in place, so its inode, links,
 *   owner and mode stay. A backup copy of the old text is kept beside it until the write is
 *   through, and the old text is written back if the write fails.
 *
 * `beforeWrite` runs before the file is read again for the check, `afterCheck` (tests) right after it.
 */
export function writeFixed(
	fix: FileFix,
	beforeWrite?: (file: string) => void,
	afterCheck?: (target: string) => void,
): FileFix {
	if (fix.after === fix.before) return fix;
	beforeWrite?.(fix.file);
	const before = Buffer.from(fix.before, 'utf8');
	const after = Buffer.from(fix.after, 'utf8');
	try {
		const target = fs.realpathSync(fix.file);
		const fd = fs.openSync(target, fs.constants.O_RDONLY | NO_WAIT);
		try {
			const st = fs.fstatSync(fd);
			if (!st.isFile()) return { ...fix, skipped: 'not a regular file' };
			if (!readAll(fd, st.size).equals(before)) return { ...fix, skipped: CHANGED };
			afterCheck?.(target);
			if (st.nlink === 1) {
				const replaced = replaceFile(target, st, after);
				if (replaced) {
					// Bytes appended to the old file between the check and the rename would be lost: put it back.
					const old = readAll(fd, st.size);
					if (old.equals(before)) return fix;
					if (!replaceFile(target, st, old)) writeInPlace(target, fs.statSync(target), after, old);
					return { ...fix, skipped: CHANGED };
				}
			}
			const failed = writeInPlace(target, st, before, after);
			return failed ? { ...fix, skipped: failed } : fix;
		} finally {
			fs.closeSync(fd);
		}
	} catch (err) {
		return { ...fix, skipped: `cannot write it: ${(err as Error).message}` };
	}
}

/** A name for a temporary file beside `file` (hidden, unique to this process). */
function sideName(file: string, what: 'tmp' | 'bak'): string {
	return path.join(
		path.dirname(file),
		`.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.disclosure-lint.${what}`,
	);
}

/**
 * Replace `file` by a new file with `bytes`, the same owner, group and mode, through a rename.
 * Returns false, leaving `file` untouched, when that cannot be done exactly (no file can be made in
 * the folder, or the owner, group or mode cannot be given).
 */
function replaceFile(file: string, st: fs.Stats, bytes: Buffer): boolean {
	const tmp = sideName(file, 'tmp');
	let fd: number;
	try {
		fd = fs.openSync(tmp, 'wx', 0o600);
	} catch {
		return false;
	}
	let ok = false;
	try {
		writeAll(fd, bytes, 0);
		const made = fs.fstatSync(fd);
		if (made.uid !== st.uid || made.gid !== st.gid) fs.fchownSync(fd, st.uid, st.gid);
		fs.fchmodSync(fd, st.mode & 0o7777); // after chown, which clears set-id bits
		const now = fs.fstatSync(fd);
		if (now.uid === st.uid && now.gid === st.gid && (now.mode & 0o7777) === (st.mode & 0o7777)) {
			fs.fsyncSync(fd);
			ok = true;
		}
	} catch {
		ok = false;
	} finally {
		fs.closeSync(fd);
	}
	if (ok) {
		try {
			fs.renameSync(tmp, file);
			return true;
		} catch {
			// the rename failed: the temporary file is removed below
		}
	}
	fs.rmSync(tmp, { force: true });
	return false;
}

/**
 * Rewrite `file` in place (same inode: hard links, owner and mode stay), if it still holds `before`.
 * Returns why it was not written, or undefined when it was.
 */
function writeInPlace(file: string, st: fs.Stats, before: Buffer, after: Buffer): string | undefined {
	const fd = fs.openSync(file, fs.constants.O_RDWR | NO_WAIT);
	try {
		const now = fs.fstatSync(fd);
		if (!now.isFile() || now.ino !== st.ino || now.dev !== st.dev) return CHANGED;
		if (!readAll(fd, now.size).equals(before)) return CHANGED;
		// A copy of the old text until the new one is through (none when the folder is read-only).
		let backup: string | undefined = sideName(file, 'bak');
		try {
			fs.writeFileSync(backup, before, { flag: 'wx', mode: 0o600, flush: true });
		} catch {
			fs.rmSync(backup, { force: true });
			backup = undefined;
		}
		try {
			writeAll(fd, after, 0);
			fs.ftruncateSync(fd, after.length);
			fs.fsyncSync(fd);
		} catch (err) {
			try {
				writeAll(fd, before, 0);
				fs.ftruncateSync(fd, before.length);
				fs.fsyncSync(fd);
			} catch {
				return `cannot write it (${(err as Error).message})${backup ? `; its old text is in ${backup}` : ''}`;
			}
			if (backup) fs.rmSync(backup, { force: true });
			return `cannot write it: ${(err as Error).message}`;
		}
		if (backup) fs.rmSync(backup, { force: true });
		return undefined;
	} finally {
		fs.closeSync(fd);
	}
}

/** Write all of `bytes` at `offset`. */
function writeAll(fd: number, bytes: Buffer, offset: number): void {
	for (let done = 0; done < bytes.length; ) done += fs.writeSync(fd, bytes, done, bytes.length - done, offset + done);
}

/** A unified diff of a fix, with paths relative to `cwd`. */
export function fixDiff(fix: FileFix, cwd: string): string {
	if (fix.after === fix.before) return '';
	const rel = path.relative(cwd, fix.file).split(path.sep).join('/');
	return createTwoFilesPatch(`a/${rel}`, `b/${rel}`, fix.before, fix.after, '', '', { context: 3 }).replace(
		/^Index: .*\n=+\n/m,
		'',
	);
}

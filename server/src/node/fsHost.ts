import * as fs from 'node:fs';
import type { Host } from '../core/types';

/** Open flags that never wait (opening a FIFO with no writer would block forever) and never make a terminal the controlling one. */
export const NO_WAIT = (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

const OPEN_READ = fs.constants.O_RDONLY | NO_WAIT;

/** Thrown for a path that is there but is no regular file (a FIFO, socket, device or folder). */
export class NotRegularFileError extends Error {
	readonly code = 'ENOTREG';
	constructor(
		readonly file: string,
		readonly kind: string,
	) {
		super(`not a regular file (${kind})`);
	}
}

/** What kind of entry a non-regular file is, for messages. */
function kindOf(st: fs.Stats): string {
	if (st.isDirectory()) return 'a folder';
	if (st.isFIFO()) return 'a FIFO';
	if (st.isSocket()) return 'a socket';
	if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
	return 'not a file';
}

/**
 * The bytes of a regular file (symlinks followed). Anything else (a FIFO, a socket, a device, a
 * folder) throws {@link NotRegularFileError} without being read: it is opened without waiting and
 * checked on the open descriptor, so a FIFO swapped in after a check cannot block either.
 */
export function readRegularFile(file: string): Buffer {
	const fd = fs.openSync(file, OPEN_READ);
	try {
		const st = fs.fstatSync(fd);
		if (!st.isFile()) throw new NotRegularFileError(file, kindOf(st));
		return readAll(fd, st.size);
	} finally {
		fs.closeSync(fd);
	}
}

/** Everything from an open regular file, from offset 0 (the size is a hint: a file may grow meanwhile). */
export function readAll(fd: number, sizeHint: number): Buffer {
	const chunks: Buffer[] = [];
	let total = 0;
	let buf = Buffer.allocUnsafe(Math.max(sizeHint, 0) + 1);
	for (;;) {
		const n = fs.readSync(fd, buf, 0, buf.length, total);
		if (n === 0) break;
		chunks.push(buf.subarray(0, n));
		total += n;
		buf = Buffer.allocUnsafe(64 * 1024);
	}
	return Buffer.concat(chunks, total);
}

/** The engine's host over the real file system. Only regular files are read. */
export const fsHost: Host = {
	readFile(p) {
		try {
			return readRegularFile(p).toString('utf8');
		} catch {
			return undefined;
		}
	},
	fileExists(p) {
		try {
			return fs.statSync(p).isFile();
		} catch {
			return false;
		}
	},
	readDir(p) {
		try {
			return fs.readdirSync(p);
		} catch {
			return undefined;
		}
	},
	mtime(p) {
		try {
			return fs.statSync(p).mtimeMs;
		} catch {
			return undefined;
		}
	},
	realpath(p) {
		try {
			return fs.realpathSync.native(p);
		} catch {
			return undefined;
		}
	},
};

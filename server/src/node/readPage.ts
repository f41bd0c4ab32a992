import type { Engine } from '../core/engine';
import type { PageResult } from '../core/lint';
import { readRegularFile } from './fsHost';

/**
 * Read a page from disk and lint it; a file that cannot be read, or is no regular file (a FIFO is
 * never opened for a blocking read), becomes one `file-unreadable` finding.
 */
export function lintFromDisk(engine: Engine, file: string): PageResult {
	let bytes: Uint8Array;
	try {
		bytes = readRegularFile(file);
	} catch (err) {
		return engine.lintUnreadable(file, (err as Error).message);
	}
	return engine.lintBytes(file, bytes);
}

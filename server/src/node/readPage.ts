import * as fs from 'node:fs';
import type { Engine } from '../core/engine';
import type { PageResult } from '../core/lint';

/** Read a page from disk and lint it; a file that cannot be read becomes one `file-unreadable` finding. */
export function lintFromDisk(engine: Engine, file: string): PageResult {
	let bytes: Uint8Array;
	try {
		bytes = fs.readFileSync(file);
	} catch (err) {
		return engine.lintUnreadable(file, (err as Error).message);
	}
	return engine.lintBytes(file, bytes);
}

import * as fs from 'node:fs';
import type { Host } from '../core/types';

/** The engine's host over the real file system. */
export const fsHost: Host = {
	readFile(p) {
		try {
			return fs.readFileSync(p, 'utf8');
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
};

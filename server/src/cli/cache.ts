import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileReport } from './formatters/types';

/** The default place of the results cache (next to the link cache). */
export const DEFAULT_CACHE_LOCATION = '.disclosurelintcache/results.json';

interface Entry {
	/** SHA-256 of the page's bytes. */
	hash: string;
	/** {@link Engine.configStamp} when it was linted. */
	stamp: string;
	/** Dependencies (link targets) → their state then: `mtime:size`, or `-` when absent. */
	deps: Record<string, string>;
	report: Omit<FileReport, 'filePath' | 'urls'>;
}

interface CacheData {
	version: 1;
	entries: Record<string, Entry>;
}

/** The state of a path: modification time and size, `dir`, or `-` when it does not exist. */
function statState(p: string): string {
	const s = fs.statSync(p, { throwIfNoEntry: false });
	if (!s) return '-';
	return s.isDirectory() ? 'dir' : `${s.mtimeMs}:${s.size}`;
}

/**
 * `--cache`: results of unchanged pages are reused. A page is unchanged when its bytes (by hash),
 * the configuration and schemas, today and the version (the stamp) and every file its links reach
 * are as they were. Written atomically; a broken cache file is simply rebuilt.
 */
export class ResultCache {
	private data: CacheData = { version: 1, entries: {} };
	/** Whether an entry changed since the file was read: an unchanged cache is not written again. */
	private dirty = false;
	/** Each dependency's state, looked up once per run: many pages link to the same files. */
	private readonly states = new Map<string, string>();

	constructor(readonly file: string) {
		try {
			const d = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheData;
			if (d?.version === 1 && d.entries && typeof d.entries === 'object') this.data = d;
		} catch {
			// no cache yet, or not ours: start empty
		}
	}

	/** The page's content hash (the caller reads the bytes once). */
	static hash(bytes: Uint8Array): string {
		return crypto.createHash('sha256').update(bytes).digest('hex');
	}

	/** A cached report still valid for these bytes and this stamp, or undefined. */
	get(filePath: string, hash: string, stamp: string): FileReport | undefined {
		const e = this.data.entries[filePath];
		if (!e || e.hash !== hash || e.stamp !== stamp) return undefined;
		for (const [dep, state] of Object.entries(e.deps)) if (this.stateOf(dep) !== state) return undefined;
		return { ...e.report, filePath };
	}

	/** Remember a page's fresh report. */
	set(report: FileReport, hash: string, stamp: string): void {
		const { filePath, urls: _urls, dependencies, ...rest } = report;
		const deps: Record<string, string> = {};
		for (const d of dependencies ?? []) deps[d] = this.stateOf(d);
		this.data.entries[filePath] = { hash, stamp, deps, report: rest };
		this.dirty = true;
	}

	private stateOf(p: string): string {
		let state = this.states.get(p);
		if (state === undefined) this.states.set(p, (state = statState(p)));
		return state;
	}

	/**
	 * Write the cache atomically, when an entry changed. Pages outside this run's selection are kept:
	 * other runs may lint them.
	 */
	save(): void {
		if (!this.dirty && fs.existsSync(this.file)) return;
		fs.mkdirSync(path.dirname(this.file), { recursive: true });
		const tmp = `${this.file}.${process.pid}.tmp`;
		fs.writeFileSync(tmp, JSON.stringify(this.data));
		fs.renameSync(tmp, this.file);
	}
}

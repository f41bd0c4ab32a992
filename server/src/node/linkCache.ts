import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Verdict } from '../core/links/verdict';

/** One cached result. */
export interface CacheEntry extends Verdict {
	/** When it was checked (ms since the epoch). */
	checkedAt: number;
}

/** The cache file's shape, shared by the CLI and the language server. */
export interface CacheFile {
	version: 1;
	entries: Record<string, CacheEntry>;
}

/**
 * The persistent link cache: ok and dead results are reused for `ttlHours`; unverified ones are
 * always checked again. Saving merges with what another process wrote meanwhile (newest entry wins)
 * and replaces the file atomically (temporary file + rename), so the CLI and the editor can share it.
 */
export class LinkCache {
	private entries: Record<string, CacheEntry> = {};

	constructor(readonly file: string, private readonly ttlHours = 24, private readonly now: () => number = () => Date.now()) {
		this.entries = LinkCache.read(file);
	}

	private static read(file: string): Record<string, CacheEntry> {
		try {
			const data = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
			return data && data.version === 1 && data.entries && typeof data.entries === 'object' ? data.entries : {};
		} catch {
			return {}; // missing or unreadable: start empty (it is only a cache)
		}
	}

	/** A fresh reusable verdict, or undefined. */
	get(url: string): Verdict | undefined {
		const e = this.entries[url];
		if (!e || e.state === 'unverified') return undefined;
		if (this.now() - e.checkedAt > this.ttlHours * 3_600_000) return undefined;
		const { checkedAt: _checkedAt, ...verdict } = e;
		return verdict;
	}

	/** Record verdicts (kept in memory until {@link save}). */
	set(results: Map<string, Verdict>): void {
		const at = this.now();
		for (const [url, v] of results) this.entries[url] = { ...v, checkedAt: at };
	}

	/** Merge with the file on disk and write it atomically. */
	save(): void {
		const onDisk = LinkCache.read(this.file);
		for (const [url, e] of Object.entries(onDisk)) {
			const mine = this.entries[url];
			if (!mine || mine.checkedAt < e.checkedAt) this.entries[url] = e;
		}
		const horizon = this.now() - this.ttlHours * 3_600_000;
		for (const [url, e] of Object.entries(this.entries)) if (e.checkedAt < horizon) delete this.entries[url];
		fs.mkdirSync(path.dirname(this.file), { recursive: true });
		const tmp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
		fs.writeFileSync(tmp, JSON.stringify({ version: 1, entries: this.entries } satisfies CacheFile));
		fs.renameSync(tmp, this.file);
	}
}

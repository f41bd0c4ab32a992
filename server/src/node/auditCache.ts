import * as fs from 'node:fs';
import { versionOneEntries, writePrivateJson } from './privateJson';
import type { CachedPage, CrawlCache } from '../core/audit/types';

/** One page as stored on disk. */
interface StoredPage {
	etag?: string;
	lastModified?: string;
	finalUrl: string;
	/** Only content-type is kept (the charset of the body). */
	headers: { 'content-type'?: string };
	/** The body, base64. */
	body: string;
}

/** The audit cache file's shape. */
export interface AuditCacheData {
	version: 1;
	entries: Record<string, StoredPage>;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A stored page, if it has the right shape. */
function validEntry(e: unknown): CachedPage | undefined {
	if (!e || typeof e !== 'object' || Array.isArray(e)) return undefined;
	const x = e as Record<string, unknown>;
	if (x.etag !== undefined && typeof x.etag !== 'string') return undefined;
	if (x.lastModified !== undefined && typeof x.lastModified !== 'string') return undefined;
	if (x.etag === undefined && x.lastModified === undefined) return undefined;
	if (typeof x.finalUrl !== 'string' || typeof x.body !== 'string' || !BASE64.test(x.body)) return undefined;
	const h = x.headers;
	if (h !== undefined && (!h || typeof h !== 'object' || Array.isArray(h))) return undefined;
	const contentType = (h as Record<string, unknown> | undefined)?.['content-type'];
	return {
		...(x.etag !== undefined && { etag: x.etag as string }),
		...(x.lastModified !== undefined && { lastModified: x.lastModified as string }),
		finalUrl: x.finalUrl,
		headers: typeof contentType === 'string' ? { 'content-type': contentType } : {},
		body: new Uint8Array(Buffer.from(x.body, 'base64')),
	};
}

function samePage(a: CachedPage, b: CachedPage): boolean {
	return (
		a.etag === b.etag &&
		a.lastModified === b.lastModified &&
		a.finalUrl === b.finalUrl &&
		a.headers['content-type'] === b.headers['content-type'] &&
		Buffer.from(a.body).equals(Buffer.from(b.body))
	);
}

/**
 * The crawler's {@link CrawlCache} on disk (`disclosure-lint audit`): per URL the ETag / Last-Modified
 * and the body of the page, so that the next audit asks "changed?" and a 304 costs no download.
 * A missing or unreadable file is an empty cache; a corrupt one is kept beside as `<file>.corrupt`
 * when the cache is next written. Entries of the wrong shape are dropped. Written atomically
 * (temporary file + rename), owner-only like the link cache, and only when something changed.
 */
export class AuditCacheFile implements CrawlCache {
	private dirty = false;

	private constructor(
		readonly file: string,
		private readonly entries: Map<string, CachedPage>,
		/** The file on disk exists but could not be used: keep it as `.corrupt` before replacing it. */
		private corrupt: boolean,
	) {}

	/** Read the cache; never throws. */
	static load(file: string): AuditCacheFile {
		let text: string;
		try {
			text = fs.readFileSync(file, 'utf8');
		} catch (err) {
			// Missing: a first run. Anything else (a folder, no permission): start empty, keep it aside.
			return new AuditCacheFile(file, new Map(), (err as NodeJS.ErrnoException).code !== 'ENOENT');
		}
		let data: unknown;
		try {
			data = JSON.parse(text);
		} catch {
			return new AuditCacheFile(file, new Map(), true);
		}
		const stored = versionOneEntries(data);
		if (!stored) return new AuditCacheFile(file, new Map(), true);
		const entries = new Map<string, CachedPage>();
		for (const [url, e] of Object.entries(stored)) {
			const page = validEntry(e);
			if (page) entries.set(url, page);
		}
		return new AuditCacheFile(file, entries, false);
	}

	get size(): number {
		return this.entries.size;
	}

	get(url: string): CachedPage | undefined {
		return this.entries.get(url);
	}

	set(url: string, page: CachedPage): void {
		const ct = page.headers['content-type'];
		const stored: CachedPage = {
			...(page.etag !== undefined && { etag: page.etag }),
			...(page.lastModified !== undefined && { lastModified: page.lastModified }),
			finalUrl: page.finalUrl,
			headers: ct !== undefined ? { 'content-type': ct } : {},
			body: page.body,
		};
		const old = this.entries.get(url);
		if (old && samePage(old, stored)) return;
		this.entries.set(url, stored);
		this.dirty = true;
	}

	/** Write the cache if it changed (throws when the file cannot be written). */
	save(): void {
		if (!this.dirty) return;
		const entries: Record<string, StoredPage> = {};
		for (const [url, p] of this.entries)
			entries[url] = {
				...(p.etag !== undefined && { etag: p.etag }),
				...(p.lastModified !== undefined && { lastModified: p.lastModified }),
				finalUrl: p.finalUrl,
				headers: p.headers['content-type'] !== undefined ? { 'content-type': p.headers['content-type'] } : {},
				body: Buffer.from(p.body).toString('base64'),
			};
		if (this.corrupt) {
			try {
				fs.renameSync(this.file, `${this.file}.corrupt`);
			} catch (err) {
				if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
			}
			this.corrupt = false;
		}
		writePrivateJson(this.file, { version: 1, entries } satisfies AuditCacheData);
		this.dirty = false;
	}
}

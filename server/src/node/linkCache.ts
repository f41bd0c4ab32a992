import * as fs from 'node:fs';
import { versionOneEntries, writePrivateJson } from './privateJson';
import { redactText, redactUrl } from '../core/links/redact';
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

/** How far in the future a `checkedAt` may lie (clocks of machines sharing a cache differ a little). */
export const CLOCK_SKEW_MS = 5 * 60_000;

const STATES = new Set(['ok', 'dead', 'unverified']);

/** An entry as read from disk, if it has the right shape and is not from the future. */
function validEntry(e: unknown, now: number): CacheEntry | undefined {
	if (!e || typeof e !== 'object' || Array.isArray(e)) return undefined;
	const x = e as Record<string, unknown>;
	if (typeof x.state !== 'string' || !STATES.has(x.state)) return undefined;
	if (typeof x.reason !== 'string') return undefined;
	if (
		typeof x.checkedAt !== 'number' ||
		!Number.isFinite(x.checkedAt) ||
		x.checkedAt < 0 ||
		x.checkedAt > now + CLOCK_SKEW_MS
	)
		return undefined;
	if (
		x.status !== undefined &&
		!(Number.isInteger(x.status) && (x.status as number) >= 100 && (x.status as number) <= 999)
	)
		return undefined;
	if (x.finalUrl !== undefined && typeof x.finalUrl !== 'string') return undefined;
	return {
		state: x.state as Verdict['state'],
		reason: redactText(x.reason),
		checkedAt: x.checkedAt,
		...(x.status !== undefined && { status: x.status as number }),
		...(x.finalUrl !== undefined && { finalUrl: redactUrl(x.finalUrl as string) }),
	};
}

/**
 * The persistent link cache: ok and dead results are reused for `ttlHours`; unverified ones are
 * always checked again. Saving merges with what another process wrote meanwhile (newest entry wins)
 * and replaces the file atomically (temporary file + rename), so the CLI and the editor can share it.
 *
 * Keys are URLs with credentials and secret-looking query values redacted (docs/security.md), and
 * the file is written with mode 0600. Entries of the wrong shape, or checked in the future (a
 * restored or committed file), are ignored: those URLs are checked again.
 */
export class LinkCache {
	private entries: Record<string, CacheEntry> = {};

	constructor(
		readonly file: string,
		private readonly ttlHours = 24,
		private readonly now: () => number = () => Date.now(),
	) {
		this.entries = this.read();
	}

	private read(): Record<string, CacheEntry> {
		let data: unknown;
		try {
			data = JSON.parse(fs.readFileSync(this.file, 'utf8'));
		} catch {
			return {}; // missing or unreadable: start empty (it is only a cache)
		}
		const entries = versionOneEntries(data);
		if (!entries) return {};
		const now = this.now();
		const out: Record<string, CacheEntry> = Object.create(null);
		for (const [url, e] of Object.entries(entries)) {
			const valid = validEntry(e, now);
			// A key that still holds a secret (written by an older version) is dropped, not kept.
			if (valid && redactUrl(url) === url) out[url] = valid;
		}
		return out;
	}

	/** A fresh reusable verdict, or undefined. */
	get(url: string): Verdict | undefined {
		const e = this.entries[redactUrl(url)];
		if (!e || e.state === 'unverified') return undefined;
		const age = this.now() - e.checkedAt;
		if (age > this.ttlHours * 3_600_000 || age < -CLOCK_SKEW_MS) return undefined;
		const { checkedAt: _checkedAt, ...verdict } = e;
		return verdict;
	}

	/** Record verdicts (kept in memory until {@link save}). */
	set(results: Map<string, Verdict>): void {
		const at = this.now();
		// The checker's reasons and final URLs are redacted already (ExternalChecker); the keys are the pages' URLs.
		for (const [url, v] of results) this.entries[redactUrl(url)] = { ...v, checkedAt: at };
	}

	/** Merge with the file on disk and write it atomically, readable by its owner only. */
	save(): void {
		const onDisk = this.read();
		for (const [url, e] of Object.entries(onDisk)) {
			const mine = this.entries[url];
			if (!mine || mine.checkedAt < e.checkedAt) this.entries[url] = e;
		}
		const horizon = this.now() - this.ttlHours * 3_600_000;
		for (const [url, e] of Object.entries(this.entries)) if (e.checkedAt < horizon) delete this.entries[url];
		writePrivateJson(this.file, { version: 1, entries: this.entries } satisfies CacheFile);
	}
}

import * as path from 'node:path';
import type { ResolvedConfig } from '../core/config/types';
import { DEFAULT_CHECKER_OPTIONS, ExternalChecker } from '../core/links/external';
import { checkKey, type Verdict } from '../core/links/verdict';
import { undiciRequester, type AddressCheck } from './http';
import { LinkCache } from './linkCache';

/** Where the link cache lives unless the config says otherwise. */
export const DEFAULT_LINK_CACHE = '.disclosurelintcache/links.json';

/** What the caller may widen or replace beyond the config: `--links-allow-private`, and a test's address check. */
export interface OnlineOverrides {
	allowPrivate?: boolean;
	/** Replaces the default address check (tests). */
	check?: AddressCheck;
}

/**
 * The online link check as the CLI and the language server share it: each URL checked once with the
 * configured concurrency, retries, timeout and wait cap, no request to private addresses unless
 * allowed (docs/security.md#network), results kept in the persistent {@link LinkCache} (which both
 * processes read and merge), results that only say "no network" not kept.
 */
export class OnlineLinks {
	private readonly cache: LinkCache;

	constructor(
		private readonly settings: ResolvedConfig['links'],
		root: string,
		private readonly overrides: OnlineOverrides = {},
	) {
		this.cache = new LinkCache(
			settings.cacheFile ?? path.join(root, DEFAULT_LINK_CACHE),
			settings.cacheTtlHours ?? 24,
		);
	}

	/** The verdicts the cache already has for `urls`, and the URLs still to check. */
	known(urls: Iterable<string>): { verdicts: Map<string, Verdict>; todo: string[] } {
		const verdicts = new Map<string, Verdict>();
		const todo: string[] = [];
		for (const url of new Set([...urls].map(checkKey))) {
			const hit = this.cache.get(url);
			if (hit) verdicts.set(url, hit);
			else todo.push(url);
		}
		return { verdicts, todo };
	}

	/** Check `urls` over the network (cached ones too: call {@link known} first to skip them) and save the cache. */
	async check(urls: string[], progress?: (done: number, total: number) => void): Promise<Map<string, Verdict>> {
		if (!urls.length) return new Map();
		const s = this.settings;
		const options = {
			...DEFAULT_CHECKER_OPTIONS,
			...(s.concurrency !== undefined && { concurrency: s.concurrency }),
			...(s.perHostConcurrency !== undefined && { perHostConcurrency: s.perHostConcurrency }),
			...(s.retries !== undefined && { retries: s.retries }),
			...(s.timeoutMs !== undefined && { timeoutMs: s.timeoutMs }),
			...(s.maxWaitMs !== undefined && { maxWaitMs: s.maxWaitMs }),
		};
		const allowPrivate = this.overrides.allowPrivate === true || s.allowPrivate === true;
		const http = undiciRequester(options.perHostConcurrency, options.timeoutMs, {
			allowPrivate,
			check: this.overrides.check,
		});
		try {
			const fresh = await new ExternalChecker(http.request, options).checkAll(urls, progress);
			this.cache.set(new Map([...fresh].filter(([, v]) => !v.reason.includes('no network'))));
			this.cache.save();
			return fresh;
		} finally {
			await http.close();
		}
	}
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Engine } from '../core/engine';
import { DEFAULT_CHECKER_OPTIONS, ExternalChecker } from '../core/links/external';
import type { Verdict } from '../core/links/verdict';
import { checkKey } from '../core/links/verdict';
import { undiciRequester } from '../node/http';
import { LinkCache } from '../node/linkCache';
import type { FileReport } from './formatters/types';

/** Where the link cache lives unless the config says otherwise. */
export const DEFAULT_LINK_CACHE = '.disclosurelintcache/links.json';

/**
 * Online mode: check every http(s) URL the pages cite (each once, cached results reused), then
 * lint again the pages that cite a dead or unverified one so its findings go through the same
 * severities and inline suppressions as every other rule.
 */
export async function checkExternalLinks(engine: Engine, reports: FileReport[], progress?: (text: string) => void): Promise<FileReport[]> {
	const config = engine.configFor(path.join(engine.options.root, 'index.md'));
	const settings = config.links;
	const cache = new LinkCache(settings.cacheFile ?? path.join(engine.options.root, DEFAULT_LINK_CACHE), settings.cacheTtlHours ?? 24);
	const all = new Set(reports.flatMap((r) => r.urls ?? []).map(checkKey));
	const verdicts = new Map<string, Verdict>();
	const todo: string[] = [];
	for (const url of all) {
		const hit = cache.get(url);
		if (hit) verdicts.set(url, hit);
		else todo.push(url);
	}
	const options = {
		...DEFAULT_CHECKER_OPTIONS,
		...(settings.concurrency !== undefined && { concurrency: settings.concurrency }),
		...(settings.perHostConcurrency !== undefined && { perHostConcurrency: settings.perHostConcurrency }),
		...(settings.retries !== undefined && { retries: settings.retries }),
		...(settings.timeoutMs !== undefined && { timeoutMs: settings.timeoutMs }),
	};
	const http = undiciRequester(options.perHostConcurrency, options.timeoutMs);
	try {
		const checker = new ExternalChecker(http.request, options);
		const fresh = await checker.checkAll(todo, (done, total) => progress?.(`checking links ${done}/${total}`));
		for (const [u, v] of fresh) verdicts.set(u, v);
		// Results that say more about this machine than the link (no network) are not kept.
		cache.set(new Map([...fresh].filter(([, v]) => !v.reason.includes('no network'))));
		cache.save();
	} finally {
		await http.close();
	}
	return reports.map((r) => {
		if (!r.urls?.some((u) => verdicts.get(checkKey(u))?.state !== 'ok')) return r;
		const result = engine.lintText(r.filePath, fs.readFileSync(r.filePath, 'utf8'), { verdicts });
		return { ...r, findings: result.findings };
	});
}

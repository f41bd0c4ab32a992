/**
 * The polite site crawler behind `disclosure-lint audit <url>`: robots.txt first (RFC 9309), then the
 * sitemap, then the start page and the links its pages give back, breadth-first, on the start's site
 * only. Every request goes through one gate per site (at most `perHostConcurrency` in flight, 1 once
 * the site answers 429) and waits out the robots.txt Crawl-delay. No IO of its own: requests go
 * through the injected {@link PageFetcher}, time through the injected `sleep` and `now`.
 */
import robotsParser from 'robots-parser';
import { Gate, NetworkError, retryAfterMs } from '../links/external';
import type {
	CachedPage,
	CrawlCache,
	CrawledPage,
	CrawlOptions,
	CrawlSummary,
	FetchAnswer,
	PageFetcher,
	SkippedUrl,
} from './types';

/** The defaults: a few hundred pages, two requests at a time, patient with a busy server. */
export const DEFAULT_CRAWL_OPTIONS: CrawlOptions = {
	maxPages: 500,
	maxDepth: 5,
	perHostConcurrency: 2,
	timeoutMs: 15_000,
	retries: 2,
	backoffMs: 500,
	maxRetryAfterMs: 30_000,
	maxRedirects: 5,
	maxBytes: 5 * 1024 * 1024,
	maxCrawlDelayMs: 10_000,
	userAgent: 'disclosure-lint',
};

/** RFC 9309 §2.5: crawlers parse at least 500 KiB of robots.txt; more is not read. */
const MAX_ROBOTS_BYTES = 500 * 1024;
/** Child sitemaps of one sitemap index fetched at most, and sitemaps named by robots.txt. */
const MAX_SITEMAPS = 50;

/** Extensions of links that are obviously not HTML pages: never requested. */
const NOT_HTML = /\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|zip|rar|jpe?g|png|gif|svg|webp|mp4|mp3|css|js|xml)$/i;

/** The URL without its fragment, host lower-cased and default port dropped (the WHATWG parser does both); undefined if not http(s). */
export function normalizeUrl(url: string, base?: string): string | undefined {
	let u: URL;
	try {
		u = new URL(url, base);
	} catch {
		return undefined;
	}
	if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
	u.hash = '';
	return u.href;
}

/** A site's identity: its host name without `www.`, and its port unless it is a scheme's default. */
function siteOf(url: string): string {
	const u = new URL(url);
	const port = u.port && u.port !== '80' && u.port !== '443' ? `:${u.port}` : '';
	return u.hostname.replace(/^www\./, '') + port;
}

/** Whether a content type is HTML (or absent, which servers of old pages often send). */
function isHtml(contentType: string | undefined): boolean {
	const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
	return type === '' || type === 'text/html' || type === 'application/xhtml+xml';
}

/** The `<loc>` entries of a sitemap or sitemap index (a regex is enough for the two shapes we read). */
export function sitemapLocs(xml: string): { index: boolean; locs: string[] } {
	const locs: string[] = [];
	for (const m of xml.matchAll(/<loc>\s*(?:<!\[CDATA\[)?([\s\S]*?)(?:\]\]>)?\s*<\/loc>/gi))
		locs.push(
			m[1]
				.trim()
				.replace(/&lt;/g, '<')
				.replace(/&gt;/g, '>')
				.replace(/&quot;/g, '"')
				.replace(/&apos;/g, "'")
				.replace(/&amp;/g, '&'),
		);
	return { index: /<sitemapindex[\s>]/i.test(xml), locs };
}

/** What robots.txt says for one origin. */
interface RobotsRules {
	allowed(url: string): boolean;
	/** Why everything is disallowed (robots.txt unreachable), if it is. */
	reason?: string;
	crawlDelayMs: number;
	sitemaps: string[];
	found: boolean;
}

/** One request's outcome after retries: an answer, or why there is none. */
type Outcome = { answer: FetchAnswer } | { error: string };

interface QueueItem {
	url: string;
	depth: number;
}

/**
 * Crawl one site. `onPage` gets every HTML page (once, however many URLs lead to it) and returns the
 * absolute links found in it; the crawler queues those on the site. Resolves when the queue is empty.
 */
export async function crawlSite(
	start: string,
	fetch: PageFetcher,
	options: CrawlOptions,
	cache: CrawlCache | undefined,
	onPage: (page: CrawledPage) => Promise<string[]> | string[],
	sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
	now: () => number = () => Date.now(),
): Promise<CrawlSummary> {
	const began = now();
	const startUrl = normalizeUrl(start);
	const summary: CrawlSummary = {
		start: startUrl ?? start,
		pages: 0,
		requests: 0,
		notModified: 0,
		skipped: [],
		robots: false,
		sitemap: false,
		peakConcurrency: 0,
		durationMs: 0,
	};
	if (!startUrl) {
		summary.skipped.push({ url: start, reason: 'error', detail: 'not an http(s) URL' });
		return summary;
	}
	const site = siteOf(startUrl);
	const onSite = (url: string) => siteOf(url) === site;

	const gate = new Gate(Math.max(1, options.perHostConcurrency));
	let inFlight = 0;
	let crawlDelayMs = 0;
	let nextStart = 0;
	/** Skips recorded, one per URL (a URL found a thousand times off-site is listed once). */
	const skippedUrls = new Set<string>();
	/** Depth skips may be taken back when the URL turns up again nearer the start. */
	const depthSkips = new Map<string, SkippedUrl>();
	const skip = (url: string, reason: SkippedUrl['reason'], detail?: string) => {
		if (skippedUrls.has(url)) return;
		skippedUrls.add(url);
		const entry: SkippedUrl = { url, reason, ...(detail !== undefined && { detail }) };
		summary.skipped.push(entry);
		if (reason === 'limit-depth') depthSkips.set(url, entry);
	};

	/** One request through the site's gate, spaced by the Crawl-delay. */
	const send = async (url: string, cached: CachedPage | undefined, maxBytes: number): Promise<FetchAnswer> => {
		await gate.acquire();
		try {
			if (crawlDelayMs > 0) {
				const t = now();
				const at = Math.max(t, nextStart);
				nextStart = at + crawlDelayMs;
				if (at > t) await sleep(at - t);
			}
			summary.requests++;
			inFlight++;
			summary.peakConcurrency = Math.max(summary.peakConcurrency, inFlight);
			try {
				return await fetch(url, {
					timeoutMs: options.timeoutMs,
					maxBytes,
					...(cached?.etag !== undefined && { etag: cached.etag }),
					...(cached?.lastModified !== undefined && { lastModified: cached.lastModified }),
				});
			} finally {
				inFlight--;
			}
		} finally {
			gate.release();
		}
	};

	/**
	 * One URL with retries: 429 and 5xx wait (Retry-After, else backoff) and try again, as do timeouts
	 * and reset connections; the waits hold no slot. The last 429/5xx answer is returned as it is.
	 */
	const request = async (url: string, cached: CachedPage | undefined, maxBytes: number): Promise<Outcome> => {
		for (let attempt = 0; ; attempt++) {
			let answer: FetchAnswer;
			try {
				answer = await send(url, cached, maxBytes);
			} catch (err) {
				const e = err instanceof NetworkError ? err : undefined;
				const kind = e?.kind ?? 'other';
				const message = e ? (e.kind === 'timeout' ? 'timeout' : e.message) : String(err);
				if ((kind !== 'timeout' && kind !== 'reset') || attempt >= options.retries) return { error: message };
				await sleep(Math.min(options.backoffMs * 2 ** attempt, options.maxRetryAfterMs));
				continue;
			}
			const s = answer.status;
			if (s !== 429 && s < 500) return { answer };
			if (s === 429) gate.limit = 1;
			const after = retryAfterMs(answer.headers['retry-after'], now());
			if (after !== undefined && after > options.maxRetryAfterMs)
				return { error: `${s}, Retry-After ${Math.round(after / 1000)} s is too long` };
			if (attempt >= options.retries) return { answer };
			await sleep(after ?? Math.min(options.backoffMs * 2 ** attempt, options.maxRetryAfterMs));
		}
	};

	/** GET following same-site redirects (robots.txt and sitemaps); undefined when there is no 2xx at the end. */
	const fetchFollowing = async (
		url: string,
		maxBytes: number,
		allowed: (url: string) => Promise<boolean>,
	): Promise<{ answer: FetchAnswer } | { status?: number; error?: string }> => {
		const chain = new Set([url]);
		for (let hop = 0; ; hop++) {
			if (!(await allowed(url))) return { error: 'robots' };
			const out = await request(url, undefined, maxBytes);
			if ('error' in out) return out;
			const { answer } = out;
			const next = redirectTarget(answer, url);
			if (next === undefined)
				return answer.status >= 200 && answer.status < 300 ? out : { status: answer.status };
			if (!next || !onSite(next) || chain.has(next) || hop >= options.maxRedirects)
				return { status: answer.status };
			chain.add(next);
			url = next;
		}
	};

	// robots.txt, per origin (the start's first; a www. or https variant of the site when first needed).
	const robotsByOrigin = new Map<string, Promise<RobotsRules>>();
	const loadRobots = async (origin: string): Promise<RobotsRules> => {
		const robotsUrl = `${origin}/robots.txt`;
		const got = await fetchFollowing(robotsUrl, Math.min(options.maxBytes, MAX_ROBOTS_BYTES), async () => true);
		if ('answer' in got) {
			const text = new TextDecoder().decode(got.answer.body ?? new Uint8Array());
			const robots = robotsParser(robotsUrl, text);
			const delay = robots.getCrawlDelay(options.userAgent);
			return {
				allowed: (url) => robots.isAllowed(url, options.userAgent) !== false,
				crawlDelayMs:
					typeof delay === 'number' && Number.isFinite(delay) && delay > 0
						? Math.min(delay * 1000, options.maxCrawlDelayMs)
						: 0,
				sitemaps: robots.getSitemaps(),
				found: true,
			};
		}
		// RFC 9309 §2.3.1: a server error (5xx, and a 429 that retries did not clear) means "unreachable",
		// everything disallowed; a 4xx means "unavailable", everything allowed. So does a network error.
		const status = 'status' in got ? got.status : undefined;
		if (status !== undefined && (status >= 500 || status === 429))
			return {
				allowed: () => false,
				reason: `robots.txt unreachable (${status})`,
				crawlDelayMs: 0,
				sitemaps: [],
				found: false,
			};
		return { allowed: () => true, crawlDelayMs: 0, sitemaps: [], found: false };
	};
	const robotsFor = (url: string): Promise<RobotsRules> => {
		const origin = new URL(url).origin;
		let p = robotsByOrigin.get(origin);
		if (!p) {
			p = loadRobots(origin).then((r) => {
				crawlDelayMs = Math.max(crawlDelayMs, r.crawlDelayMs);
				return r;
			});
			robotsByOrigin.set(origin, p);
		}
		return p;
	};
	/** undefined when allowed, else the skip's detail ('' for a plain Disallow). */
	const robotsRefusal = async (url: string): Promise<string | undefined> => {
		const r = await robotsFor(url);
		return r.allowed(url) ? undefined : (r.reason ?? '');
	};
	const robotsAllow = async (url: string) => (await robotsRefusal(url)) === undefined;

	// The queue, breadth-first: each URL once (normalised), pages de-duplicated by where they end.
	const queue: QueueItem[] = [];
	const seen = new Set<string>();
	/** URLs a task has started to fetch, as found or as a redirect hop: each is fetched once. */
	const claimed = new Set<string>();
	const offer = (link: string, depth: number, base?: string) => {
		const url = normalizeUrl(link, base);
		if (!url) return; // mailto:, tel:, javascript:… are not pages
		if (!onSite(url)) return skip(url, 'off-site');
		if (seen.has(url)) return;
		if (NOT_HTML.test(new URL(url).pathname)) {
			seen.add(url);
			return skip(url, 'not-html', 'by extension');
		}
		if (depth > options.maxDepth) return skip(url, 'limit-depth');
		const earlier = depthSkips.get(url);
		if (earlier) {
			// Found again nearer the start (pages of two depths are in flight at once): crawl it after all.
			summary.skipped.splice(summary.skipped.indexOf(earlier), 1);
			depthSkips.delete(url);
			skippedUrls.delete(url);
		}
		seen.add(url);
		queue.push({ url, depth });
	};

	// 1. robots.txt of the start's origin, 2. the sitemap(s).
	const startRobots = await robotsFor(startUrl);
	summary.robots = startRobots.found;
	const sitemapSeeds: string[] = [];
	const readSitemap = async (url: string): Promise<string | undefined> => {
		const got = await fetchFollowing(url, options.maxBytes, robotsAllow);
		if (!('answer' in got) || !got.answer.body) return undefined;
		return new TextDecoder().decode(got.answer.body);
	};
	const named = startRobots.sitemaps.map((s) => normalizeUrl(s)).filter((s): s is string => !!s && onSite(s));
	for (const sm of (named.length ? [...new Set(named)] : [`${new URL(startUrl).origin}/sitemap.xml`]).slice(
		0,
		MAX_SITEMAPS,
	)) {
		const xml = await readSitemap(sm);
		if (xml === undefined) continue;
		summary.sitemap = true;
		const { index, locs } = sitemapLocs(xml);
		if (!index) {
			sitemapSeeds.push(...locs);
			continue;
		}
		const children = locs.map((s) => normalizeUrl(s)).filter((s): s is string => !!s && onSite(s));
		for (const child of [...new Set(children)].slice(0, MAX_SITEMAPS)) {
			const inner = await readSitemap(child);
			if (inner !== undefined) sitemapSeeds.push(...sitemapLocs(inner).locs); // one level of nesting only
		}
	}

	// 3. the start page, then the sitemap's pages, then the links, breadth-first.
	offer(startUrl, 0);
	for (const s of sitemapSeeds) offer(s, 1);

	/** Fetch one URL, following same-site redirects, and hand an HTML answer to `onPage`. */
	const crawl = async (item: QueueItem): Promise<void> => {
		const chain = new Set([item.url]);
		let url = item.url;
		for (let hop = 0; ; hop++) {
			const refusal = await robotsRefusal(url);
			if (refusal !== undefined) {
				const detail = [refusal, url !== item.url ? `redirect from ${item.url}` : '']
					.filter(Boolean)
					.join('; ');
				return skip(url, 'robots', detail || undefined);
			}
			const cached = cache?.get(url);
			const out = await request(url, cached, options.maxBytes);
			if ('error' in out) return skip(item.url, 'error', out.error);
			const { answer } = out;
			const s = answer.status;
			const next = redirectTarget(answer, url);
			if (next !== undefined) {
				if (!next || !onSite(next))
					return skip(item.url, 'off-site', `${s} redirect to ${answer.headers.location ?? ''}`);
				if (chain.has(next)) return skip(item.url, 'error', `redirect loop at ${next}`);
				if (hop >= options.maxRedirects)
					return skip(item.url, 'error', `more than ${options.maxRedirects} redirects`);
				if (claimed.has(next)) return; // that page is (being) fetched already: audited once
				claimed.add(next);
				seen.add(next);
				chain.add(next);
				url = next;
				continue;
			}
			let page: CrawledPage;
			if (s === 304 && cached) {
				summary.notModified++;
				if (
					(answer.headers.etag && answer.headers.etag !== cached.etag) ||
					(answer.headers['last-modified'] && answer.headers['last-modified'] !== cached.lastModified)
				)
					cache?.set(url, {
						...cached,
						...(answer.headers.etag && { etag: answer.headers.etag }),
						...(answer.headers['last-modified'] && { lastModified: answer.headers['last-modified'] }),
					});
				page = {
					url: item.url,
					finalUrl: url,
					status: s,
					headers: { ...cached.headers },
					body: cached.body,
					depth: item.depth,
					fromCache: true,
				};
			} else if (s >= 200 && s < 300) {
				if (!isHtml(answer.headers['content-type']))
					return skip(item.url, 'not-html', answer.headers['content-type']);
				const body = answer.body ?? new Uint8Array();
				const etag = answer.headers.etag;
				const lastModified = answer.headers['last-modified'];
				if (cache && (etag || lastModified) && !answer.truncated)
					cache.set(url, {
						...(etag && { etag }),
						...(lastModified && { lastModified }),
						finalUrl: url,
						headers: { 'content-type': answer.headers['content-type'] },
						body,
					});
				page = {
					url: item.url,
					finalUrl: url,
					status: s,
					headers: answer.headers,
					body,
					depth: item.depth,
					fromCache: false,
					...(answer.truncated && { truncated: true }),
				};
			} else return skip(item.url, 'status', String(s));
			summary.pages++;
			let links: string[];
			try {
				links = await onPage(page);
			} catch (err) {
				return skip(item.url, 'error', `audit failed: ${err instanceof Error ? err.message : String(err)}`);
			}
			for (const link of links) offer(link, item.depth + 1, url);
			return;
		}
	};

	// The scheduler: as many tasks as the gate lets requests through, never more pages than maxPages.
	const running = new Set<Promise<void>>();
	for (let next = 0; ; ) {
		if (next < queue.length) {
			const item = queue[next];
			if (claimed.has(item.url)) {
				next++; // reached already through a redirect
				continue;
			}
			if (summary.pages >= options.maxPages) {
				next++;
				skip(item.url, 'limit-pages');
				continue;
			}
			if (running.size < gate.limit && summary.pages + running.size < options.maxPages) {
				next++;
				claimed.add(item.url);
				const task: Promise<void> = crawl(item)
					.catch((err: unknown) => skip(item.url, 'error', err instanceof Error ? err.message : String(err)))
					.finally(() => running.delete(task));
				running.add(task);
				continue;
			}
		}
		if (!running.size) break;
		await Promise.race(running);
	}
	summary.durationMs = now() - began;
	return summary;
}

/**
 * Where a 3xx answer points: the normalised URL, '' when it is not an http(s) URL, or undefined when
 * the answer is not a redirect.
 */
function redirectTarget(answer: FetchAnswer, url: string): string | undefined {
	if (answer.status < 300 || answer.status >= 400 || answer.status === 304 || !answer.headers.location)
		return undefined;
	return normalizeUrl(answer.headers.location, url) ?? '';
}

/**
 * What the site crawler (crawl.ts) and the audit (the CLI's `audit` command) exchange. The crawler
 * fetches; the audit decodes, extracts and lints; links found in a page go back to the crawler.
 */

/** One HTTP answer to one request (redirects are not followed by the fetcher). */
export interface FetchAnswer {
	status: number;
	/** Header names in lower case. */
	headers: Record<string, string | undefined>;
	/** The body's bytes (GET only; absent for 304 and HEAD). */
	body?: Uint8Array;
	/** The body was cut at `maxBytes`. */
	truncated?: boolean;
}

/** Makes one GET without following redirects; throws NetworkError (core/links/external.ts). Injected (undici in Node). */
export type PageFetcher = (
	url: string,
	options: { timeoutMs: number; maxBytes: number; etag?: string; lastModified?: string },
) => Promise<FetchAnswer>;

/** A page the crawler fetched (or took from its cache on a 304). */
export interface CrawledPage {
	/** The URL as found (a link, the sitemap, or the start). */
	url: string;
	/** Where it ended after same-site redirects: the page's address in every finding. */
	finalUrl: string;
	status: number;
	headers: Record<string, string | undefined>;
	body: Uint8Array;
	/** Links away from the start: 0 for the start page and sitemap entries are 1. */
	depth: number;
	/** The body came from the cache after a 304 Not Modified. */
	fromCache: boolean;
	/** The body was cut at `maxBytes` (such a page is not cached). */
	truncated?: boolean;
}

/** What the crawler remembers of a page between audits (ETag / Last-Modified and the body). */
export interface CachedPage {
	etag?: string;
	lastModified?: string;
	finalUrl: string;
	headers: Record<string, string | undefined>;
	body: Uint8Array;
}

/** Persistence of {@link CachedPage}s, keyed by URL; the Node side stores them on disk. */
export interface CrawlCache {
	get(url: string): CachedPage | undefined;
	set(url: string, page: CachedPage): void;
}

/** Settings of one site's crawl. */
export interface CrawlOptions {
	/** Most pages fetched (HTML answers), default 500. */
	maxPages: number;
	/** Most links followed from the start page, default 5. */
	maxDepth: number;
	/** Requests in flight to the site at once, default 2. */
	perHostConcurrency: number;
	timeoutMs: number;
	retries: number;
	backoffMs: number;
	maxRetryAfterMs: number;
	maxRedirects: number;
	/** Largest body read, default 5 MiB. */
	maxBytes: number;
	/** Longest robots.txt Crawl-delay honoured (ms); a longer one is capped. */
	maxCrawlDelayMs: number;
	/** The product token robots.txt rules are matched against. */
	userAgent: string;
}

/** Why a URL was not audited, for the report. */
export interface SkippedUrl {
	url: string;
	reason: 'robots' | 'limit-pages' | 'limit-depth' | 'off-site' | 'not-html' | 'error' | 'status';
	detail?: string;
}

/** The outcome of one site's crawl. */
export interface CrawlSummary {
	start: string;
	pages: number;
	requests: number;
	/** Requests answered 304 Not Modified. */
	notModified: number;
	skipped: SkippedUrl[];
	/** Whether robots.txt and a sitemap were found. */
	robots: boolean;
	sitemap: boolean;
	/** Highest number of requests in flight to the site at once. */
	peakConcurrency: number;
	durationMs: number;
}

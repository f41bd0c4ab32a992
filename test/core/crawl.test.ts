import { strict as assert } from 'node:assert';
import { EventEmitter, once } from 'node:events';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { crawlSite, DEFAULT_CRAWL_OPTIONS, sitemapLocs } from '../../server/src/core/audit/crawl';
import type { CrawledPage, CrawlOptions, FetchAnswer, PageFetcher } from '../../server/src/core/audit/types';
import { NetworkError } from '../../server/src/core/links/external';
import { AuditCacheFile } from '../../server/src/node/auditCache';
import { undiciPageFetcher } from '../../server/src/node/pageFetcher';
import { tmpDir } from '../helpers/tmp';

/** What the handler answers. */
interface Reply {
	status?: number;
	headers?: Record<string, string>;
	body?: string;
}

interface Seen {
	method: string;
	path: string;
	host: string;
	headers: http.IncomingHttpHeaders;
	/** Requests in flight when this one arrived, itself included. */
	inFlight: number;
}

/** A real HTTP server on 127.0.0.1 that logs every request and how many were in flight. */
async function startSite(
	handle: (path: string, req: http.IncomingMessage, base: string) => Reply | Promise<Reply>,
): Promise<{ base: string; log: Seen[]; maxInFlight(): number; close(): Promise<void> }> {
	const log: Seen[] = [];
	let inFlight = 0;
	let max = 0;
	let base = '';
	const server = http.createServer((req, res) => {
		inFlight++;
		max = Math.max(max, inFlight);
		let done = false;
		const end = () => {
			if (!done) inFlight--;
			done = true;
		};
		res.on('finish', end);
		res.on('close', end);
		const p = req.url ?? '/';
		log.push({ method: req.method ?? '', path: p, host: req.headers.host ?? '', headers: req.headers, inFlight });
		Promise.resolve(handle(p, req, base)).then(
			(r) => {
				res.writeHead(r.status ?? 200, r.headers ?? {});
				res.end(r.body ?? '');
			},
			(err: unknown) => {
				res.writeHead(500);
				res.end(String(err));
			},
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		base,
		log,
		maxInFlight: () => max,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

const html = (...links: string[]): Reply => ({
	headers: { 'content-type': 'text/html; charset=utf-8' },
	body: `<!doctype html><title>t</title>${links.map((l) => `<a href="${l}">x</a>`).join('')}`,
});

/** The audit's part, as far as the crawler sees it: the links of a page, absolute. */
function linksOf(page: CrawledPage): string[] {
	const text = new TextDecoder().decode(page.body);
	return [...text.matchAll(/href="([^"]*)"/g)].map((m) => new URL(m[1].replace(/&amp;/g, '&'), page.finalUrl).href);
}

/** An injected sleep that records the waits asked for and resolves at once. */
function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
	const waits: number[] = [];
	return { waits, sleep: async (ms) => void waits.push(ms) };
}

const options = (o: Partial<CrawlOptions> = {}): CrawlOptions => ({ ...DEFAULT_CRAWL_OPTIONS, timeoutMs: 5_000, ...o });

describe('site crawler (crawlSite over a real server on 127.0.0.1)', function () {
	this.timeout(30_000);
	let fetcher: ReturnType<typeof undiciPageFetcher>;
	const servers: { close(): Promise<void> }[] = [];
	before(() => {
		// More connections than the crawler's limit: the crawler, not undici's pool, must hold the limit.
		fetcher = undiciPageFetcher(8, { allowPrivate: true });
	});
	after(async () => {
		await fetcher.close();
		for (const s of servers) await s.close();
	});
	const site = async (handle: Parameters<typeof startSite>[0]) => {
		const s = await startSite(handle);
		servers.push(s);
		return s;
	};
	const paths = (log: Seen[]) => log.map((r) => r.path);

	it('reads robots.txt and the sitemap, follows same-site redirects, and requests nothing disallowed or off-site', async () => {
		const s = await site((p, _req, base) => {
			const off = base.replace('127.0.0.1', 'localhost');
			switch (p) {
				case '/robots.txt':
					return {
						headers: { 'content-type': 'text/plain' },
						body: `User-agent: *\nDisallow: /private/\n\nSitemap: ${base}/sitemap-index.xml\n`,
					};
				case '/sitemap-index.xml':
					return {
						headers: { 'content-type': 'application/xml' },
						body: `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${base}/sitemap-pages.xml</loc></sitemap></sitemapindex>`,
					};
				case '/sitemap-pages.xml':
					return {
						headers: { 'content-type': 'application/xml' },
						body: `<urlset><url><loc>${base}/</loc></url><url><loc>${base}/orphan</loc></url><url><loc> ${base}/search?a=1&amp;b=2 </loc></url><url><loc>${base}/private/listed</loc></url><url><loc>${off}/elsewhere-sitemap</loc></url></urlset>`,
					};
				case '/':
					return html(
						'/about',
						'/about#team',
						'/old',
						'/private/secret',
						'/docs/report.pdf',
						'/data',
						'/missing',
						'/away',
						`${off}/elsewhere`,
						`${off}/elsewhere`,
						'mailto:saraban@unit.go.th',
					);
				case '/about':
					return html('/');
				case '/old':
					return { status: 301, headers: { location: '/about' } };
				case '/away':
					return { status: 302, headers: { location: `${off}/moved-away` } };
				case '/orphan':
					return html('/old-to-private');
				case '/old-to-private':
					return { status: 302, headers: { location: '/private/target' } };
				case '/search?a=1&b=2':
					return html();
				case '/data':
					return { headers: { 'content-type': 'application/json' }, body: '{}' };
				default:
					return { status: 404, body: 'not found' };
			}
		});
		const pages: CrawledPage[] = [];
		const summary = await crawlSite(`${s.base}/`, fetcher.fetch, options(), undefined, (page) => {
			pages.push(page);
			return linksOf(page);
		});
		const requested = paths(s.log);
		assert.deepEqual(requested.slice(0, 3), ['/robots.txt', '/sitemap-index.xml', '/sitemap-pages.xml']);
		assert.ok(!requested.some((p) => p.startsWith('/private/')), `no request under /private/: ${requested}`);
		assert.ok(!requested.includes('/docs/report.pdf'));
		assert.ok(!requested.includes('/sitemap.xml'), 'robots.txt named the sitemap');
		assert.ok(
			s.log.every((r) => r.host.startsWith('127.0.0.1:')),
			'nothing requested from localhost (off-site)',
		);
		assert.ok(s.log.every((r) => r.method === 'GET'));
		assert.deepEqual(
			s.log.map((r) => r.headers['user-agent']),
			s.log.map(() => 'disclosure-lint audit (+https://github.com/disclosure-lint/disclosure-lint)'),
		);
		assert.equal(s.log[0].headers.accept, 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1');

		const audited = pages.map(
			(p) => `${p.url.slice(s.base.length)} -> ${p.finalUrl.slice(s.base.length)} @${p.depth}`,
		);
		assert.deepEqual(audited.sort(), [
			'/ -> / @0',
			'/about -> /about @1',
			'/orphan -> /orphan @1',
			'/search?a=1&b=2 -> /search?a=1&b=2 @1',
		]);
		assert.equal(requested.filter((p) => p === '/about').length, 1, '/about and /old → /about: fetched once');
		assert.equal(requested.filter((p) => p === '/old').length, 1);
		assert.equal(requested.filter((p) => p === '/').length, 1);
		assert.equal(summary.pages, 4);

		const skipped = summary.skipped
			.map((k) =>
				`${k.reason} ${k.url.replace(s.base, '').replace(/^http:\/\/localhost:\d+/, 'OFF')} ${k.detail ?? ''}`.trim(),
			)
			.sort();
		assert.deepEqual(skipped, [
			'not-html /data application/json',
			'not-html /docs/report.pdf by extension',
			'off-site /away 302 redirect to ' + s.base.replace('127.0.0.1', 'localhost') + '/moved-away',
			'off-site OFF/elsewhere',
			'off-site OFF/elsewhere-sitemap',
			'robots /private/listed',
			'robots /private/secret',
			'robots /private/target redirect from ' + s.base + '/old-to-private',
			'status /missing 404',
		]);
		assert.equal(summary.robots, true);
		assert.equal(summary.sitemap, true);
		assert.equal(summary.requests, s.log.length);
		assert.equal(summary.notModified, 0);
	});

	it('stops at maxDepth and at maxPages, and records what it left', async () => {
		const s = await site((p) => {
			if (p === '/') return html('/p/1', '/p/2', '/p/3', '/p/4', '/p/5', '/d/1');
			const d = /^\/d\/(\d+)$/.exec(p);
			if (d) return html(`/d/${Number(d[1]) + 1}`);
			if (p.startsWith('/p/')) return html();
			return { status: 404 };
		});
		const deep = await crawlSite(`${s.base}/`, fetcher.fetch, options({ maxDepth: 2 }), undefined, linksOf);
		assert.deepEqual(
			paths(s.log).filter((p) => p.startsWith('/d/')),
			['/d/1', '/d/2'],
		);
		assert.deepEqual(
			deep.skipped.map((k) => [k.reason, k.url]),
			[['limit-depth', `${s.base}/d/3`]],
		);
		assert.equal(deep.pages, 8);
		assert.equal(deep.robots, false, 'robots.txt answered 404: everything allowed');
		assert.equal(deep.sitemap, false);

		s.log.length = 0;
		const few = await crawlSite(`${s.base}/`, fetcher.fetch, options({ maxPages: 3 }), undefined, linksOf);
		assert.equal(few.pages, 3);
		const pageRequests = paths(s.log).filter((p) => p !== '/robots.txt' && p !== '/sitemap.xml');
		assert.deepEqual(pageRequests, ['/', '/p/1', '/p/2'], 'breadth-first, and not one page more');
		assert.deepEqual(
			few.skipped.map((k) => `${k.reason} ${k.url.slice(s.base.length)}`),
			['limit-pages /p/3', 'limit-pages /p/4', 'limit-pages /p/5', 'limit-pages /d/1'],
		);
	});

	it('holds the per-host limit: requests overlap up to perHostConcurrency and never beyond', async () => {
		// Each /p/ answer is held until a second request arrives (or, for an odd one out, a short wait).
		const arrivals = new EventEmitter();
		let waiting = 0;
		const pairUp = async () => {
			if (waiting > 0) {
				arrivals.emit('arrive');
				return;
			}
			waiting++;
			try {
				await once(arrivals, 'arrive', { signal: AbortSignal.timeout(2_000) });
			} catch {
				// nobody came: the crawler keeps fewer requests in flight than it may
			} finally {
				waiting--;
			}
		};
		const s = await site(async (p) => {
			if (p === '/') return html(...Array.from({ length: 12 }, (_, i) => `/p/${i}`));
			if (p.startsWith('/p/')) {
				await pairUp();
				return html();
			}
			return { status: 404 };
		});
		const started = Date.now();
		const summary = await crawlSite(
			`${s.base}/`,
			fetcher.fetch,
			options({ perHostConcurrency: 2 }),
			undefined,
			linksOf,
		);
		assert.equal(summary.pages, 13);
		assert.equal(s.maxInFlight(), 2, 'the server saw two requests at once, never three');
		assert.equal(summary.peakConcurrency, 2);
		assert.ok(Date.now() - started < 2_000, 'pairs released each other: no request waited for the fallback');
	});

	it('retries a 429 after its Retry-After and slows the host to one request at a time', async () => {
		const arrivals = new EventEmitter();
		let waiting = 0;
		const pairUp = async () => {
			if (waiting > 0) return void arrivals.emit('arrive');
			waiting++;
			try {
				await once(arrivals, 'arrive', { signal: AbortSignal.timeout(150) });
			} catch {
				// alone: the expected case once the host is slowed down
			} finally {
				waiting--;
			}
		};
		let busy: string | undefined;
		let busyAt = -1;
		const s = await site(async (p) => {
			if (p === '/') return html('/p/1', '/p/2', '/p/3', '/p/4', '/p/5');
			if (p.startsWith('/p/')) {
				if (busy === undefined) {
					busy = p;
					busyAt = s.log.length - 1;
					return { status: 429, headers: { 'retry-after': '0' } };
				}
				await pairUp();
				return html();
			}
			return { status: 404 };
		});
		const { sleep, waits } = recordingSleep();
		const summary = await crawlSite(`${s.base}/`, fetcher.fetch, options(), undefined, linksOf, sleep);
		assert.deepEqual(waits, [0], 'Retry-After: 0');
		assert.equal(summary.pages, 6);
		assert.equal(paths(s.log).filter((p) => p === busy).length, 2, '429, then 200');
		assert.deepEqual(summary.skipped, []);
		const after = s.log.slice(busyAt + 1);
		assert.ok(after.length >= 5, 'enough requests after the 429 to see the limit');
		assert.deepEqual(
			after.map((r) => `${r.path} ${r.inFlight}`),
			after.map((r) => `${r.path} 1`),
			'after the 429 every request was alone on the host',
		);
	});

	it('backs off on 5xx, gives up on a Retry-After beyond the limit, and treats a 5xx robots.txt as disallow-all', async () => {
		const s = await site((p) => {
			if (p === '/') return html('/unstable', '/later');
			if (p === '/unstable') return { status: 503 };
			if (p === '/later') return { status: 429, headers: { 'retry-after': '120' } };
			return { status: 404 };
		});
		const { sleep, waits } = recordingSleep();
		const summary = await crawlSite(
			`${s.base}/`,
			fetcher.fetch,
			options({ perHostConcurrency: 1, backoffMs: 100, retries: 2 }),
			undefined,
			linksOf,
			sleep,
		);
		assert.deepEqual(waits, [100, 200], 'backoff doubles, and no wait for a Retry-After of 120 s');
		assert.equal(paths(s.log).filter((p) => p === '/unstable').length, 3);
		assert.equal(paths(s.log).filter((p) => p === '/later').length, 1);
		assert.deepEqual(
			summary.skipped.map((k) => `${k.reason} ${k.url.slice(s.base.length)} ${k.detail}`),
			['status /unstable 503', 'error /later 429, Retry-After 120 s is too long'],
		);

		const down = await site((p) => (p === '/robots.txt' ? { status: 500 } : html('/a')));
		const r = recordingSleep();
		const none = await crawlSite(
			`${down.base}/`,
			fetcher.fetch,
			options({ retries: 1 }),
			undefined,
			linksOf,
			r.sleep,
		);
		assert.deepEqual(paths(down.log), ['/robots.txt', '/robots.txt'], 'nothing but robots.txt requested');
		assert.equal(none.pages, 0);
		assert.deepEqual(none.skipped, [
			{ url: `${down.base}/`, reason: 'robots', detail: 'robots.txt unreachable (500)' },
		]);
	});

	it('honours Crawl-delay between request starts, capped at maxCrawlDelayMs', async () => {
		const s = await site((p) => {
			if (p === '/robots.txt') return { body: 'User-agent: disclosure-lint\nCrawl-delay: 3\nDisallow:\n' };
			if (p === '/') return html('/a', '/b');
			if (p === '/a' || p === '/b') return html();
			return { status: 404 };
		});
		for (const [cap, wait] of [
			[10_000, 3_000],
			[1_000, 1_000],
		]) {
			let clock = 1_000_000;
			const waits: number[] = [];
			const sleep = async (ms: number) => {
				waits.push(ms);
				clock += ms;
			};
			const summary = await crawlSite(
				`${s.base}/`,
				fetcher.fetch,
				options({ maxCrawlDelayMs: cap }),
				undefined,
				linksOf,
				sleep,
				() => clock,
			);
			assert.equal(summary.pages, 3);
			// robots.txt, then the sitemap at once; then /, /a and /b each a delay after the one before.
			assert.deepEqual(waits, [wait, wait, wait]);
		}
	});

	it('asks "changed?" with the cached ETag / Last-Modified and takes the cached body on 304', async () => {
		const stamp = 'Tue, 01 Oct 2024 08:00:00 GMT';
		const bodies: Record<string, Reply> = {
			'/': { ...html('/news', '/old'), headers: { 'content-type': 'text/html', etag: '"root-1"' } },
			'/news': { ...html('/'), headers: { 'content-type': 'text/html', 'last-modified': stamp } },
			'/about': {
				body: '<p>เกี่ยวกับหน่วยงาน</p>',
				headers: { 'content-type': 'text/html; charset=utf-8', etag: 'W/"about"', 'last-modified': stamp },
			},
		};
		const s = await site((p, req) => {
			if (p === '/old') return { status: 301, headers: { location: '/about' } };
			const page = bodies[p];
			if (!page) return { status: 404 };
			const etag = page.headers?.etag;
			const lm = page.headers?.['last-modified'];
			if ((etag && req.headers['if-none-match'] === etag) || (lm && req.headers['if-modified-since'] === lm))
				return { status: 304, headers: etag ? { etag } : {} };
			return page;
		});
		const file = path.join(tmpDir('dl-crawl-cache-'), 'cache', 'audit.json');
		const first: CrawledPage[] = [];
		const cache1 = AuditCacheFile.load(file);
		await crawlSite(`${s.base}/`, fetcher.fetch, options(), cache1, (page) => {
			first.push(page);
			return linksOf(page);
		});
		assert.ok(first.every((p) => !p.fromCache));
		cache1.save();
		const stored = JSON.parse(fs.readFileSync(file, 'utf8'));
		assert.equal(stored.version, 1);
		assert.deepEqual(Object.keys(stored.entries).sort(), [`${s.base}/`, `${s.base}/about`, `${s.base}/news`]);
		assert.deepEqual(stored.entries[`${s.base}/about`].headers, { 'content-type': 'text/html; charset=utf-8' });
		assert.equal(
			Buffer.from(stored.entries[`${s.base}/about`].body, 'base64').toString('utf8'),
			'<p>เกี่ยวกับหน่วยงาน</p>',
		);

		s.log.length = 0;
		const second: CrawledPage[] = [];
		const cache2 = AuditCacheFile.load(file);
		const summary = await crawlSite(`${s.base}/`, fetcher.fetch, options(), cache2, (page) => {
			second.push(page);
			return linksOf(page);
		});
		const pageRequests = s.log.filter((r) => bodies[r.path]);
		assert.deepEqual(pageRequests.map((r) => r.path).sort(), ['/', '/about', '/news']);
		for (const r of pageRequests) {
			const h = bodies[r.path].headers!;
			if (h.etag) assert.equal(r.headers['if-none-match'], h.etag, r.path);
			if (h['last-modified']) assert.equal(r.headers['if-modified-since'], h['last-modified'], r.path);
		}
		assert.equal(summary.notModified, 3);
		assert.equal(summary.pages, 3);
		assert.ok(second.every((p) => p.fromCache && p.status === 304));
		const byUrl = (pages: CrawledPage[]) =>
			Object.fromEntries(pages.map((p) => [p.finalUrl, new TextDecoder().decode(p.body)]));
		assert.deepEqual(byUrl(second), byUrl(first));
		assert.equal(second.find((p) => p.url.endsWith('/old'))?.finalUrl, `${s.base}/about`);
		assert.equal(
			second.find((p) => p.finalUrl.endsWith('/about'))?.headers['content-type'],
			'text/html; charset=utf-8',
		);

		// Nothing changed: the file is not written again.
		const past = new Date('2020-01-01T00:00:00Z');
		fs.utimesSync(file, past, past);
		cache2.save();
		assert.equal(fs.statSync(file).mtimeMs, past.getTime());
	});

	it('keeps a corrupt cache file as .corrupt and crawls without it', async () => {
		const s = await site((p) =>
			p === '/' ? { ...html('/a'), headers: { 'content-type': 'text/html', etag: '"x"' } } : { status: 404 },
		);
		const file = path.join(tmpDir('dl-crawl-corrupt-'), 'audit.json');
		fs.writeFileSync(file, '{"version": 1, "entries": {');
		const cache = AuditCacheFile.load(file);
		assert.equal(cache.size, 0);
		const summary = await crawlSite(`${s.base}/`, fetcher.fetch, options(), cache, linksOf);
		assert.equal(summary.pages, 1);
		assert.equal(s.log.find((r) => r.path === '/')?.headers['if-none-match'], undefined);
		cache.save();
		assert.equal(fs.readFileSync(`${file}.corrupt`, 'utf8'), '{"version": 1, "entries": {');
		const fresh = JSON.parse(fs.readFileSync(file, 'utf8'));
		assert.deepEqual(Object.keys(fresh.entries), [`${s.base}/`]);
		assert.equal(fresh.entries[`${s.base}/`].etag, '"x"');
		assert.equal(AuditCacheFile.load(file).get(`${s.base}/`)?.etag, '"x"');
		assert.equal(AuditCacheFile.load(path.join(path.dirname(file), 'missing.json')).size, 0);
	});

	it('reads at most maxBytes of a body', async () => {
		const s = await site((p) => (p === '/' ? { ...html(), body: 'x'.repeat(200_000) } : { status: 404 }));
		const answer = await fetcher.fetch(`${s.base}/`, { timeoutMs: 5_000, maxBytes: 1_000 });
		assert.equal(answer.status, 200);
		assert.equal(answer.body?.byteLength, 1_000);
		assert.equal(answer.truncated, true);
		const whole = await fetcher.fetch(`${s.base}/`, { timeoutMs: 5_000, maxBytes: 1_000_000 });
		assert.equal(whole.body?.byteLength, 200_000);
		assert.equal(whole.truncated, undefined);
	});

	it('refuses loopback addresses unless allowPrivate', async () => {
		const s = await site(() => html());
		const strict = undiciPageFetcher(2, {});
		try {
			await assert.rejects(
				strict.fetch(`${s.base}/`, { timeoutMs: 5_000, maxBytes: 1_000 }),
				(e: unknown) => e instanceof NetworkError && e.kind === 'blocked',
			);
			assert.equal(s.log.length, 0);
		} finally {
			await strict.close();
		}
	});
});

describe('site crawler (same site, sitemap parsing)', () => {
	it('treats www. and https variants of the host as the site, with their own robots.txt; other hosts and ports are off-site', async () => {
		const requested: string[] = [];
		const fetch: PageFetcher = async (url) => {
			requested.push(url);
			const page = (body: string): FetchAnswer => ({
				status: 200,
				headers: { 'content-type': 'text/html' },
				body: new TextEncoder().encode(body),
			});
			if (url === 'http://unit.example/')
				return page(
					'<a href="https://www.unit.example/about">a</a><a href="http://other.example/">b</a><a href="http://unit.example:8080/x">c</a><a href="HTTP://UNIT.EXAMPLE:80/#top">d</a>',
				);
			if (url === 'https://www.unit.example/robots.txt')
				return {
					status: 200,
					headers: {},
					body: new TextEncoder().encode('User-agent: *\nDisallow: /about\n'),
				};
			if (url === 'https://www.unit.example/ok') return page('');
			if (url.endsWith('/robots.txt') || url.endsWith('/sitemap.xml')) return { status: 404, headers: {} };
			throw new NetworkError('dns', 'DNS failure');
		};
		const pages: string[] = [];
		const summary = await crawlSite('http://unit.example', fetch, options(), undefined, (p) => {
			pages.push(p.finalUrl);
			return [...linksOf(p), 'https://www.unit.example/ok'];
		});
		assert.deepEqual(requested, [
			'http://unit.example/robots.txt',
			'http://unit.example/sitemap.xml',
			'http://unit.example/',
			'https://www.unit.example/robots.txt',
			'https://www.unit.example/ok',
		]);
		assert.deepEqual(pages, ['http://unit.example/', 'https://www.unit.example/ok']);
		assert.deepEqual(
			summary.skipped.map((k) => `${k.reason} ${k.url}`),
			[
				'off-site http://other.example/',
				'off-site http://unit.example:8080/x',
				'robots https://www.unit.example/about',
			],
		);
	});

	it('reads <loc> entries, decoding entities and CDATA', () => {
		assert.deepEqual(
			sitemapLocs(
				'<urlset><url><loc>\n https://a.example/?x=1&amp;y=2 </loc></url><url><loc><![CDATA[https://a.example/b]]></loc></url></urlset>',
			),
			{ index: false, locs: ['https://a.example/?x=1&y=2', 'https://a.example/b'] },
		);
		assert.equal(sitemapLocs('<sitemapindex><sitemap><loc>x</loc></sitemap></sitemapindex>').index, true);
	});
});

import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { FIXTURES } from './fixtures';

/** The local copy of a unit's published site (test/fixtures/audit-site/EXPECTED.md says what it holds). */
export const AUDIT_SITE = path.join(FIXTURES, 'audit-site');

/** One request the site answered. */
export interface SiteRequest {
	method: string;
	url: string;
	ifNoneMatch?: string;
	ifModifiedSince?: string;
	userAgent?: string;
	status: number;
	/** Requests in flight when this one arrived (itself included). */
	inFlight: number;
}

/** A running site: its base URL, the requests it answered, and a way to stop it. */
export interface AuditSiteServer {
	base: string;
	requests: SiteRequest[];
	/** The most requests it had in flight at once. */
	peak(): number;
	close(): Promise<void>;
}

const TYPES: Record<string, string> = {
	'.html': 'text/html',
	'.txt': 'text/plain',
	'.xml': 'application/xml',
	'.pdf': 'application/pdf',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.gif': 'image/gif',
	'.ico': 'image/x-icon',
};

/**
 * Serve a folder as a site on 127.0.0.1 as a plain Apache would: files by path (`index.html` for a
 * folder), `.html` as `text/html` without a charset, an ETag and Last-Modified per file with 304
 * answers to conditional requests, `http://SITE` in robots.txt and sitemap.xml rewritten to the
 * real address, and `/old-news.html` moved permanently to the road-repair story. EXPECTED.md is not
 * served. Each HTML answer is held until the next request arrives or the event loop has nothing
 * else to do, so that a crawler allowed two requests at once really has two in flight.
 */
export async function startAuditSite(root = AUDIT_SITE): Promise<AuditSiteServer> {
	const requests: SiteRequest[] = [];
	let inFlight = 0;
	let peak = 0;
	const held: (() => void)[] = [];
	const releaseAll = () => {
		for (const r of held.splice(0)) r();
	};
	const server = http.createServer((req, res) => {
		inFlight++;
		peak = Math.max(peak, inFlight);
		const arrivedWith = inFlight;
		// A new request frees those held: they overlapped.
		releaseAll();
		const entry: SiteRequest = {
			method: req.method ?? 'GET',
			url: req.url ?? '/',
			ifNoneMatch: req.headers['if-none-match'],
			ifModifiedSince: req.headers['if-modified-since'],
			userAgent: req.headers['user-agent'],
			status: 0,
			inFlight: arrivedWith,
		};
		requests.push(entry);
		const send = (status: number, headers: http.OutgoingHttpHeaders, body?: Buffer | string) => {
			entry.status = status;
			res.writeHead(status, headers);
			res.end(body);
			inFlight--;
		};
		const url = new URL(req.url ?? '/', 'http://x');
		if (url.pathname === '/old-news.html') return send(301, { location: '/news/2569-road-repair.html' });
		let rel = decodeURIComponent(url.pathname);
		if (rel.endsWith('/')) rel += 'index.html';
		const file = path.join(root, rel);
		if (!file.startsWith(root + path.sep) || path.basename(file) === 'EXPECTED.md' || !fs.existsSync(file))
			return send(404, { 'content-type': 'text/html' }, '<h1>Not found</h1>');
		const stat = fs.statSync(file);
		if (stat.isDirectory()) return send(301, { location: `${url.pathname}/` });
		const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
		const lastModified = new Date(Math.floor(stat.mtimeMs / 1000) * 1000).toUTCString();
		const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
		if (req.headers['if-none-match'] === etag) return send(304, { etag, 'last-modified': lastModified });
		let body: Buffer | string = fs.readFileSync(file);
		if (/robots\.txt$|sitemap\.xml$/.test(file)) body = body.toString('utf8').replaceAll('http://SITE', base);
		const headers = { 'content-type': type, etag, 'last-modified': lastModified };
		if (type !== 'text/html') return send(200, headers, body);
		// Held until another request comes, or nothing else is pending.
		held.push(() => send(200, headers, body));
		setImmediate(() => setImmediate(releaseAll));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		base,
		requests,
		peak: () => peak,
		close: () =>
			new Promise<void>((resolve) => {
				releaseAll();
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the test server saw. */
export interface ServerLog {
	/** Requests per path (method + path). */
	hits: Map<string, number>;
	/** Most requests in flight at once. */
	maxInFlight: number;
	/** Every request, in order (method + path). */
	requests: string[];
}

/**
 * A real HTTP server on 127.0.0.1 for link tests: 200, 301 → 200, a redirect loop, 403, 404, 405 on
 * HEAD only, 429 with Retry-After then 200, 500, one that never answers, /slow/* with a latency,
 * /to/<encoded location> redirecting anywhere, /secret-redirect to a URL with a password in its query, and /retry-after/<seconds>/* answering 429 with that
 * Retry-After every time. The link checker refuses 127.0.0.1 by default: tests that want it
 * requested set `links.allowPrivate` (docs/security.md#network).
 */
export async function startLinkServer(
	latencyMs = 50,
): Promise<{ base: string; port: number; log: ServerLog; close(): Promise<void> }> {
	const log: ServerLog = { hits: new Map(), maxInFlight: 0, requests: [] };
	let inFlight = 0;
	const busyOnce = new Set<string>();
	const hanging = new Set<http.ServerResponse>();
	const server = http.createServer((req, res) => {
		const url = req.url ?? '/';
		const key = `${req.method} ${url}`;
		log.hits.set(key, (log.hits.get(key) ?? 0) + 1);
		log.requests.push(key);
		inFlight++;
		log.maxInFlight = Math.max(log.maxInFlight, inFlight);
		res.on('close', () => inFlight--);
		const send = (status: number, headers: Record<string, string> = {}) => {
			res.writeHead(status, headers);
			res.end(req.method === 'HEAD' ? undefined : 'body');
		};
		if (url === '/ok') return send(200);
		if (url === '/moved') return send(301, { location: '/ok' });
		if (url === '/loop-a') return send(302, { location: '/loop-b' });
		if (url === '/loop-b') return send(302, { location: '/loop-a' });
		if (url === '/forbidden') return send(403);
		if (url === '/gone') return send(404);
		if (url === '/no-head') return send(req.method === 'HEAD' ? 405 : 200);
		if (url === '/head-404') return send(req.method === 'HEAD' ? 404 : 200);
		if (url === '/busy') {
			if (!busyOnce.has(url)) {
				busyOnce.add(url);
				return send(429, { 'retry-after': '1' });
			}
			return send(200);
		}
		if (url === '/error') return send(500);
		if (url.startsWith('/to/')) return send(302, { location: decodeURIComponent(url.slice(4)) });
		if (url === '/secret-redirect') return send(302, { location: '/gone?password=pw-000&page=1' });
		const retry = /^\/retry-after\/(\d+)\//.exec(url);
		if (retry) return send(429, { 'retry-after': retry[1] });
		if (url === '/hang') {
			hanging.add(res);
			return undefined;
		}
		if (url.startsWith('/slow/')) {
			setTimeout(() => send(200), latencyMs);
			return undefined;
		}
		return send(404);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		base: `http://127.0.0.1:${port}`,
		port,
		log,
		close: () =>
			new Promise<void>((resolve) => {
				for (const r of hanging) r.destroy();
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

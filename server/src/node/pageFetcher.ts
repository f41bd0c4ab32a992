import type { FetchAnswer, PageFetcher } from '../core/audit/types';
import { loadUndici } from '../core/vendor';
import { checkedAgent, classify, flatHeaders, type AddressAccess } from './http';

const USER_AGENT = 'disclosure-lint audit (+https://github.com/disclosure-lint/disclosure-lint)';
const ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1';
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * The site crawler's {@link PageFetcher} over undici: one GET, no redirects followed, conditional
 * when the crawler has the page cached, at most `maxBytes` of a 2xx body read (the rest is not
 * downloaded), and the same address check as the link checker (docs/security.md#network): no
 * connection to loopback, private, link-local… addresses unless `access.allowPrivate`, checked after
 * DNS resolution on every connection, redirect hops included. Bodies of other answers are discarded.
 */
export function undiciPageFetcher(
	perHostConnections: number,
	access: AddressAccess,
	userAgent = USER_AGENT,
): { fetch: PageFetcher; close(): Promise<void> } {
	const { request } = loadUndici();
	const agent = checkedAgent(perHostConnections, CONNECT_TIMEOUT_MS, access);
	return {
		async fetch(url, options): Promise<FetchAnswer> {
			const headers: Record<string, string> = { 'user-agent': userAgent, accept: ACCEPT };
			if (options.etag) headers['if-none-match'] = options.etag;
			if (options.lastModified) headers['if-modified-since'] = options.lastModified;
			try {
				const res = await request(url, {
					method: 'GET',
					dispatcher: agent,
					headersTimeout: options.timeoutMs,
					bodyTimeout: options.timeoutMs,
					signal: AbortSignal.timeout(options.timeoutMs),
					headers,
				});
				const answer: FetchAnswer = { status: res.statusCode, headers: flatHeaders(res.headers) };
				if (res.statusCode < 200 || res.statusCode >= 300) {
					await res.body.dump();
					return answer;
				}
				const chunks: Uint8Array[] = [];
				let size = 0;
				for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
					const room = options.maxBytes - size;
					if (chunk.byteLength > room) {
						if (room > 0) chunks.push(chunk.subarray(0, room));
						size += Math.max(0, room);
						answer.truncated = true;
						break; // leaving the loop destroys the stream: the rest is never read
					}
					chunks.push(chunk);
					size += chunk.byteLength;
				}
				answer.body = new Uint8Array(Buffer.concat(chunks, size));
				return answer;
			} catch (err) {
				throw classify(err);
			}
		},
		close: () => agent.close(),
	};
}

import { Agent, request } from 'undici';
import { NetworkError, type HttpAnswer, type Requester } from '../core/links/external';

const USER_AGENT = 'disclosure-lint link checker (+https://github.com/disclosure-lint/disclosure-lint)';

/** A requester over undici: keep-alive connections, no redirects followed, body discarded. */
export function undiciRequester(perHostConnections: number, connectTimeoutMs = 10_000): { request: Requester; close(): Promise<void> } {
	const agent = new Agent({ connections: perHostConnections, keepAliveTimeout: 4_000, connect: { timeout: connectTimeoutMs } });
	return {
		async request(url, method, timeoutMs): Promise<HttpAnswer> {
			try {
				const res = await request(url, {
					method,
					dispatcher: agent,
					headersTimeout: timeoutMs,
					bodyTimeout: timeoutMs,
					signal: AbortSignal.timeout(timeoutMs),
					headers: { 'user-agent': USER_AGENT, accept: '*/*' },
				});
				await res.body.dump();
				const headers: Record<string, string | undefined> = {};
				for (const [k, v] of Object.entries(res.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v[0] : v;
				return { status: res.statusCode, headers };
			} catch (err) {
				throw classify(err);
			}
		},
		close: () => agent.close(),
	};
}

function classify(err: unknown): NetworkError {
	const e = err as { code?: string; name?: string; message?: string; cause?: { code?: string } };
	const code = e.code ?? e.cause?.code ?? '';
	if (code === 'ENOTFOUND' || code === 'EAI_NONAME') return new NetworkError('dns', 'DNS failure', { cause: err });
	if (code === 'ECONNREFUSED') return new NetworkError('refused', 'connection refused', { cause: err });
	if (e.name === 'TimeoutError' || e.name === 'AbortError' || /Timeout/i.test(code)) return new NetworkError('timeout', 'timeout', { cause: err });
	if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return new NetworkError('reset', 'connection reset', { cause: err });
	return new NetworkError('other', e.message ?? String(err), { cause: err });
}

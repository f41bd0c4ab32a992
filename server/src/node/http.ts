import * as dns from 'node:dns';
import * as net from 'node:net';
import type { buildConnector } from 'undici';
import { loadUndici } from '../core/vendor';
import { blockedAddress, blockedReason, type AddressKind } from '../core/links/address';
import { NetworkError, type HttpAnswer, type Requester } from '../core/links/external';

const USER_AGENT = 'disclosure-lint link checker (+https://github.com/disclosure-lint/disclosure-lint)';

/**
 * Decides per destination whether the checker may connect: the kind of address that keeps it from
 * being requested, or undefined. The default is {@link blockedAddress}; tests inject their own.
 */
export type AddressCheck = (address: string, port: number) => AddressKind | undefined;

/** Which addresses the requester may connect to (docs/security.md#network). */
export interface AddressAccess {
	/** Also loopback, private, link-local… addresses (config `links.allowPrivate`, `--links-allow-private`). Cloud metadata addresses stay refused. */
	allowPrivate?: boolean;
	/** Replaces the default check (tests). */
	check?: AddressCheck;
}

/** The connection was refused by the address check, before any packet was sent. */
export class BlockedAddressError extends Error {
	readonly code = 'ERR_DISCLOSURE_LINT_BLOCKED_ADDRESS';
	constructor(
		readonly kind: AddressKind,
		readonly address: string,
	) {
		super(blockedReason(kind, address));
	}
}

/**
 * A `lookup` for net/tls connect that resolves the host itself (every address, as `dns.lookup` gives
 * them) and hands back only the addresses the check allows: the socket connects to exactly what was
 * checked, so a second resolution (DNS rebinding) cannot slip a private address in.
 */
function checkedLookup(check: (address: string) => AddressKind | undefined): net.LookupFunction {
	return ((
		hostname: string,
		options: dns.LookupOptions,
		callback: (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void,
	) => {
		dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
			if (err) return callback(err, '');
			const allowed = addresses.filter((a) => !check(a.address));
			if (!allowed.length) {
				if (!addresses.length)
					return callback(
						Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }),
						'',
					);
				return callback(new BlockedAddressError(check(addresses[0].address)!, addresses[0].address), '');
			}
			if (options.all) return callback(null, allowed);
			return callback(null, allowed[0].address, allowed[0].family);
		});
	}) as net.LookupFunction;
}

/**
 * A connector that checks every destination before connecting: an IP literal directly (net skips the
 * lookup for those), a host name through {@link checkedLookup}. Used for every connection, so every
 * redirect hop is checked too.
 */
function checkedConnector(connectTimeoutMs: number, check: AddressCheck): buildConnector.connector {
	const byPort = new Map<number, buildConnector.connector>();
	return (opts, callback) => {
		const port = Number(opts.port) || (opts.protocol === 'https:' ? 443 : 80);
		const host = opts.hostname.replace(/^\[(.*)\]$/, '$1');
		if (net.isIP(host)) {
			const kind = check(host, port);
			if (kind) return callback(new BlockedAddressError(kind, host), null);
		}
		let connector = byPort.get(port);
		if (!connector)
			byPort.set(
				port,
				(connector = loadUndici().buildConnector({
					timeout: connectTimeoutMs,
					lookup: checkedLookup((a) => check(a, port)),
				})),
			);
		return connector(opts, callback);
	};
}

/**
 * An undici agent with keep-alive connections whose every destination passes the address check
 * (default: {@link blockedAddress}, widened by `allowPrivate`): the link checker's and the audit's.
 */
export function checkedAgent(
	perHostConnections: number,
	connectTimeoutMs: number,
	access: AddressAccess,
): InstanceType<ReturnType<typeof loadUndici>['Agent']> {
	const check: AddressCheck = access.check ?? ((address) => blockedAddress(address, access.allowPrivate));
	return new (loadUndici().Agent)({
		connections: perHostConnections,
		keepAliveTimeout: 4_000,
		connect: checkedConnector(connectTimeoutMs, check),
	});
}

/** Response headers with lower-case names, a repeated header by its first value. */
export function flatHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
	const headers: Record<string, string | undefined> = {};
	for (const [k, v] of Object.entries(raw)) headers[k.toLowerCase()] = Array.isArray(v) ? v[0] : v;
	return headers;
}

/**
 * A requester over undici: keep-alive connections, no redirects followed, body discarded, and by
 * default no connection to loopback, private, link-local or unspecified addresses (checked after DNS
 * resolution, for every request the checker makes, redirects included).
 */
export function undiciRequester(
	perHostConnections: number,
	connectTimeoutMs = 10_000,
	access: AddressAccess = {},
): { request: Requester; close(): Promise<void> } {
	const { request } = loadUndici();
	const agent = checkedAgent(perHostConnections, connectTimeoutMs, access);
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
				return { status: res.statusCode, headers: flatHeaders(res.headers) };
			} catch (err) {
				throw classify(err);
			}
		},
		close: () => agent.close(),
	};
}

export function classify(err: unknown): NetworkError {
	const e = err as { code?: string; name?: string; message?: string; cause?: { code?: string } };
	const blocked =
		err instanceof BlockedAddressError ? err : e.cause instanceof BlockedAddressError ? e.cause : undefined;
	if (blocked) return new NetworkError('blocked', blocked.message, { cause: err });
	const code = e.code ?? e.cause?.code ?? '';
	if (code === 'ENOTFOUND' || code === 'EAI_NONAME') return new NetworkError('dns', 'DNS failure', { cause: err });
	if (code === 'ECONNREFUSED') return new NetworkError('refused', 'connection refused', { cause: err });
	if (e.name === 'TimeoutError' || e.name === 'AbortError' || /Timeout/i.test(code))
		return new NetworkError('timeout', 'timeout', { cause: err });
	if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET')
		return new NetworkError('reset', 'connection reset', { cause: err });
	return new NetworkError('other', e.message ?? String(err), { cause: err });
}

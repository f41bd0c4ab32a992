import { redactText, redactUrl } from './redact';
import { checkKey, type Verdict } from './verdict';

/** An HTTP answer, as much as the checker needs. */
export interface HttpAnswer {
	status: number;
	headers: Record<string, string | undefined>;
}

/**
 * A network failure, classified. `blocked`: the requester refused to connect (a private, loopback,
 * link-local… address: docs/security.md#network); the message is the reason the link is reported with.
 */
export class NetworkError extends Error {
	constructor(
		readonly kind: 'dns' | 'refused' | 'timeout' | 'reset' | 'blocked' | 'other',
		message: string,
		options?: { cause?: unknown },
	) {
		super(message, options);
	}
}

/** Makes one request without following redirects; throws {@link NetworkError}. Injected (undici in Node). */
export type Requester = (url: string, method: 'HEAD' | 'GET', timeoutMs: number) => Promise<HttpAnswer>;

/** Settings of the external checker (config `links`). */
export interface CheckerOptions {
	concurrency: number;
	perHostConcurrency: number;
	retries: number;
	timeoutMs: number;
	maxRedirects: number;
	/** Longest Retry-After honoured; a longer one ends the check as unverified. */
	maxRetryAfterMs: number;
	/**
	 * Most time one URL spends waiting between attempts, Retry-After and backoff together: a wait that
	 * would go beyond it ends the check as unverified (config `links.maxWaitMs`).
	 */
	maxWaitMs: number;
	/** First backoff delay; doubles with each retry. */
	backoffMs: number;
}

/** The defaults: fast on a site's own server, polite everywhere (per-host limit, 429 slows a host down). */
export const DEFAULT_CHECKER_OPTIONS: CheckerOptions = {
	concurrency: 32,
	perHostConcurrency: 16,
	retries: 2,
	timeoutMs: 10_000,
	maxRedirects: 5,
	maxRetryAfterMs: 30_000,
	maxWaitMs: 30_000,
	backoffMs: 500,
};

/** A counting semaphore whose limit can be lowered while held (a host that answers 429); the crawler shares it. */
export class Gate {
	private waiting: (() => void)[] = [];
	active = 0;

	constructor(public limit: number) {}

	async acquire(): Promise<void> {
		if (this.active < this.limit) {
			this.active++;
			return;
		}
		await new Promise<void>((resolve) => this.waiting.push(resolve));
	}

	/** Hand the slot to a waiter if the (possibly lowered) limit allows it, else free it. */
	release(): void {
		if (this.waiting.length && this.active <= this.limit) this.waiting.shift()!();
		else this.active--;
	}
}

/** Parse Retry-After (seconds or an HTTP date) into milliseconds from now. */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
	if (!value) return undefined;
	if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
	const t = Date.parse(value);
	return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

/**
 * Checks external URLs: each once however many pages cite it; HEAD, then GET where HEAD is refused;
 * redirects followed up to a limit with loop detection; retries with backoff that honour
 * Retry-After; a global and a per-host limit, and a host that answers 429 is slowed to one request
 * at a time. Verdicts follow docs/architecture.md#link-checking: dead (404/410, DNS failure, refused), unverified
 * (401/403/429/5xx, timeout after retries), ok.
 */
export class ExternalChecker {
	private readonly global: Gate;
	private readonly hosts = new Map<string, Gate>();
	private readonly inflight = new Map<string, Promise<Verdict>>();

	constructor(
		private readonly request: Requester,
		private readonly options: CheckerOptions = DEFAULT_CHECKER_OPTIONS,
		private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
		private readonly now: () => number = () => Date.now(),
	) {
		this.global = new Gate(options.concurrency);
	}

	/** Check URLs; `onDone` reports progress. Resolves with a verdict per checked URL (fragments dropped). */
	async checkAll(
		urls: Iterable<string>,
		onDone?: (done: number, total: number) => void,
	): Promise<Map<string, Verdict>> {
		const unique = [...new Set([...urls].map(checkKey))];
		let done = 0;
		const results = await Promise.all(
			unique.map(async (u) => {
				const v = await this.check(u);
				onDone?.(++done, unique.length);
				return [u, v] as const;
			}),
		);
		// Every host failing to resolve means no network here, not that every link is dead.
		if (results.length > 1 && results.every(([, v]) => v.reason === 'DNS failure')) {
			return new Map(
				results.map(([u, v]) => [
					u,
					{ ...v, state: 'unverified', reason: 'DNS failure for every host (no network?)' },
				]),
			);
		}
		return new Map(results);
	}

	/** Check one URL (shared when several callers ask at once). */
	check(url: string): Promise<Verdict> {
		const key = checkKey(url);
		let p = this.inflight.get(key);
		if (!p) {
			p = this.run(key);
			this.inflight.set(key, p);
		}
		return p;
	}

	private gateFor(host: string): Gate {
		let g = this.hosts.get(host);
		if (!g) {
			g = new Gate(this.options.perHostConcurrency);
			this.hosts.set(host, g);
		}
		return g;
	}

	/**
	 * Attempts with waits between them. The waits of one URL add up to at most `maxWaitMs`; they hold
	 * no slot, so the URLs of a host that asks everyone to wait wait side by side, not one after another.
	 */
	private async run(url: string): Promise<Verdict> {
		let last: Verdict = { state: 'unverified', reason: 'not checked' };
		let waited = 0;
		for (let attempt = 0; attempt <= this.options.retries; attempt++) {
			const { verdict, retryAfter } = await this.follow(url);
			last = verdict;
			if (verdict.state !== 'unverified' || retryAfter === 'final') return verdict;
			if (attempt === this.options.retries) break;
			const budget = Math.max(0, this.options.maxWaitMs - waited);
			if (retryAfter !== undefined && (retryAfter > this.options.maxRetryAfterMs || retryAfter > budget))
				return { ...verdict, reason: `${verdict.reason}, Retry-After too long` };
			if (retryAfter === undefined && budget <= 0) break; // the wait budget is spent: no more retries
			const wait =
				retryAfter ?? Math.min(this.options.backoffMs * 2 ** attempt, this.options.maxRetryAfterMs, budget);
			waited += wait;
			await this.sleep(wait);
		}
		return last;
	}

	/** One attempt: redirects followed. `retryAfter`: ms to wait before retrying, 'final' when a retry cannot help. */
	private async follow(start: string): Promise<{ verdict: Verdict; retryAfter?: number | 'final' }> {
		const seen = new Set([start]);
		let url = start;
		for (let hop = 0; ; hop++) {
			let answer: HttpAnswer;
			try {
				answer = await this.send(url);
			} catch (err) {
				const e = err instanceof NetworkError ? err : new NetworkError('other', String(err));
				if (e.kind === 'dns') return { verdict: { state: 'dead', reason: 'DNS failure' }, retryAfter: 'final' };
				if (e.kind === 'refused')
					return { verdict: { state: 'dead', reason: 'connection refused' }, retryAfter: 'final' };
				if (e.kind === 'blocked')
					return {
						verdict: {
							state: 'unverified',
							reason: e.message,
							...(url !== start && { finalUrl: redactUrl(url) }),
						},
						retryAfter: 'final',
					};
				return {
					verdict: { state: 'unverified', reason: e.kind === 'timeout' ? 'timeout' : redactText(e.message) },
				};
			}
			const s = answer.status;
			if (s >= 300 && s < 400 && answer.headers.location) {
				let next: string;
				try {
					next = new URL(answer.headers.location, url).href;
				} catch {
					return {
						verdict: {
							state: 'dead',
							status: s,
							reason: `bad redirect to ${redactText(answer.headers.location)}`,
						},
						retryAfter: 'final',
					};
				}
				if (seen.has(next))
					return {
						verdict: { state: 'dead', status: s, reason: 'redirect loop', finalUrl: redactUrl(next) },
						retryAfter: 'final',
					};
				if (hop >= this.options.maxRedirects)
					return {
						verdict: {
							state: 'dead',
							status: s,
							reason: `more than ${this.options.maxRedirects} redirects`,
							finalUrl: redactUrl(next),
						},
						retryAfter: 'final',
					};
				seen.add(next);
				url = next;
				continue;
			}
			const finalUrl = url === start ? undefined : redactUrl(url);
			if (s >= 200 && s < 300) return { verdict: { state: 'ok', status: s, reason: String(s), finalUrl } };
			if (s === 404 || s === 410)
				return { verdict: { state: 'dead', status: s, reason: String(s), finalUrl }, retryAfter: 'final' };
			if (s === 429) {
				this.gateFor(new URL(url).host).limit = 1;
				return {
					verdict: { state: 'unverified', status: s, reason: '429 Too Many Requests', finalUrl },
					retryAfter: retryAfterMs(answer.headers['retry-after'], this.now()),
				};
			}
			if (s >= 500)
				return {
					verdict: { state: 'unverified', status: s, reason: String(s), finalUrl },
					retryAfter: retryAfterMs(answer.headers['retry-after'], this.now()),
				};
			return { verdict: { state: 'unverified', status: s, reason: String(s), finalUrl }, retryAfter: 'final' };
		}
	}

	/** HEAD, and GET when the server does not allow HEAD. */
	private async send(url: string): Promise<HttpAnswer> {
		const host = new URL(url).host;
		const gate = this.gateFor(host);
		// The host's slot first: requests waiting for a busy host must not hold slots other hosts could use.
		await gate.acquire();
		await this.global.acquire();
		try {
			const head = await this.request(url, 'HEAD', this.options.timeoutMs);
			// Many servers answer HEAD wrongly (405, 403, even 404): a failed HEAD is confirmed with GET,
			// except 429, which asks us to slow down, not to ask again at once.
			if (head.status < 400 || head.status === 429) return head;
			return await this.request(url, 'GET', this.options.timeoutMs);
		} finally {
			gate.release();
			this.global.release();
		}
	}
}

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { addressKind, blockedAddress } from '../../server/src/core/links/address';
import { DEFAULT_CHECKER_OPTIONS, ExternalChecker, NetworkError } from '../../server/src/core/links/external';
import { redactText, redactUrl } from '../../server/src/core/links/redact';
import { localizedReason } from '../../server/src/core/links/verdict';
import { undiciRequester, type AddressCheck } from '../../server/src/node/http';
import { CLOCK_SKEW_MS, LinkCache } from '../../server/src/node/linkCache';
import { OnlineLinks } from '../../server/src/node/onlineLinks';
import { parseCliArgs } from '../../server/src/cli/args';
import { startLinkServer } from '../helpers/httpServer';
import { runMain } from '../helpers/cli';
import { webLinksHead } from '../helpers/pages';
import { tmpDir } from '../helpers/tmp';

type LinkServer = Awaited<ReturnType<typeof startLinkServer>>;
interface JsonReport {
	filePath: string;
	messages: { ruleId: string; line: number; message: string }[];
}

/** A folder with `page.md` citing `links` (one per line from line 15) and, when given, a config. */
function site(links: string[], config?: unknown): string {
	const dir = tmpDir('dl-links-sec-');
	fs.writeFileSync(
		path.join(dir, 'page.md'),
		[...webLinksHead(), ...links.map((l, i) => `- [ลิงก์ ${i + 1}](${l})`), ''].join('\n'),
	);
	if (config !== undefined) fs.writeFileSync(path.join(dir, '.disclosurelintrc.json'), JSON.stringify(config));
	return dir;
}

async function lintJson(
	dir: string,
	extra: string[] = [],
): Promise<{ code: number; messages: JsonReport['messages']; stdout: string }> {
	const r = await runMain(['--links', 'online', '--format', 'json', ...extra, 'page.md'], dir);
	const json = r.stdout ? (JSON.parse(r.stdout) as JsonReport[]) : [];
	// Only the online rules (a web-links page without the GWS link also gets link-required-missing).
	return {
		code: r.code,
		messages: (json[0]?.messages ?? []).filter((m) => m.ruleId.startsWith('link-external-')),
		stdout: r.stdout,
	};
}

const enc = encodeURIComponent;

describe('addresses the online checker refuses', () => {
	it('classifies loopback, private, shared, link-local, unspecified and metadata addresses, IPv4 embedded in IPv6 too', () => {
		const cases: [string, string | undefined][] = [
			['127.0.0.1', 'loopback'],
			['127.8.9.10', 'loopback'],
			['::1', 'loopback'],
			['::ffff:127.0.0.1', 'loopback'],
			['::ffff:7f00:1', 'loopback'],
			['10.0.0.1', 'private'],
			['172.16.0.1', 'private'],
			['172.31.255.255', 'private'],
			['192.168.1.1', 'private'],
			['fc00::1', 'private'],
			['fd12:3456::1', 'private'],
			['100.64.0.1', 'shared'],
			['100.127.255.255', 'shared'],
			['169.254.1.1', 'link-local'],
			['fe80::1', 'link-local'],
			['fe80::1%eth0', 'link-local'],
			['0.0.0.0', 'unspecified'],
			['::', 'unspecified'],
			['169.254.169.254', 'metadata'],
			['::ffff:169.254.169.254', 'metadata'],
			['fd00:ec2::254', 'metadata'],
			['64:ff9b::10.0.0.1', 'private'],
			['2002:c0a8:0101::1', 'private'],
			['224.0.0.1', 'multicast'],
			['255.255.255.255', 'reserved'],
			['8.8.8.8', undefined],
			['172.32.0.1', undefined],
			['100.128.0.1', undefined],
			['203.113.1.1', undefined],
			['2001:4860:4860::8888', undefined],
			['2404:6800::1', undefined],
			['not an address', 'reserved'],
		];
		assert.deepEqual(
			cases.map(([a]) => [a, addressKind(a)]),
			cases,
		);
		assert.equal(blockedAddress('127.0.0.1', true), undefined, 'allowPrivate lets loopback through');
		assert.equal(blockedAddress('169.254.169.254', true), 'metadata', 'but never the metadata address');
	});

	it('has a flag for the CLI', () => {
		assert.equal(parseCliArgs(['--links-allow-private']).linksAllowPrivate, true);
		assert.equal(parseCliArgs([]).linksAllowPrivate, false);
	});
});

describe('online links: no request to private addresses unless allowed (real servers on 127.0.0.1)', function () {
	this.timeout(30_000);
	let server: LinkServer;
	let other: LinkServer;
	before(async () => {
		server = await startLinkServer();
		other = await startLinkServer();
	});
	after(async () => {
		await server.close();
		await other.close();
	});

	it('reports a link to 127.0.0.1, localhost or [::1] as unverified with the reason, in English and Thai, and sends the server nothing', async () => {
		const dir = site([
			`${server.base}/ok`,
			`http://localhost:${server.port}/gone`,
			`http://[::1]:${server.port}/ok`,
			`http://0x7f.1:${server.port}/ok`,
		]);
		const before = server.log.requests.length;
		const en = await lintJson(dir);
		assert.deepEqual(
			en.messages.map((m) => `${m.line}:${m.ruleId}`),
			[
				'15:link-external-unverified',
				'16:link-external-unverified',
				'17:link-external-unverified',
				'18:link-external-unverified',
			],
		);
		for (const m of en.messages)
			assert.match(
				m.message,
				/private address, not requested \(loopback (127\.0\.0\.1|::1); links\.allowPrivate allows it\)/,
			);
		const th = await lintJson(dir, ['--locale', 'th']);
		assert.match(
			th.messages[0].message,
			/ที่อยู่ในเครือข่ายภายใน ไม่ได้ส่งคำขอ \(loopback 127\.0\.0\.1; อนุญาตได้ด้วย links\.allowPrivate\)/,
		);
		assert.deepEqual(server.log.requests.slice(before), [], 'the server got no request');
	});

	it('requests them with --links-allow-private or links.allowPrivate', async () => {
		const links = [`${server.base}/ok`, `http://localhost:${server.port}/gone`];
		for (const [dir, extra] of [
			[site(links), ['--links-allow-private']],
			[site(links, { links: { allowPrivate: true } }), []],
		] as const) {
			const before = server.log.requests.length;
			const r = await lintJson(dir, [...extra]);
			assert.deepEqual(
				r.messages.map((m) => `${m.line}:${m.ruleId}`),
				['16:link-external-dead'],
			);
			assert.deepEqual(server.log.requests.slice(before).sort(), ['HEAD /gone', 'GET /gone', 'HEAD /ok'].sort());
		}
	});

	it('does not follow a redirect from a public host to loopback, by address or by name, at any hop', async () => {
		// The test makes `server` public (its port); `other` is a loopback service that must see nothing.
		const check: AddressCheck = (address, port) => (port === server.port ? undefined : blockedAddress(address));
		const urls = [
			`${server.base}/to/${enc(`${other.base}/ok`)}`,
			`${server.base}/to/${enc(`http://localhost:${other.port}/ok`)}`,
			`${server.base}/to/${enc(`${server.base}/to/${enc(`${other.base}/ok`)}`)}`, // the second hop
			`${server.base}/moved`, // control: a redirect within the public host is followed
		];
		const dir = tmpDir('dl-links-redirect-');
		const verdicts = await new OnlineLinks({ cacheFile: path.join(dir, 'links.json') }, dir, { check }).check(urls);
		const got = urls.map((u) => verdicts.get(u)!);
		assert.deepEqual(
			got.map((v) => v.state),
			['unverified', 'unverified', 'unverified', 'ok'],
		);
		for (const v of got.slice(0, 3))
			assert.match(v.reason, /^private address, not requested \(loopback 127\.0\.0\.1; /);
		assert.equal(got[0].finalUrl, `${other.base}/ok`);
		assert.equal(got[1].finalUrl, `http://localhost:${other.port}/ok`);
		assert.deepEqual(other.log.requests, [], 'the loopback service got no request');
		assert.ok(server.log.requests.includes(`HEAD /to/${enc(`${other.base}/ok`)}`), 'the public host was asked');
	});

	it('never requests the cloud metadata address, not even with --links-allow-private', async () => {
		const hosts: string[] = [];
		const proto = net.Socket.prototype as unknown as { connect: (...args: unknown[]) => unknown };
		const original = proto.connect;
		proto.connect = function (this: net.Socket, ...args: unknown[]) {
			const first = args[0] as { host?: string } | unknown[] | undefined;
			const opts = Array.isArray(first) ? (first[0] as { host?: string }) : first;
			hosts.push(String(opts?.host ?? args[1] ?? ''));
			return original.apply(this, args);
		};
		try {
			const links = [
				'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
				'http://[::ffff:169.254.169.254]/latest/',
				'http://[fd00:ec2::254]/latest/',
				`${server.base}/ok`,
			];
			for (const extra of [[], ['--links-allow-private']]) {
				const r = await lintJson(site(links), extra);
				const metadata = r.messages.filter((m) => /cloud metadata address, never requested/.test(m.message));
				assert.deepEqual(
					metadata.map((m) => `${m.line}:${m.ruleId}`),
					['15:link-external-unverified', '16:link-external-unverified', '17:link-external-unverified'],
					extra.join(' '),
				);
			}
			assert.ok(hosts.includes('127.0.0.1'), 'the spy sees connections (the allowed one)');
			assert.deepEqual(
				hosts.filter((h) => /169\.254|fd00:ec2|a9fe/i.test(h)),
				[],
				'no connection to the metadata address was attempted',
			);
		} finally {
			proto.connect = original;
		}
	});
});

describe('secrets in URLs are redacted', function () {
	this.timeout(30_000);
	let server: LinkServer;
	before(async () => {
		server = await startLinkServer();
	});
	after(() => server.close());

	it('replaces credentials and secret-looking parameter values by ***, keeping the rest as written', () => {
		const cases: [string, string][] = [
			['https://user:pass@www.example.go.th/a', 'https://***@www.example.go.th/a'],
			['https://token@api.example.go.th/', 'https://***@api.example.go.th/'],
			[
				'https://www.example.go.th/file.pdf?TOKEN=abc&page=2&Api_Key=k&apikey=z&secret=s&password=p&pass=q&sig=1&signature=2&access_token=t&auth=a&key=v',
				'https://www.example.go.th/file.pdf?TOKEN=***&page=2&Api_Key=***&apikey=***&secret=***&password=***&pass=***&sig=***&signature=***&access_token=***&auth=***&key=***',
			],
			[
				'https://s3.example.com/x?X-Amz-Signature=abc&client_secret=d&keyword=ภาษีที่ดิน&monkey=1',
				'https://s3.example.com/x?X-Amz-Signature=***&client_secret=***&keyword=ภาษีที่ดิน&monkey=1',
			],
			[
				'https://app.example.go.th/cb#access_token=abc&state=1',
				'https://app.example.go.th/cb#access_token=***&state=1',
			],
			['https://www.example.go.th/a?b=c#section-2', 'https://www.example.go.th/a?b=c#section-2'],
			['https://www.example.go.th/?token=', 'https://www.example.go.th/?token='],
			['https://www.example.go.th/user@home?q=a@b', 'https://www.example.go.th/user@home?q=a@b'],
		];
		assert.deepEqual(
			cases.map(([u]) => [u, redactUrl(u)]),
			cases,
		);
		assert.equal(
			redactText('bad redirect to http://a:b@x.test/?sig=1 now'),
			'bad redirect to http://***@x.test/?sig=*** now',
		);
		assert.deepEqual(localizedReason('bad redirect to https://x.test/?key=1'), {
			th: 'bad redirect to https://x.test/?key=***',
			en: 'bad redirect to https://x.test/?key=***',
		});
	});

	it('in every message, the JSON and SARIF output and the keys of links.json, which only its owner can read', async () => {
		const secrets = ['alice', 's3cr3t-pw', 'tok-123', 'key-456', 'pw-000'];
		const dir = site(
			[
				`http://alice:s3cr3t-pw@127.0.0.1:${server.port}/gone?token=tok-123&page=2`,
				`${server.base}/gone?API_KEY=key-456`,
				`${server.base}/secret-redirect`,
				`${server.base}/ok?sig=tok-123`,
			],
			{ links: { allowPrivate: true } },
		);
		const json = await lintJson(dir);
		assert.deepEqual(
			json.messages.map((m) => `${m.line}:${m.ruleId}`),
			['15:link-external-dead', '16:link-external-dead', '17:link-external-dead', '18:link-external-dead'],
		);
		assert.match(
			json.messages[0].message,
			new RegExp(`"http://\\*\\*\\*@127\\.0\\.0\\.1:${server.port}/gone\\?token=\\*\\*\\*&page=2"`),
		);
		assert.match(json.messages[1].message, /\/gone\?API_KEY=\*\*\*"/);
		const sarif = await runMain(['--links', 'online', '--format', 'sarif', 'page.md'], dir);
		const stylishTh = await runMain(['--links', 'online', '--locale', 'th', 'page.md'], dir);
		assert.match(sarif.stdout, /gone\?token=\*\*\*&page=2/);
		const cacheFile = path.join(dir, '.disclosurelintcache', 'links.json');
		const cacheText = fs.readFileSync(cacheFile, 'utf8');
		for (const [what, text] of [
			['json', json.stdout],
			['sarif', sarif.stdout],
			['stylish', stylishTh.stdout + stylishTh.stderr],
			['links.json', cacheText],
		]) {
			for (const s of secrets) assert.ok(!text.includes(s), `${what} shows ${s}`);
		}
		const cache = JSON.parse(cacheText) as { entries: Record<string, { state: string; finalUrl?: string }> };
		assert.equal(cache.entries[`http://***@127.0.0.1:${server.port}/gone?token=***&page=2`].state, 'dead');
		assert.equal(cache.entries[`${server.base}/gone?API_KEY=***`].state, 'dead');
		assert.equal(
			cache.entries[`${server.base}/secret-redirect`].finalUrl,
			`${server.base}/gone?password=***&page=1`,
			'the redirect target is redacted',
		);
		if (process.platform !== 'win32') assert.equal(fs.statSync(cacheFile).mode & 0o777, 0o600);
	});
});

describe('link cache: only entries of the right shape and not from the future', function () {
	this.timeout(30_000);
	const NOW = Date.UTC(2026, 10, 27, 3, 0, 0);
	const HOUR = 3_600_000;

	function cacheWith(entries: unknown): string {
		const file = path.join(tmpDir('dl-links-cache-'), 'links.json');
		fs.writeFileSync(file, JSON.stringify({ version: 1, entries }));
		return file;
	}

	it('ignores an entry checked in the future beyond the clock skew, and entries of the wrong shape', () => {
		const file = cacheWith({
			'https://a.test/recent': { state: 'ok', status: 200, reason: '200', checkedAt: NOW - HOUR },
			'https://a.test/skew': { state: 'dead', status: 404, reason: '404', checkedAt: NOW + CLOCK_SKEW_MS - 1000 },
			'https://a.test/future': { state: 'ok', status: 200, reason: '200', checkedAt: NOW + 365 * 24 * HOUR },
			'https://a.test/far-future': { state: 'ok', reason: '200', checkedAt: 8.64e15 },
			'https://a.test/state': { state: 'fine', reason: '200', checkedAt: NOW },
			'https://a.test/no-reason': { state: 'ok', checkedAt: NOW },
			'https://a.test/string-time': { state: 'ok', reason: '200', checkedAt: String(NOW) },
			'https://a.test/status': { state: 'ok', reason: '200', status: 'ok', checkedAt: NOW },
			'https://a.test/final': { state: 'ok', reason: '200', finalUrl: 42, checkedAt: NOW },
			'https://a.test/array': ['ok'],
			'https://a.test/null': null,
			'https://a.test/?token=leaked': { state: 'ok', reason: '200', checkedAt: NOW },
		});
		const cache = new LinkCache(file, 24, () => NOW);
		const kept = ['recent', 'skew'];
		for (const p of [
			'recent',
			'skew',
			'future',
			'far-future',
			'state',
			'no-reason',
			'string-time',
			'status',
			'final',
			'array',
			'null',
		]) {
			assert.equal(cache.get(`https://a.test/${p}`) !== undefined, kept.includes(p), p);
		}
		assert.equal(cache.get('https://a.test/?token=leaked'), undefined, 'a key holding a secret is not trusted');
		cache.set(new Map());
		cache.save();
		assert.deepEqual(Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')).entries).sort(), [
			'https://a.test/recent',
			'https://a.test/skew',
		]);
		for (const bad of [[], { version: 1, entries: [] }, { version: 1, entries: null }, 'x']) {
			fs.writeFileSync(file, JSON.stringify(bad));
			assert.equal(new LinkCache(file, 24, () => NOW).get('https://a.test/recent'), undefined);
		}
	});

	it('checks a URL again when its cached ok verdict is dated in the future (a restored or committed cache)', async () => {
		const server = await startLinkServer();
		try {
			const dir = site([`${server.base}/gone`], { links: { allowPrivate: true } });
			fs.mkdirSync(path.join(dir, '.disclosurelintcache'));
			const far = Date.now() + 10 * 365 * 24 * HOUR;
			fs.writeFileSync(
				path.join(dir, '.disclosurelintcache', 'links.json'),
				JSON.stringify({
					version: 1,
					entries: { [`${server.base}/gone`]: { state: 'ok', status: 200, reason: '200', checkedAt: far } },
				}),
			);
			const r = await lintJson(dir);
			assert.deepEqual(
				r.messages.map((m) => `${m.line}:${m.ruleId}`),
				['15:link-external-dead'],
			);
			assert.equal(server.log.hits.get('HEAD /gone'), 1);
			const entry = JSON.parse(fs.readFileSync(path.join(dir, '.disclosurelintcache', 'links.json'), 'utf8'))
				.entries[`${server.base}/gone`];
			assert.equal(entry.state, 'dead');
			assert.ok(entry.checkedAt <= Date.now());
		} finally {
			await server.close();
		}
	});
});

describe('waiting: a total cap per URL for Retry-After and backoff (a real server on 127.0.0.1)', function () {
	this.timeout(30_000);
	let server: LinkServer;
	before(async () => {
		server = await startLinkServer();
	});
	after(() => server.close());

	it('Retry-After: 29 on every answer: each of 4 URLs waits once (29 of its 30 s), and the 4 wait side by side', async () => {
		const N = 4;
		const waits: number[] = [];
		let pending = 0;
		let maxPending = 0;
		const release: (() => void)[] = [];
		// Fake time: a wait resolves as soon as every URL is waiting (they wait side by side), or after
		// 3 s of real time if they never all wait at once (they would be waiting one after another).
		const sleep = (ms: number): Promise<void> =>
			new Promise((resolve) => {
				waits.push(ms);
				maxPending = Math.max(maxPending, ++pending);
				const timer = setTimeout(done, 3_000);
				function done(): void {
					clearTimeout(timer);
					pending--;
					resolve();
				}
				release.push(done);
				if (pending === N) for (const r of release.splice(0)) r();
			});
		const http = undiciRequester(16, undefined, { allowPrivate: true });
		try {
			const urls = Array.from({ length: N }, (_, i) => `${server.base}/retry-after/29/${i}`);
			const before = server.log.requests.length;
			const verdicts = await new ExternalChecker(http.request, DEFAULT_CHECKER_OPTIONS, sleep).checkAll(urls);
			assert.deepEqual(
				[...verdicts.values()].map((v) => `${v.state} ${v.reason}`),
				Array(N).fill('unverified 429 Too Many Requests, Retry-After too long'),
			);
			assert.deepEqual(waits, Array(N).fill(29_000), 'one wait each: a second 29 s would pass the 30 s cap');
			assert.equal(maxPending, N, 'the URLs waited side by side');
			assert.equal(server.log.requests.length - before, 2 * N, 'two requests per URL');
		} finally {
			await http.close();
		}
	});

	it('backoff counts too: the waits of one URL never add up to more than links.maxWaitMs', async () => {
		const waits: number[] = [];
		const request = async (): Promise<never> => {
			throw new NetworkError('timeout', 'timeout');
		};
		const checker = new ExternalChecker(
			request,
			{ ...DEFAULT_CHECKER_OPTIONS, retries: 10, maxWaitMs: 5_000 },
			async (ms) => {
				waits.push(ms);
			},
		);
		const v = await checker.check('https://slow.example/');
		assert.equal(v.state, 'unverified');
		assert.deepEqual(waits, [500, 1000, 2000, 1500], 'the last wait is cut to what is left; then no more retries');
		assert.ok(waits.reduce((a, b) => a + b, 0) <= 5_000);
	});

	it('in the CLI, 8 URLs of a host that always asks to wait 1 s take about a second, not 8', async () => {
		const N = 8;
		const dir = site(
			Array.from({ length: N }, (_, i) => `${server.base}/retry-after/1/cli-${i}`),
			{ links: { allowPrivate: true, retries: 3, maxWaitMs: 1500 } },
		);
		const before = server.log.requests.length;
		const started = Date.now();
		const r = await lintJson(dir);
		const took = Date.now() - started;
		assert.deepEqual(
			r.messages.map((m) => `${m.line}:${m.ruleId}`),
			Array.from({ length: N }, (_, i) => `${15 + i}:link-external-unverified`),
		);
		for (const m of r.messages) assert.match(m.message, /429 Too Many Requests, Retry-After too long/);
		assert.equal(
			server.log.requests.length - before,
			2 * N,
			'each URL: a request, a 1 s wait, a request, then the next 1 s would pass the cap',
		);
		assert.ok(took < 6_000, `took ${took} ms`);
	});
});

describe('secrets in URLs are redacted in the local link rules too', () => {
	it('link-malformed and link-file-missing show *** for credentials and secret values', async () => {
		const dir = site([
			'www.example.go.th/form?token=leak-1',
			'files/form.pdf?sig=leak-2',
			'https://user:leak-3@-bad-.go.th..x/?key=leak-4',
		]);
		const r = await runMain(['--format', 'json', 'page.md'], dir);
		const messages = (JSON.parse(r.stdout) as JsonReport[])[0].messages.filter((m) => m.line >= 15);
		assert.deepEqual(
			messages.map((m) => `${m.line}:${m.ruleId}`),
			['15:link-malformed', '16:link-file-missing', '17:link-malformed'],
		);
		assert.ok(
			messages.every((m) => m.message.includes('***')),
			JSON.stringify(messages),
		);
		for (const s of ['leak-1', 'leak-2', 'leak-3', 'leak-4']) assert.ok(!r.stdout.includes(s), s);
	});
});

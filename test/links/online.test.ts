import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { tmpDir } from '../helpers/tmp';
import * as path from 'node:path';
import { ExternalChecker, DEFAULT_CHECKER_OPTIONS } from '../../server/src/core/links/external';
import { undiciRequester } from '../../server/src/node/http';
import { startLinkServer } from '../helpers/httpServer';
import { runMain } from '../helpers/cli';
import { webLinksHead } from '../helpers/pages';

const FRONT = webLinksHead();

async function lintOnline(cwd: string): Promise<{
	code: number;
	json: { filePath: string; messages: { ruleId: string; line: number; message: string }[] }[];
	stderr: string;
}> {
	const r = await runMain(['--links', 'online', '--format', 'json', 'page.md'], cwd);
	return { code: r.code, json: r.stdout ? JSON.parse(r.stdout) : [], stderr: r.stderr };
}

// The server is on 127.0.0.1, which the checker refuses unless allowed (docs/security.md#network).
describe('external links (a real server on 127.0.0.1)', function () {
	this.timeout(30_000);
	let server: Awaited<ReturnType<typeof startLinkServer>>;
	before(async () => {
		server = await startLinkServer();
	});
	after(async () => {
		await server.close();
	});

	it('gives each kind of answer its verdict by rule id and line, checks each URL once, and caches ok and dead results', async () => {
		const b = server.base;
		const body = [
			`- [มาตรฐานเว็บไซต์ภาครัฐ](${b}/ok)`, // 15
			`- [ย้ายแล้ว](${b}/moved)`, // 16
			`- [วนซ้ำ](${b}/loop-a)`, // 17
			`- [ห้ามเข้า](${b}/forbidden)`, // 18
			`- [ไม่มีแล้ว](${b}/gone)`, // 19
			`- [ไม่รับ HEAD](${b}/no-head)`, // 20
			`- [ยุ่งอยู่](${b}/busy)`, // 21
			`- [ผิดพลาด](${b}/error)`, // 22
			`- [ไม่ตอบ](${b}/hang)`, // 23
			`- [ซ้ำอีกครั้ง](${b}/ok#section)`, // 24
			`- [ปิดการตรวจ](${b}/gone) <!-- disclosure-lint-disable-line link-external-dead -- ลิงก์เก่าที่ต้นทางแจ้งว่าจะกลับมา -->`, // 25
			`- [HEAD ผิด](${b}/head-404)`, // 26: 404 to HEAD, 200 to GET: alive
			`- ลิงก์ที่พิมพ์ไว้เฉย ๆ ${b}/gone.`, // 27: a bare URL is checked too (the full stop is not part of it)
		];
		const dir = tmpDir('dl-online-');
		fs.writeFileSync(path.join(dir, 'page.md'), [...FRONT, ...body, ''].join('\n'));
		fs.writeFileSync(
			path.join(dir, '.disclosurelintrc.json'),
			JSON.stringify({
				links: { timeoutMs: 400, retries: 1, cacheFile: 'cache/links.json', allowPrivate: true },
			}),
		);
		const first = await lintOnline(dir);
		assert.equal(first.code, 1);
		const got = first.json[0].messages.map((m) => `${m.line}:${m.ruleId}`);
		assert.deepEqual(got, [
			'17:link-external-dead',
			'18:link-external-unverified',
			'19:link-external-dead',
			'22:link-external-unverified',
			'23:link-external-unverified',
			'27:link-external-dead',
		]);
		assert.match(first.json[0].messages[0].message, /redirect loop/);
		assert.match(first.json[0].messages[4].message, /timeout/);
		const hits = (p: string) => (server.log.hits.get(`HEAD ${p}`) ?? 0) + (server.log.hits.get(`GET ${p}`) ?? 0);
		assert.equal(server.log.hits.get('HEAD /ok'), 2, '/ok: once for itself, once at the end of /moved');
		assert.equal(server.log.hits.get('GET /no-head'), 1);
		assert.equal(hits('/busy'), 2, '429 then, after Retry-After, 200');
		assert.equal(hits('/error'), 4, 'a 500 to HEAD is confirmed with GET, and retried once');
		assert.equal(server.log.hits.get('GET /head-404'), 1);
		const cached = ['/ok', '/moved', '/loop-a', '/gone', '/no-head', '/busy'];
		const before = new Map(cached.map((p) => [p, hits(p)]));
		const unverified = hits('/forbidden') + hits('/error');

		const second = await lintOnline(dir);
		assert.deepEqual(
			second.json[0].messages.map((m) => `${m.line}:${m.ruleId}`),
			got,
		);
		for (const p of cached) assert.equal(hits(p), before.get(p), `${p} came from the cache`);
		assert.ok(hits('/forbidden') + hits('/error') > unverified, 'unverified URLs are checked again');
		const cache = JSON.parse(fs.readFileSync(path.join(dir, 'cache/links.json'), 'utf8'));
		assert.equal(cache.version, 1);
		assert.equal(cache.entries[`${server.base}/gone`].state, 'dead');
	});

	it('keeps to the per-host limit', async () => {
		const http = undiciRequester(4, undefined, { allowPrivate: true });
		const checker = new ExternalChecker(http.request, { ...DEFAULT_CHECKER_OPTIONS, perHostConcurrency: 4 });
		server.log.maxInFlight = 0;
		const verdicts = await checker.checkAll(Array.from({ length: 40 }, (_, i) => `${server.base}/slow/${i}`));
		await http.close();
		assert.equal([...verdicts.values()].filter((v) => v.state === 'ok').length, 40);
		assert.equal(server.log.maxInFlight, 4);
	});
});

import { strict as assert } from 'node:assert';
import { createSlugger } from '../../server/src/core/links/slugger';
import { anchorsOf } from '../../server/src/core/links/anchors';
import { parseDocument } from '../../server/src/core/parse/document';
import { bodyLinks } from '../../server/src/core/body/links';
import {
	ExternalChecker,
	DEFAULT_CHECKER_OPTIONS,
	NetworkError,
	retryAfterMs,
	type HttpAnswer,
} from '../../server/src/core/links/external';

describe('anchors and slug profiles', () => {
	it('github: Thai marks kept, punctuation dropped, duplicates numbered', () => {
		const s = createSlugger('github');
		assert.deepEqual(
			['1. ประวัติ ความเป็นมา', 'วิสัยทัศน์ พันธกิจ (Vision)', 'ติดต่อ', 'ติดต่อ', 'ข้อมูล: ผู้บริหาร!'].map((t) => s.slug(t)),
			['1-ประวัติ-ความเป็นมา', 'วิสัยทัศน์-พันธกิจ-vision', 'ติดต่อ', 'ติดต่อ-1', 'ข้อมูล-ผู้บริหาร'],
		);
	});

	it('gitlab: runs of hyphens collapse', () => {
		const s = createSlugger('gitlab');
		assert.deepEqual(
			['A - B', 'ติดต่อ  เรา', 'ติดต่อ  เรา'].map((t) => s.slug(t)),
			['a-b', 'ติดต่อ-เรา', 'ติดต่อ-เรา-1'],
		);
	});

	it('collects heading slugs, explicit {#id} and HTML ids', () => {
		const doc = parseDocument(
			'/x.md',
			'# หัวเรื่อง {#main}\n\n<a name="old-anchor"></a>\n\n## ติดต่อ\n\n<div id="map"></div>\n',
		);
		assert.deepEqual([...anchorsOf(doc)].sort(), ['main', 'map', 'old-anchor', 'ติดต่อ', 'หัวเรื่อง']);
	});
});

describe('body links', () => {
	it('places bare URLs where they stand in the source, also after block-quote markers and escapes', () => {
		const text = '> ดูที่\n> http://a.go.th/x.pdf และ\n> \\*หมายเหตุ\\* http://b.go.th/y\n';
		const doc = parseDocument('/x.md', text);
		const links = bodyLinks(doc.tree.children, doc.tree.children, doc.text);
		assert.deepEqual(
			links.map((l) => [l.url, text.slice(l.start, l.end)]),
			[
				['http://a.go.th/x.pdf', 'http://a.go.th/x.pdf'],
				['http://b.go.th/y', 'http://b.go.th/y'],
			],
		);
	});
});

describe('link-insecure on front-matter keys', () => {
	it('names a key inside a list the way every rule does: downloads[0].href', async () => {
		const { engineAt } = await import('../helpers/fixtures');
		const { webLinksHead } = await import('../helpers/pages');
		const head = webLinksHead('official-info');
		const text = [
			...head.slice(0, -4),
			'downloads:',
			'  - title: แผน',
			'    href: http://www.example.go.th/plan.pdf',
			'    kind: report',
			...head.slice(-4),
			'- [มาตรฐานเว็บไซต์ภาครัฐ](https://www.dga.or.th/)',
			'',
		].join('\n');
		const found = engineAt('/tmp')
			.lintText('/tmp/oia.md', text)
			.findings.filter((f) => f.ruleId === 'link-insecure');
		assert.deepEqual(
			found.map((f) => [f.line, f.messageId, f.args.key]),
			[[13, 'key', 'downloads[0].href']],
		);
	});
});

describe('external checker (scripted answers)', () => {
	it('reads Retry-After as seconds or a date', () => {
		assert.equal(retryAfterMs('3', 0), 3000);
		assert.equal(retryAfterMs('Thu, 01 Jan 1970 00:00:05 GMT', 1000), 4000);
		assert.equal(retryAfterMs(undefined, 0), undefined);
	});

	it('classifies DNS failures and refusals as dead without retrying, timeouts as unverified after retries', async () => {
		const calls = new Map<string, number>();
		const request = async (url: string): Promise<HttpAnswer> => {
			calls.set(url, (calls.get(url) ?? 0) + 1);
			if (url.includes('nohost')) throw new NetworkError('dns', 'DNS failure');
			if (url.includes('refuse')) throw new NetworkError('refused', 'refused');
			throw new NetworkError('timeout', 'timeout');
		};
		const waits: number[] = [];
		const checker = new ExternalChecker(request, { ...DEFAULT_CHECKER_OPTIONS, retries: 2 }, async (ms) => {
			waits.push(ms);
		});
		const v = await checker.checkAll([
			'https://nohost.example/',
			'https://refuse.example/',
			'https://slow.example/a#x',
			'https://slow.example/a#y',
		]);
		assert.deepEqual(
			[...v.entries()].map(([u, x]) => [u, x.state, x.reason]),
			[
				['https://nohost.example/', 'dead', 'DNS failure'],
				['https://refuse.example/', 'dead', 'connection refused'],
				['https://slow.example/a', 'unverified', 'timeout'],
			],
		);
		assert.deepEqual(
			[
				calls.get('https://nohost.example/'),
				calls.get('https://refuse.example/'),
				calls.get('https://slow.example/a'),
			],
			[1, 1, 3],
		);
		assert.deepEqual(waits, [500, 1000]);
	});

	it('finishes when a host answers 429 while requests are queued for it (the limit drops to one)', async () => {
		const seen = new Set<string>();
		const request = async (url: string): Promise<HttpAnswer> => {
			const again = seen.has(url);
			seen.add(url);
			return { status: url.endsWith('/0') && !again ? 429 : 200, headers: {} };
		};
		const urls = Array.from({ length: 10 }, (_, i) => `https://busy.example/${i}`);
		const checker = new ExternalChecker(
			request,
			{ ...DEFAULT_CHECKER_OPTIONS, perHostConcurrency: 4 },
			async () => undefined,
		);
		let timer: NodeJS.Timeout | undefined;
		const stuck = new Promise<never>(
			(_, reject) => (timer = setTimeout(() => reject(new Error('checkAll never finished')), 5000)),
		);
		const v = await Promise.race([checker.checkAll(urls), stuck]).finally(() => clearTimeout(timer));
		assert.deepEqual(
			[...v.values()].map((x) => x.state),
			Array(10).fill('ok'),
		);
	});
});

describe('anchors of other pages (headings only)', () => {
	it('match the anchors of a full parse on every example and fixture page', async () => {
		const fs = await import('node:fs');
		const path = await import('node:path');
		const { anchorsOfText } = await import('../../server/src/core/links/anchors');
		const { markdownFiles, FIXTURES } = await import('../helpers/fixtures');
		const files = [...markdownFiles(path.resolve(__dirname, '../../examples')), ...markdownFiles(FIXTURES)];
		assert.ok(files.length > 80);
		for (const f of files) {
			const text = fs.readFileSync(f, 'utf8');
			if (/^(?:---\n[^]*?\n)?---\n*$|^\s*$/.test(text) || text.includes('\u0000')) continue;
			const doc = parseDocument(f, text);
			if (doc.limit) continue;
			assert.deepEqual([...anchorsOfText(text)].sort(), [...anchorsOf(doc)].sort(), f);
		}
	});

	it('match a full parse where a fence line carries an info string, the front matter ends lines with CR, and HTML sits in code', async () => {
		const { anchorsOfText } = await import('../../server/src/core/links/anchors');
		const cases = [
			'# ก\n\n```\n```js\n# ไม่ใช่หัวข้อ\n```\n\n## ข\n',
			'---\rtitle: x\r---\r\r# หัวข้อ\r',
			'# ก\n\n```html\n<a id="in-code"></a>\n```\n\n<a id="real"></a>\n',
		];
		assert.deepEqual(
			cases.map((t) => [...anchorsOfText(t)].sort()),
			[['ก', 'ข'], ['หัวข้อ'], ['real', 'ก']],
		);
		for (const t of cases)
			assert.deepEqual(
				[...anchorsOfText(t)].sort(),
				[...anchorsOf(parseDocument('/x.md', t))].sort(),
				JSON.stringify(t),
			);
	});
});

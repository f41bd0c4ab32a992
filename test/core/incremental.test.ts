import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Root } from 'mdast';
import { ParseCache, segmentStarts } from '../../server/src/core/parse/incremental';
import { parseMarkdown } from '../../server/src/core/parse/markdown';
import { readFrontMatter } from '../../server/src/core/parse/frontMatter';
import { Engine } from '../../server/src/core/engine';
import { fsHost } from '../../server/src/node/fsHost';
import { FIXTURE_TODAY, markdownFiles } from '../helpers/fixtures';

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLES = path.join(ROOT, 'examples');

function bodyStart(text: string): number {
	const fm = readFrontMatter(text);
	return fm ? (fm.closed ? fm.end : text.length) : 0;
}

/** Where two serialized trees first differ, for a readable failure. */
function firstDifference(a: string, b: string): string {
	let i = 0;
	while (i < a.length && a[i] === b[i]) i++;
	return `whole: …${a.slice(Math.max(0, i - 150), i + 80)}\nincremental: …${b.slice(Math.max(0, i - 150), i + 80)}`;
}

function assertSameTree(text: string, cache: ParseCache, what: string): Root {
	const whole = JSON.stringify(parseMarkdown(text));
	const tree = cache.parse(text, bodyStart(text));
	const incremental = JSON.stringify(tree);
	if (whole !== incremental)
		assert.fail(
			`${what}: the incremental tree differs\n${firstDifference(whole, incremental)}\n--- text ---\n${text}`,
		);
	return tree;
}

/** A small seeded generator (mulberry32): the same edits on every run. */
function rng(seed: number): () => number {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

describe('incremental parsing (editor buffers)', () => {
	it('cuts a page only at column-1 ATX headings after a blank line, outside fences and HTML blocks', () => {
		const text = [
			'# หัวเรื่อง',
			'',
			'ย่อหน้า',
			'# ต่อท้ายย่อหน้า',
			'',
			'## ส่วนที่ ๑',
			'',
			'```',
			'',
			'# ในโค้ด',
			'```',
			'',
			'<!--',
			'',
			'# ในความเห็น',
			'-->',
			'',
			'### ส่วนที่ ๒',
			'ข้อความ',
			'',
		].join('\n');
		const starts = segmentStarts(text).map((o) => text.slice(o, text.indexOf('\n', o)));
		assert.deepEqual(starts, ['# หัวเรื่อง', '## ส่วนที่ ๑', '### ส่วนที่ ๒']);
	});

	it('parses whole a page with definitions, an unsure fence in an HTML block, or an unclosed front matter', () => {
		assert.deepEqual(segmentStarts('# a\n\n[ref]: /x\n\n# b\n'), [0]);
		assert.deepEqual(segmentStarts('# a\n\n<div>\n```\n</div>\n\n# b\n'), [0]);
		const unclosed = '---\ntopic: law\n\n# a\n\n# b\n';
		assert.deepEqual(segmentStarts(unclosed, bodyStart(unclosed)), [0]);
		const yamlComment = '---\ntopic: law\n\n# a YAML comment\n---\n\n# b\n';
		assert.deepEqual(
			segmentStarts(yamlComment, bodyStart(yamlComment)).map((o) => yamlComment.slice(o, o + 3)),
			['---', '# b'],
		);
	});

	it('gives the same tree as a whole-page parse for every example and fixture page', () => {
		const files = [...markdownFiles(EXAMPLES), ...markdownFiles(path.join(ROOT, 'test/fixtures'))];
		let cut = 0;
		for (const file of files) {
			const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
			if (segmentStarts(text, bodyStart(text)).length > 1) cut++;
			assertSameTree(text, new ParseCache(), path.relative(ROOT, file));
		}
		assert.ok(cut > files.length / 2, `only ${cut} of ${files.length} pages were cut into segments`);
	});

	it('gives the same tree as a whole-page parse after each of 1,500 random edits, reusing segments', function () {
		// 3,000 parses: about 9 s alone on 2 cores, more beside other work.
		this.timeout(90_000);
		const pieces = [
			'```',
			'~~~',
			'````',
			'<!--',
			'-->',
			'<div>',
			'</div>',
			'<script>',
			'</script>',
			'<?',
			'?>',
			'- ',
			'1. ',
			'> ',
			'    ',
			'\t',
			'# ',
			'## หัวข้อ',
			'\n',
			'\n\n',
			'\r\n',
			'\r',
			'|',
			'| ก | ข |\n|---|---|\n',
			'---',
			'===',
			'[ลิงก์](#หัวข้อ)',
			'[^1]',
			'[a]: /x',
			'ข้อความ',
			'*',
			'`',
			'<a id="x">',
			'  \n',
		];
		const pages = markdownFiles(EXAMPLES).map((f) => fs.readFileSync(f, 'utf8'));
		const random = rng(20261127);
		let edits = 0;
		/** Top-level nodes taken over from the previous parse (the same objects): segments were reused. */
		let reused = 0;
		for (const page of pages) {
			let text = page;
			const cache = new ParseCache();
			let tree = cache.parse(text, bodyStart(text));
			for (let i = 0; i < 1500 / pages.length; i++, edits++) {
				const at = Math.floor(random() * text.length);
				if (random() < 0.3)
					text = text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(random() * 40)));
				else {
					// Insert at a line start half the time: that is where block syntax matters.
					const lineStart = random() < 0.5 ? text.lastIndexOf('\n', at - 1) + 1 : at;
					text =
						text.slice(0, lineStart) + pieces[Math.floor(random() * pieces.length)] + text.slice(lineStart);
				}
				const before = new Set(tree.children);
				tree = assertSameTree(text, cache, `edit ${i} of ${path.basename(page.slice(0, 40))}`);
				reused += tree.children.filter((c) => before.has(c)).length;
			}
		}
		assert.ok(edits >= 1400);
		assert.ok(reused > edits, `only ${reused} top-level nodes reused over ${edits} edits`);
	});

	it('lints an edited buffer to the same findings as a fresh lint', () => {
		const file = path.join(EXAMPLES, 'manuals/sop-web-publishing.md');
		const text = fs.readFileSync(file, 'utf8');
		const editor = new Engine(fsHost, { root: EXAMPLES, today: FIXTURE_TODAY, locale: 'en' });
		const fresh = new Engine(fsHost, { root: EXAMPLES, today: FIXTURE_TODAY, locale: 'en' });
		editor.lintText(file, text, { incremental: true });
		// Break the date of a section in the middle of the page: only that segment changes.
		const edited = text.replace(/(\n## [^\n]*\n)/, '$1\nประกาศ ณ วันที่ 31 เมษายน 2569\n');
		assert.notEqual(edited, text);
		const a = editor
			.lintText(file, edited, { incremental: true })
			.findings.map((f) => [f.ruleId, f.line, f.column, f.messageId, f.args]);
		const b = fresh.lintText(file, edited).findings.map((f) => [f.ruleId, f.line, f.column, f.messageId, f.args]);
		assert.deepEqual(a, b);
		assert.ok(
			a.some(([id]) => id === 'date-invalid'),
			JSON.stringify(a),
		);
	});
});

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
	crToLf,
	MAX_YAML_DEPTH,
	parseYaml,
	readFrontMatter,
	yamlTooDeep,
	locate,
} from '../../../server/src/core/parse/frontMatter';
import { LineIndex } from '../../../server/src/core/parse/lineIndex';
import { parseDocument } from '../../../server/src/core/parse/document';
import { readDataFile } from '../../../server/src/core/dataFile';
import { formatMessage } from '../../../server/src/core/messages';
import { engineAt, FIXTURES, lintFixture, markdownFiles } from '../../helpers/fixtures';
import { tmpDir } from '../../helpers/tmp';
import { PAGE_TWO_FINDINGS } from '../../helpers/pages';

/** Run `fn` and fail if it takes longer than `ms`. */
function within<T>(ms: number, fn: () => T): T {
	const t0 = performance.now();
	const out = fn();
	const took = performance.now() - t0;
	assert.ok(took < ms, `took ${Math.round(took)} ms, more than ${ms} ms`);
	return out;
}

describe('parse/frontMatter', () => {
	describe('CR-only line ends (old Mac files)', () => {
		const FM =
			'---\ntopic: news\ntitle: ข่าว\npublish_request:\n  id: "12/2570"\n  date: 2569-09-28\n---\n\n# ข่าว\n';

		it('reads the YAML with a lone CR as a line end: the same value, no "Nested mappings" errors', () => {
			const lf = readFrontMatter(FM)!;
			const cr = readFrontMatter(FM.replace(/\n/g, '\r'))!;
			assert.deepEqual(lf.problems, []);
			assert.deepEqual(cr.problems, []);
			assert.deepEqual(cr.value, {
				topic: 'news',
				title: 'ข่าว',
				publish_request: { id: '12/2570', date: '2569-09-28' },
			});
			assert.deepEqual([cr.contentStart, cr.contentEnd, cr.end], [lf.contentStart, lf.contentEnd, lf.end]);
			// Node offsets are the same as for LF (the CR → LF mapping keeps the length).
			assert.deepEqual(locate(cr, ['publish_request', 'date']), locate(lf, ['publish_request', 'date']));
		});

		it('reports YAML errors in a CR file where the LF file has them', () => {
			const bad = '---\ntopic: news\ntitle: [ไม่ปิด\nupdated: 2569-10-01\n---\n';
			const lf = readFrontMatter(bad)!.problems.map((p) => [p.code, p.start, p.end]);
			const cr = readFrontMatter(bad.replace(/\n/g, '\r'))!.problems.map((p) => [p.code, p.start, p.end]);
			assert.ok(lf.length > 0);
			assert.deepEqual(cr, lf);
		});

		it('keeps CRLF as one line end and maps only a lone CR', () => {
			assert.equal(crToLf('a\r\nb\rc\n'), 'a\r\nb\nc\n');
			assert.equal(crToLf('abc'), 'abc');
			assert.deepEqual(parseYaml('a: 1\rb: 2\r\nc: 3\n').value, { a: 1, b: 2, c: 3 });
		});

		it('a configuration or schema file with CR line ends parses too', () => {
			const d = readDataFile(
				'/x/.disclosurelintrc.yaml',
				'rules:\r  date-era: warning\r  pii-national-id: error\r',
			);
			assert.deepEqual(d.problems, []);
			assert.deepEqual(d.value, { rules: { 'date-era': 'warning', 'pii-national-id': 'error' } });
		});

		it('the line index counts a lone CR as a line break, like LF and CRLF', () => {
			for (const eol of ['\n', '\r\n', '\r']) {
				const text = ['---', 'topic: news', '---', '', 'ข่าว'].join(eol);
				const lines = new LineIndex(text);
				assert.equal(lines.lineCount, 5, JSON.stringify(eol));
				const at = text.indexOf('news');
				assert.deepEqual(lines.position(at), { line: 2, column: 8 });
				assert.equal(lines.offset({ line: 2, column: 8 }), at);
				assert.equal(text.slice(lines.lineStart(5), lines.lineEnd(5)), 'ข่าว');
				assert.equal(lines.lineEnd(2), text.indexOf(eol, at));
				assert.equal(lines.eol, eol);
			}
		});

		it('a page with CR-only line ends lints like the same page with LF (every rule fixture)', () => {
			const e = engineAt(FIXTURES);
			const differ: string[] = [];
			for (const file of markdownFiles(path.join(FIXTURES, 'rules'))) {
				const text = fs.readFileSync(file, 'utf8');
				if (/\r(?!\n)/.test(text)) continue; // already CR-only
				const show = (t: string): string[] =>
					e
						.lintText(file, t)
						.findings.map(
							(f) => `${f.ruleId}.${f.messageId}@${f.line}:${f.column}-${f.endLine}:${f.endColumn}`,
						);
				const lf = show(text.replace(/\r\n/g, '\n'));
				const cr = show(text.replace(/\r?\n/g, '\r'));
				if (JSON.stringify(lf) !== JSON.stringify(cr))
					differ.push(`${path.relative(FIXTURES, file)}\n  LF ${lf.join(' ')}\n  CR ${cr.join(' ')}`);
			}
			assert.deepEqual(differ, []);
		});

		it('the body limits count CR-only lines too (a deep line is reported on its own line)', () => {
			const lf = `${PAGE_TWO_FINDINGS}\n\n${'> '.repeat(40)}ลึก\n`;
			const a = parseDocument('/x/a.md', lf).limit;
			const b = parseDocument('/x/a.md', lf.replace(/\n/g, '\r')).limit;
			assert.equal(a?.kind, 'depth');
			assert.deepEqual(b, a);
		});
	});

	describe('deep YAML', () => {
		const deepCases: [string, string][] = [
			['10,000 open [', 'a: ' + '['.repeat(10_000)],
			['10,000 open {', 'a: ' + '{'.repeat(10_000)],
			['10,000 closed [ ]', 'a: ' + '['.repeat(10_000) + ']'.repeat(10_000)],
			['alternating [{', 'a: ' + '[{'.repeat(5_000)],
			['3,000 indented keys', Array.from({ length: 3_000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')],
			['3,000 indented items', Array.from({ length: 3_000 }, (_, i) => `${' '.repeat(i)}-`).join('\n')],
			['5,000 compact items', '- '.repeat(5_000) + 'x'],
			['100,000 open [', 'a: ' + '['.repeat(100_000)],
		];
		for (const [name, yaml] of deepCases) {
			it(`${name}: "nested too deeply" within 2 s, not "Maximum call stack size exceeded"`, () => {
				const fm = within(2000, () => readFrontMatter(`---\ntopic: news\n${yaml}\n---\n\n# ข่าว\n`))!;
				assert.deepEqual(
					fm.problems.map((x) => x.code),
					['TOO_DEEP'],
				);
				const [p] = fm.problems;
				assert.match(p.message, /nested too deeply/);
				assert.doesNotMatch(p.message, /call stack/i);
				assert.equal(fm.value, undefined);
				// Reported where the nesting passes the limit, on the offending line.
				const lines = new LineIndex(`---\ntopic: news\n${yaml}\n---\n`);
				assert.ok(lines.position(p.start).line >= 3);
			});
		}

		it('the engine reports it as one frontmatter-syntax finding, in Thai and English, within 2 s', () => {
			const e = engineAt(tmpDir('dl-deep-'));
			const r = within(2000, () =>
				e.lintText('/x/deep.md', `---\ntopic: news\ntitle: ${'['.repeat(10_000)}\n---\n\n# ข่าว\n`),
			);
			assert.deepEqual(
				r.findings.map((f) => [f.ruleId, f.messageId, f.line, f.column]),
				[['frontmatter-syntax', 'tooDeep', 3, 7 + MAX_YAML_DEPTH]],
			);
			assert.match(formatMessage(r.findings[0], 'en'), /nested too deeply \(more than 64 levels/);
			assert.match(formatMessage(r.findings[0], 'th'), /ซ้อนกันลึกเกินไป \(เกิน 64 ชั้น/);
			assert.doesNotMatch(formatMessage(r.findings[0], 'en'), /call stack/i);
		});

		it('many unclosed brackets and quotes are reported quickly (the opening is found once)', () => {
			const yaml = Array.from({ length: 3_000 }, (_, i) => `k${i}: "open ${i}`).join('\n');
			const fm = within(2000, () => readFrontMatter(`---\n${yaml}\n---\n`))!;
			// One problem, where the first quote opens (line 2 of the page, after `k0: `), not one per line.
			assert.deepEqual(
				fm.problems.map((p) => [p.code, p.start, p.message]),
				[['MISSING_CHAR', 8, 'Missing closing "quote']],
			);
		});

		it('a configuration file nested too deeply is a problem at its position, not a crash', () => {
			const d = readDataFile('/x/.disclosurelintrc.yaml', 'rules: ' + '['.repeat(10_000) + '\n');
			assert.equal(d.problems.length, 1);
			assert.match(d.problems[0].message.en, /nested too deeply/);
			assert.equal(d.problems[0].line, 1);
		});

		it('real front matter, configs and schemas stay far below the limit; brackets in quotes, comments and block scalars do not count', () => {
			assert.equal(yamlTooDeep('a:\n  b:\n    c:\n      - d: [1, {e: [2]}]\n'), undefined);
			assert.deepEqual(yamlTooDeep('a:\n  b:\n    c: 1\n', 2), { depth: 3, offset: 12 });
			const brackets = '['.repeat(200);
			assert.equal(
				yamlTooDeep(
					`a: "${brackets}"\nb: '${brackets}'\nc: x # ${brackets}\nd: |\n  ${brackets}\n    ${brackets}\n`,
				),
				undefined,
			);
			assert.equal(yamlTooDeep('- - - x\n', 4), undefined); // three items and the scalar's column
			assert.ok(yamlTooDeep('- - - x\n', 2));
			for (const file of markdownFiles(path.join(FIXTURES, 'rules'))) {
				if (file.endsWith('fail-too-deep.md')) continue;
				assert.ok(
					lintFixture(file).findings.every((f) => f.messageId !== 'tooDeep'),
					file,
				);
			}
			const schemas = path.resolve(__dirname, '../../../schemas');
			for (const f of fs.readdirSync(schemas).filter((n) => n.endsWith('.json'))) {
				assert.equal(yamlTooDeep(fs.readFileSync(path.join(schemas, f), 'utf8')), undefined, f);
			}
		});
	});
});

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { engineAt, FIXTURES, markdownFiles } from '../../helpers/fixtures';
import { tmpDir } from '../../helpers/tmp';
import {
	BUDGET_BOUNDS,
	budgetFrom,
	checkBudget,
	DEFAULT_BUDGET,
	type PageBudget,
} from '../../../server/src/core/parse/limits';
import { parseDocument } from '../../../server/src/core/parse/document';
import { stripBom } from '../../../server/src/core/parse/decode';
import { crToLf } from '../../../server/src/core/parse/frontMatter';
import { getRule } from '../../../server/src/core/rules/index';
import type { PageResult } from '../../../server/src/core/lint';

const EXAMPLES = path.resolve(__dirname, '../../../examples');
/** A bound, not a benchmark: each page used to take 5 s to minutes (issue 13). */
const BOUND_MS = 2000;

const FM = '---\ntopic: news\ntitle: ข่าว\n---\n\n'; // the body starts on line 6
const lines = (n: number, f: (i: number) => string): string => Array.from({ length: n }, (_, i) => f(i)).join('');
function keys(n: number): string {
	return `---\n${lines(n, (i) => `k${i}: v\n`)}---\n\nbody\n`;
}

interface Case {
	name: string;
	text: () => string;
	messageId: string;
	line: number;
}

/** The pathological pages of issue 13 items 1–3, each with the reason it is refused and where. */
const CASES: Case[] = [
	{
		name: '`*a ` ×5000, b, ` a*` ×5000',
		text: () => `${FM}${'*a '.repeat(5000)}b${' a*'.repeat(5000)}\n`,
		messageId: 'unmatchedDelimiters',
		line: 6,
	},
	{
		name: '50,000 `*`, x, 50,000 `*`',
		text: () => `${FM}${'*'.repeat(50000)}x${'*'.repeat(50000)}\n`,
		messageId: 'delimiters',
		line: 6,
	},
	{
		name: '50,000 `[`, x, 50,000 `]`, (y)',
		text: () => `${FM}${'['.repeat(50000)}x${']'.repeat(50000)}(y)\n`,
		messageId: 'span',
		line: 6,
	},
	{
		name: 'stray `]` after a long paragraph',
		text: () => `${FM}${'คำ คำ\n'.repeat(30000)}${' a]'.repeat(2000)}\n`,
		messageId: 'span',
		line: 30006,
	},
	{
		name: 'front matter with 40,000 keys',
		text: () => keys(40000),
		messageId: 'frontMatterKeys',
		line: DEFAULT_BUDGET.maxFrontMatterKeys + 2,
	},
	{
		name: 'front matter with 100,000 keys',
		text: () => keys(100000),
		messageId: 'frontMatterKeys',
		line: DEFAULT_BUDGET.maxFrontMatterKeys + 2,
	},
	{
		name: 'a 10,000-column table',
		text: () => `${FM}|${'a|'.repeat(10000)}\n|${'-|'.repeat(10000)}\n|${'b|'.repeat(10000)}\n`,
		messageId: 'tableColumns',
		line: 6,
	},
	{
		name: 'a 10-column table of 2,000 rows',
		text: () => `${FM}|${'a|'.repeat(10)}\n|${'-|'.repeat(10)}\n${`|${'ข้อมูล|'.repeat(10)}\n`.repeat(2000)}`,
		messageId: 'tableCells',
		line: 6 + Math.floor(DEFAULT_BUDGET.maxTableCells / 11),
	},
	{
		name: '20,000 footnotes',
		text: () => FM + lines(20000, (i) => `x[^${i}]\n\n[^${i}]: note ${i}\n\n`),
		messageId: 'footnotes',
		line: 6 + 4 * DEFAULT_BUDGET.maxFootnotes + 2,
	},
	{
		name: '20,000 link definitions',
		text: () => FM + lines(20000, (i) => `[r${i}]: https://example.com/${i}\n`),
		messageId: 'definitions',
		line: 6 + DEFAULT_BUDGET.maxDefinitions,
	},
	{
		name: '20,000 links (one per paragraph)',
		text: () => FM + lines(20000, (i) => `[link ${i}](https://example.com/${i})\n\n`),
		messageId: 'links',
		line: 6 + 2 * DEFAULT_BUDGET.maxLinks,
	},
	{
		name: '20,000 links (one paragraph)',
		text: () => FM + lines(20000, (i) => `[link ${i}](https://example.com/${i})\n`),
		messageId: 'links',
		line: 6 + DEFAULT_BUDGET.maxLinks,
	},
	{
		name: '20,000 `[x]` (one paragraph)',
		text: () => FM + lines(20000, () => '[x]\n'),
		messageId: 'brackets',
		line: 6 + DEFAULT_BUDGET.maxBrackets,
	},
	{
		name: '20,000 nested list items in one list (micromark: 100 KB took 20 s)',
		text: () => FM + lines(10000, (i) => `- item ${i}\n  - sub ${i}\n`),
		messageId: 'nestedListItems',
		line: 7 + 2 * DEFAULT_BUDGET.maxNestedListItems,
	},
	{
		name: '50,000 headings',
		text: () => FM + lines(50000, (i) => `# h${i}\n`),
		messageId: 'headings',
		line: 6 + DEFAULT_BUDGET.maxHeadings,
	},
	{
		name: '20,000 images (one per paragraph)',
		text: () => FM + lines(20000, (i) => `![img ${i}](i${i}.png)\n\n`),
		messageId: 'links',
		line: 6 + 2 * DEFAULT_BUDGET.maxLinks,
	},
];

function limitFindings(result: PageResult): string[] {
	return result.findings.filter((f) => f.ruleId === 'page-limits').map((f) => `${f.line}:${f.messageId}`);
}

describe('page budget (issue 13: pre-scan before parsing)', () => {
	const engine = engineAt(tmpDir('dl-budget-'));

	for (const c of CASES) {
		it(`${c.name}: page-limits ${c.messageId}, within ${BOUND_MS} ms`, () => {
			const text = c.text();
			const t0 = performance.now();
			const result = engine.lintText('/virtual/page.md', text);
			const ms = performance.now() - t0;
			assert.deepEqual(limitFindings(result), [`${c.line}:${c.messageId}`]);
			assert.ok(ms < BOUND_MS, `took ${ms.toFixed(0)} ms`);
			assert.equal(result.document.tree.children.length, 0, 'the body is not parsed');
			// The editor's incremental parser applies the same budget.
			const t1 = performance.now();
			const inc = engine.lintText('/virtual/open.md', text, { incremental: true });
			assert.deepEqual(limitFindings(inc), [`${c.line}:${c.messageId}`]);
			assert.ok(performance.now() - t1 < BOUND_MS, 'incremental: over the bound');
		});
	}

	it('a front matter over its budget is not parsed, and reported only as page-limits', () => {
		const result = engine.lintText('/virtual/page.md', keys(40000));
		assert.equal(result.document.frontMatter?.yaml, undefined);
		assert.deepEqual(
			result.findings.map((f) => f.ruleId),
			['page-limits'],
		);
		assert.match(result.findings[0].args.count + '', /^\d+$/);
	});

	it('each message names the count and the limit, in Thai and English', () => {
		const rule = getRule('page-limits')!;
		for (const id of [...new Set(CASES.map((c) => c.messageId)), 'frontMatterSize']) {
			const m = rule.messages[id];
			assert.ok(m, id);
			for (const text of [m.th, m.en]) {
				assert.match(text, /\{count\}/, `${id}: ${text}`);
				assert.match(text, /\{max\}/, `${id}: ${text}`);
			}
		}
	});

	it('a normal page repeated to ~400 KB is still parsed', () => {
		const page = fs.readFileSync(path.join(EXAMPLES, 'oia/index.md'), 'utf8');
		const end = page.indexOf('\n---\n', 3) + 5;
		const body = page.slice(end);
		let text = page;
		while (text.length < 400_000) text += `\n${body}`;
		const t0 = performance.now();
		const result = engine.lintText('/virtual/big.md', text);
		const ms = performance.now() - t0;
		assert.deepEqual(limitFindings(result), []);
		assert.ok(result.document.tree.children.length > 1000, `${result.document.tree.children.length} blocks`);
		assert.ok(ms < 10_000, `took ${ms.toFixed(0)} ms`);
	});

	it('no example or fixture page comes near the budget (a tenth of each count)', () => {
		const tenth: PageBudget = { ...DEFAULT_BUDGET };
		for (const k of Object.keys(tenth) as (keyof PageBudget)[])
			if (k !== 'maxDepth') tenth[k] = Math.ceil(tenth[k] / 10); // the depth fixtures are over it on purpose
		for (const file of [...markdownFiles(EXAMPLES), ...markdownFiles(FIXTURES)]) {
			const text = crToLf(stripBom(fs.readFileSync(file, 'utf8')));
			const limit = checkBudget(text, tenth);
			if (file.includes(`${path.sep}page-limits${path.sep}fail-depth`)) assert.equal(limit?.kind, 'depth', file);
			else assert.equal(limit, undefined, `${file}: ${JSON.stringify(limit)}`);
		}
	});

	it('a page over the size limit with a front matter over its limits: the front matter is not parsed either', () => {
		const text = `${keys(40000)}\n${'ข้อความ '.repeat(200_000)}\n`;
		assert.ok(text.length > DEFAULT_BUDGET.maxChars);
		const doc = parseDocument('p.md', text);
		assert.deepEqual(
			[doc.limit?.kind, doc.limit?.kind === 'count' && doc.limit.what],
			['count', 'frontMatterKeys'],
		);
		assert.equal(doc.frontMatter?.value, undefined, 'the front matter was parsed');
		// Within its limits, the front matter of an over-size page is read as before.
		const small = parseDocument('p.md', `---\ntopic: law\n---\n${'ข้อความ '.repeat(200_000)}\n`);
		assert.deepEqual([small.limit?.kind, (small.frontMatter?.value as { topic?: string }).topic], ['size', 'law']);
	});

	it('the limits are configurable within bounds', () => {
		assert.equal(budgetFrom({ maxHeadings: 50 }).maxHeadings, 50);
		assert.equal(budgetFrom({ maxHeadings: 1e9 }).maxHeadings, BUDGET_BOUNDS.maxHeadings[1]);
		assert.equal(budgetFrom({ maxHeadings: 1 }).maxHeadings, BUDGET_BOUNDS.maxHeadings[0]);
		assert.equal(budgetFrom({ maxHeadings: 'x' }).maxHeadings, DEFAULT_BUDGET.maxHeadings);
		const text = FM + lines(60, (i) => `# h${i}\n`);
		assert.equal(parseDocument('p.md', text, undefined, budgetFrom({ maxHeadings: 50 })).limit?.kind, 'count');
		assert.equal(parseDocument('p.md', text).limit, undefined);

		const root = tmpDir('dl-budget-config-');
		fs.writeFileSync(
			path.join(root, '.disclosurelintrc.json'),
			JSON.stringify({ rules: { 'page-limits': ['error', { maxHeadings: 50 }] } }),
		);
		const configured = engineAt(root);
		assert.deepEqual(configured.problemsFor(path.join(root, 'p.md')), []);
		const r = configured.lintText(path.join(root, 'p.md'), text);
		assert.deepEqual(limitFindings(r), ['56:headings']);
		assert.equal(r.findings.find((f) => f.ruleId === 'page-limits')!.severity, 'error');

		const bad = tmpDir('dl-budget-bad-');
		fs.writeFileSync(
			path.join(bad, '.disclosurelintrc.json'),
			JSON.stringify({ rules: { 'page-limits': ['warning', { maxHeadings: 10_000_000 }] } }),
		);
		assert.ok(
			engineAt(bad).problemsFor(path.join(bad, 'p.md')).length > 0,
			'a limit out of bounds is a configuration error',
		);
	});
});

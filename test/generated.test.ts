import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generatedFiles } from '../scripts/generated';
import { RULES } from '../server/src/core/rules/index';

describe('generated files', () => {
	it('are the README rule table, the rules index, the config schema and the snippets', () => {
		assert.deepEqual(
			[...generatedFiles().keys()],
			[
				'README.md',
				'docs/rules/README.md',
				'schemas/disclosure-lint.config.schema.json',
				'snippets/disclosure.code-snippets',
			],
		);
	});
	for (const [rel, text] of generatedFiles()) {
		it(`${rel} is up to date (run npm run gen)`, () => {
			assert.equal(fs.readFileSync(path.resolve(__dirname, '..', rel), 'utf8'), text);
		});
	}
});

describe('rule documentation', () => {
	for (const r of RULES) {
		it(`docs/rules/${r.id}.md exists with Thai and English sections and both examples`, () => {
			const text = fs.readFileSync(path.resolve(__dirname, '..', 'docs/rules', `${r.id}.md`), 'utf8');
			assert.match(text, new RegExp(`^# ${r.id}$`, 'm'));
			for (const heading of [
				'## ภาษาไทย',
				'## English',
				'## ตัวอย่างที่ผิด / Failing example',
				'## ตัวอย่างที่ถูก / Passing example',
			])
				assert.ok(text.includes(heading), `${r.id}: missing "${heading}"`);
			// One severity row in the page's table: the default in backticks, then optionally the level of some messages in parentheses.
			const rows = text.split('\n').filter((l) => l.startsWith('| ความรุนแรงเริ่มต้น / Default severity |'));
			assert.deepEqual(
				rows.map(
					(l) =>
						/^\| ความรุนแรงเริ่มต้น \/ Default severity \| `(info|warning|error)`(?: \([^()]*: `(?:info|warning|error)`\))? \|$/.exec(
							l,
						)?.[1],
				),
				[r.defaultSeverity],
				`${r.id}: the page does not state the default severity ${r.defaultSeverity} in its table`,
			);
		});
	}
});

/**
 * The topic skeletons, and every finding (`rule:message:line`) each one filled in with plain values has.
 * None is a missing or recommended key, section or required link: the rest come from placeholder content.
 */
const SKELETONS: [string, string[]][] = [
	[
		'disclosure-lint: agency-info',
		[
			'section-empty:mustContain:30',
			'section-empty:mustMatch:42',
			'content-stale:sectionFiscalYearMissing:46',
			'section-empty:mustMatch:50',
			'contact-missing:missing:54',
			'contact-missing:missing:54',
			'contact-missing:missing:54',
			'contact-missing:missing:54',
			'contact-missing:recommended:54',
			'contact-missing:recommended:54',
		],
	],
	['disclosure-lint: law', []],
	['disclosure-lint: knowledge', []],
	['disclosure-lint: web-links', []],
	[
		'disclosure-lint: official-info',
		[
			'section-empty:minLinks:29',
			'section-empty:minLinks:33',
			'section-empty:minLinks:37',
			'content-stale:sectionFiscalYearMissing:41',
			'section-empty:minLinks:41',
			'section-empty:minLinks:45',
			'section-empty:minLinks:49',
			'section-empty:minLinks:53',
			'section-empty:minLinks:57',
		],
	],
	[
		'disclosure-lint: sop-manual',
		['download-missing:required:2', 'download-missing:fileMissing:11', 'step-duration-missing:noSteps:24'],
	],
	[
		'disclosure-lint: citizen-manual',
		[
			'download-missing:required:2',
			'download-missing:fileMissing:15',
			'step-duration-invalid:deadline:23',
			'section-empty:mustMatch:33',
			'step-duration-missing:noSteps:37',
			'step-duration-invalid:total:43',
			'contact-missing:none:53',
		],
	],
	['disclosure-lint: news', []],
	['disclosure-lint: e-service', []],
	['disclosure-lint: web-stats', ['section-empty:mustContain:23', 'section-empty:mustMatch:23']],
];

describe('snippets', () => {
	it('every topic skeleton filled in with plain values lints without missing or recommended keys, sections or required links', async () => {
		const { snippets } = await import('../scripts/generated');
		const { Engine } = await import('../server/src/core/engine');
		const { fsHost } = await import('../server/src/node/fsHost');
		const engine = new Engine(fsHost, {
			root: path.resolve(__dirname, '..'),
			today: { year: 2026, month: 11, day: 27 },
			locale: 'en',
		});
		const all = snippets();
		assert.deepEqual(Object.keys(all), [
			...SKELETONS.map(([name]) => name),
			'disclosure-lint: disable next line',
			'disclosure-lint: disable block',
		]);
		const topics = Object.keys(all).filter((k) => /^disclosure-lint: [a-z-]+$/.test(k) && !k.includes('disable'));
		assert.deepEqual(
			topics,
			SKELETONS.map(([name]) => name),
		);
		for (const [name, expected] of SKELETONS) {
			const text = all[name].body
				.join('\n')
				.replace(/\$\{CURRENT_YEAR\}-\$\{CURRENT_MONTH\}-\$\{CURRENT_DATE\}/g, '2026-11-20')
				.replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1')
				.replace(/\$\{\d+:https:\/\/\}/g, 'https://www.dga.or.th/')
				.replace(/\$\{\d+:([^}]*)\}/g, '$1');
			const findings = engine
				.lintText('/tmp/skeleton.md', text)
				.findings.map((f) => `${f.ruleId}:${f.messageId}:${f.line}`);
			const bad = findings.filter((f) =>
				/^(section-missing|frontmatter-schema|link-required-missing|topic-unknown|frontmatter-missing|date-missing:page)/.test(
					f,
				),
			);
			assert.deepEqual(bad, [], `${name}:\n${text}`);
			// What remains comes from the placeholder content: empty-looking sections, no fiscal year, no contacts, no steps, a file that does not exist.
			assert.deepEqual(findings, expected, name);
		}
	});
});

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generatedFiles } from '../scripts/generated';
import { RULES } from '../server/src/core/rules/index';

describe('generated files', () => {
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
			for (const heading of ['## ภาษาไทย', '## English', '## ตัวอย่างที่ผิด / Failing example', '## ตัวอย่างที่ถูก / Passing example']) assert.ok(text.includes(heading), `${r.id}: missing "${heading}"`);
			assert.ok(text.includes(`\`${r.defaultSeverity}\``), `${r.id}: the page does not state the default severity ${r.defaultSeverity}`);
		});
	}
});

describe('snippets', () => {
	it('every topic skeleton filled in with plain values lints without missing or recommended keys, sections or required links', async () => {
		const { snippets } = await import('../scripts/generated');
		const { Engine } = await import('../server/src/core/engine');
		const { fsHost } = await import('../server/src/node/fsHost');
		const engine = new Engine(fsHost, { root: path.resolve(__dirname, '..'), today: { year: 2026, month: 11, day: 27 }, locale: 'en' });
		const all = snippets();
		const topics = Object.keys(all).filter((k) => /^disclosure-lint: [a-z-]+$/.test(k) && !k.includes('disable'));
		assert.equal(topics.length, 10);
		for (const name of topics) {
			const text = all[name].body.join('\n')
				.replace(/\$\{CURRENT_YEAR\}-\$\{CURRENT_MONTH\}-\$\{CURRENT_DATE\}/g, '2026-11-20')
				.replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1')
				.replace(/\$\{\d+:https:\/\/\}/g, 'https://www.dga.or.th/')
				.replace(/\$\{\d+:([^}]*)\}/g, '$1');
			const findings = engine.lintText('/tmp/skeleton.md', text).findings.map((f) => `${f.ruleId}:${f.messageId}:${f.line}`);
			const bad = findings.filter((f) => /^(section-missing|frontmatter-schema|link-required-missing|topic-unknown|frontmatter-missing|date-missing:page)/.test(f));
			assert.deepEqual(bad, [], `${name}:\n${text}`);
		}
	});
});

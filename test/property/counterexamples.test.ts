import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { applyFixes } from '../../server/src/core/fix';
import type { Finding } from '../../server/src/core/types';
import { engineAt } from '../helpers/fixtures';
import { tmpDir } from '../helpers/tmp';

/**
 * The pages the property tests (lint.test.ts) shrank their failures to, kept as plain tests of the fixes:
 * each names what was wrong.
 */
const root = tmpDir('dl-counterexamples-');
const engine = engineAt(root);
const file = path.join(root, 'page.md');
const lint = (text: string): Finding[] => engine.lintText(file, text).findings;
const brief = (fs: Finding[], rule: string): string[] =>
	fs
		.filter((f) => f.ruleId === rule)
		.map(
			(f) =>
				`${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.messageId}${f.fix ? (f.fix.safe ? ' safe-fix' : ' quick-fix') : ''}`,
		);

describe('counterexamples found by the property tests', () => {
	it("a range that ends between CR and LF ends at its line's end, not past it", () => {
		assert.deepEqual(brief(lint('\r\n---\r\ntopic: law\r\n---\r\n'), 'frontmatter-missing'), ['1:1-1:1 notAtTop']);
		// The unclosed bracket runs to its line's end: 20 characters, so column 21 at most.
		assert.deepEqual(brief(lint('---\r\ntopic: law\r\ntitle: [ไม่ปิดวงเล็บ\r\n---\r\n'), 'frontmatter-syntax'), [
			'3:8-3:21 syntax',
		]);
	});

	it('a duplicate key after a key with no value is reported on the duplicate, not on the line before', () => {
		assert.deepEqual(
			brief(lint('---\ntopic: law\ntitle:\ntitle: x\n---\n'), 'frontmatter-syntax').map((s) => s.split('-')[0]),
			['4:1'],
		);
	});

	it('a missing key gets a quick fix that inserts it, never a --fix one; a blank key gets none (no duplicate key) and one finding', () => {
		const absent = lint('---\ntopic: citizen-manual\n---\n').filter(
			(f) => f.ruleId === 'frontmatter-schema' && f.args.key === 'service_name',
		);
		assert.deepEqual(
			absent.map((f) => [f.messageId, f.fix?.safe, f.fix?.text]),
			[['required', false, 'service_name:\n']],
		);
		const blank = lint('---\ntopic: citizen-manual\nservice_name:\n---\n').filter(
			(f) => f.ruleId === 'frontmatter-schema' && f.args.key === 'service_name',
		);
		// One finding, the schema's: the key is there with no value.
		assert.deepEqual(
			blank.map((f) => [f.messageId, f.fix]),
			[['blank', undefined]],
		);
	});

	it('no section heading is inserted inside a code fence or an HTML comment that the page never closes', () => {
		for (const tail of ['```\n', '~~~~\ncode\n~~~\n', '<!-- ยังไม่ปิด\n']) {
			const text = `---\ntopic: agency-info\n---\n\n${tail}`;
			const missing = lint(text).filter((f) => f.ruleId === 'section-missing');
			assert.ok(missing.length > 0, tail);
			assert.deepEqual(
				missing.filter((f) => f.fix),
				[],
				`a fix offered after ${JSON.stringify(tail)}`,
			);
		}
		// A closed fence at the end does not stop the fix.
		const closed = lint('---\ntopic: agency-info\n---\n\n```\ncode\n```\n').filter(
			(f) => f.ruleId === 'section-missing',
		);
		assert.ok(closed.length > 0 && closed.every((f) => f.fix?.safe));
	});

	it('missing sections at one point are all inserted by one --fix pass, in schema order, with one blank line between', () => {
		const text = '---\ntopic: official-info\n---\n';
		const findings = lint(text).filter((f) => f.ruleId === 'section-missing');
		assert.ok(findings.length > 10, `${findings.length} missing sections`);
		const { text: fixed } = applyFixes(text, findings);
		assert.deepEqual(
			lint(fixed).filter((f) => f.ruleId === 'section-missing'),
			[],
		);
		const headings = fixed.split('\n').filter((l) => l.startsWith('## '));
		assert.deepEqual(
			headings,
			findings.map((f) => `## ${f.args.heading && (f.args.heading as { th: string }).th}`),
		);
		assert.ok(!/\n\n\n/.test(fixed), 'no double blank lines between inserted headings');
	});
});

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES, getRule } from '../../server/src/core/rules/index';
import { applyFixes } from '../../server/src/core/fix';
import {
	FIXTURES,
	fixedOutputFile,
	fixFixture,
	isFixedOutput,
	lintFixture,
	markdownFiles,
	ruleExpectations,
	ruleFindings,
} from '../helpers/fixtures';

/**
 * Rule fixtures, checked as ESLint's RuleTester checks a rule: each finding's line, column, rule and
 * message id (markers written inline, test/fixtures/README.md), and the page after `--fix`
 * (`<name>.fixed.md` beside the fixture).
 */
const dir = path.join(FIXTURES, 'rules');
const files = markdownFiles(dir).filter((f) => !isFixedOutput(f));
const expectationsOf = (f: string): string[] => ruleExpectations(fs.readFileSync(f, 'utf8'), path.relative(dir, f));

describe('rule fixtures (expected findings written inline)', () => {
	for (const file of files) {
		const name = path.relative(dir, file);
		it(name, () => {
			assert.deepEqual(ruleFindings(lintFixture(file)), expectationsOf(file));
		});
		it(`${name} after --fix`, () => {
			const original = fs.readFileSync(file, 'utf8');
			const { text, result } = fixFixture(file);
			const expected = fixedOutputFile(file);
			const rel = path.relative(dir, expected);
			if (text === original) {
				assert.ok(!fs.existsSync(expected), `${rel} exists, but --fix changes nothing in ${name}: delete it`);
				return;
			}
			assert.ok(fs.existsSync(expected), `--fix changes ${name}: write the fixed page to ${rel}`);
			assert.equal(text, fs.readFileSync(expected, 'utf8'), `${rel} is not what --fix makes of ${name}`);
			// Converged: the fixed page has no safe fix left to apply (a second --fix changes nothing).
			assert.deepEqual(
				applyFixes(text.replace(/^\uFEFF/, ''), result.findings).applied,
				[],
				`${rel} still has safe fixes`,
			);
		});
	}

	it('every .fixed.md belongs to a fixture beside it', () => {
		const orphans = markdownFiles(dir).filter(
			(f) => isFixedOutput(f) && !fs.existsSync(f.replace(/\.fixed\.md$/, '.md')),
		);
		assert.deepEqual(
			orphans.map((f) => path.relative(dir, f)),
			[],
		);
	});

	it('every marker names a known rule and one of its message ids', () => {
		const unknown: string[] = [];
		for (const f of files) {
			for (const e of expectationsOf(f)) {
				const [, ruleId, messageId] = /^\S+ ([^:]+):(\S+)$/.exec(e)!;
				const rule = getRule(ruleId);
				if (!rule) unknown.push(`${path.relative(dir, f)}: ${e}: no rule ${ruleId}`);
				else if (!Object.hasOwn(rule.messages, messageId))
					unknown.push(
						`${path.relative(dir, f)}: ${e}: ${ruleId} has no message ${messageId} (${Object.keys(rule.messages).join(', ')})`,
					);
			}
		}
		assert.deepEqual(unknown, []);
	});

	it('every rule is expected somewhere and every rule folder has a clean page', () => {
		const expected = new Set(files.flatMap((f) => expectationsOf(f).map((e) => /^\S+ ([^:]+):/.exec(e)![1])));
		// file-unreadable and internal-error cannot be written as Markdown fixtures (engine.test.ts); topic-coverage is a site check (site.test.ts); link-external-* need a server (test/links/online.test.ts).
		const missing = RULES.map((r) => r.id).filter(
			(id) =>
				!expected.has(id) &&
				id !== 'file-unreadable' &&
				id !== 'internal-error' &&
				id !== 'topic-coverage' &&
				!id.startsWith('link-external'),
		);
		assert.deepEqual(missing, []);
		for (const r of RULES.filter((x) => fs.existsSync(path.join(dir, x.id)))) {
			const clean = markdownFiles(path.join(dir, r.id)).filter(
				(f) => !isFixedOutput(f) && !expectationsOf(f).length,
			);
			assert.ok(clean.length > 0, `${r.id} has no passing fixture`);
		}
	});

	it('every fixable rule has a fixture whose --fix output is checked', () => {
		const fixed = files.filter((f) => fs.existsSync(fixedOutputFile(f)));
		const ruleOf = (f: string): string => path.relative(dir, f).split(path.sep)[0];
		const withOutput = new Set(fixed.map(ruleOf));
		assert.deepEqual(
			RULES.filter((r) => r.fixable && fs.existsSync(path.join(dir, r.id)) && !withOutput.has(r.id)).map(
				(r) => r.id,
			),
			[],
		);
	});

	it('a fail*.md fixture expects at least one finding and a pass*.md fixture expects none', () => {
		const named = (prefix: string): string[] => files.filter((f) => path.basename(f).startsWith(prefix));
		const expects = (f: string): number => expectationsOf(f).length;
		assert.ok(named('fail').length > 0 && named('pass').length > 0, 'no fail*.md or pass*.md fixtures found');
		assert.deepEqual(
			named('fail')
				.filter((f) => expects(f) === 0)
				.map((f) => path.relative(dir, f)),
			[],
			'fail*.md fixtures without an expect marker',
		);
		assert.deepEqual(
			named('pass')
				.filter((f) => expects(f) > 0)
				.map((f) => path.relative(dir, f)),
			[],
			'pass*.md fixtures with an expect marker',
		);
	});
});

describe('rule fixture markers', () => {
	it("read the column, the rule and the message id, on the marker's line or on the line named", () => {
		const text = [
			'---',
			'updated: 15 ตุลาคม 2026 # expect: 10 date-era:ceWithThaiMonth',
			'---',
			'ประชุมเมื่อวันที่ 3 ต.ค. 69 <!-- expect: 12 date-era:twoDigitYear, 1 x-rule:otherId -->',
			'<!-- expect: 1:1 frontmatter-missing:notAtTop -->',
		].join('\n');
		assert.deepEqual(ruleExpectations(text), [
			'1:1 frontmatter-missing:notAtTop',
			'2:10 date-era:ceWithThaiMonth',
			'4:1 x-rule:otherId',
			'4:12 date-era:twoDigitYear',
		]);
		assert.deepEqual(ruleExpectations('C# expected nothing; <!-- a comment --> # heading\n'), []);
	});

	it('refuse the old line:rule markers and anything short of column, rule and message id', () => {
		for (const marker of [
			'text <!-- expect: date-era -->',
			'updated: 2026-10-15 # expect: date-era',
			'<!-- expect-line 3: date-era -->',
			'<!-- expect-line 3:1 date-era:twoDigitYear -->',
			'text <!-- expect: 12 date-era -->',
			'text <!-- expect: date-era:twoDigitYear -->',
			'text <!-- expect: 12 date-era:twoDigitYear date-order:order -->',
			'text <!-- expect: 12 date-era:twoDigitYear, -->',
			'text <!-- expect: -->',
			'text <!-- expect 12 date-era:twoDigitYear -->',
		]) {
			assert.throws(() => ruleExpectations(`---\n---\n${marker}\n`, 'page.md'), /^Error: page\.md:3: /, marker);
		}
	});
});

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tmpDir } from '../helpers/tmp';
import { engineAt } from '../helpers/fixtures';
import { PAGE_DATE_INVALID } from '../helpers/pages';
import { compileUserPattern } from '../../server/src/core/regex';

/** Milliseconds `f` takes, and its result. */
function timed<T>(f: () => T): { ms: number; value: T } {
	const t0 = performance.now();
	const value = f();
	return { ms: performance.now() - t0, value };
}

const COMMON_REF = { $ref: 'https://disclosure-lint.dev/schemas/common.schema.json' };

/** A workspace with one schema file (its text as given) under `schemas/`. */
function workspaceWithSchema(schemaText: string): string {
	const root = tmpDir('dl-regex-');
	fs.mkdirSync(path.join(root, 'schemas'));
	fs.writeFileSync(path.join(root, '.disclosurelintrc.json'), JSON.stringify({ schemas: ['schemas'] }));
	fs.writeFileSync(path.join(root, 'schemas', 'memo.schema.json'), schemaText);
	return root;
}

function memoSchema(
	extra: {
		properties?: Record<string, unknown>;
		x?: Record<string, unknown>;
		patternProperties?: Record<string, unknown>;
	} = {},
): string {
	return `${JSON.stringify(
		{
			$schema: 'http://json-schema.org/draft-07/schema#',
			$id: 'https://example.go.th/schemas/memo.schema.json',
			title: 'Memo',
			allOf: [COMMON_REF],
			properties: extra.properties ?? {},
			...(extra.patternProperties ? { patternProperties: extra.patternProperties } : {}),
			'x-disclosure': { id: 'memo', name: { th: 'บันทึก', en: 'Memo' }, ...extra.x },
		},
		null,
		2,
	)}\n`;
}

/** The 1-based line and column of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): [number, number] {
	const at = text.indexOf(needle);
	assert.ok(at >= 0, `${needle} not in the text`);
	const before = text.slice(0, at).split('\n');
	return [before.length, before[before.length - 1].length + 1];
}

describe('user regular expressions (linear time)', () => {
	it('links.exclude ["(a+)+$"] against a 40-character link answers at once, with the expected result', () => {
		const root = tmpDir('dl-regex-');
		fs.writeFileSync(
			path.join(root, '.disclosurelintrc.json'),
			JSON.stringify({ links: { mode: 'online', exclude: ['(a+)+$'] } }),
		);
		const slow = `https://x.go.th/${'a'.repeat(40)}!`;
		const excluded = `https://y.go.th/${'a'.repeat(40)}`;
		const page = PAGE_DATE_INVALID.replace('https://www.dga.or.th/', slow) + `\n- [b](${excluded})\n`;
		const e = engineAt(root);
		assert.deepEqual(e.problemsFor(path.join(root, 'a.md')), []);
		const { ms, value } = timed(() => e.lintText(path.join(root, 'a.md'), page));
		assert.ok(ms < 2000, `took ${ms} ms`);
		// `(a+)+$` fails on the link that ends in "!" (so it is checked) and matches the other (excluded).
		assert.deepEqual(value.externalUrls, [slow]);
	});

	it('a workspace schema pattern ^(a+)+$ on a 42-character title answers at once, with the expected finding', () => {
		const root = workspaceWithSchema(memoSchema({ properties: { title: { type: 'string', pattern: '^(a+)+$' } } }));
		const e = engineAt(root);
		assert.deepEqual(e.problemsFor(path.join(root, 'a.md')), []);
		const page = (title: string): string =>
			PAGE_DATE_INVALID.replace('topic: web-links', 'topic: memo').replace(/^title: .*$/m, `title: ${title}`);
		const bad = timed(() => e.lintText(path.join(root, 'a.md'), page(`${'a'.repeat(41)}!`)));
		assert.ok(bad.ms < 2000, `took ${bad.ms} ms`);
		assert.deepEqual(
			bad.value.findings.filter((f) => f.ruleId === 'frontmatter-schema').map((f) => [f.line, f.messageId]),
			[[3, 'other']],
		);
		const detail = bad.value.findings.find((f) => f.ruleId === 'frontmatter-schema')?.args.detail as
			| { en: string }
			| undefined;
		assert.match(detail?.en ?? '', /must match pattern "\^\(a\+\)\+\$"/);
		const good = timed(() => e.lintText(path.join(root, 'a.md'), page('a'.repeat(42))));
		assert.ok(good.ms < 2000, `took ${good.ms} ms`);
		assert.deepEqual(
			good.value.findings.filter((f) => f.ruleId === 'frontmatter-schema'),
			[],
		);
	});

	it('refuses a links.exclude pattern the linear engine cannot take, at its position', () => {
		const root = tmpDir('dl-regex-');
		const text = '{\n  "links": {\n    "exclude": ["^https://ok/", "(a)\\\\1"]\n  }\n}\n';
		fs.writeFileSync(path.join(root, '.disclosurelintrc.json'), text);
		const problems = engineAt(root).problemsFor(path.join(root, 'a.md'));
		assert.deepEqual(
			problems.map((p) => [p.line, p.column]),
			[positionOf(text, '"(a)')],
		);
		assert.match(
			problems[0].message.en,
			/^links\.exclude: unsupported regular expression \/\(a\)\\1\/: backreferences/,
		);
	});

	it('refuses a workspace schema whose JSON Schema pattern uses a backreference, at the pattern', () => {
		const text = memoSchema({ properties: { ref_no: { type: 'string', pattern: '(a)\\1' } } });
		const root = workspaceWithSchema(text);
		const problems = engineAt(root).problemsFor(path.join(root, 'a.md'));
		assert.deepEqual(
			problems.map((p) => [p.file, p.line, p.column]),
			[[path.join(root, 'schemas', 'memo.schema.json'), ...positionOf(text, '"(a)')]],
		);
		assert.match(
			problems[0].message.en,
			/^\/properties\/ref_no\/pattern: unsupported regular expression .*backreferences/,
		);
	});

	it('refuses a patternProperties key with a lookahead, at the key', () => {
		const text = memoSchema({ patternProperties: { '^x_(?!y)': { type: 'string' } } });
		const root = workspaceWithSchema(text);
		const problems = engineAt(root).problemsFor(path.join(root, 'a.md'));
		assert.deepEqual(
			problems.map((p) => [p.line, p.column]),
			[positionOf(text, '"^x_')],
		);
		assert.match(problems[0].message.en, /lookahead/);
	});

	it('refuses x-disclosure patterns (mustMatch, headingPattern, requiredLinks, sourcePatterns) it cannot take, each at its place', () => {
		const text = memoSchema({
			x: {
				sections: [
					{
						id: 'a',
						heading: { th: 'ก', en: 'A' },
						headingPattern: 'ก(?=ข)',
						mustMatch: [{ pattern: '(\\d)\\1', label: { th: 'ก', en: 'a' } }],
					},
				],
				requiredLinks: [{ id: 'l', pattern: '\\k<n>(?<n>x)', label: { th: 'ก', en: 'a' } }],
			},
		});
		const root = workspaceWithSchema(text);
		const problems = engineAt(root).problemsFor(path.join(root, 'a.md'));
		assert.deepEqual(
			problems.map((p) => [p.line, p.column]),
			[positionOf(text, '"ก(?=ข)"'), positionOf(text, '"(\\\\d)'), positionOf(text, '"\\\\k<n>')],
		);
		assert.deepEqual(
			problems.map((p) => /^\/[^:]*/.exec(p.message.en)?.[0]),
			[
				'/x-disclosure/sections/0/headingPattern',
				'/x-disclosure/sections/0/mustMatch/0/pattern',
				'/x-disclosure/requiredLinks/0/pattern',
			],
		);
	});

	it("runs a workspace schema's x-disclosure patterns on the linear engine, with JavaScript meaning", () => {
		const text = memoSchema({
			x: {
				sections: [
					{
						id: 'a',
						heading: { th: 'ขั้นตอน', en: 'Steps' },
						headingPattern: '^ขั้น\\s*ตอน',
						mustMatch: [{ pattern: '(a+)+$', label: { th: 'ก', en: 'a run of a' } }],
					},
				],
			},
		});
		const root = workspaceWithSchema(text);
		const e = engineAt(root);
		assert.deepEqual(e.problemsFor(path.join(root, 'a.md')), []);
		const page =
			PAGE_DATE_INVALID.replace('topic: web-links', 'topic: memo') + `\n## ขั้น\u00a0ตอน\n\n${'a'.repeat(60)}!\n`;
		const { ms, value } = timed(() => e.lintText(path.join(root, 'a.md'), page));
		assert.ok(ms < 2000, `took ${ms} ms`);
		// The heading (with a no-break space, which JavaScript's \s matches) names the section; its text fails the pattern.
		assert.deepEqual(
			value.findings.filter((f) => f.ruleId === 'section-empty').map((f) => f.messageId),
			['mustMatch'],
		);
	});

	it('runs an x-disclosure pattern copied verbatim from a built-in schema as the built-in does (native, tested)', () => {
		const builtin = '^\\s*(?:\\d+(?:\\.\\d+)*\\.?\\s*)?(?:มาตรา|ม\\.)\\s*7\\s*\\(\\s*1\\s*\\)(?!\\s*[-–]\\s*\\d)';
		const root = workspaceWithSchema(
			memoSchema({
				x: { sections: [{ id: '7-1', heading: { th: 'โครงสร้าง', en: 'Structure' }, headingPattern: builtin }] },
			}),
		);
		const e = engineAt(root);
		assert.deepEqual(e.problemsFor(path.join(root, 'a.md')), []);
		// Edited, it is a workspace pattern again, and its lookahead is refused.
		const edited = workspaceWithSchema(
			memoSchema({
				x: {
					sections: [
						{ id: '7-1', heading: { th: 'โครงสร้าง', en: 'Structure' }, headingPattern: `${builtin} ` },
					],
				},
			}),
		);
		assert.match(engineAt(edited).problemsFor(path.join(edited, 'a.md'))[0]?.message.en ?? '', /lookahead/);
		const page = (h: string): string =>
			`${PAGE_DATE_INVALID.replace('topic: web-links', 'topic: memo')}\n## ${h}\n\nเนื้อหา\n`;
		const sections = (h: string): string[] =>
			[
				...e.lintText(path.join(root, 'a.md'), page(h)).findings.filter((f) => f.ruleId === 'section-missing'),
			].map((f) => String(f.data?.sectionId ?? f.messageId));
		assert.deepEqual(sections('มาตรา 7 (1) โครงสร้าง'), []);
		assert.equal(sections('มาตรา 7 (1)-2 อื่น').length, 1);
	});

	describe("the translation keeps JavaScript's meaning", () => {
		const cases: [string, string, string[]][] = [
			['\\S', 'u', [' \u00a0\u3000', ' x', '']],
			['^\\s+$', 'u', ['\u00a0\u3000\t', 'a ']],
			['[^\\S\\n]', 'u', ['\n', '\u00a0', 'x']],
			['^.$', 'u', ['\r', '\u2028', 'x', '😀']],
			['^.$', 'su', ['\r', '\n']],
			['^[a-c-]$', 'u', ['-', 'b', 'd']],
			['^[a-b-c]$', 'u', ['-', 'c', 'x']],
			['^[^]$', 'u', ['\n', 'x']],
			['[]', 'u', ['x', '']],
			['\\u0E01\\u{E02}', 'u', ['กข', 'ขก']],
			['\\uD83D\\uDE00', 'u', ['😀', 'x']],
			['(?<y>\\d{4})-\\d{2}', 'u', ['2567-01', '256-01']],
			['(?<!\\d)12', 'u', ['112', 'x12']],
			['(?<=พ\\.ศ\\.\\s*)\\d+', 'u', ['พ.ศ. 2567', '2567']],
			['ABC', 'iu', ['xabc', 'ab']],
			['^a$', 'mu', ['x\na', 'ab']],
			['\\p{Script=Thai}+', 'u', ['ไทย', 'abc']],
			['\\p{L}', 'u', ['ก', '1']],
			['a\\/b', 'u', ['a/b', 'ab']],
			['^[\\[\\]]$', 'u', ['[', ']', 'x']],
			['\\cJ', 'u', ['\n', 'J']],
			['\\bfoo\\b', 'u', ['a foo', 'afoo']],
			['^[\\d\\s]+$', 'u', ['1 2\u00a03', '1a']],
			['[\\u0E01-\\u0E2E]{2,}', 'u', ['กข', 'ก']],
			['\\x41\\0', 'u', ['A\0', 'A']],
			['https?://example\\.org(?:/|$)', 'u', ['https://example.org/x', 'https://example.org.evil']],
		];
		for (const [pattern, flags, inputs] of cases) {
			it(`/${pattern}/${flags}`, () => {
				const c = compileUserPattern(pattern, flags);
				assert.ok(c.ok, c.ok ? '' : c.reason.en);
				const native = new RegExp(pattern, flags);
				for (const s of inputs) assert.equal(c.matcher.test(s), native.test(s), JSON.stringify(s));
			});
		}
	});

	it('refuses what no linear-time engine can run, with the reason', () => {
		const refused: [string, string, RegExp][] = [
			['(a)\\1', 'u', /backreferences/],
			['\\k<x>(?<x>a)', 'u', /backreferences/],
			['a(?!b)', 'u', /lookahead/],
			['a(?=b)', 'u', /lookahead/],
			['(?<!(a))b', 'u', /capture in lookbehind/],
			['a{1001}', 'u', /repeat count/],
			['(', 'u', /invalid regular expression/],
			['[\\p{L}--[a-z]]', 'v', /flag v/],
			['a', 'x', /unknown flag/],
		];
		for (const [pattern, flags, reason] of refused) {
			const c = compileUserPattern(pattern, flags);
			assert.ok(!c.ok, pattern);
			assert.match(c.reason.en, reason, pattern);
			assert.ok(/[\u0e00-\u0e7f]/.test(c.reason.th), `${pattern}: the Thai reason has no Thai text`);
		}
	});

	it('matches in linear time: nested quantifiers on 50 KB inputs', () => {
		for (const [pattern, input] of [
			['(a+)+$', `${'a'.repeat(50_000)}!`],
			['^(\\w+\\s?)*$', `${'ab '.repeat(17_000)}!`],
			['(x+x+)+y', 'x'.repeat(50_000)],
			['(.*a){20}', 'a'.repeat(5_000)],
		] as const) {
			const c = compileUserPattern(pattern, 'u');
			assert.ok(c.ok);
			const { ms } = timed(() => c.matcher.test(input));
			assert.ok(ms < 2000, `${pattern}: ${ms} ms`);
		}
	});
});

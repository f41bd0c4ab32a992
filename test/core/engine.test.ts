import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { tmpDir } from '../helpers/tmp';
import * as path from 'node:path';
import { lintText } from '../../server/src/core/lint';
import { getRule, RULES, type Rule } from '../../server/src/core/rules/index';
import { formatMessage } from '../../server/src/core/messages';
import type { FileProblem } from '../../server/src/core/types';
import { engineAt, FIXTURE_TODAY, FIXTURES, lintFixture, markdownFiles } from '../helpers/fixtures';
import { PAGE_DATE_INVALID } from '../helpers/pages';

const PAGE = PAGE_DATE_INVALID;

/** Problems as their place and English message, for exact comparison. */
function brief(problems: FileProblem[]): { line: number; column: number; en: string }[] {
	return problems.map((p) => ({ line: p.line, column: p.column, en: p.message.en }));
}

/** Where a source file imports one of the modules the engine must not use: ES imports and re-exports, side-effect imports, require() and import(), either quote. */
const FORBIDDEN_IMPORT =
	/(?:\bfrom\s*|\bimport\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)(['"])(?:vscode[^'"]*|(?:node:)?(?:fs|fs\/promises|child_process|worker_threads))\1/;

describe('engine', () => {
	it('reports the same position for LF, CRLF and BOM+CRLF pages, in UTF-16 columns after Thai text', () => {
		const e = engineAt(tmpDir('dl-engine-'));
		const variants = [PAGE, PAGE.replace(/\n/g, '\r\n'), '\ufeff' + PAGE.replace(/\n/g, '\r\n')];
		const found = variants.map((t) =>
			e.lintText('/x/page.md', t).findings.map((f) => [f.ruleId, f.line, f.column, f.endLine, f.endColumn]),
		);
		assert.deepEqual(found[0], [['date-invalid', 9, 10, 9, 24]]);
		assert.deepEqual(found[1], found[0]);
		assert.deepEqual(found[2], found[0]);
	});

	it('turns a throwing rule into one internal-error naming it, and still runs the others', () => {
		const boom: Rule = {
			id: 'boom',
			tags: [],
			defaultSeverity: 'error',
			fixable: false,
			scope: 'page',
			description: { th: 'x', en: 'x' },
			messages: {},
			check() {
				throw new Error('kaput');
			},
		};
		const e = engineAt(tmpDir('dl-engine-'));
		const config = e.configFor('/x/page.md');
		const result = lintText('/x/page.md', PAGE, {
			config,
			registry: e.registryFor(config),
			today: FIXTURE_TODAY,
			locale: 'en',
			rules: [boom, ...RULES],
		});
		assert.deepEqual(
			result.findings.map((f) => [f.ruleId, f.line]),
			[
				['internal-error', 1],
				['date-invalid', 9],
			],
		);
		assert.match(formatMessage(result.findings[0], 'en'), /The rule boom failed on this page \(kaput\)/);
		assert.match(formatMessage(result.findings[0], 'th'), /กฎ boom ทำงานผิดพลาด/);
	});

	it('reports binary and non-UTF-8 files as file-unreadable with the place of the bad byte', () => {
		const e = engineAt(tmpDir('dl-engine-'));
		const bin = e.lintBytes('/x/a.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1]));
		assert.deepEqual(
			bin.findings.map((f) => [f.ruleId, f.messageId, f.line]),
			[['file-unreadable', 'binary', 1]],
		);
		const latin1 = e.lintBytes(
			'/x/b.md',
			new Uint8Array([...Buffer.from('---\ntopic: news\n'), 0x63, 0x61, 0x66, 0xe9, 0x0a]),
		);
		assert.deepEqual(
			latin1.findings.map((f) => [f.ruleId, f.messageId, f.line, f.args.offset]),
			[['file-unreadable', 'invalidUtf8', 3, 19]],
		);
	});

	it('renders every message of every rule in Thai and English without leftover placeholders', () => {
		for (const r of RULES) {
			for (const [id, m] of Object.entries(r.messages)) {
				assert.ok(m.th.trim() && m.en.trim(), `${r.id}.${id} needs both languages`);
				assert.ok(/[\u0e00-\u0e7f]/.test(m.th), `${r.id}.${id}: the Thai message has no Thai text`);
				// The same placeholders, each used once or more (a Thai sentence may repeat the key it asks for).
				const names = [...new Set([...m.en.matchAll(/\{(\w+)\}/g)].map((x) => x[1]))].sort();
				assert.deepEqual(
					[...new Set([...m.th.matchAll(/\{(\w+)\}/g)].map((x) => x[1]))].sort(),
					names,
					`${r.id}.${id}: Thai and English use different placeholders`,
				);
			}
		}
		// Render every finding of every rule fixture: each has a template, and its arguments fill every placeholder.
		const leftovers: string[] = [];
		const rendered = new Set<string>();
		for (const file of markdownFiles(path.join(FIXTURES, 'rules'))) {
			for (const f of lintFixture(file).findings) {
				const where = `${path.relative(FIXTURES, file)}:${f.line} ${f.ruleId}.${f.messageId}`;
				assert.ok(getRule(f.ruleId)?.messages[f.messageId], `${where}: no message template`);
				for (const locale of ['th', 'en'] as const) {
					const text = formatMessage(f, locale);
					assert.ok(text.trim(), `${where}: empty ${locale} message`);
					if (/\{\w+\}/.test(text)) leftovers.push(`${where} (${locale}): ${text}`);
				}
				rendered.add(f.ruleId);
			}
		}
		assert.deepEqual(leftovers, []);
		// The fixtures exercise every rule but those that cannot be written as a Markdown fixture (see ruleFixtures.test.ts).
		const notInFixtures = new Set([
			'file-unreadable',
			'internal-error',
			'topic-coverage',
			'link-external-dead',
			'link-external-unverified',
		]);
		assert.deepEqual(
			RULES.map((r) => r.id).filter((id) => !rendered.has(id) && !notInFixtures.has(id)),
			[],
		);
	});

	it("applies a unit's own topic schema from the config `schemas` folder", () => {
		const root = tmpDir('dl-engine-');
		fs.mkdirSync(path.join(root, 'schemas'));
		fs.writeFileSync(path.join(root, '.disclosurelintrc.json'), JSON.stringify({ schemas: ['schemas'] }));
		fs.writeFileSync(
			path.join(root, 'schemas', 'meeting-minutes.schema.json'),
			JSON.stringify({
				$schema: 'http://json-schema.org/draft-07/schema#',
				$id: 'https://example.go.th/schemas/meeting-minutes.schema.json',
				title: 'รายงานการประชุม / Meeting minutes',
				allOf: [{ $ref: 'https://disclosure-lint.dev/schemas/common.schema.json' }],
				required: ['meeting_no'],
				properties: { meeting_no: { type: 'string', 'x-label': { th: 'ครั้งที่', en: 'Meeting no.' } } },
				'x-disclosure': {
					id: 'meeting-minutes',
					name: { th: 'รายงานการประชุม', en: 'Meeting minutes' },
					freshness: { maxAgeDays: 30 },
				},
			}),
		);
		const e = engineAt(root);
		assert.deepEqual(e.problemsFor(path.join(root, 'a.md')), []);
		const page = PAGE.replace('topic: web-links', 'topic: รายงานการประชุม').replace(
			'updated: 31 เมษายน 2569',
			'updated: 2569-10-02',
		);
		const r = e.lintText(path.join(root, 'a.md'), page);
		assert.equal(r.topic, 'meeting-minutes');
		assert.deepEqual(
			r.findings.map((f) => [f.ruleId, f.line, f.messageId]),
			[
				['frontmatter-schema', 2, 'required'],
				['frontmatter-schema', 2, 'topicName'],
				['content-stale', 9, 'age'],
			],
		);
	});

	it('reports a broken custom schema with its position instead of crashing', () => {
		const root = tmpDir('dl-engine-');
		fs.mkdirSync(path.join(root, 's'));
		fs.writeFileSync(path.join(root, '.disclosurelintrc.yaml'), 'schemas:\n  - s\n');
		fs.writeFileSync(
			path.join(root, 's', 'x.schema.json'),
			'{\n  "$schema": "http://json-schema.org/draft-07/schema#",\n  "$id": "https://x/x.json",\n  "title": "x",\n  "allOf": [{"$ref": "https://disclosure-lint.dev/schemas/common.schema.json"}],\n  "x-disclosure": {"id": "x", "name": {"th": "ก", "en": "x"}, "sectionz": []}\n}\n',
		);
		const problems = engineAt(root).problemsFor(path.join(root, 'a.md'));
		assert.deepEqual(
			problems.map((p) => p.file),
			[path.join(root, 's', 'x.schema.json')],
		);
		assert.deepEqual(brief(problems), [
			{ line: 6, column: 63, en: '/x-disclosure must NOT have additional properties: sectionz' },
		]);
	});

	it('reports a bad config value at its position and never falls back silently', () => {
		const root = tmpDir('dl-engine-');
		fs.writeFileSync(
			path.join(root, '.disclosurelintrc.json'),
			'{\n  "rules": {\n    "date-era": "loud"\n  },\n  "workdayMinutes": 420\n}\n',
		);
		const problems = engineAt(root).problemsFor(path.join(root, 'a.md'));
		assert.deepEqual(
			problems.map((p) => p.file),
			[path.join(root, '.disclosurelintrc.json')],
		);
		assert.deepEqual(brief(problems), [
			{
				line: 3,
				column: 17,
				en: '/rules/date-era must be equal to one of the allowed values: "off", "info", "warning", "error"',
			},
		]);
		const root2 = tmpDir('dl-engine-');
		fs.writeFileSync(path.join(root2, '.disclosurelintrc.json'), '{ "rules": { "date-eraa": "warning" } }');
		assert.deepEqual(brief(engineAt(root2).problemsFor(path.join(root2, 'a.md'))), [
			{ line: 1, column: 14, en: '/rules: unknown name "date-eraa"' },
		]);
	});

	it("checks each rule's options with the rule's own schema: a misspelt or mistyped option is an error at its position", () => {
		const cases: [string, { line: number; column: number; en: string }[]][] = [
			[
				'{\n  "rules": {\n    "content-stale": ["warning", {"maxAgeDay": 99999}]\n  }\n}\n',
				[{ line: 3, column: 35, en: '/rules/content-stale/1 must NOT have additional properties: maxAgeDay' }],
			],
			[
				'{\n  "rules": {\n    "content-stale": ["warning", {"maxAgeDays": "99999"}]\n  }\n}\n',
				[{ line: 3, column: 49, en: '/rules/content-stale/1/maxAgeDays must be integer or null or object' }],
			],
			[
				'{\n  "rules": {\n    "date-era": ["error", {"strict": true}]\n  }\n}\n',
				[{ line: 3, column: 28, en: '/rules/date-era/1 must NOT have additional properties: strict' }],
			],
			[
				'rules:\n  frontmatter-schema: [error, {recommended: {publish_request: loud}}]\n',
				[
					{
						line: 2,
						column: 63,
						en: '/rules/frontmatter-schema/1/recommended/publish_request must be equal to one of the allowed values: "warning", "info", "off"',
					},
				],
			],
		];
		for (const [config, expected] of cases) {
			const root = tmpDir('dl-engine-');
			fs.writeFileSync(
				path.join(root, config.startsWith('{') ? '.disclosurelintrc.json' : '.disclosurelintrc.yaml'),
				config,
			);
			assert.deepEqual(brief(engineAt(root).problemsFor(path.join(root, 'a.md'))), expected, config);
		}
		// Good options pass, and take effect.
		const root = tmpDir('dl-engine-');
		fs.writeFileSync(
			path.join(root, '.disclosurelintrc.json'),
			JSON.stringify({
				rules: {
					'content-stale': ['warning', { maxAgeDays: { news: 30 }, fiscalYear: 'current' }],
					'procurement-month-missing': ['error', { graceDays: 10 }],
				},
			}),
		);
		assert.deepEqual(engineAt(root).problemsFor(path.join(root, 'a.md')), []);
	});

	it('gives a folder its own configuration, without the overrides that match files', () => {
		const root = tmpDir('dl-engine-');
		fs.mkdirSync(path.join(root, 'sub'));
		fs.writeFileSync(
			path.join(root, '.disclosurelintrc.json'),
			JSON.stringify({
				requiredTopics: ['law'],
				rules: { 'date-era': 'error' },
				overrides: [{ files: '**/index.md', rules: { 'date-era': 'off' } }],
			}),
		);
		fs.writeFileSync(path.join(root, 'sub', '.disclosurelintrc.json'), JSON.stringify({ links: { mode: 'off' } }));
		const e = engineAt(root);
		const folder = e.configForFolder(path.join(root, 'sub'));
		assert.deepEqual(
			[folder.requiredTopics, folder.rules['date-era']?.level, folder.links.mode, folder.files.length],
			[['law'], 'error', 'off', 2],
		);
		// A page named index.md in the same folder gets the override.
		assert.equal(e.configFor(path.join(root, 'sub', 'index.md')).rules['date-era']?.level, 'off');
	});

	it('cascades configs: nearer files override farther ones, overrides apply by glob', () => {
		const root = tmpDir('dl-engine-');
		fs.mkdirSync(path.join(root, 'sub', 'archive'), { recursive: true });
		fs.writeFileSync(
			path.join(root, '.disclosurelintrc.json'),
			JSON.stringify({ locale: 'en', rules: { 'date-invalid': 'warning' }, workdayMinutes: 480 }),
		);
		fs.writeFileSync(
			path.join(root, 'sub', '.disclosurelintrc.yml'),
			'locale: th\nrules:\n  date-era: "off"\noverrides:\n  - files: "archive/**"\n    rules:\n      date-invalid: "off"\n',
		);
		const e = engineAt(root);
		const c = e.configFor(path.join(root, 'sub', 'p.md'));
		assert.equal(c.locale, 'th');
		assert.equal(c.workdayMinutes, 480);
		assert.deepEqual(c.rules['date-invalid'], { level: 'warning', options: {} });
		assert.deepEqual(c.rules['date-era'], { level: 'off', options: {} });
		assert.deepEqual(e.configFor(path.join(root, 'sub', 'archive', 'old.md')).rules['date-invalid'], {
			level: 'off',
			options: {},
		});
		const r = e.lintText(path.join(root, 'sub', 'p.md'), PAGE);
		assert.deepEqual(
			r.findings.map((f) => [f.ruleId, f.severity]),
			[['date-invalid', 'warning']],
		);
		assert.deepEqual(e.lintText(path.join(root, 'sub', 'archive', 'old.md'), PAGE).findings, []);
	});
});

describe('architecture', () => {
	it('the engine in server/src/core imports nothing from vscode, fs, process or console', () => {
		const core = path.resolve(__dirname, '../../server/src/core');
		const offenders: string[] = [];
		const scanned: string[] = [];
		const walk = (d: string): void => {
			for (const e of fs.readdirSync(d, { withFileTypes: true })) {
				const p = path.join(d, e.name);
				if (e.isDirectory()) walk(p);
				else if (p.endsWith('.ts')) {
					scanned.push(path.relative(core, p));
					const src = fs.readFileSync(p, 'utf8');
					if (
						FORBIDDEN_IMPORT.test(src) ||
						/\bprocess\.|\bconsole\./.test(src.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, ''))
					)
						offenders.push(path.relative(core, p));
				}
			}
		};
		walk(core);
		assert.ok(
			scanned.includes('engine.ts') && scanned.includes(path.join('rules', 'index.ts')),
			`the scan missed the engine: ${scanned.join(', ')}`,
		);
		assert.deepEqual(offenders, []);
	});

	it('the import check sees every form of import of a forbidden module, and only those', () => {
		const caught = [
			`import * as fs from 'fs';`,
			`import { readFileSync } from "node:fs";`,
			`import { readFile } from 'node:fs/promises';`,
			`import type * as vscode from 'vscode';`,
			`import { TextDocument } from "vscode-languageserver-textdocument";`,
			`export { spawn } from 'node:child_process';`,
			`import 'worker_threads';`,
			`const cp = require('child_process');`,
			`const fs = require ( "fs" );`,
			`const w = await import('node:worker_threads');`,
			`const v = await import("vscode");`,
		];
		assert.deepEqual(
			caught.filter((src) => !FORBIDDEN_IMPORT.test(src)),
			[],
		);
		const allowed = [
			`import { fsHost } from '../node/fsHost';`,
			`import type { Host } from './host';`,
			`import { parse } from 'yaml';`,
			`const x = require('./fs');`,
			`import('node:path');`,
			`// the engine never reads files itself (no fs)`,
		];
		assert.deepEqual(
			allowed.filter((src) => FORBIDDEN_IMPORT.test(src)),
			[],
		);
	});
});

describe('link settings', () => {
	it('reports an invalid links.exclude pattern at its position instead of failing later', () => {
		const root = tmpDir('dl-engine-');
		fs.writeFileSync(
			path.join(root, '.disclosurelintrc.json'),
			'{\n  "links": {\n    "exclude": ["^https://ok/", "(unclosed"]\n  }\n}\n',
		);
		const problems = engineAt(root).problemsFor(path.join(root, 'a.md'));
		assert.deepEqual(
			problems.map((p) => [p.line, p.column]),
			[[3, 33]],
		);
		// After the prefix comes the JavaScript engine's own wording, which varies between Node versions.
		assert.match(problems[0].message.en, /^links\.exclude: invalid regular expression: .*\/\(unclosed\//);
	});
});

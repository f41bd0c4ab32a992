import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { tmpDir } from '../helpers/tmp';
import * as path from 'node:path';
import { RULES } from '../../server/src/core/rules/index';
import { VERSION } from '../../server/src/shared/version';
import { runMain, spawnBin, type CliRun } from '../helpers/cli';
import { findingsByFile, parseLintJson } from '../helpers/lintJson';
import { PAGE_TWO_FINDINGS } from '../helpers/pages';

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLES = path.join(ROOT, 'examples');

type Runner = (
	args: string[],
	opts?: { cwd?: string; stdin?: string; env?: Record<string, string> },
) => Promise<CliRun>;

/** main() in this process, with captured streams. */
const inProcess: Runner = (args, opts = {}) => runMain(args, opts.cwd ?? ROOT, { stdin: opts.stdin, env: opts.env });

/** The built binary as a child process (the shared harness). */
const spawned: Runner = (args, opts = {}) => spawnBin(args, opts.cwd ?? ROOT, opts);

function tmpdir(): string {
	return tmpDir('dl-cli-');
}

const FAILING_PAGE = PAGE_TWO_FINDINGS;

/** `--format json` of FAILING_PAGE written to page.md in dir, in English. */
function failingPageJson(dir: string): unknown {
	return [
		{
			filePath: path.join(dir, 'page.md'),
			messages: [
				{
					ruleId: 'date-invalid',
					severity: 2,
					message: 'updated (Last updated): "31 เมษายน 2569" does not exist in the calendar',
					line: 9,
					column: 10,
					endLine: 9,
					endColumn: 24,
				},
				{
					ruleId: 'date-era',
					severity: 1,
					message:
						'"1 ตุลาคม 2024" has a Christian-era year beside a Thai month name; government pages use Buddhist Era years',
					line: 15,
					column: 17,
					endLine: 15,
					endColumn: 30,
					fix: { range: [362, 375], text: '1 ตุลาคม 2567' },
				},
			],
			errorCount: 1,
			warningCount: 1,
			infoCount: 0,
			fixableErrorCount: 0,
			fixableWarningCount: 1,
		},
	];
}

/** The stylish line of FAILING_PAGE's date-era warning, in English. */
const DATE_ERA_EN =
	'  15:17  warning  "1 ตุลาคม 2024" has a Christian-era year beside a Thai month name; government pages use Buddhist Era years  date-era';

function siteWith(files: Record<string, string | Uint8Array>): string {
	const dir = tmpdir();
	for (const [name, content] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
		fs.writeFileSync(path.join(dir, name), content);
	}
	return dir;
}

for (const [name, run] of [
	['in-process main()', inProcess],
	['spawned binary', spawned],
] as const) {
	describe(`CLI (${name})`, () => {
		it('--version prints the package version', async () => {
			assert.deepEqual(await run(['--version']), { code: 0, stdout: `${VERSION}\n`, stderr: '' });
		});

		it('--list-rules lists every rule with its severity and docs link', async () => {
			const r = await run(['--list-rules']);
			assert.equal(r.code, 0);
			for (const rule of RULES)
				assert.match(
					r.stdout,
					new RegExp(`^${rule.id} +${rule.defaultSeverity} .*docs/rules/${rule.id}\\.md$`, 'm'),
				);
		});

		it('lints the example site clean (exit 0)', async () => {
			const r = await run(['examples']);
			assert.equal(r.stderr, '');
			assert.match(r.stdout, /^✔ ตรวจ 13 หน้า ไม่พบปัญหา\n$/);
			assert.equal(r.code, 0);
		});

		it('--format json is ESLint-compatible with 1-based lines and UTF-16 columns', async () => {
			const dir = siteWith({ 'page.md': FAILING_PAGE });
			const r = await run(['--format', 'json', 'page.md'], { cwd: dir });
			assert.equal(r.code, 1);
			assert.equal(r.stderr, '');
			assert.deepEqual(JSON.parse(r.stdout), failingPageJson(dir));
		});

		it('--locale th writes Thai messages; stylish shows line:column, severity and rule id', async () => {
			const dir = siteWith({ 'page.md': FAILING_PAGE });
			assert.deepEqual(await run(['--locale', 'th', 'page.md'], { cwd: dir }), {
				code: 1,
				stdout: [
					'page.md',
					'  9:10   ข้อผิดพลาด  updated (วันที่ปรับปรุงล่าสุด): วันที่ "31 เมษายน 2569" ไม่มีอยู่จริงในปฏิทิน ให้ตรวจวันและเดือนอีกครั้ง  date-invalid',
					'  15:17  คำเตือน    "1 ตุลาคม 2024" ใช้ปี ค.ศ. คู่กับชื่อเดือนภาษาไทย ให้เขียนปีเป็น พ.ศ. ตามแบบของหน่วยงานราชการ  date-era',
					'',
					'✖ พบปัญหา 2 รายการ (ข้อผิดพลาด 1, คำเตือน 1, ข้อสังเกต 0)',
					'  แก้อัตโนมัติได้ 1 รายการ',
					'',
				].join('\n'),
				stderr: '',
			});
			assert.deepEqual(await run(['--locale', 'en', 'page.md'], { cwd: dir }), {
				code: 1,
				stdout: [
					'page.md',
					'  9:10   error    updated (Last updated): "31 เมษายน 2569" does not exist in the calendar  date-invalid',
					DATE_ERA_EN,
					'',
					'✖ 2 problems (1 error, 1 warning, 0 info)',
					'  1 can be fixed automatically',
					'',
				].join('\n'),
				stderr: '',
			});
		});

		it('--max-warnings fails a run with only warnings; --quiet hides them', async () => {
			const dir = siteWith({ 'page.md': FAILING_PAGE.replace('31 เมษายน 2569', '2569-10-15') });
			const warningOnly = [
				'page.md',
				DATE_ERA_EN,
				'',
				'✖ 1 problem (0 errors, 1 warning, 0 info)',
				'  1 can be fixed automatically',
				'',
			].join('\n');
			assert.deepEqual(await run(['page.md'], { cwd: dir }), { code: 0, stdout: warningOnly, stderr: '' });
			assert.deepEqual(await run(['--max-warnings', '1', 'page.md'], { cwd: dir }), {
				code: 0,
				stdout: warningOnly,
				stderr: '',
			});
			assert.deepEqual(await run(['--max-warnings', '0', 'page.md'], { cwd: dir }), {
				code: 1,
				stdout: warningOnly,
				stderr: 'disclosure-lint: 1 warnings exceed --max-warnings 0\n',
			});
			const q = await run(['--quiet', '--format', 'json', 'page.md'], { cwd: dir });
			assert.equal(q.code, 0);
			assert.equal(q.stderr, '');
			assert.deepEqual(JSON.parse(q.stdout), [
				{
					filePath: path.join(dir, 'page.md'),
					messages: [],
					errorCount: 0,
					warningCount: 0,
					infoCount: 0,
					fixableErrorCount: 0,
					fixableWarningCount: 0,
				},
			]);
			assert.deepEqual(await run(['--quiet', 'page.md'], { cwd: dir }), {
				code: 0,
				stdout: '✔ 1 page checked, no problems\n',
				stderr: '',
			});
		});

		it('usage errors exit 2 with a clear message', async () => {
			for (const [args, pattern] of [
				[['--format', 'xml'], /--format must be one of stylish, json, sarif, junit, github, not "xml"/],
				[['--bogus'], /Unknown option '--bogus'/],
				[['--today', '2026-02-30'], /--today must be a real date written YYYY-MM-DD/],
				[['--cache-location', 'x'], /--cache-location needs --cache/],
				[['no-such-folder'], /no Markdown files match "no-such-folder"/],
				[['--config', 'missing.json'], /cannot read the config file missing\.json/],
			] as [string[], RegExp][]) {
				const r = await run(args, { cwd: tmpdir() });
				assert.equal(r.code, 2, args.join(' '));
				assert.match(r.stderr, pattern);
			}
		});

		it('a bad config file stops the run with exit 2 and file:line:column', async () => {
			const dir = siteWith({
				'.disclosurelintrc.json': '{\n  "rules": { "date-era": "loud" }\n}\n',
				'page.md': FAILING_PAGE,
			});
			const r = await run(['.'], { cwd: dir });
			assert.equal(r.code, 2);
			assert.match(
				r.stderr,
				new RegExp(
					`${path.join(dir, '.disclosurelintrc.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:26: /rules/date-era must be equal to one of the allowed values: "off", "info", "warning", "error"`,
				),
			);
			assert.equal(r.stdout, '');
		});

		it("--stdin lints standard input under --stdin-filename, with that file's config", async () => {
			const dir = siteWith({ 'sub/.disclosurelintrc.json': '{ "locale": "th" }' });
			const r = await run(['--stdin', '--stdin-filename', 'sub/new.md', '--format', 'json'], {
				cwd: dir,
				stdin: FAILING_PAGE,
			});
			assert.deepEqual(findingsByFile(r.stdout, dir), [['sub/new.md', ['9:date-invalid', '15:date-era']]]);
			assert.equal(
				parseLintJson(r.stdout)[0].messages[0].message,
				'updated (วันที่ปรับปรุงล่าสุด): วันที่ "31 เมษายน 2569" ไม่มีอยู่จริงในปฏิทิน ให้ตรวจวันและเดือนอีกครั้ง',
			);
			assert.equal(r.stderr, '');
			assert.equal(r.code, 1);
		});

		it('--output writes the report to a file and nothing to stdout', async () => {
			const dir = siteWith({ 'page.md': FAILING_PAGE });
			const r = await run(['--format', 'json', '--output', 'out/report.json', 'page.md'], { cwd: dir });
			assert.deepEqual(r, { code: 1, stdout: '', stderr: '' });
			assert.deepEqual(
				JSON.parse(fs.readFileSync(path.join(dir, 'out/report.json'), 'utf8')),
				failingPageJson(dir),
			);
		});

		it('honours .gitignore and .disclosurelintignore in folder mode, and globs', async () => {
			const dir = siteWith({
				'.gitignore': 'build/\n',
				'docs/.disclosurelintignore': 'draft-*.md\n',
				'build/out.md': 'x',
				'docs/draft-1.md': 'x',
				'docs/page.md': FAILING_PAGE,
				'node_modules/pkg/readme.md': 'x',
			});
			const r = await run(['--format', 'json'], { cwd: dir });
			assert.deepEqual(
				JSON.parse(r.stdout).map((e: { filePath: string }) => path.relative(dir, e.filePath)),
				['docs/page.md', ''],
			);
			// A folder named on the command line is linted even when an ignore file above it covers it.
			const named = await run(['--format', 'json', 'build'], { cwd: dir });
			assert.deepEqual(
				JSON.parse(named.stdout).map((e: { filePath: string }) => path.relative(dir, e.filePath)),
				['build/out.md', 'build'],
			);
			const g = await run(['--format', 'json', 'docs/*.md'], { cwd: dir });
			assert.deepEqual(
				JSON.parse(g.stdout).map((e: { filePath: string }) => path.relative(dir, e.filePath)),
				['docs/page.md'],
			);
		});

		it('--print-config shows the merged configuration of a file', async () => {
			const dir = siteWith({
				'.disclosurelintrc.json': '{ "rules": { "date-era": "off" }, "workdayMinutes": 480 }',
			});
			const r = await run(['--print-config', 'a/page.md'], { cwd: dir });
			assert.equal(r.code, 0);
			assert.equal(r.stderr, '');
			assert.deepEqual(JSON.parse(r.stdout), {
				files: [path.join(dir, '.disclosurelintrc.json')],
				rules: { 'date-era': { level: 'off', options: {} } },
				topics: [],
				schemas: [],
				links: {},
				workdayMinutes: 480,
				aliases: {},
				problems: [],
				topicIds: [
					'agency-info',
					'law',
					'knowledge',
					'web-links',
					'official-info',
					'sop-manual',
					'citizen-manual',
					'news',
					'e-service',
					'web-stats',
				],
				locale: 'en',
			});
		});

		it('--init writes a valid starter config once and refuses to overwrite', async () => {
			const dir = tmpdir();
			const file = path.join(dir, '.disclosurelintrc.json');
			assert.deepEqual(await run(['--init'], { cwd: dir }), { code: 0, stdout: `wrote ${file}\n`, stderr: '' });
			const written = fs.readFileSync(file, 'utf8');
			assert.deepEqual(JSON.parse(written), {
				$schema: 'https://disclosure-lint.dev/schemas/disclosure-lint.config.schema.json',
				locale: 'th',
				rules: {},
				topics: {},
				ignores: [],
				workdayMinutes: 420,
			});
			const again = await run(['--init'], { cwd: dir });
			assert.deepEqual(again, {
				code: 2,
				stdout: '',
				stderr: 'disclosure-lint: .disclosurelintrc.json already exists; nothing written\n',
			});
			assert.equal(fs.readFileSync(path.join(dir, '.disclosurelintrc.json'), 'utf8'), written);
		});

		it('bad input gets findings and the run goes on with the other files', async () => {
			const fm = FAILING_PAGE.split('---\n\n')[0].replace('31 เมษายน 2569', '2569-10-15') + '---\n';
			const links = '\n# เว็บไซต์หน่วยงานที่เกี่ยวข้อง\n\n- [มาตรฐานเว็บไซต์ภาครัฐ](https://www.dga.or.th/)\n';
			let big = fm;
			while (big.length < 5_000_000) big += 'ข่าวประชาสัมพันธ์ วันที่ 1 ตุลาคม 2569 [ลิงก์](https://a.go.th) | a | b |\n\n';
			const dir = siteWith({
				'alias-bomb.md':
					'---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n---\n',
				'bad-yaml.md': '---\ntopic: [web-links\n---\n',
				'big.md': big,
				'binary.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
				'brackets.md': fm + '['.repeat(50_000) + '\n' + links,
				'latin1.md': Buffer.concat([Buffer.from(fm), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])]),
				'nested.md': fm + '>'.repeat(20_000) + ' ลึกมาก\n',
				'ok.md': fm + links,
			});
			const r = await run(['--format', 'json', '.'], { cwd: dir });
			assert.equal(r.code, 1);
			assert.equal(r.stderr, '');
			const got = Object.fromEntries(findingsByFile(r.stdout, dir).filter(([file]) => file.endsWith('.md')));
			assert.deepEqual(got, {
				'alias-bomb.md': ['2:frontmatter-syntax'],
				'bad-yaml.md': ['2:frontmatter-syntax'],
				'big.md': ['1:page-limits'],
				'binary.md': ['3:file-unreadable'],
				'brackets.md': [],
				'latin1.md': ['12:file-unreadable'],
				'nested.md': ['12:page-limits'],
				'ok.md': [],
			});
		});
	});
}

describe('CLI (spawned, worker threads)', () => {
	it('lints many files in parallel with the same result as one thread, in file order', async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 180; i++)
			files[`p/${String(i).padStart(3, '0')}.md`] =
				i % 3 ? FAILING_PAGE : FAILING_PAGE.replace('31 เมษายน 2569', '15 ตุลาคม 2569');
		const dir = siteWith(files);
		const parallel = await spawned(['--format', 'json', '--threads', '2', 'p'], { cwd: dir });
		const single = await spawned(['--format', 'json', '--threads', '1', 'p'], { cwd: dir });
		assert.deepEqual({ code: parallel.code, stderr: parallel.stderr }, { code: 1, stderr: '' });
		assert.deepEqual({ code: single.code, stderr: single.stderr }, { code: 1, stderr: '' });
		assert.equal(parallel.stdout, single.stdout);
		// Every third page (from the first) has a real `updated` date; the site lacks the nine other topics.
		const expected: [string, string[]][] = Object.keys(files).map((file, i) => [
			file,
			i % 3 ? ['9:date-invalid', '15:date-era'] : ['15:date-era'],
		]);
		expected.push(['p', Array(9).fill('1:topic-coverage')]);
		assert.deepEqual(findingsByFile(parallel.stdout, dir), expected);
	});
});

describe('examples', () => {
	it('the example site holds a clean page for every topic', async () => {
		const r = await inProcess(['--format', 'json', 'examples']);
		assert.equal(r.code, 0);
		assert.equal(r.stderr, '');
		assert.deepEqual(
			parseLintJson(r.stdout).map((e) => path.relative(EXAMPLES, e.filePath)),
			[
				'about/index.md',
				'e-service/index.md',
				'knowledge/index.md',
				'law/index.md',
				'links/index.md',
				'manuals/citizen-information-request.md',
				'manuals/sop-web-publishing.md',
				'news/2569-11-03-job-computer-officer.md',
				'news/2569-11-12-pdpa-workshop.md',
				'news/index.md',
				'news/procurement-monthly-2570.md',
				'oia/index.md',
				'stats/index.md',
			],
		);
		const topics = new Set<string>();
		for (const e of parseLintJson(r.stdout)) {
			assert.deepEqual(e.messages, [], e.filePath);
			const m = /^topic: *(\S+)/m.exec(fs.readFileSync(e.filePath, 'utf8'));
			if (m) topics.add(m[1]);
		}
		assert.deepEqual([...topics].sort(), [
			'agency-info',
			'citizen-manual',
			'e-service',
			'knowledge',
			'law',
			'news',
			'official-info',
			'sop-manual',
			'web-links',
			'web-stats',
		]);
	});
});

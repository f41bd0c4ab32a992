import { strict as assert } from 'node:assert';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tmpDir } from '../helpers/tmp';
import { engineAt } from '../helpers/fixtures';
import { runMain as cli } from '../helpers/cli';
import type { FileProblem } from '../../server/src/core/types';

/** A unit's own topic schema, valid. */
const SCHEMA = JSON.stringify({
	$schema: 'http://json-schema.org/draft-07/schema#',
	$id: 'https://example.go.th/schemas/meeting-minutes.schema.json',
	title: 'meeting-minutes',
	allOf: [{ $ref: 'https://disclosure-lint.dev/schemas/common.schema.json' }],
	'x-disclosure': { id: 'meeting-minutes', name: { th: 'รายงานการประชุม', en: 'Meeting minutes' }, sections: [] },
});

function brief(problems: FileProblem[]): { at: string; en: string }[] {
	return problems.map((p) => ({ at: `${path.basename(p.file)}:${p.line}:${p.column}`, en: p.message.en }));
}

/** A workspace with a `schemas` folder holding one valid schema, a page, and a config. */
function workspace(config: string, name = '.disclosurelintrc.json'): string {
	const root = tmpDir('dl-schemas-');
	fs.mkdirSync(path.join(root, 'schemas'));
	fs.writeFileSync(path.join(root, 'schemas', 'meeting-minutes.schema.json'), SCHEMA);
	fs.writeFileSync(path.join(root, 'page.md'), '# หน้า\n');
	fs.writeFileSync(path.join(root, name), config);
	return root;
}

describe('schemas folders and files', () => {
	it('a FIFO named *.schema.json is reported and never opened', async function () {
		if (process.platform === 'win32') return this.skip();
		const root = workspace(JSON.stringify({ schemas: ['schemas'] }));
		const fifo = path.join(root, 'schemas', 'zz.schema.json');
		execFileSync('mkfifo', [fifo]);
		// A writer opens the FIFO after 3 s, so a blocking read fails this test instead of hanging it.
		const writer = spawn('sh', ['-c', 'sleep 3; exec 3>"$1"', 'sh', fifo], { stdio: 'ignore' });
		try {
			const started = Date.now();
			const engine = engineAt(root);
			const problems = engine.problemsFor(path.join(root, 'page.md'));
			assert.ok(Date.now() - started < 2000, 'waited on the FIFO');
			assert.deepEqual(brief(problems), [
				{
					at: 'zz.schema.json:1:1',
					en: `Not a regular file, so not read: ${fifo} (a schema file must be a regular file)`,
				},
			]);
			assert.match(problems[0].message.th, /^ไม่ใช่ไฟล์ปกติ/);
			// The regular schema beside it is still loaded.
			assert.ok(engine.registryFor(engine.configFor(path.join(root, 'page.md'))).get('meeting-minutes'));
			const run = await cli(['page.md'], root);
			assert.equal(run.code, 2);
			assert.equal(
				run.stderr,
				`${fifo}:1:1: Not a regular file, so not read: ${fifo} (a schema file must be a regular file)\ndisclosure-lint: fix the configuration or schema problems above first\n`,
			);
		} finally {
			writer.kill();
		}
		assert.ok(fs.lstatSync(fifo).isFIFO());
	});

	it('a schemas entry outside the workspace root is a configuration error at its position', async () => {
		const config =
			'{\n  "schemas": [\n    "schemas",\n    "/",\n    "/proc/self",\n    "../..",\n    "schemas/../.."\n  ]\n}\n';
		const root = workspace(config);
		const problems = engineAt(root).problemsFor(path.join(root, 'page.md'));
		const outside = (entry: string) =>
			`schemas: "${entry}" is outside the workspace root (${root}); a schemas folder must be inside it`;
		assert.deepEqual(brief(problems), [
			{ at: '.disclosurelintrc.json:4:5', en: outside('/') },
			{ at: '.disclosurelintrc.json:5:5', en: outside('/proc/self') },
			{ at: '.disclosurelintrc.json:6:5', en: outside('../..') },
			{ at: '.disclosurelintrc.json:7:5', en: outside('schemas/../..') },
		]);
		assert.equal(
			problems[0].message.th,
			`schemas: "/" อยู่นอกโฟลเดอร์ของเวิร์กสเปซ (${root}) โฟลเดอร์สคีมาต้องอยู่ภายในเวิร์กสเปซ`,
		);
		assert.deepEqual(
			[problems[0].endLine, problems[0].endColumn],
			[4, 8],
			'the range is the entry, quotes included',
		);
		// The CLI stops with exit 2 and file:line:column, in English and in Thai.
		const en = await cli(['page.md'], root);
		assert.equal(en.code, 2);
		assert.equal(en.stderr.split('\n')[0], `${path.join(root, '.disclosurelintrc.json')}:4:5: ${outside('/')}`);
		const th = await cli(['--locale', 'th', 'page.md'], root, { env: { LANG: 'th_TH.UTF-8' } });
		assert.equal(th.code, 2);
		assert.match(th.stderr, /\.disclosurelintrc\.json:5:5: schemas: "\/proc\/self" อยู่นอกโฟลเดอร์ของเวิร์กสเปซ/);
	});

	it('a schemas folder that is a symbolic link out of the workspace is a configuration error (the real path is checked)', async function () {
		if (process.platform === 'win32') return this.skip();
		const outside = tmpDir('dl-schemas-outside-');
		fs.writeFileSync(path.join(outside, 'meeting-minutes.schema.json'), SCHEMA);
		const root = workspace('{\n  "schemas": ["schemas", "linked", "nested/deeper"]\n}\n');
		fs.symlinkSync(outside, path.join(root, 'linked'), 'dir');
		// A link to a folder above it, with the rest of the path below the link.
		fs.symlinkSync(path.dirname(outside), path.join(root, 'nested'), 'dir');
		fs.mkdirSync(path.join(outside, 'deeper'));
		const real = fs.realpathSync(outside);
		const problems = engineAt(root).problemsFor(path.join(root, 'page.md'));
		assert.deepEqual(brief(problems), [
			{
				at: '.disclosurelintrc.json:2:26',
				en: `schemas: "linked" leads through a symbolic link to ${real}, outside the workspace root (${root}); a schemas folder must be inside it`,
			},
			{
				at: '.disclosurelintrc.json:2:36',
				en: `schemas: "nested/deeper" leads through a symbolic link to ${path.join(path.dirname(real), 'deeper')}, outside the workspace root (${root}); a schemas folder must be inside it`,
			},
		]);
		assert.match(problems[0].message.th, /^schemas: "linked" เป็นลิงก์สัญลักษณ์ \(symbolic link\) ที่ชี้ไปยัง /);
		const run = await cli(['page.md'], root);
		assert.equal(run.code, 2);
		assert.equal(
			run.stderr.split('\n')[0],
			`${path.join(root, '.disclosurelintrc.json')}:2:26: ${problems[0].message.en}`,
		);
		// A link that stays inside the workspace is fine, and so is a workspace reached through a link.
		fs.rmSync(path.join(root, 'linked'));
		fs.rmSync(path.join(root, 'nested'));
		fs.symlinkSync(path.join(root, 'schemas'), path.join(root, 'linked'), 'dir');
		fs.writeFileSync(path.join(root, '.disclosurelintrc.json'), JSON.stringify({ schemas: ['linked'] }));
		assert.deepEqual(engineAt(root).problemsFor(path.join(root, 'page.md')), []);
		const alias = path.join(tmpDir('dl-schemas-alias-'), 'site');
		fs.symlinkSync(root, alias, 'dir');
		assert.deepEqual(engineAt(alias).problemsFor(path.join(alias, 'page.md')), []);
	});

	it('a schema file that is a symbolic link out of its folder is not read, and says so', async function () {
		if (process.platform === 'win32') return this.skip();
		const outside = tmpDir('dl-schemas-outside-');
		fs.writeFileSync(path.join(outside, 'secret.schema.json'), SCHEMA);
		const root = workspace('{\n  "schemas": ["schemas"]\n}\n');
		const link = path.join(root, 'schemas', 'linked.schema.json');
		fs.symlinkSync(path.join(outside, 'secret.schema.json'), link, 'file');
		const problems = engineAt(root).problemsFor(path.join(root, 'page.md'));
		const real = fs.realpathSync(path.join(outside, 'secret.schema.json'));
		assert.deepEqual(
			problems.map((p) => p.message.en),
			[`Not read: the schema file ${link} is a symbolic link that leads out of its schemas folder, to ${real}`],
		);
		assert.equal((await cli(['page.md'], root)).code, 2);
		// A link to another file of the same folder is read as usual.
		fs.rmSync(link);
		fs.copyFileSync(path.join(outside, 'secret.schema.json'), path.join(root, 'schemas', 'copy.json'));
		fs.symlinkSync(path.join(root, 'schemas', 'copy.json'), link, 'file');
		assert.deepEqual(engineAt(root).problemsFor(path.join(root, 'page.md')), []);
	});

	it('a schemas entry that is not a folder, or not there, is a configuration error at its position (YAML too)', async () => {
		const root = workspace('schemas:\n  - schemas\n  - page.md\n  - missing\n', '.disclosurelintrc.yaml');
		const problems = engineAt(root).problemsFor(path.join(root, 'page.md'));
		assert.deepEqual(brief(problems), [
			{
				at: '.disclosurelintrc.yaml:3:5',
				en: 'schemas: "page.md" is not a folder; name a folder of *.schema.json files',
			},
			{
				at: '.disclosurelintrc.yaml:4:5',
				en: `schemas: folder "missing" not found (${path.join(root, 'missing')})`,
			},
		]);
		assert.equal(problems[0].message.th, 'schemas: "page.md" ไม่ใช่โฟลเดอร์ ต้องระบุโฟลเดอร์ที่มีไฟล์ *.schema.json');
		assert.equal(problems[1].message.th, `schemas: ไม่พบโฟลเดอร์ "missing" (${path.join(root, 'missing')})`);
		const run = await cli(['page.md'], root);
		assert.equal(run.code, 2);
		assert.ok(
			run.stderr.startsWith(
				`${path.join(root, '.disclosurelintrc.yaml')}:3:5: schemas: "page.md" is not a folder`,
			),
			run.stderr,
		);
	});

	it('a FIFO named as a schemas folder is not a folder', function () {
		if (process.platform === 'win32') return this.skip();
		const root = workspace(JSON.stringify({ schemas: ['pipe'] }));
		execFileSync('mkfifo', [path.join(root, 'pipe')]);
		assert.deepEqual(brief(engineAt(root).problemsFor(path.join(root, 'page.md'))), [
			{ at: '.disclosurelintrc.json:1:13', en: 'schemas: "pipe" is not a folder that can be read' },
		]);
	});

	it('folders inside the workspace are fine, however they are written', () => {
		const root = workspace(JSON.stringify({ schemas: ['schemas', './schemas/', 'schemas/../schemas', '.'] }));
		fs.mkdirSync(path.join(root, 'sub'));
		fs.writeFileSync(path.join(root, 'sub', '.disclosurelintrc.json'), JSON.stringify({ schemas: ['../schemas'] }));
		const engine = engineAt(root);
		assert.deepEqual(engine.problemsFor(path.join(root, 'page.md')), []);
		assert.deepEqual(engine.problemsFor(path.join(root, 'sub', 'page.md')), []);
		assert.ok(engine.registryFor(engine.configFor(path.join(root, 'sub', 'page.md'))).get('meeting-minutes'));
	});

	it('a --config file outside the workspace may use a folder beside it, not one above it', async () => {
		const shared = workspace(JSON.stringify({ schemas: ['schemas'] }));
		const root = tmpDir('dl-schemas-ws-');
		fs.writeFileSync(path.join(root, 'page.md'), '# หน้า\n');
		const ok = await cli(
			['--config', path.join(shared, '.disclosurelintrc.json'), '--format', 'json', 'page.md'],
			root,
		);
		assert.equal(ok.stderr, '');
		fs.writeFileSync(path.join(shared, 'up.json'), JSON.stringify({ schemas: ['..'] }));
		const bad = await cli(['--config', path.join(shared, 'up.json'), 'page.md'], root);
		assert.equal(bad.code, 2);
		assert.equal(
			bad.stderr.split('\n')[0],
			`${path.join(shared, 'up.json')}:1:13: schemas: ".." is outside the workspace root (${root}); a schemas folder must be inside it`,
		);
	});
});

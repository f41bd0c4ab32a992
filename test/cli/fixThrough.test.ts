import { strict as assert } from 'node:assert';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tmpDir } from '../helpers/tmp';
import { runMain as cli } from '../helpers/cli';
import { webLinksHead } from '../helpers/pages';
import { engineAt } from '../helpers/fixtures';
import { lintFromDisk } from '../../server/src/node/readPage';

/** A page with two safe fixes: the Thai topic name becomes the id, กรกฏาคม becomes กรกฎาคม. */
const PAGE = [
	...webLinksHead('รายชื่อเว็บไซต์หน่วยงานที่เกี่ยวข้อง'),
	'ประชุมเมื่อ 20 กรกฏาคม 2569',
	'',
	'- [มาตรฐานเว็บไซต์ภาครัฐ](https://www.dga.or.th/)',
	'',
].join('\n');
const FIXED = PAGE.replace('topic: รายชื่อเว็บไซต์หน่วยงานที่เกี่ยวข้อง', 'topic: web-links').replace('กรกฏาคม', 'กรกฎาคม');

const isRoot = process.getuid?.() === 0;
const REPO = path.resolve(__dirname, '../..');
/** The CLI from source, in a child process (tsx by its full path: the child's folder has no node_modules). */
const CHILD_CLI = [
	'--import',
	pathToFileURL(path.join(REPO, 'node_modules/tsx/dist/loader.mjs')).href,
	path.join(REPO, 'server/src/cli/bin.ts'),
];

/** The folder's entries (no temporary or backup file may be left behind). */
function entries(dir: string): string[] {
	return fs.readdirSync(dir).sort();
}

describe('--fix writes through to the real file', () => {
	it("fixes a symlink's target and leaves the link a link", async () => {
		const dir = tmpDir('dl-fix-link-');
		fs.mkdirSync(path.join(dir, 'real'));
		fs.mkdirSync(path.join(dir, 'docs'));
		const target = path.join(dir, 'real', 'page.md');
		fs.writeFileSync(target, PAGE);
		fs.chmodSync(target, 0o640);
		const link = path.join(dir, 'docs', 'page.md');
		fs.symlinkSync('../real/page.md', link);
		const r = await cli(['--fix', 'docs/page.md'], dir);
		assert.deepEqual({ code: r.code, stderr: r.stderr }, { code: 0, stderr: '' });
		assert.ok(fs.lstatSync(link).isSymbolicLink(), 'the link was replaced by a file');
		assert.equal(fs.readlinkSync(link), '../real/page.md');
		assert.equal(fs.readFileSync(target, 'utf8'), FIXED);
		assert.equal(fs.statSync(target).mode & 0o7777, 0o640);
		assert.deepEqual(
			[entries(path.join(dir, 'real')), entries(path.join(dir, 'docs'))],
			[['page.md'], ['page.md']],
		);
		const again = await cli(['--fix', 'docs/page.md'], dir);
		assert.deepEqual({ code: again.code, stderr: again.stderr }, { code: 0, stderr: '' });
		assert.equal(fs.readFileSync(target, 'utf8'), FIXED);
		assert.ok(fs.lstatSync(link).isSymbolicLink());
	});

	it('fixes through a chain of symlinks, one of them absolute', async () => {
		const dir = tmpDir('dl-fix-link-');
		const target = path.join(dir, 'page.md');
		fs.writeFileSync(target, PAGE);
		fs.symlinkSync(target, path.join(dir, 'a.md'));
		fs.symlinkSync('a.md', path.join(dir, 'b.md'));
		const r = await cli(['--fix', 'b.md'], dir);
		assert.deepEqual({ code: r.code, stderr: r.stderr }, { code: 0, stderr: '' });
		assert.equal(fs.readFileSync(target, 'utf8'), FIXED);
		assert.equal(fs.readlinkSync(path.join(dir, 'a.md')), target);
		assert.equal(fs.readlinkSync(path.join(dir, 'b.md')), 'a.md');
		assert.deepEqual(entries(dir), ['a.md', 'b.md', 'page.md']);
	});

	it('keeps hard links: every name sees the fix, on the same inode, mode 0640 kept', async () => {
		const dir = tmpDir('dl-fix-hard-');
		const file = path.join(dir, 'page.md');
		const other = path.join(dir, 'copy.md');
		fs.writeFileSync(file, PAGE);
		fs.chmodSync(file, 0o640);
		fs.linkSync(file, other);
		const { ino } = fs.statSync(file);
		const r = await cli(['--fix', 'page.md'], dir);
		assert.deepEqual({ code: r.code, stderr: r.stderr }, { code: 0, stderr: '' });
		assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
		assert.equal(fs.readFileSync(other, 'utf8'), FIXED);
		const st = fs.statSync(file);
		assert.deepEqual({ ino: st.ino, nlink: st.nlink, mode: st.mode & 0o7777 }, { ino, nlink: 2, mode: 0o640 });
		assert.equal(fs.statSync(other).ino, ino);
		assert.deepEqual(entries(dir), ['copy.md', 'page.md'], 'no temporary or backup file left behind');
		const again = await cli(['--fix', 'page.md', 'copy.md'], dir);
		assert.deepEqual({ code: again.code, stderr: again.stderr }, { code: 0, stderr: '' });
		assert.equal(fs.readFileSync(other, 'utf8'), FIXED);
	});

	it('a shorter fixed text leaves no old bytes at the end of a hard-linked file', async () => {
		const dir = tmpDir('dl-fix-hard-');
		const file = path.join(dir, 'page.md');
		// The Thai topic name (many UTF-8 bytes) becomes `web-links`: the file shrinks.
		fs.writeFileSync(file, PAGE);
		fs.linkSync(file, path.join(dir, 'other.md'));
		await cli(['--fix', 'page.md'], dir);
		assert.ok(Buffer.byteLength(FIXED) < Buffer.byteLength(PAGE));
		assert.equal(fs.statSync(file).size, Buffer.byteLength(FIXED));
		assert.equal(fs.readFileSync(path.join(dir, 'other.md'), 'utf8'), FIXED);
	});

	it("keeps the owner and group (as root: a file of another user stays that user's)", async function () {
		const dir = tmpDir('dl-fix-owner-');
		const file = path.join(dir, 'page.md');
		fs.writeFileSync(file, PAGE);
		fs.chmodSync(file, 0o2640); // set-gid too: chown clears it, so it must be set again after
		const uid = isRoot ? 4321 : process.getuid!();
		const gid = isRoot ? 4322 : process.getgid!();
		if (isRoot) fs.chownSync(file, uid, gid);
		const r = await cli(['--fix', 'page.md'], dir);
		assert.deepEqual({ code: r.code, stderr: r.stderr }, { code: 0, stderr: '' });
		const st = fs.statSync(file);
		assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
		assert.deepEqual(
			{ uid: st.uid, gid: st.gid, mode: (st.mode & 0o7777).toString(8) },
			{ uid, gid, mode: '2640' },
		);
		assert.deepEqual(entries(dir), ['page.md']);
	});

	it('a user who may write the file but not give it away rewrites it in place: owner kept', function () {
		if (!isRoot) return this.skip(); // needs a second user: run as root, the CLI as another uid
		const dir = tmpDir('dl-fix-other-');
		fs.chmodSync(dir, 0o777);
		const file = path.join(dir, 'page.md');
		fs.writeFileSync(file, PAGE);
		fs.chmodSync(file, 0o666);
		fs.chownSync(file, 4321, 4321);
		const { ino } = fs.statSync(file);
		const run = spawnSync(process.execPath, [...CHILD_CLI, '--fix', 'page.md'], {
			cwd: dir,
			uid: 4999,
			gid: 4999,
			env: { ...process.env, HOME: dir, TMPDIR: dir, DISCLOSURE_LINT_TODAY: '2026-11-27', LANG: 'C' },
			encoding: 'utf8',
			timeout: 30000,
		});
		const leftovers = entries(dir).filter((n) => n.includes('disclosure-lint') && !n.startsWith('tsx'));
		if (
			run.status !== 0 &&
			/EACCES|permission denied/i.test(run.stderr) &&
			!fs.readFileSync(file, 'utf8').includes('web-links')
		) {
			// The test tools themselves cannot be read by another user here (a private checkout).
			return this.skip();
		}
		assert.deepEqual({ status: run.status, stderr: run.stderr }, { status: 0, stderr: '' });
		assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
		const st = fs.statSync(file);
		assert.deepEqual(
			{ uid: st.uid, gid: st.gid, ino: st.ino, mode: st.mode & 0o7777 },
			{ uid: 4321, gid: 4321, ino, mode: 0o666 },
		);
		assert.deepEqual(leftovers, []);
	});

	it('a FIFO named *.md is never waited on: not selected, and file-unreadable if it gets past the selection', async function () {
		if (process.platform === 'win32') return this.skip();
		const dir = tmpDir('dl-fix-fifo-');
		const fifo = path.join(dir, 'pipe.md');
		execFileSync('mkfifo', [fifo]);
		const run = await cli(['--fix', 'pipe.md'], dir);
		assert.deepEqual(
			{ code: run.code, stderr: run.stderr },
			{ code: 2, stderr: 'disclosure-lint: no Markdown files match "pipe.md"\n' },
		);
		// A page swapped for a FIFO after the selection. A writer opens it after 3 s, so a blocking
		// read fails this test (as an empty page) instead of hanging it.
		const writer = spawn('sh', ['-c', 'sleep 3; exec 3>"$1"', 'sh', fifo], { stdio: 'ignore' });
		try {
			const started = Date.now();
			const result = lintFromDisk(engineAt(dir), fifo);
			assert.ok(Date.now() - started < 2000, 'waited on the FIFO');
			assert.deepEqual(
				result.findings.map((f) => [f.ruleId, f.messageId, f.args]),
				[['file-unreadable', 'unreadable', { detail: 'not a regular file (a FIFO)' }]],
			);
		} finally {
			writer.kill();
		}
		assert.ok(fs.lstatSync(fifo).isFIFO());
	});
});

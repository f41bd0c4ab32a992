import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { tmpDir } from '../helpers/tmp';
import * as path from 'node:path';
import { diffLines } from 'diff';
import { Engine } from '../../server/src/core/engine';
import { fsHost } from '../../server/src/node/fsHost';
import { RULES } from '../../server/src/core/rules/index';
import { FIXTURES, FIXTURE_TODAY, engineAt, markdownFiles } from '../helpers/fixtures';
import { runMain } from '../helpers/cli';
import { fixText, writeFixed } from '../../server/src/cli/fix';
import { webLinksHead } from '../helpers/pages';

const cli = runMain;

/** The lines that differ between two texts: `-9: old text` (line in the old text), `+9: new text` (line in the new text). */
function changedLines(before: string, after: string): string[] {
	const out: string[] = [];
	let oldLine = 1;
	let newLine = 1;
	for (const part of diffLines(before, after)) {
		if (!part.added && !part.removed) {
			oldLine += part.count;
			newLine += part.count;
			continue;
		}
		for (const text of part.value.replace(/\n$/, '').split('\n'))
			out.push(part.added ? `+${newLine++}: ${text}` : `-${oldLine++}: ${text}`);
	}
	return out;
}

function copyFixtures(): string {
	const dir = tmpDir('dl-fix-');
	fs.cpSync(path.join(FIXTURES, 'rules'), dir, { recursive: true });
	return dir;
}

const PAGE = [
	...webLinksHead('รายชื่อเว็บไซต์หน่วยงานที่เกี่ยวข้อง'),
	'ประชุมเมื่อ 20 กรกฏาคม 2569   ',
	'',
	'- [มาตรฐานเว็บไซต์ภาครัฐ](https://www.dga.or.th/)',
	'',
].join('\r\n');

describe('--fix', () => {
	const fixable = RULES.filter((r) => r.fixable).map((r) => r.id);

	it("fixes every fixable rule's failing fixtures, and a second --fix changes nothing", async () => {
		const dir = copyFixtures();
		const engine = new Engine(fsHost, { root: dir, today: FIXTURE_TODAY, locale: 'en' });
		// Each fixed finding must be gone after --fix (its message id no longer reported there);
		// a fix may leave a different finding of the same rule.
		const cases: { file: string; rule: string; fixed: Map<string, number> }[] = [];
		for (const rule of fixable) {
			if (!fs.existsSync(path.join(dir, rule))) continue;
			for (const file of markdownFiles(path.join(dir, rule))) {
				const findings = engine
					.lintText(file, fs.readFileSync(file, 'utf8'))
					.findings.filter((f) => f.ruleId === rule);
				const fixed = new Map<string, number>();
				for (const f of findings) if (f.fix?.safe) fixed.set(f.messageId, (fixed.get(f.messageId) ?? 0) + 1);
				if (fixed.size) cases.push({ file, rule, fixed });
			}
		}
		assert.deepEqual([...new Set(cases.map((c) => c.rule))].sort(), [
			'date-era',
			'frontmatter-schema',
			'section-missing',
			'step-total-mismatch',
			'suppression-unused',
		]);
		const original = new Map(cases.map((c) => [c.file, fs.readFileSync(c.file, 'utf8')]));
		const run = await cli(['--fix', ...cases.map((c) => c.file)], dir);
		assert.equal(run.stderr, '');
		assert.equal(run.code, 1, 'findings without a safe fix are left, some of them errors');
		// The fixed text: every changed line, with its line number.
		assert.deepEqual(
			Object.fromEntries(
				cases.map((c) => [
					path.relative(dir, c.file),
					changedLines(original.get(c.file)!, fs.readFileSync(c.file, 'utf8')),
				]),
			),
			{
				'date-era/fail.md': [
					'-9: updated: 15 ตุลาคม 2026 # expect: 10 date-era:ceWithThaiMonth',
					'+9: updated: 15 ตุลาคม 2569 # expect: 10 date-era:ceWithThaiMonth',
					'-20: ประชุมเมื่อวันที่ 3 ต.ค. 69 <!-- expect: 12 date-era:twoDigitYear -->',
					'-21: เมื่อ 20 กรกฏาคม 2569 <!-- expect: 7 date-era:misspelledMonth -->',
					'+20: ประชุมเมื่อวันที่ 3 ต.ค. 2569 <!-- expect: 12 date-era:twoDigitYear -->',
					'+21: เมื่อ 20 กรกฎาคม 2569 <!-- expect: 7 date-era:misspelledMonth -->',
				],
				'frontmatter-schema/fail-thai-topic-name.md': [
					'-2: topic: รายชื่อเว็บไซต์หน่วยงานที่เกี่ยวข้อง # expect: 8 frontmatter-schema:topicName',
					'+2: topic: web-links # expect: 8 frontmatter-schema:topicName',
				],
				'section-missing/fail-split-page.md': ['+53: ', '+54: ## รายละเอียดช่องทางการติดต่อสื่อสาร', '+55: '],
				'section-missing/fail.md': ['+41: ## ผลการประเมินความพึงพอใจ', '+42: '],
				'step-total-mismatch/fail.md': ['-61: 12 วันทำการ', '+61: 10 วันทำการ'],
				'suppression-unused/fail.md': [
					'-19: <!-- disclosure-lint-disable-next-line date-era -- ไม่มีอะไรให้ปิด --> <!-- expect: 1 suppression-unused:unused -->',
					'+19:  <!-- expect: 1 suppression-unused:unused -->',
				],
			},
		);
		const fresh = new Engine(fsHost, { root: dir, today: FIXTURE_TODAY, locale: 'en' });
		for (const c of cases) {
			const after = fresh
				.lintText(c.file, fs.readFileSync(c.file, 'utf8'))
				.findings.filter((f) => f.ruleId === c.rule);
			assert.deepEqual(
				after.filter((f) => f.fix?.safe).map((f) => f.messageId),
				[],
				`${c.rule}: ${path.relative(dir, c.file)} still has fixable findings`,
			);
			for (const id of c.fixed.keys()) {
				assert.equal(
					after.filter((f) => f.messageId === id).length,
					0,
					`${c.rule}/${id}: ${path.relative(dir, c.file)} still reported`,
				);
			}
		}
		const snapshot = cases.map((c) => fs.readFileSync(c.file));
		const again = await cli(['--fix', ...cases.map((c) => c.file)], dir);
		assert.deepEqual({ code: again.code, stderr: again.stderr }, { code: 1, stderr: '' });
		cases.forEach((c, i) =>
			assert.ok(fs.readFileSync(c.file).equals(snapshot[i]), `a second --fix changed ${c.file}`),
		);
	});

	it('keeps the BOM, CRLF line ends, trailing spaces and file mode; changes only the fixed ranges', async () => {
		const dir = tmpDir('dl-fix-');
		const file = path.join(dir, 'page.md');
		fs.writeFileSync(file, '\ufeff' + PAGE);
		fs.chmodSync(file, 0o640);
		const r = await cli(['--fix', '--format', 'json', 'page.md'], dir);
		assert.equal(r.code, 0);
		const expected =
			'\ufeff' +
			PAGE.replace('topic: รายชื่อเว็บไซต์หน่วยงานที่เกี่ยวข้อง', 'topic: web-links').replace('กรกฏาคม', 'กรกฎาคม');
		assert.equal(fs.readFileSync(file, 'utf8'), expected);
		assert.equal(fs.statSync(file).mode & 0o777, 0o640);
		assert.deepEqual(JSON.parse(r.stdout)[0].messages, []);
		assert.deepEqual(fs.readdirSync(dir), ['page.md'], 'no temporary file left behind');
	});

	it('never rewrites a binary file: it is reported as file-unreadable and left byte for byte', async () => {
		const dir = tmpDir('dl-fix-bin-');
		const file = path.join(dir, 'scan.md');
		// Valid UTF-8 with NUL bytes: text to a decoder, a binary file to the linter.
		const bytes = Buffer.from(`${PAGE}\u0000\u0000 1 ตุลาคม 2024\n`, 'utf8');
		fs.writeFileSync(file, bytes);
		const run = await cli(['--fix', '--format', 'json', file], dir);
		assert.deepEqual({ code: run.code, stderr: run.stderr }, { code: 1, stderr: '' });
		assert.ok(fs.readFileSync(file).equals(bytes), 'the binary file was rewritten');
		const findings = (JSON.parse(run.stdout) as { messages: { ruleId: string; line: number }[] }[])[0].messages;
		assert.deepEqual(
			findings.map((f) => `${f.line}:${f.ruleId}`),
			['18:file-unreadable'],
		);
	});

	it('leaves a file alone when it changed after it was read', async () => {
		const dir = tmpDir('dl-fix-');
		const file = path.join(dir, 'page.md');
		fs.writeFileSync(file, PAGE);
		const edited = PAGE + 'บรรทัดที่ผู้ใช้เพิ่งพิมพ์\r\n';
		const r = await cli(['--fix', 'page.md'], dir, { beforeWrite: (f) => fs.writeFileSync(f, edited) });
		assert.equal(fs.readFileSync(file, 'utf8'), edited);
		assert.equal(r.stderr, 'disclosure-lint: page.md not fixed: the file changed after it was read\n');
		assert.equal(r.code, 0);
	});

	it('loses no byte appended between the check and the write: the file is left as the writer made it', () => {
		const engine = engineAt(tmpDir('dl-fix-root-'));
		for (const linked of [false, true]) {
			const dir = tmpDir('dl-fix-race-');
			const file = path.join(dir, 'page.md');
			fs.writeFileSync(file, PAGE);
			if (linked) fs.linkSync(file, path.join(dir, 'other.md')); // two links: rewritten in place
			const { ino } = fs.statSync(file);
			const appended = 'บรรทัดที่ต่อท้ายระหว่างแก้\r\n';
			const fix = fixText(engine, file, PAGE);
			assert.notEqual(fix.after, fix.before);
			const result = writeFixed(fix, undefined, (target) => fs.appendFileSync(target, appended));
			assert.equal(result.skipped, 'the file changed after it was read', `linked: ${linked}`);
			assert.equal(fs.readFileSync(file, 'utf8'), PAGE + appended, `linked: ${linked}`);
			assert.equal(fs.statSync(file).nlink, linked ? 2 : 1);
			if (linked) assert.equal(fs.statSync(file).ino, ino);
			assert.deepEqual(
				fs.readdirSync(dir).sort(),
				linked ? ['other.md', 'page.md'] : ['page.md'],
				'no temporary or backup file left behind',
			);
		}
	});

	it('--fix-dry-run prints a unified diff and writes nothing', async () => {
		const dir = tmpDir('dl-fix-');
		const file = path.join(dir, 'page.md');
		fs.writeFileSync(file, PAGE);
		const r = await cli(['--fix-dry-run', 'page.md'], dir);
		assert.equal(fs.readFileSync(file, 'utf8'), PAGE);
		assert.match(r.stdout, /^--- a\/page\.md/m);
		assert.match(r.stdout, /^\+\+\+ b\/page\.md/m);
		assert.match(r.stdout, /^-topic: รายชื่อเว็บไซต์หน่วยงานที่เกี่ยวข้อง\r?$/m);
		assert.match(r.stdout, /^\+topic: web-links\r?$/m);
		assert.match(r.stdout, /^\+ประชุมเมื่อ 20 กรกฎาคม 2569 {3}\r?$/m);
		assert.equal(r.stderr, '');
		assert.equal(r.code, 0);
	});
});

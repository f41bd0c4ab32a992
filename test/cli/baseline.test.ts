import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { tmpDir } from '../helpers/tmp';
import * as path from 'node:path';
import { runMain } from '../helpers/cli';
import { findingLines } from '../helpers/lintJson';
import { PAGE_TWO_FINDINGS } from '../helpers/pages';

async function lint(args: string[], cwd: string): Promise<{ code: number; found: string[]; stderr: string }> {
	const { code, stdout, stderr } = await runMain(['--format', 'json', ...args], cwd);
	return { code, found: findingLines(stdout), stderr };
}

function readBaseline(dir: string): { version: number; files: Record<string, string[]> } {
	return JSON.parse(fs.readFileSync(path.join(dir, 'baseline.json'), 'utf8'));
}

/** A baseline key: the rule id and 16 hex digits of a hash of the message and the line's text. */
const KEY = /^[a-z-]+:[0-9a-f]{16}$/;

describe('--baseline', () => {
	it('hides known findings even after lines move, reports new ones, and drops fixed ones on update', async () => {
		const dir = tmpDir('dl-baseline-');
		const page = path.join(dir, 'page.md');
		fs.writeFileSync(page, PAGE_TWO_FINDINGS);
		const first = await lint(['--baseline', 'baseline.json', '--update-baseline', 'page.md'], dir);
		assert.deepEqual(first, { code: 0, found: [], stderr: 'disclosure-lint: wrote baseline.json (2 findings)\n' });
		const recorded = readBaseline(dir);
		assert.deepEqual(Object.keys(recorded), ['version', 'files']);
		assert.equal(recorded.version, 1);
		assert.deepEqual(Object.keys(recorded.files), ['page.md']);
		const keys = recorded.files['page.md'];
		for (const k of keys) assert.match(k, KEY);
		assert.deepEqual(
			keys.map((k) => k.split(':')[0]),
			['date-era', 'date-invalid'],
		);

		// Lines added above both findings: still known. A new defect: reported.
		fs.writeFileSync(
			page,
			PAGE_TWO_FINDINGS.replace(
				'# เว็บไซต์หน่วยงานที่เกี่ยวข้อง\n',
				'# เว็บไซต์หน่วยงานที่เกี่ยวข้อง\n\nย่อหน้าใหม่\n\nประชุมเมื่อ 3 ต.ค. 69\n',
			),
		);
		assert.deepEqual(await lint(['--baseline', 'baseline.json', 'page.md'], dir), {
			code: 0,
			found: ['17:date-era'],
			stderr: '',
		});

		// The date is fixed: updating drops it from the baseline and keeps the other key as it was.
		fs.writeFileSync(page, PAGE_TWO_FINDINGS.replace('31 เมษายน 2569', '2569-10-15'));
		const update = await lint(['--baseline', 'baseline.json', '--update-baseline', 'page.md'], dir);
		assert.deepEqual(update, { code: 0, found: [], stderr: 'disclosure-lint: wrote baseline.json (1 findings)\n' });
		assert.deepEqual(readBaseline(dir), { version: 1, files: { 'page.md': [keys[0]] } });
		fs.writeFileSync(page, PAGE_TWO_FINDINGS);
		assert.deepEqual(await lint(['--baseline', 'baseline.json', 'page.md'], dir), {
			code: 1,
			found: ['9:date-invalid'],
			stderr: '',
		});
	});
});

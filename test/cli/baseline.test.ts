import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runMain } from '../helpers/cli';
import { PAGE_TWO_FINDINGS } from '../helpers/pages';

async function lint(args: string[], cwd: string): Promise<{ code: number; found: string[] }> {
	const { code, stdout: out } = await runMain(['--format', 'json', ...args], cwd);
	return { code, found: out ? JSON.parse(out).flatMap((e: { messages: { ruleId: string; line: number }[] }) => e.messages.map((m) => `${m.line}:${m.ruleId}`)) : [] };
}

describe('--baseline', () => {
	it('hides known findings even after lines move, reports new ones, and drops fixed ones on update', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-baseline-'));
		const page = path.join(dir, 'page.md');
		fs.writeFileSync(page, PAGE_TWO_FINDINGS);
		const first = await lint(['--baseline', 'baseline.json', '--update-baseline', 'page.md'], dir);
		assert.deepEqual(first, { code: 0, found: [] });
		const recorded = JSON.parse(fs.readFileSync(path.join(dir, 'baseline.json'), 'utf8'));
		assert.equal(recorded.files['page.md'].length, 2);

		// Lines added above both findings: still known. A new defect: reported.
		fs.writeFileSync(page, PAGE_TWO_FINDINGS.replace('# เว็บไซต์หน่วยงานที่เกี่ยวข้อง\n', '# เว็บไซต์หน่วยงานที่เกี่ยวข้อง\n\nย่อหน้าใหม่\n\nประชุมเมื่อ 3 ต.ค. 69\n'));
		assert.deepEqual(await lint(['--baseline', 'baseline.json', 'page.md'], dir), { code: 0, found: ['17:date-era'] });

		// The date is fixed: updating drops it from the baseline.
		fs.writeFileSync(page, PAGE_TWO_FINDINGS.replace('31 เมษายน 2569', '2569-10-15'));
		await lint(['--baseline', 'baseline.json', '--update-baseline', 'page.md'], dir);
		const updated = JSON.parse(fs.readFileSync(path.join(dir, 'baseline.json'), 'utf8'));
		assert.deepEqual(updated.files['page.md'].map((k: string) => k.split(':')[0]), ['date-era']);
		fs.writeFileSync(page, PAGE_TWO_FINDINGS);
		assert.deepEqual(await lint(['--baseline', 'baseline.json', 'page.md'], dir), { code: 1, found: ['9:date-invalid'] });
	});
});

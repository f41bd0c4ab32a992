import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runMain } from '../helpers/cli';
import { PAGE_DATE_INVALID } from '../helpers/pages';

async function lint(cwd: string, extra: string[] = []): Promise<string[]> {
	const { stdout: out } = await runMain(['--cache', '--format', 'json', ...extra, '.'], cwd);
	return JSON.parse(out).filter((e: { filePath: string }) => e.filePath.endsWith('.md')).flatMap((e: { filePath: string; messages: { ruleId: string; line: number; message: string }[] }) => e.messages.map((m) => `${path.basename(e.filePath)}:${m.line}:${m.ruleId}:${m.message}`));
}

describe('--cache', () => {
	it('reuses results of unchanged pages and re-lints when the page, a linked file or the config changes', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-cache-'));
		fs.writeFileSync(path.join(dir, '.disclosurelintrc.json'), JSON.stringify({ requiredTopics: ['web-links'] }));
		fs.writeFileSync(path.join(dir, 'page.md'), `${PAGE_DATE_INVALID}\n[ระเบียบ](rules.md)\n`);
		fs.writeFileSync(path.join(dir, 'rules.md'), PAGE_DATE_INVALID.replace('31 เมษายน 2569', '2569-10-15'));
		const first = await lint(dir);
		assert.deepEqual(first.map((f) => f.split(':').slice(0, 3).join(':')), ['page.md:9:date-invalid']);
		const cacheFile = path.join(dir, '.disclosurelintcache/results.json');
		const cache = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
		const pageKey = path.join(dir, 'page.md');
		assert.deepEqual(Object.keys(cache.entries[pageKey].deps), [path.join(dir, 'rules.md')]);

		// Mark the cached finding: a second run that shows the mark did not lint the page again.
		cache.entries[pageKey].report.findings[0].args.value = 'CACHED';
		fs.writeFileSync(cacheFile, JSON.stringify(cache));
		assert.match((await lint(dir))[0], /^page\.md:9:date-invalid:.*"CACHED"/);

		// The linked file disappears: the page is linted again and the broken link shows.
		fs.rmSync(path.join(dir, 'rules.md'));
		assert.deepEqual((await lint(dir)).map((f) => f.split(':').slice(0, 3).join(':')), ['page.md:9:date-invalid', 'page.md:17:link-file-missing']);

		// The config changes: linted again under the new config.
		fs.writeFileSync(path.join(dir, '.disclosurelintrc.json'), JSON.stringify({ requiredTopics: ['web-links'], rules: { 'link-file-missing': 'off' } }));
		assert.deepEqual((await lint(dir)).map((f) => f.split(':').slice(0, 3).join(':')), ['page.md:9:date-invalid']);

		// The page changes: linted again.
		fs.writeFileSync(path.join(dir, 'page.md'), PAGE_DATE_INVALID.replace('31 เมษายน 2569', '2569-10-15'));
		assert.deepEqual(await lint(dir), []);
	});
});

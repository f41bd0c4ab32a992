import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { tmpDir } from '../helpers/tmp';
import * as path from 'node:path';
import { runMain } from '../helpers/cli';
import { parseLintJson } from '../helpers/lintJson';
import { PAGE_DATE_INVALID } from '../helpers/pages';

/** A cached run: its exit code, standard error and every finding as `file:line:ruleId: message`. */
async function lint(cwd: string): Promise<{ code: number; stderr: string; found: string[] }> {
	const { code, stdout, stderr } = await runMain(['--cache', '--format', 'json', '.'], cwd);
	return {
		code,
		stderr,
		found: parseLintJson(stdout).flatMap((e) =>
			e.messages.map((m) => `${path.relative(cwd, e.filePath)}:${m.line}:${m.ruleId}: ${m.message}`),
		),
	};
}

const DATE_INVALID = 'page.md:9:date-invalid: updated (Last updated): "31 เมษายน 2569" does not exist in the calendar';

describe('--cache', () => {
	it('reuses results of unchanged pages and re-lints when the page, a linked file or the config changes', async () => {
		const dir = tmpDir('dl-cache-');
		fs.writeFileSync(path.join(dir, '.disclosurelintrc.json'), JSON.stringify({ requiredTopics: ['web-links'] }));
		fs.writeFileSync(path.join(dir, 'page.md'), `${PAGE_DATE_INVALID}\n[ระเบียบ](rules.md)\n`);
		fs.writeFileSync(path.join(dir, 'rules.md'), PAGE_DATE_INVALID.replace('31 เมษายน 2569', '2569-10-15'));
		assert.deepEqual(await lint(dir), { code: 1, stderr: '', found: [DATE_INVALID] });
		const cacheFile = path.join(dir, '.disclosurelintcache/results.json');
		const cache = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
		const pageKey = path.join(dir, 'page.md');
		assert.deepEqual(Object.keys(cache.entries[pageKey].deps), [path.join(dir, 'rules.md')]);

		// Mark the cached finding: a second run that shows the mark did not lint the page again.
		cache.entries[pageKey].report.findings[0].args.value = 'CACHED';
		fs.writeFileSync(cacheFile, JSON.stringify(cache));
		assert.deepEqual(await lint(dir), {
			code: 1,
			stderr: '',
			found: ['page.md:9:date-invalid: updated (Last updated): "CACHED" does not exist in the calendar'],
		});

		// The linked file disappears: the page is linted again and the broken link shows.
		fs.rmSync(path.join(dir, 'rules.md'));
		assert.deepEqual(await lint(dir), {
			code: 1,
			stderr: '',
			found: [
				DATE_INVALID,
				'page.md:17:link-file-missing: The file "rules.md" links to does not exist (rules.md)',
			],
		});

		// The config changes: linted again under the new config.
		fs.writeFileSync(
			path.join(dir, '.disclosurelintrc.json'),
			JSON.stringify({ requiredTopics: ['web-links'], rules: { 'link-file-missing': 'off' } }),
		);
		assert.deepEqual(await lint(dir), { code: 1, stderr: '', found: [DATE_INVALID] });

		// The page changes: linted again.
		fs.writeFileSync(path.join(dir, 'page.md'), PAGE_DATE_INVALID.replace('31 เมษายน 2569', '2569-10-15'));
		assert.deepEqual(await lint(dir), { code: 0, stderr: '', found: [] });
	});

	it('does not write the cache again when every page came from it, and writes it when one page changed', async () => {
		const dir = tmpDir('dl-cache-');
		fs.writeFileSync(path.join(dir, '.disclosurelintrc.json'), JSON.stringify({ requiredTopics: ['web-links'] }));
		fs.writeFileSync(path.join(dir, 'a.md'), PAGE_DATE_INVALID);
		fs.writeFileSync(path.join(dir, 'b.md'), PAGE_DATE_INVALID.replace('31 เมษายน 2569', '2569-10-15'));
		await lint(dir);
		const cacheFile = path.join(dir, '.disclosurelintcache/results.json');
		// A marker the run would drop if it wrote the file again.
		fs.writeFileSync(cacheFile, fs.readFileSync(cacheFile, 'utf8') + '\n');
		const before = fs.readFileSync(cacheFile, 'utf8');
		assert.deepEqual(await lint(dir), { code: 1, stderr: '', found: [DATE_INVALID.replace('page.md', 'a.md')] });
		assert.equal(fs.readFileSync(cacheFile, 'utf8'), before, 'an unchanged run rewrote the cache');
		fs.writeFileSync(path.join(dir, 'b.md'), PAGE_DATE_INVALID);
		assert.deepEqual((await lint(dir)).found, [
			DATE_INVALID.replace('page.md', 'a.md'),
			DATE_INVALID.replace('page.md', 'b.md'),
		]);
		const after = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
		assert.ok(!fs.readFileSync(cacheFile, 'utf8').endsWith('\n'), 'the changed run did not write the cache');
		assert.equal(after.entries[path.join(dir, 'b.md')].report.findings.length, 1);
	});
});

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/core/rules/index';
import { actualFindings, expectedFindings, FIXTURES, lintFixture, markdownFiles } from '../helpers/fixtures';

const dir = path.join(FIXTURES, 'rules');
const files = markdownFiles(dir);

describe('rule fixtures (expected findings written inline)', () => {
	for (const file of files) {
		it(path.relative(dir, file), () => {
			const text = fs.readFileSync(file, 'utf8');
			assert.deepEqual(actualFindings(lintFixture(file)), expectedFindings(text));
		});
	}

	it('every rule is expected somewhere and every rule folder has a clean page', () => {
		const expected = new Set(files.flatMap((f) => expectedFindings(fs.readFileSync(f, 'utf8')).map((e) => e.split(':')[1])));
		// file-unreadable and internal-error cannot be written as Markdown fixtures (engine.test.ts); topic-coverage is a site check (site.test.ts); link-external-* need a server (test/links/online.test.ts).
		const missing = RULES.map((r) => r.id).filter((id) => !expected.has(id) && id !== 'file-unreadable' && id !== 'internal-error' && id !== 'topic-coverage' && !id.startsWith('link-external'));
		assert.deepEqual(missing, []);
		for (const r of RULES.filter((x) => fs.existsSync(path.join(dir, x.id)))) {
			const clean = markdownFiles(path.join(dir, r.id)).filter((f) => !expectedFindings(fs.readFileSync(f, 'utf8')).length);
			assert.ok(clean.length > 0, `${r.id} has no passing fixture`);
		}
	});

	it('a fail*.md fixture expects at least one finding and a pass*.md fixture expects none', () => {
		const named = (prefix: string): string[] => files.filter((f) => path.basename(f).startsWith(prefix));
		const expects = (f: string): number => expectedFindings(fs.readFileSync(f, 'utf8')).length;
		assert.ok(named('fail').length > 0 && named('pass').length > 0, 'no fail*.md or pass*.md fixtures found');
		assert.deepEqual(named('fail').filter((f) => expects(f) === 0).map((f) => path.relative(dir, f)), [], 'fail*.md fixtures without an expect marker');
		assert.deepEqual(named('pass').filter((f) => expects(f) > 0).map((f) => path.relative(dir, f)), [], 'pass*.md fixtures with an expect marker');
	});
});

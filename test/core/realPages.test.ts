import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { actualFindings, expectedFindings, FIXTURES, lintFixture, markdownFiles } from '../helpers/fixtures';

/**
 * Real-page regression suite: each fixture reproduces, in our own words, the shape of a page a Thai
 * state unit really publishes (docs/real-pages.md). pass-*.md pages are what a careful editor calls
 * well kept; fail-*.md pages carry the gaps real pages show, marked inline with expect markers.
 */
const dir = path.join(FIXTURES, 'real-pages');
const files = markdownFiles(dir).filter((f) => !f.startsWith(path.join(dir, 'files') + path.sep));
const TOPICS = [
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
];

function topicOf(file: string): string | undefined {
	const m = /^---\r?\n[\s\S]*?^topic:\s*([^\s#]+)/m.exec(fs.readFileSync(file, 'utf8'));
	return m?.[1];
}

describe('real-page fixtures (expected findings written inline)', () => {
	for (const file of files) {
		it(path.relative(dir, file), () => {
			const text = fs.readFileSync(file, 'utf8');
			assert.deepEqual(actualFindings(lintFixture(file)), expectedFindings(text));
		});
	}

	it('a fail-*.md page expects at least one finding and a pass-*.md page expects none', () => {
		const named = (prefix: string): string[] => files.filter((f) => path.basename(f).startsWith(prefix));
		const expects = (f: string): number => expectedFindings(fs.readFileSync(f, 'utf8')).length;
		assert.ok(named('fail-').length > 0 && named('pass-').length > 0, 'no fail-*.md or pass-*.md fixtures found');
		assert.deepEqual(
			files.filter((f) => !/^(pass|fail)-/.test(path.basename(f))).map((f) => path.relative(dir, f)),
			[],
			'fixtures named neither pass-* nor fail-*',
		);
		assert.deepEqual(
			named('fail-')
				.filter((f) => expects(f) === 0)
				.map((f) => path.relative(dir, f)),
			[],
			'fail-*.md fixtures without an expect marker',
		);
		assert.deepEqual(
			named('pass-')
				.filter((f) => expects(f) > 0)
				.map((f) => path.relative(dir, f)),
			[],
			'pass-*.md fixtures with an expect marker',
		);
	});

	it('all ten topics are represented, each by a page in its own folder', () => {
		const seen = new Set(files.map(topicOf));
		assert.deepEqual(
			TOPICS.filter((t) => !seen.has(t)),
			[],
		);
		assert.deepEqual(
			files.filter((f) => topicOf(f) !== path.basename(path.dirname(f))).map((f) => path.relative(dir, f)),
			[],
		);
	});
});

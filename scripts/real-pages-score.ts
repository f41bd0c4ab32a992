/**
 * Precision and recall of the rules on the real-page suite (test/fixtures/real-pages, docs/real-pages.md):
 * the expected findings are the expect markers written from the rules; a finding the tool reports
 * that no marker expects is a false positive, a marker the tool does not meet a false negative.
 *
 *   npx tsx scripts/real-pages-score.ts [--list]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { actualFindings, expectedFindings, FIXTURES, lintFixture, markdownFiles } from '../test/helpers/fixtures';

const dir = path.join(FIXTURES, 'real-pages');
const files = markdownFiles(dir).filter((f) => !f.startsWith(path.join(dir, 'files') + path.sep));
let tp = 0;
let fp = 0;
let fn = 0;
let cleanPages = 0;
let cleanWithFindings = 0;
const lines: string[] = [];
for (const file of files) {
	const expected = expectedFindings(fs.readFileSync(file, 'utf8'));
	const result = lintFixture(file);
	const actual = actualFindings(result);
	const left = [...expected];
	for (const a of actual) {
		const i = left.indexOf(a);
		if (i >= 0) {
			tp++;
			left.splice(i, 1);
		} else {
			fp++;
			const f = result.findings.find((x) => `${x.line}:${x.ruleId}` === a);
			lines.push(`FP ${path.relative(dir, file)} ${a} ${f?.severity ?? ''}`);
		}
	}
	fn += left.length;
	for (const l of left) lines.push(`FN ${path.relative(dir, file)} ${l}`);
	if (path.basename(file).startsWith('pass-')) {
		cleanPages++;
		if (result.findings.some((f) => f.severity !== 'info')) cleanWithFindings++;
	}
}
const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');
console.log(`pages ${files.length}; expected findings ${tp + fn}; reported ${tp + fp}`);
console.log(`true positives ${tp}, false positives ${fp}, false negatives ${fn}`);
console.log(`precision ${pct(tp, tp + fp)}, recall ${pct(tp, tp + fn)}`);
console.log(`well-kept pages with an error or warning: ${cleanWithFindings} of ${cleanPages}`);
if (process.argv.includes('--list')) for (const l of lines) console.log(l);
